import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ProblemSchema, type Access, type RouteContract } from '@slt/shared';
import { Type } from 'typebox';
import { publicReadCaching } from '../lib/http-cache.js';
import { isApiPath } from './openapi.js';
import { PROBLEM_MEDIA_TYPE } from './problems.js';
import { versioningHooks } from './versioning.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: every /api route must declare it (checked at registration). */
    access?: Access;
  }
  interface FastifyInstance {
    /** Every /api route registered, with its declared access (for the route-inventory test). */
    routeInventory: { method: string; url: string; operationId: string | undefined; access: Access | undefined }[];
  }
}

/** Routes without query parameters still refuse unknown ones. */
const NoQuery = Type.Object({}, { additionalProperties: false });

const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_MEDIA_TYPE]: { schema: ProblemSchema } },
});

const problemDescriptions: Record<number, string> = {
  400: 'Invalid request: the problem lists each bad field.',
  401: 'Not authenticated.',
  403: 'Not allowed.',
  404: 'Not found.',
  409: 'Conflict with the current state.',
  412: 'The resource changed since it was read (If-Match).',
  413: 'Payload too large.',
  415: 'Unsupported media type.',
  422: 'Well-formed but refused by the rules.',
  428: 'If-Match is required.',
  429: 'Too many requests; see Retry-After.',
  500: 'Internal error; nothing internal is shown.',
  502: 'An outside source (a statistics provider) failed or answered in an unexpected format; nothing was written.',
  503: 'Not available right now (the database is unavailable or busy, or the server is shutting down or not ready); see Retry-After.',
};

type SchemaOf<C extends RouteContract> = {
  params: C extends { params: infer P } ? P : undefined;
  querystring: C extends { querystring: infer Q } ? Q : typeof NoQuery;
  body: C extends { body: infer B } ? B : undefined;
  response: C['response'];
};

/** The access rule in words, for the OpenAPI description. */
export function describeAccess(access: Access): string {
  switch (access.kind) {
    case 'public':
      return 'Anyone (no authentication).';
    case 'user':
      return 'A signed-in user (not an API token).';
    case 'admin':
      return 'System administrators.';
    case 'municipality':
      return (
        `Users with the ${access.role} role (or higher) in the municipality, and administrators` +
        (access.tokenScope ? `; API tokens of the municipality with the \`${access.tokenScope}\` scope.` : '.')
      );
  }
}

/**
 * Fastify route options from a shared contract: path, method, validation, serialization,
 * OpenAPI metadata and the access declaration all come from the one definition.
 */
export function fromContract<const C extends RouteContract>(contract: C) {
  const response: Record<number, unknown> = { ...contract.response };
  for (const status of [...contract.problems, 500, 503]) {
    response[status] = problemResponse(problemDescriptions[status] ?? 'Problem.');
  }
  const schema = {
    operationId: contract.operationId,
    tags: [...contract.tags],
    summary: contract.summary,
    description: [contract.description, `**Access:** ${describeAccess(contract.access)}`].filter(Boolean).join('\n\n'),
    security: contract.access.kind === 'public' ? [] : [{ bearerAuth: [] }],
    ...(contract.params ? { params: contract.params } : {}),
    querystring: contract.querystring ?? NoQuery,
    ...(contract.body ? { body: contract.body } : {}),
    response,
    ...(contract.produces ? { produces: [contract.produces] } : {}),
  };
  const versioning = versioningHooks(contract);
  // Public reads get their caching headers before the handler (see lib/http-cache.ts).
  const preHandler = [
    ...(contract.access.kind === 'public' && contract.method === 'GET' ? [publicReadCaching] : []),
    ...(versioning.preHandler ? [versioning.preHandler] : []),
  ];
  return {
    method: contract.method,
    url: contract.path,
    // Routes under :kommunenummer get the municipality scope (plugins/scope.ts).
    config: { access: contract.access, scoped: contract.path.includes('/:kommunenummer') },
    schema: schema as unknown as SchemaOf<C>,
    ...(preHandler.length ? { preHandler } : {}),
    ...(versioning.preSerialization ? { preSerialization: versioning.preSerialization } : {}),
    ...(versioning.onSend ? { onSend: versioning.onSend } : {}),
  };
}

/**
 * Refuses to register an /api route that lacks an access declaration or OpenAPI metadata,
 * so no route can ship without saying who may call it.
 */
export const contractPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorate('routeInventory', []);
    app.addHook('onRoute', (route) => {
      if (!isApiPath(route.url) || route.method === 'HEAD') return;
      const schema = route.schema as { operationId?: string; tags?: unknown; summary?: string; hide?: boolean } | undefined;
      app.routeInventory.push({
        method: String(route.method),
        url: route.url,
        operationId: schema?.operationId,
        access: route.config?.access,
      });
      if (schema?.hide) return;
      if (!route.config?.access) {
        throw new Error(`Route ${String(route.method)} ${route.url} declares no access (who may call it).`);
      }
      if (!schema?.operationId || !schema.tags || !schema.summary) {
        throw new Error(`Route ${String(route.method)} ${route.url} lacks operationId, tags or summary.`);
      }
    });
  },
  { name: 'contract' },
);
