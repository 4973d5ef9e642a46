import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * CORS open for reads of the API: municipal intranets on any origin fetch public SLT data (the
 * public view; with a token, its own municipality's). Writes get no CORS headers, so browsers on
 * other origins cannot send them; no credentials (cookies) are ever allowed cross-origin.
 */
export const corsPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(cors, {
      hideOptionsRoute: true,
      delegator: (request, callback) => {
        const url = request.url ?? '';
        const method = request.method === 'OPTIONS' ? String(request.headers['access-control-request-method'] ?? '') : request.method;
        if (!url.startsWith('/api/v1/') || !READ_METHODS.has(method.toUpperCase())) return callback(null, { origin: false });
        callback(null, {
          origin: '*',
          methods: ['GET', 'HEAD'],
          allowedHeaders: ['Authorization', 'If-None-Match', 'Accept-Language'],
          exposedHeaders: ['ETag', 'Cache-Control'],
          credentials: false,
          maxAge: 600,
        });
      },
    });
  },
  { name: 'cors' },
);
