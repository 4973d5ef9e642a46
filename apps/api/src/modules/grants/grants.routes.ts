import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { fromContract } from '../../plugins/contract.js';
import { sendDocument } from '../documents/document-reply.js';
import type { GrantsService } from './grants.service.js';

export const grantsRoutes: FastifyPluginAsyncTypebox<{ service: GrantsService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.listGrantApplications),
    handler: (request) => service.list(request.scope),
  });
  app.route({
    ...fromContract(routes.getGrantApplication),
    handler: (request) => service.get(request.scope, request.params.grantApplicationId),
  });
  app.route({
    ...fromContract(routes.createGrantApplication),
    handler: (request) => service.create(request.scope, request.body),
  });
  app.route({
    ...fromContract(routes.updateGrantApplication),
    handler: (request) =>
      service.update(request.scope, { id: request.params.grantApplicationId, patch: request.body, expected: request.expectedVersion }),
  });
  app.route({
    ...fromContract(routes.deleteGrantApplication),
    handler: async (request, reply) => {
      await service.remove(request.scope, { id: request.params.grantApplicationId, expected: request.expectedVersion });
      return reply.status(204).send(null);
    },
  });
  app.route({
    ...fromContract(routes.getGrantReport),
    handler: (request) => service.report(request.scope, request.params.grantApplicationId),
  });
  app.route({
    ...fromContract(routes.getGrantReportDocument),
    handler: async (request, reply) => {
      const { grantApplicationId: id, format } = request.params;
      return sendDocument(reply, await service.reportDocument(request.scope, { id, format }));
    },
  });
};
