import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { isNotModified } from '../../lib/etag.js';
import { PRIVATE_CACHE, PUBLIC_CACHE } from '../../lib/http-cache.js';
import { actorOf } from '../../plugins/auth.js';
import { fromContract } from '../../plugins/contract.js';
import type { SetupService } from './setup.service.js';


export const setupRoutes: FastifyPluginAsyncTypebox<{ service: SetupService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.getSltSetup),
    handler: async (request, reply) => {
      const setup = await service.getSetup(request.params.kommunenummer, request.principal);
      // Intranets may cache the public view briefly; the internal view is revalidated every time.
      reply.header('etag', setup.etag).header('cache-control', setup.internal ? PRIVATE_CACHE : PUBLIC_CACHE);
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
