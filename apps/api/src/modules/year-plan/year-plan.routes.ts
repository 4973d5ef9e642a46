import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { etagOf } from '../../lib/etag.js';
import { actorOf, canReadInternal } from '../../plugins/auth.js';
import { fromContract } from '../../plugins/contract.js';
import type { YearPlanService } from './year-plan.service.js';

export const yearPlanRoutes: FastifyPluginAsyncTypebox<{ service: YearPlanService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.getYearPlan),
    handler: async (request) => {
      const { kommunenummer } = request.params;
      const plan = await service.yearPlan(kommunenummer, request.query.year, canReadInternal(request.principal, kommunenummer));
      return plan;
    },
  });
  app.route({
    ...fromContract(routes.listKeyDates),
    handler: async (request) => {
      const { kommunenummer } = request.params;
      const list = await service.list(kommunenummer, canReadInternal(request.principal, kommunenummer));
      return list;
    },
  });
  app.route({
    ...fromContract(routes.getKeyDate),
    handler: async (request, reply) => {
      const { kommunenummer, keyDateId } = request.params;
      const keyDate = await service.get(kommunenummer, keyDateId, canReadInternal(request.principal, kommunenummer));
      return reply.header('etag', etagOf(keyDate)).send(keyDate);
    },
  });
  app.route({
    ...fromContract(routes.createKeyDate),
    handler: async (request, reply) => {
      const keyDate = await service.create(actorOf(request), request.params.kommunenummer, request.body);
      return reply
        .status(201)
        .header('etag', etagOf(keyDate))
        .header('location', `/api/v1/municipalities/${keyDate.kommunenummer}/key-dates/${keyDate.id}`)
        .send(keyDate);
    },
  });
  app.route({
    ...fromContract(routes.updateKeyDate),
    handler: async (request, reply) => {
      const { kommunenummer, keyDateId } = request.params;
      const keyDate = await service.update(actorOf(request), kommunenummer, keyDateId, request.body, request.headers['if-match']);
      return reply.header('etag', etagOf(keyDate)).send(keyDate);
    },
  });
  app.route({
    ...fromContract(routes.deleteKeyDate),
    handler: async (request, reply) => {
      const { kommunenummer, keyDateId } = request.params;
      await service.remove(actorOf(request), kommunenummer, keyDateId, request.headers['if-match']);
      return reply.status(204).send(null);
    },
  });
};
