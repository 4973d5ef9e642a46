import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { fromContract } from '../../plugins/contract.js';
import type { OrganizationsService } from './organizations.service.js';

export const organizationsRoutes: FastifyPluginAsyncTypebox<{ service: OrganizationsService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.listOrganizations),
    handler: (request) => service.list(request.scope),
  });
  app.route({
    ...fromContract(routes.getOrganization),
    handler: (request) => service.get(request.scope, request.params.organizationId),
  });
  app.route({
    ...fromContract(routes.createOrganization),
    handler: (request) => service.create(request.scope, request.body),
  });
  app.route({
    ...fromContract(routes.updateOrganization),
    handler: (request) =>
      service.update(request.scope, { id: request.params.organizationId, patch: request.body, expected: request.expectedVersion }),
  });
  app.route({
    ...fromContract(routes.deleteOrganization),
    handler: async (request, reply) => {
      await service.remove(request.scope, { id: request.params.organizationId, expected: request.expectedVersion });
      return reply.status(204).send(null);
    },
  });
};
