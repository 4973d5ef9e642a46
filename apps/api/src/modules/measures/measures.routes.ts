import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { fromContract } from '../../plugins/contract.js';
import type { MeasuresService } from './measures.service.js';

export const measuresRoutes: FastifyPluginAsyncTypebox<{ service: MeasuresService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.listMeasures),
    handler: async (request, reply) => {
      const page = await service.list(request.scope, request.query);
      // Serialized by PostgreSQL (see MEASURES_SQL): sent as is.
      return reply.type('application/json; charset=utf-8').send(page as never);
    },
  });
  app.route({
    ...fromContract(routes.getMeasure),
    handler: (request) => service.get(request.scope, request.params.measureId),
  });
  app.route({
    ...fromContract(routes.createMeasure),
    handler: (request) => service.create(request.scope, request.body),
  });
  app.route({
    ...fromContract(routes.updateMeasure),
    handler: (request) =>
      service.update(request.scope, { id: request.params.measureId, patch: request.body, expected: request.expectedVersion }),
  });
  app.route({
    ...fromContract(routes.deleteMeasure),
    handler: async (request, reply) => {
      await service.remove(request.scope, { id: request.params.measureId, expected: request.expectedVersion });
      return reply.status(204).send(null);
    },
  });
  app.route({
    ...fromContract(routes.createEvaluation),
    handler: (request) =>
      service.addEvaluation(request.scope, { id: request.params.measureId, input: request.body, expected: request.expectedVersion }),
  });
  app.route({
    ...fromContract(routes.deleteEvaluation),
    handler: (request) => {
      const { measureId: id, evaluationId } = request.params;
      return service.removeEvaluation(request.scope, { id, evaluationId, expected: request.expectedVersion });
    },
  });
};
