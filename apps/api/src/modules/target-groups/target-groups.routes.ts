import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { etagOf, isNotModified } from '../../lib/etag.js';
import { actorOf } from '../../plugins/auth.js';
import { fromContract } from '../../plugins/contract.js';
import type { TargetGroupsService } from './target-groups.service.js';

const base = (k: string) => `/api/v1/municipalities/${k}`;

export const targetGroupsRoutes: FastifyPluginAsyncTypebox<{ service: TargetGroupsService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.listTargetGroups),
    handler: (request) => service.listTargetGroups(request.params.kommunenummer),
  });
  app.route({
    ...fromContract(routes.getTargetGroup),
    handler: async (request, reply) => {
      const targetGroup = await service.getTargetGroup(request.params.kommunenummer, request.params.targetGroupId);
      const etag = etagOf(targetGroup);
      reply.header('etag', etag);
      if (isNotModified(request.headers['if-none-match'], etag)) return reply.status(304).send(null);
      return targetGroup;
    },
  });
  app.route({
    ...fromContract(routes.createTargetGroup),
    handler: async (request, reply) => {
      const targetGroup = await service.createTargetGroup(actorOf(request), request.params.kommunenummer, request.body);
      return reply
        .status(201)
        .header('etag', etagOf(targetGroup))
        .header('location', `${base(targetGroup.kommunenummer)}/target-groups/${targetGroup.id}`)
        .send(targetGroup);
    },
  });
  app.route({
    ...fromContract(routes.updateTargetGroup),
    handler: async (request, reply) => {
      const { kommunenummer, targetGroupId } = request.params;
      const targetGroup = await service.updateTargetGroup(actorOf(request), kommunenummer, targetGroupId, request.body, request.headers['if-match']);
      return reply.header('etag', etagOf(targetGroup)).send(targetGroup);
    },
  });
  app.route({
    ...fromContract(routes.deleteTargetGroup),
    handler: async (request, reply) => {
      const { kommunenummer, targetGroupId } = request.params;
      await service.removeTargetGroup(actorOf(request), kommunenummer, targetGroupId, request.headers['if-match']);
      return reply.status(204).send(null);
    },
  });

  app.route({
    ...fromContract(routes.listFocusAreas),
    handler: (request) => service.listFocusAreas(request.params.kommunenummer),
  });
  app.route({
    ...fromContract(routes.getFocusArea),
    handler: async (request, reply) => {
      const focusArea = await service.getFocusArea(request.params.kommunenummer, request.params.focusAreaId);
      const etag = etagOf(focusArea);
      reply.header('etag', etag);
      if (isNotModified(request.headers['if-none-match'], etag)) return reply.status(304).send(null);
      return focusArea;
    },
  });
  app.route({
    ...fromContract(routes.createFocusArea),
    handler: async (request, reply) => {
      const focusArea = await service.createFocusArea(actorOf(request), request.params.kommunenummer, request.body);
      return reply
        .status(201)
        .header('etag', etagOf(focusArea))
        .header('location', `${base(focusArea.kommunenummer)}/focus-areas/${focusArea.id}`)
        .send(focusArea);
    },
  });
  app.route({
    ...fromContract(routes.updateFocusArea),
    handler: async (request, reply) => {
      const { kommunenummer, focusAreaId } = request.params;
      const focusArea = await service.updateFocusArea(actorOf(request), kommunenummer, focusAreaId, request.body, request.headers['if-match']);
      return reply.header('etag', etagOf(focusArea)).send(focusArea);
    },
  });
  app.route({
    ...fromContract(routes.deleteFocusArea),
    handler: async (request, reply) => {
      const { kommunenummer, focusAreaId } = request.params;
      await service.removeFocusArea(actorOf(request), kommunenummer, focusAreaId, request.headers['if-match']);
      return reply.status(204).send(null);
    },
  });
};
