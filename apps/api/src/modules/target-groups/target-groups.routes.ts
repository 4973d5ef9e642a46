import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { fromContract } from '../../plugins/contract.js';
import type { TargetGroupsService } from './target-groups.service.js';

export const targetGroupsRoutes: FastifyPluginAsyncTypebox<{ service: TargetGroupsService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.listTargetGroups),
    handler: (request) => service.listTargetGroups(request.scope),
  });
  app.route({
    ...fromContract(routes.getTargetGroup),
    handler: (request) => service.getTargetGroup(request.scope, request.params.targetGroupId),
  });
  app.route({
    ...fromContract(routes.createTargetGroup),
    handler: (request) => service.createTargetGroup(request.scope, request.body),
  });
  app.route({
    ...fromContract(routes.updateTargetGroup),
    handler: (request) =>
      service.updateTargetGroup(request.scope, {
        id: request.params.targetGroupId,
        patch: request.body,
        expected: request.expectedVersion,
      }),
  });
  app.route({
    ...fromContract(routes.deleteTargetGroup),
    handler: async (request, reply) => {
      await service.removeTargetGroup(request.scope, { id: request.params.targetGroupId, expected: request.expectedVersion });
      return reply.status(204).send(null);
    },
  });
  app.route({
    ...fromContract(routes.listFocusAreas),
    handler: (request) => service.listFocusAreas(request.scope),
  });
  app.route({
    ...fromContract(routes.getFocusArea),
    handler: (request) => service.getFocusArea(request.scope, request.params.focusAreaId),
  });
  app.route({
    ...fromContract(routes.createFocusArea),
    handler: (request) => service.createFocusArea(request.scope, request.body),
  });
  app.route({
    ...fromContract(routes.updateFocusArea),
    handler: (request) =>
      service.updateFocusArea(request.scope, { id: request.params.focusAreaId, patch: request.body, expected: request.expectedVersion }),
  });
  app.route({
    ...fromContract(routes.deleteFocusArea),
    handler: async (request, reply) => {
      await service.removeFocusArea(request.scope, { id: request.params.focusAreaId, expected: request.expectedVersion });
      return reply.status(204).send(null);
    },
  });
};
