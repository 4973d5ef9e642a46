import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import fp from 'fastify-plugin';

const READ_METHODS = new Set(['GET', 'HEAD']);

/** What every cross-origin read of the API is answered with: any origin, no credentials. */
const READ_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, Cache-Control',
};
/** A preflight of a read adds what the actual request may send, and how long the answer holds. */
const PREFLIGHT_HEADERS: Record<string, string> = {
  ...READ_HEADERS,
  'access-control-allow-methods': 'GET, HEAD',
  'access-control-allow-headers': 'Authorization, If-None-Match, Accept-Language',
  'access-control-max-age': '600',
};

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the CORS hook for a preflight it answered; the OPTIONS route 404s the others. */
    corsPreflight: boolean;
  }
}

/**
 * CORS open for reads of the API: municipal intranets on any origin fetch public SLT data (the
 * public view; with a token, its own municipality's). Writes get no CORS headers, so browsers on
 * other origins cannot send them; no credentials (cookies) are ever allowed cross-origin.
 *
 * The headers are constant, so they are precomputed objects set by one synchronous hook:
 * @fastify/cors with a per-request delegator normalized its options (two object spreads and a
 * `Vary: Origin`, needless with `*`) on every request.
 */
export const corsPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('corsPreflight', false);
    app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
      if (!request.url.startsWith('/api/v1/')) return done();
      const method = request.method;
      if (method !== 'OPTIONS') {
        if (READ_METHODS.has(method)) reply.headers(READ_HEADERS);
        return done();
      }
      const asked = request.headers['access-control-request-method'];
      if (typeof asked !== 'string' || !READ_METHODS.has(asked.toUpperCase())) return done();
      // A preflight must name its origin and method (as @fastify/cors's strict preflight asked).
      if (!request.headers.origin) return reply.status(400).type('text/plain').send('Invalid Preflight Request');
      request.corsPreflight = true;
      reply.headers(PREFLIGHT_HEADERS).code(204).header('content-length', '0').send();
    });
    // Lets Fastify accept OPTIONS on every path: preflights are answered by the hook above, before
    // authentication; any other OPTIONS request is a 404.
    app.options('*', { schema: { hide: true } }, (request, reply) => {
      if (!request.corsPreflight) return reply.callNotFound();
      return reply.send();
    });
  },
  { name: 'cors' },
);
