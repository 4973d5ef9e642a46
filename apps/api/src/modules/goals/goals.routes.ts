import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { fromContract } from '../../plugins/contract.js';
import type { GoalsService } from './goals.service.js';

/** Every write answers with the whole goal; its ETag and Location come from the contract. */
export const goalsRoutes: FastifyPluginAsyncTypebox<{ service: GoalsService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.listGoals),
    handler: (request) => service.list(request.scope),
  });
  app.route({
    ...fromContract(routes.getGoal),
    handler: (request) => service.get(request.scope, request.params.goalId),
  });
  app.route({
    ...fromContract(routes.createGoal),
    handler: (request) => service.create(request.scope, request.body),
  });
  app.route({
    ...fromContract(routes.updateGoal),
    handler: (request) =>
      service.update(request.scope, { id: request.params.goalId, patch: request.body, expected: request.expectedVersion }),
  });
  app.route({
    ...fromContract(routes.deleteGoal),
    handler: async (request, reply) => {
      await service.remove(request.scope, { id: request.params.goalId, expected: request.expectedVersion });
      return reply.status(204).send(null);
    },
  });
  app.route({
    ...fromContract(routes.createIndicator),
    handler: async (request, reply) => {
      const goal = await service.addIndicator(request.scope, {
        goalId: request.params.goalId,
        input: request.body,
        expected: request.expectedVersion,
      });
      // The new indicator within its goal: a fragment the contract's template cannot name.
      reply.header('location', `/api/v1/municipalities/${goal.kommunenummer}/goals/${goal.id}#indicator-${goal.indicators.at(-1)!.id}`);
      return goal;
    },
  });
  app.route({
    ...fromContract(routes.updateIndicator),
    handler: (request) => {
      const { goalId, indicatorId } = request.params;
      return service.updateIndicator(request.scope, { goalId, indicatorId, patch: request.body, expected: request.expectedVersion });
    },
  });
  app.route({
    ...fromContract(routes.deleteIndicator),
    handler: (request) => {
      const { goalId, indicatorId } = request.params;
      return service.removeIndicator(request.scope, { goalId, indicatorId, expected: request.expectedVersion });
    },
  });
  app.route({
    ...fromContract(routes.createMeasurement),
    handler: (request) => {
      const { goalId, indicatorId } = request.params;
      return service.addMeasurement(request.scope, { goalId, indicatorId, input: request.body, expected: request.expectedVersion });
    },
  });
  app.route({
    ...fromContract(routes.deleteMeasurement),
    handler: (request) => {
      const { goalId, indicatorId, measurementId } = request.params;
      return service.removeMeasurement(request.scope, { goalId, indicatorId, measurementId, expected: request.expectedVersion });
    },
  });
};
