import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { notFoundProblem } from './problems.js';

/**
 * Serves the built web client from `/` (same origin as the API, so no CORS for the app) with a
 * single-page fallback: unknown non-API GETs that accept HTML get index.html. Unknown /api paths,
 * and everything when no build exists, get a 404 problem.
 */
export const webPlugin = fp(
  async (app: FastifyInstance, options: { distDir: string }) => {
    const hasWeb = existsSync(path.join(options.distDir, 'index.html'));
    if (!hasWeb) {
      app.log.warn({ distDir: options.distDir }, 'no web build found: serving the API only');
    } else {
      await app.register(fastifyStatic, {
        root: options.distDir,
        wildcard: false,
        index: false,
        // The build writes brotli and gzip copies of its text files (apps/web/scripts/precompress.ts):
        // sent as they are, as the client accepts, instead of being compressed on every request.
        preCompressed: true,
        // Source maps are for the developers' own builds, not for the public.
        allowedPath: (pathName: string) => !pathName.endsWith('.map'),
        setHeaders(res, filePath) {
          // Vite fingerprints asset names: they never change, so cache them for a year.
          res.header(
            'cache-control',
            filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      });
    }
    app.setNotFoundHandler((request, reply) => {
      const wantsPage =
        hasWeb &&
        (request.method === 'GET' || request.method === 'HEAD') &&
        !request.url.startsWith('/api') &&
        (request.headers.accept ?? '').includes('text/html');
      if (wantsPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
      return notFoundProblem(request, reply);
    });
  },
  { name: 'web', dependencies: ['problems'] },
);
