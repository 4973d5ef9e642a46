import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { etagOf, isNotModified } from '../../lib/etag.js';
import { actorOf } from '../../plugins/auth.js';
import { fromContract } from '../../plugins/contract.js';
import type { OrganizationsService } from './organizations.service.js';

export const organizationsRoutes: FastifyPluginAsyncTypebox<{ service: OrganizationsService }> = async (
  app,
  { service },
) => {
  app.route({
    ...fromContract(routes.listOrganizations),
    handler: (request) => service.list(request.params.kommunenummer),
  });
  app.route({
    ...fromContract(routes.getOrganization),
    handler: async (request, reply) => {
      const organization = await service.get(request.params.kommunenummer, request.params.organizationId);
      const etag = etagOf(organization);
      reply.header('etag', etag);
      if (isNotModified(request.headers['if-none-match'], etag)) return reply.status(304).send(null);
      return organization;
    },
  });
  app.route({
    ...fromContract(routes.createOrganization),
    handler: async (request, reply) => {
      const organization = await service.create(actorOf(request), request.params.kommunenummer, request.body);
      return reply
        .status(201)
        .header('etag', etagOf(organization))
        .header('location', `/api/v1/municipalities/${organization.kommunenummer}/organizations/${organization.id}`)
        .send(organization);
    },
  });
  app.route({
    ...fromContract(routes.updateOrganization),
    handler: async (request, reply) => {
      const { kommunenummer, organizationId } = request.params;
      const organization = await service.update(
        actorOf(request),
        kommunenummer,
        organizationId,
        request.body,
        request.headers['if-match'],
      );
      return reply.header('etag', etagOf(organization)).send(organization);
    },
  });
  app.route({
    ...fromContract(routes.deleteOrganization),
    handler: async (request, reply) => {
      const { kommunenummer, organizationId } = request.params;
      await service.remove(actorOf(request), kommunenummer, organizationId, request.headers['if-match']);
      return reply.status(204).send(null);
    },
  });
};
