import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { isNotModified } from '../../lib/etag.js';
import { actorOf } from '../../plugins/auth.js';
import { fromContract } from '../../plugins/contract.js';
import type { SetupService } from './setup.service.js';

/** Intranets may cache the public view briefly; the internal view is revalidated every time. */
const PUBLIC_CACHE = 'public, max-age=60, stale-while-revalidate=300';
const INTERNAL_CACHE = 'private, no-cache';

const withVary = (existing: unknown, name: string) => (existing ? `${String(existing)}, ${name}` : name);

export const setupRoutes: FastifyPluginAsyncTypebox<{ service: SetupService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.getSltSetup),
    handler: async (request, reply) => {
      const setup = await service.getSetup(request.params.kommunenummer, request.principal);
      reply
        .header('etag', setup.etag)
        .header('cache-control', setup.internal ? INTERNAL_CACHE : PUBLIC_CACHE)
        .header('vary', withVary(reply.getHeader('vary'), 'Authorization'));
      if (isNotModified(request.headers['if-none-match'], setup.etag)) return reply.status(304).send(null);
      // Assembled and serialized by PostgreSQL in one statement: sent as is.
      return reply.type('application/json; charset=utf-8').send(setup.json as never);
    },
  });
  app.route({
    ...fromContract(routes.listPartners),
    handler: (request) => service.listPartners(request.params.kommunenummer),
  });
  app.route({
    ...fromContract(routes.addPartner),
    handler: (request) =>
      service.addPartner(actorOf(request), request.params.kommunenummer, request.params.partnerKommunenummer),
  });
  app.route({
    ...fromContract(routes.removePartner),
    handler: (request) =>
      service.removePartner(actorOf(request), request.params.kommunenummer, request.params.partnerKommunenummer),
  });
};
