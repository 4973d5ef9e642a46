import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { fromContract } from '../../plugins/contract.js';
import type { TiersService } from './tiers.service.js';

export const tiersRoutes: FastifyPluginAsyncTypebox<{ service: TiersService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.listTiers),
    handler: (request) => service.list(request.scope),
  });
  app.route({
    ...fromContract(routes.getTier),
    handler: (request) => service.get(request.scope, request.params.tierId),
  });
  app.route({
    ...fromContract(routes.createTier),
    handler: (request) => service.create(request.scope, request.body),
  });
  app.route({
    ...fromContract(routes.updateTier),
    handler: (request) =>
      service.update(request.scope, { id: request.params.tierId, patch: request.body, expected: request.expectedVersion }),
  });
  app.route({
    ...fromContract(routes.deleteTier),
    handler: async (request, reply) => {
      await service.remove(request.scope, { id: request.params.tierId, expected: request.expectedVersion });
      return reply.status(204).send(null);
    },
  });
  app.route({
    ...fromContract(routes.listMemberships),
    handler: (request) =>
      service.listMemberships(request.scope, { tierId: request.params.tierId, currentOnly: request.query.current === true }),
  });
  app.route({
    ...fromContract(routes.getMembership),
    handler: (request) => service.getMembership(request.scope, { tierId: request.params.tierId, id: request.params.membershipId }),
  });
  app.route({
    ...fromContract(routes.createMembership),
    handler: (request) => service.createMembership(request.scope, { tierId: request.params.tierId, input: request.body }),
  });
  app.route({
    ...fromContract(routes.updateMembership),
    handler: (request) => {
      const { tierId, membershipId: id } = request.params;
      return service.updateMembership(request.scope, { tierId, id, patch: request.body, expected: request.expectedVersion });
    },
  });
  app.route({
    ...fromContract(routes.deleteMembership),
    handler: async (request, reply) => {
      const { tierId, membershipId: id } = request.params;
      await service.removeMembership(request.scope, { tierId, id, expected: request.expectedVersion });
      return reply.status(204).send(null);
    },
  });
};
