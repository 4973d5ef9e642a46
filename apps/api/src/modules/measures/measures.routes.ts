import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes, type Measure } from '@slt/shared';
import { etagOf, isNotModified } from '../../lib/etag.js';
import { actorOf, canReadInternal } from '../../plugins/auth.js';
import { fromContract } from '../../plugins/contract.js';
import type { MeasuresService } from './measures.service.js';

const location = (m: Measure) => `/api/v1/municipalities/${m.kommunenummer}/measures/${m.id}`;

export const measuresRoutes: FastifyPluginAsyncTypebox<{ service: MeasuresService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.listMeasures),
    handler: async (request, reply) => {
      const { kommunenummer } = request.params;
      const page = await service.list(kommunenummer, request.query, canReadInternal(request.principal, kommunenummer));
      // Serialized by PostgreSQL (see MEASURES_SQL): sent as is.
      return reply.type('application/json; charset=utf-8').send(page as never);
    },
  });
  app.route({
    ...fromContract(routes.getMeasure),
    handler: async (request, reply) => {
      const { kommunenummer, measureId } = request.params;
      const measure = await service.get(kommunenummer, measureId, canReadInternal(request.principal, kommunenummer));
      const etag = etagOf(measure);
      reply.header('etag', etag);
      if (isNotModified(request.headers['if-none-match'], etag)) return reply.status(304).send(null);
      return measure;
    },
  });
  app.route({
    ...fromContract(routes.createMeasure),
    handler: async (request, reply) => {
      const measure = await service.create(actorOf(request), request.params.kommunenummer, request.body);
      return reply.status(201).header('etag', etagOf(measure)).header('location', location(measure)).send(measure);
    },
  });
  app.route({
    ...fromContract(routes.updateMeasure),
    handler: async (request, reply) => {
      const { kommunenummer, measureId } = request.params;
      const measure = await service.update(actorOf(request), kommunenummer, measureId, request.body, request.headers['if-match']);
      return reply.header('etag', etagOf(measure)).send(measure);
    },
  });
  app.route({
    ...fromContract(routes.deleteMeasure),
    handler: async (request, reply) => {
      const { kommunenummer, measureId } = request.params;
      await service.remove(actorOf(request), kommunenummer, measureId, request.headers['if-match']);
      return reply.status(204).send(null);
    },
  });
  app.route({
    ...fromContract(routes.createEvaluation),
    handler: async (request, reply) => {
      const { kommunenummer, measureId } = request.params;
      const measure = await service.addEvaluation(actorOf(request), kommunenummer, measureId, request.body, request.headers['if-match']);
      return reply.status(201).header('etag', etagOf(measure)).header('location', location(measure)).send(measure);
    },
  });
  app.route({
    ...fromContract(routes.deleteEvaluation),
    handler: async (request, reply) => {
      const { kommunenummer, measureId, evaluationId } = request.params;
      const measure = await service.removeEvaluation(actorOf(request), kommunenummer, measureId, evaluationId, request.headers['if-match']);
      return reply.header('etag', etagOf(measure)).send(measure);
    },
  });
};
