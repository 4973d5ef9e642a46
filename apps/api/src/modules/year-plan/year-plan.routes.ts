import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { fromContract } from '../../plugins/contract.js';
import type { YearPlanService } from './year-plan.service.js';

export const yearPlanRoutes: FastifyPluginAsyncTypebox<{ service: YearPlanService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.getYearPlan),
    handler: (request) => service.yearPlan(request.scope, request.query.year),
  });
  app.route({
    ...fromContract(routes.listKeyDates),
    handler: (request) => service.list(request.scope),
  });
  app.route({
    ...fromContract(routes.getKeyDate),
    handler: (request) => service.get(request.scope, request.params.keyDateId),
  });
  app.route({
    ...fromContract(routes.createKeyDate),
    handler: (request) => service.create(request.scope, request.body),
  });
  app.route({
    ...fromContract(routes.updateKeyDate),
    handler: (request) =>
      service.update(request.scope, { id: request.params.keyDateId, patch: request.body, expected: request.expectedVersion }),
  });
  app.route({
    ...fromContract(routes.deleteKeyDate),
    handler: async (request, reply) => {
      await service.remove(request.scope, { id: request.params.keyDateId, expected: request.expectedVersion });
      return reply.status(204).send(null);
    },
  });
};
