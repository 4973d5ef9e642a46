import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { PRIVATE_CACHE, PUBLIC_CACHE } from '../../lib/http-cache.js';
import { fromContract } from '../../plugins/contract.js';
import type { ProfileService } from './profile.service.js';

export const profileRoutes: FastifyPluginAsyncTypebox<{ service: ProfileService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.getSetupProfile),
    handler: async (request, reply) => {
      reply.header('cache-control', request.scope.view === 'internal' ? PRIVATE_CACHE : PUBLIC_CACHE);
      return service.get(request.scope);
    },
  });
  app.route({
    ...fromContract(routes.putSetupProfile),
    handler: (request) => service.put(request.scope, { body: request.body, expected: request.expectedVersion }),
  });
};
