import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { etagOfText, isNotModified } from '../lib/etag.js';
import { NotFoundError } from '../lib/errors.js';

export const WIDGET_PATH = '/widget/slt-organization.js';

/**
 * Serves the embeddable widget (apps/widget) to any origin: an intranet includes
 * `<script type="module" src="https://…/widget/slt-organization.js">`, which module scripts fetch
 * with CORS, so the answer says `Access-Control-Allow-Origin: *`. Cached for an hour, revalidated by ETag.
 */
export const widgetPlugin = fp(
  async (app: FastifyInstance, options: { distDir: string }) => {
    const file = path.join(options.distDir, 'slt-organization.js');
    const script = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (!script) app.log.warn({ distDir: options.distDir }, 'no widget build found: /widget answers 404');
    const etag = script ? etagOfText(script) : '';
    app.get(WIDGET_PATH, { config: { access: { kind: 'public' } } }, async (request, reply) => {
      if (!script) throw new NotFoundError('The widget is not built on this server (pnpm --filter @slt/widget build).');
      reply
        .header('access-control-allow-origin', '*')
        .header('cross-origin-resource-policy', 'cross-origin')
        .header('cache-control', 'public, max-age=3600, stale-while-revalidate=86400')
        .header('etag', etag);
      if (isNotModified(request.headers['if-none-match'], etag)) return reply.status(304).send(null);
      return reply.type('text/javascript; charset=utf-8').send(script);
    });
  },
  { name: 'widget', dependencies: ['problems'] },
);
