import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { actorOf } from '../../plugins/scope.js';
import { fromContract } from '../../plugins/contract.js';
import type { UsersService } from './users.service.js';

export const usersRoutes: FastifyPluginAsyncTypebox<{ service: UsersService }> = async (app, { service }) => {
  app.route({ ...fromContract(routes.listUsers), handler: (request) => service.list(request.query) });
  app.route({
    ...fromContract(routes.createUser),
    handler: async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.body)),
  });
  app.route({ ...fromContract(routes.getUser), handler: (request) => service.get(request.params.userId) });
  app.route({
    ...fromContract(routes.updateUser),
    handler: (request) => service.update(actorOf(request), request.params.userId, request.body),
  });
  app.route({
    ...fromContract(routes.setUserRole),
    handler: (request) => service.setRole(request.scope, { userId: request.params.userId, role: request.body.role }),
  });
  app.route({
    ...fromContract(routes.removeUserRole),
    handler: (request) => service.removeRole(request.scope, request.params.userId),
  });
  app.route({
    ...fromContract(routes.listMunicipalityUsers),
    handler: (request) => service.listForMunicipality(request.scope, request.query),
  });
};
