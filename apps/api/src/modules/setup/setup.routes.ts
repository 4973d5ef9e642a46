import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { PRIVATE_CACHE, PUBLIC_CACHE } from '../../lib/http-cache.js';
import { fromContract } from '../../plugins/contract.js';
import type { SetupService } from './setup.service.js';

export const setupRoutes: FastifyPluginAsyncTypebox<{ service: SetupService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.getSltSetup),
    handler: async (request, reply) => {
      const json = await service.getSetup(request.scope);
      // Intranets may cache the public view briefly; the internal view is revalidated every time.
      reply.header('cache-control', request.scope.view === 'internal' ? PRIVATE_CACHE : PUBLIC_CACHE);
      // Assembled and serialized by PostgreSQL in one statement: sent as is (the contract's ETag hashes it).
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  });
  app.route({
    ...fromContract(routes.listPartners),
    handler: (request) => service.listPartners(request.scope),
  });
  app.route({
    ...fromContract(routes.addPartner),
    handler: (request) => service.addPartner(request.scope, request.params.partnerKommunenummer),
  });
  app.route({
    ...fromContract(routes.removePartner),
    handler: (request) => service.removePartner(request.scope, request.params.partnerKommunenummer),
  });
};
