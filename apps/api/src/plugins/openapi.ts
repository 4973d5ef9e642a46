import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Where the API reference UI is served: a page, not an API answer. */
export const DOCS_PREFIX = '/api/docs';

/** A path the API answers (JSON, CSV, iCalendar, documents), not a page of the web client or the reference UI. */
export const isApiPath = (url: string): boolean => url.startsWith('/api/') && !url.startsWith(DOCS_PREFIX);

/**
 * OpenAPI 3.1, generated from the route contracts: the document at /api/openapi.json and a
 * reference UI at /api/docs. Register before any route so that every route is collected.
 */
export const openapiPlugin = fp(
  async (app: FastifyInstance, options: { version: string }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'SLT coordination platform API',
          version: options.version,
          description:
            'REST API for SLT (Samordning av lokale rus- og kriminalitetsforebyggende tiltak): ' +
            'municipalities, tiers, members, meetings and measures. Errors are RFC 9457 ' +
            'application/problem+json; lists use cursor pagination (`limit`, `cursor` → `nextCursor`).',
          license: { name: 'Reference data: MIT (xdtkit authors)', identifier: 'MIT' },
        },
        tags: [
          { name: 'municipalities', description: 'The 357 Norwegian municipalities (reference data).' },
          { name: 'organizations', description: "Agencies and units in a municipality's SLT network." },
          { name: 'auth', description: 'Sign-in, sessions and passwords.' },
          { name: 'users', description: 'Users and their roles per municipality.' },
          { name: 'api-tokens', description: 'Tokens for scripts and intranets.' },
          { name: 'audit', description: 'Who changed what, when.' },
          { name: 'mail', description: 'Your own choices about the mail SLT sends to your address (the weekly digest).' },
          { name: 'reports', description: 'The annual report (årsrapport), grant applications and their reports, the kartlegging.' },
          { name: 'health', description: 'Liveness and readiness probes.' },
        ],
        components: {
          securitySchemes: {
            bearerAuth: {
              type: 'http',
              scheme: 'bearer',
              description:
                'An access token from POST /api/v1/auth/login (a JWT, valid 10 minutes), or an API ' +
                'token (`slt_…`) created by a coordinator. Only in the Authorization header.',
            },
          },
        },
      },
    });
    await app.register(swaggerUi, {
      routePrefix: DOCS_PREFIX,
      uiConfig: { docExpansion: 'list', deepLinking: true },
      // The app's CSP (security.ts) plus the hashes of the reference UI's own inline scripts; its
      // styles also inline, which Swagger UI adds at run time (styles only: scripts stay strict). The
      // whole style-src is replaced: next to a hash (the web client's frame), 'unsafe-inline' is ignored.
      transformStaticCSP: (header: string) =>
        header
          .replace("script-src 'self'", `script-src 'self' ${app.swaggerCSP.script.join(' ')}`)
          .replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'"),
    });
    app.get('/api/openapi.json', { schema: { hide: true }, config: { access: { kind: 'public' } } }, async () => app.swagger());
  },
  { name: 'openapi', dependencies: ['contract'] },
);
