import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import { isApiPath } from './openapi.js';
import { constants } from 'node:zlib';

/**
 * The Content-Security-Policy of everything the server sends: the web client, the API reference UI
 * (openapi.ts adds the hashes of its inline code) and JSON. Only the server's own scripts, styles,
 * fonts and API (and the web client's inline frame style and route preload script, by their
 * hashes); images also as data: URLs (the reference UI's icons); no plugins; never framed.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  // The inline route preload script of the web client (apps/web/index.html): its build checks this hash.
  scriptSrc: ["'self'", "'sha256-H8Fqreb+xwLLIu+FjMWVOtLAIdQxFhr+t7klC2aIzmw='"],
  scriptSrcAttr: ["'none'"],
  // The inline style of the web client's frame (apps/web/index.html): its build checks this hash.
  styleSrc: ["'self'", "'sha256-hFgbBltZTJAGWzBYniufjaWNZcP2RBJJGHTQpIzkrYg='"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} as const;

/**
 * What an API answer (JSON, CSV, iCalendar, a document download) carries instead of the page
 * headers: OWASP's REST Security Cheat Sheet set. No content of its own may load or be framed
 * (`default-src 'none'`), nosniff, and no referrer. The page-only headers (COOP, CORP,
 * Origin-Agent-Cluster, X-DNS-Prefetch-Control…) mean nothing to a fetch and cost bytes and
 * time on every answer (`pnpm bench`).
 */
export const API_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

/** One year, as HSTS preload lists ask. */
const HSTS = 'max-age=31536000; includeSubDomains';

const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: { ...CSP_DIRECTIVES } },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  // Set per request below: a Strict-Transport-Security header over plain HTTP means nothing.
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
};

/**
 * The headers helmet sets with these options, computed once by running helmet against a response
 * that only records them. Every answer gets the same set, so it is sent as one precomputed object:
 * running helmet's middleware on every request cost the API a third of its throughput (`pnpm bench`).
 */
export function helmetHeaders(options: HelmetOptions = HELMET_OPTIONS): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
    getHeader: (name: string) => headers[name.toLowerCase()],
  };
  let synchronous = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, () => (synchronous = true));
  if (!synchronous) throw new Error('helmet did not set its headers synchronously');
  return headers;
}

/**
 * Security headers (helmet's, see above, for pages and static files; API_HEADERS for the API) and
 * compression (@fastify/compress) for every answer:
 * CSP with `frame-ancestors 'none'` and `X-Frame-Options: DENY` (the app cannot be framed; the
 * widget is a script, embedded without a frame), `Referrer-Policy: no-referrer`, `nosniff`, and
 * HSTS only on requests that came over TLS (directly, or through a trusted proxy's
 * X-Forwarded-Proto). Brotli or gzip for text answers of 1 KB or more, as the client accepts;
 * request bodies are taken as sent (a compressed one is not inflated).
 */
export const securityPlugin = fp(
  async (app: FastifyInstance) => {
    const page = helmetHeaders();
    const pageOverTls = { ...page, 'strict-transport-security': HSTS };
    const apiOverTls = { ...API_HEADERS, 'strict-transport-security': HSTS };
    app.addHook('onRequest', (request, reply, done) => {
      const tls = request.protocol === 'https';
      reply.headers(isApiPath(request.url) ? (tls ? apiOverTls : API_HEADERS) : tls ? pageOverTls : page);
      done();
    });
    await app.register(compress, {
      global: true,
      // Answers only: no client sends compressed bodies, and inflating them would run a hook on
      // every request (and let a small upload expand in memory).
      globalDecompression: false,
      threshold: 1024,
      encodings: ['br', 'gzip'],
      // Brotli's default (quality 11) costs far more CPU than it saves bytes on the fly.
      brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
      zlibOptions: { level: 6 },
    });
  },
  { name: 'security' },
);
