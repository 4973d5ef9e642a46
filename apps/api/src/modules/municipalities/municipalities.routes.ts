import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { fromContract } from '../../plugins/contract.js';
import type { MunicipalitiesService } from './municipalities.service.js';

export const municipalitiesRoutes: FastifyPluginAsyncTypebox<{ service: MunicipalitiesService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.listMunicipalities),
    handler: (request) => service.list(request.query),
  });
  app.route({
    ...fromContract(routes.getMunicipality),
    handler: (request) => service.get(request.scope),
  });
  app.route({
    ...fromContract(routes.updateMunicipality),
    handler: (request) => service.update(request.scope, { patch: request.body, expected: request.expectedVersion }),
  });
  app.route({
    ...fromContract(routes.listCounties),
    handler: () => service.listCounties(),
  });
};
