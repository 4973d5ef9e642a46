import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { constants } from 'node:zlib';

/**
 * The Content-Security-Policy of everything the server sends: the web client, the API reference UI
 * (openapi.ts adds the hashes of its inline code) and JSON. Only the server's own scripts, styles,
 * fonts and API; images also as data: URLs (the reference UI's icons); no plugins; never framed.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} as const;

/** One year, as HSTS preload lists ask. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers (@fastify/helmet) and compression (@fastify/compress) for every answer:
 * CSP with `frame-ancestors 'none'` and `X-Frame-Options: DENY` (the app cannot be framed; the
 * widget is a script, embedded without a frame), `Referrer-Policy: no-referrer`, `nosniff`, and
 * HSTS only on requests that came over TLS (directly, or through a trusted proxy's
 * X-Forwarded-Proto). Brotli or gzip for text answers of 1 KB or more, as the client accepts.
 */
export const securityPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(helmet, {
      global: true,
      contentSecurityPolicy: { useDefaults: false, directives: { ...CSP_DIRECTIVES } },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      // Set per request below: a Strict-Transport-Security header over plain HTTP means nothing.
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
    });
    app.addHook('onRequest', (request, reply, done) => {
      if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
      done();
    });
    await app.register(compress, {
      global: true,
      threshold: 1024,
      encodings: ['br', 'gzip'],
      // Brotli's default (quality 11) costs far more CPU than it saves bytes on the fly.
      brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
      zlibOptions: { level: 6 },
    });
  },
  { name: 'security' },
);
