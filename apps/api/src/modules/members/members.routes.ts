import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { fromContract } from '../../plugins/contract.js';
import type { MembersService } from './members.service.js';

export const membersRoutes: FastifyPluginAsyncTypebox<{ service: MembersService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.listMembers),
    handler: (request) => service.list(request.scope),
  });
  app.route({
    ...fromContract(routes.getMember),
    handler: (request) => service.get(request.scope, request.params.memberId),
  });
  app.route({
    ...fromContract(routes.createMember),
    handler: (request) => service.create(request.scope, request.body),
  });
  app.route({
    ...fromContract(routes.updateMember),
    handler: (request) =>
      service.update(request.scope, { id: request.params.memberId, patch: request.body, expected: request.expectedVersion }),
  });
  app.route({
    ...fromContract(routes.deleteMember),
    handler: async (request, reply) => {
      await service.remove(request.scope, { id: request.params.memberId, expected: request.expectedVersion });
      return reply.status(204).send(null);
    },
  });
  app.route({
    ...fromContract(routes.eraseMember),
    handler: (request) => service.erase(request.scope, request.params.memberId),
  });
};
