import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { etagOf, isNotModified } from '../../lib/etag.js';
import { actorOf } from '../../plugins/auth.js';
import { fromContract } from '../../plugins/contract.js';
import type { MunicipalitiesService } from './municipalities.service.js';

export const municipalitiesRoutes: FastifyPluginAsyncTypebox<{ service: MunicipalitiesService }> = async (
  app,
  { service },
) => {
  app.route({
    ...fromContract(routes.listMunicipalities),
    handler: (request) => service.list(request.query),
  });
  app.route({
    ...fromContract(routes.getMunicipality),
    handler: async (request, reply) => {
      const municipality = await service.get(request.params.kommunenummer);
      const etag = etagOf(municipality);
      reply.header('etag', etag);
      if (isNotModified(request.headers['if-none-match'], etag)) return reply.status(304).send(null);
      return municipality;
    },
  });
  app.route({
    ...fromContract(routes.updateMunicipality),
    handler: async (request, reply) => {
      const municipality = await service.update(
        actorOf(request),
        request.params.kommunenummer,
        request.body,
        request.headers['if-match'],
      );
      return reply.header('etag', etagOf(municipality)).send(municipality);
    },
  });
  app.route({
    ...fromContract(routes.listCounties),
    handler: () => service.listCounties(),
  });
};
