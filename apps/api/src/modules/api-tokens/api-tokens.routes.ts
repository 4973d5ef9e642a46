import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { fromContract } from '../../plugins/contract.js';
import type { ApiTokensService } from './api-tokens.service.js';

export const apiTokensRoutes: FastifyPluginAsyncTypebox<{ service: ApiTokensService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.listApiTokens),
    handler: (request) => service.list(request.scope),
  });
  app.route({
    ...fromContract(routes.createApiToken),
    handler: async (request, reply) => {
      const created = await service.create(request.scope, request.body);
      return reply.status(201).header('cache-control', 'no-store').send(created);
    },
  });
  app.route({
    ...fromContract(routes.revokeApiToken),
    handler: async (request, reply) => {
      await service.revoke(request.scope, request.params.tokenId);
      return reply.status(204).send(null);
    },
  });
};
