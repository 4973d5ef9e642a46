import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { etagOf } from '../../lib/etag.js';
import { actorOf } from '../../plugins/auth.js';
import { fromContract } from '../../plugins/contract.js';
import type { ActionItemsService } from './action-items.service.js';

export const actionItemsRoutes: FastifyPluginAsyncTypebox<{ service: ActionItemsService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.listActionItems),
    handler: async (request, reply) => {
      const p = request.principal;
      const page = await service.list(request.params.kommunenummer, request.query, { email: p.kind === 'user' ? p.email : null });
      return reply.header('cache-control', 'private, no-cache').send(page);
    },
  });
  app.route({
    ...fromContract(routes.getActionItem),
    handler: async (request, reply) => {
      const item = await service.get(request.params.kommunenummer, request.params.actionItemId);
      return reply.header('etag', etagOf(item)).header('cache-control', 'private, no-cache').send(item);
    },
  });
  app.route({
    ...fromContract(routes.createActionItem),
    handler: async (request, reply) => {
      const item = await service.create(actorOf(request), request.params.kommunenummer, request.body);
      return reply
        .status(201)
        .header('etag', etagOf(item))
        .header('location', `/api/v1/municipalities/${item.kommunenummer}/action-items/${item.id}`)
        .send(item);
    },
  });
  app.route({
    ...fromContract(routes.updateActionItem),
    handler: async (request, reply) => {
      const { kommunenummer, actionItemId } = request.params;
      const p = request.principal;
      const editor = {
        manages: p.kind === 'token' || (p.kind === 'user' && (p.isAdmin || p.roles.get(kommunenummer) === 'coordinator')),
        email: p.kind === 'user' ? p.email : null,
      };
      const item = await service.update(actorOf(request), editor, kommunenummer, actionItemId, request.body, request.headers['if-match']);
      return reply.header('etag', etagOf(item)).send(item);
    },
  });
  app.route({
    ...fromContract(routes.deleteActionItem),
    handler: async (request, reply) => {
      const { kommunenummer, actionItemId } = request.params;
      await service.remove(actorOf(request), kommunenummer, actionItemId, request.headers['if-match']);
      return reply.status(204).send(null);
    },
  });
};
