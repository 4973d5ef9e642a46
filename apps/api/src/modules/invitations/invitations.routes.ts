import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { fromContract } from '../../plugins/contract.js';
import type { InvitationsService } from './invitations.service.js';

export const invitationsRoutes: FastifyPluginAsyncTypebox<{ service: InvitationsService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.inviteUser),
    handler: async (request, reply) => reply.status(201).send(await service.invite(request.scope, request.body)),
  });
  app.route({
    ...fromContract(routes.setMunicipalityUserRole),
    handler: (request) => service.setRole(request.scope, { userId: request.params.userId, role: request.body.role }),
  });
  app.route({
    ...fromContract(routes.removeMunicipalityUser),
    handler: async (request, reply) => {
      await service.remove(request.scope, request.params.userId);
      return reply.status(204).send(null);
    },
  });
  app.route({ ...fromContract(routes.acceptInvitation), handler: (request) => service.accept(request.body) });
};
