import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { PRIVATE_CACHE } from '../../lib/http-cache.js';
import { fromContract } from '../../plugins/contract.js';
import type { ActionItemsService } from './action-items.service.js';

export const actionItemsRoutes: FastifyPluginAsyncTypebox<{ service: ActionItemsService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.listActionItems),
    handler: async (request, reply) => reply.header('cache-control', PRIVATE_CACHE).send(await service.list(request.scope, request.query)),
  });
  app.route({
    ...fromContract(routes.getActionItem),
    handler: async (request, reply) =>
      reply.header('cache-control', PRIVATE_CACHE).send(await service.get(request.scope, request.params.actionItemId)),
  });
  app.route({
    ...fromContract(routes.createActionItem),
    handler: (request) => service.create(request.scope, request.body),
  });
  app.route({
    ...fromContract(routes.updateActionItem),
    handler: (request) =>
      service.update(request.scope, { id: request.params.actionItemId, patch: request.body, expected: request.expectedVersion }),
  });
  app.route({
    ...fromContract(routes.deleteActionItem),
    handler: async (request, reply) => {
      await service.remove(request.scope, { id: request.params.actionItemId, expected: request.expectedVersion });
      return reply.status(204).send(null);
    },
  });
};
