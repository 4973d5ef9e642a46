import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes, type Goal } from '@slt/shared';
import type { FastifyReply } from 'fastify';
import { etagOf, isNotModified } from '../../lib/etag.js';
import { actorOf } from '../../plugins/auth.js';
import { fromContract } from '../../plugins/contract.js';
import type { GoalsService } from './goals.service.js';

const location = (goal: Goal) => `/api/v1/municipalities/${goal.kommunenummer}/goals/${goal.id}`;
/** Every write answers with the whole goal and its new ETag (indicator and measurement writes too). */
const sendGoal = (reply: FastifyReply, goal: Goal, status = 200) => reply.status(status).header('etag', etagOf(goal)).send(goal);

export const goalsRoutes: FastifyPluginAsyncTypebox<{ service: GoalsService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.listGoals),
    handler: (request) => service.list(request.params.kommunenummer),
  });
  app.route({
    ...fromContract(routes.getGoal),
    handler: async (request, reply) => {
      const goal = await service.get(request.params.kommunenummer, request.params.goalId);
      const etag = etagOf(goal);
      reply.header('etag', etag);
      if (isNotModified(request.headers['if-none-match'], etag)) return reply.status(304).send(null);
      return goal;
    },
  });
  app.route({
    ...fromContract(routes.createGoal),
    handler: async (request, reply) => {
      const goal = await service.create(actorOf(request), request.params.kommunenummer, request.body);
      return sendGoal(reply.header('location', location(goal)), goal, 201);
    },
  });
  app.route({
    ...fromContract(routes.updateGoal),
    handler: async (request, reply) => {
      const { kommunenummer, goalId } = request.params;
      return sendGoal(reply, await service.update(actorOf(request), kommunenummer, goalId, request.body, request.headers['if-match']));
    },
  });
  app.route({
    ...fromContract(routes.deleteGoal),
    handler: async (request, reply) => {
      const { kommunenummer, goalId } = request.params;
      await service.remove(actorOf(request), kommunenummer, goalId, request.headers['if-match']);
      return reply.status(204).send(null);
    },
  });
  app.route({
    ...fromContract(routes.createIndicator),
    handler: async (request, reply) => {
      const { kommunenummer, goalId } = request.params;
      const goal = await service.addIndicator(actorOf(request), kommunenummer, goalId, request.body, request.headers['if-match']);
      const indicator = goal.indicators.at(-1)!;
      return sendGoal(reply.header('location', `${location(goal)}#indicator-${indicator.id}`), goal, 201);
    },
  });
  app.route({
    ...fromContract(routes.updateIndicator),
    handler: async (request, reply) => {
      const { kommunenummer, goalId, indicatorId } = request.params;
      return sendGoal(
        reply,
        await service.updateIndicator(actorOf(request), kommunenummer, goalId, indicatorId, request.body, request.headers['if-match']),
      );
    },
  });
  app.route({
    ...fromContract(routes.deleteIndicator),
    handler: async (request, reply) => {
      const { kommunenummer, goalId, indicatorId } = request.params;
      return sendGoal(reply, await service.removeIndicator(actorOf(request), kommunenummer, goalId, indicatorId, request.headers['if-match']));
    },
  });
  app.route({
    ...fromContract(routes.createMeasurement),
    handler: async (request, reply) => {
      const { kommunenummer, goalId, indicatorId } = request.params;
      const goal = await service.addMeasurement(actorOf(request), kommunenummer, goalId, indicatorId, request.body, request.headers['if-match']);
      return sendGoal(reply.header('location', location(goal)), goal, 201);
    },
  });
  app.route({
    ...fromContract(routes.deleteMeasurement),
    handler: async (request, reply) => {
      const { kommunenummer, goalId, indicatorId, measurementId } = request.params;
      return sendGoal(
        reply,
        await service.removeMeasurement(actorOf(request), kommunenummer, goalId, indicatorId, measurementId, request.headers['if-match']),
      );
    },
  });
};
