import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { fromContract } from '../../plugins/contract.js';
import { sendDocument } from '../documents/document-reply.js';
import type { StatusAnalysesService } from './status-analyses.service.js';

export const statusAnalysesRoutes: FastifyPluginAsyncTypebox<{ service: StatusAnalysesService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.listStatusAnalyses),
    handler: (request) => service.list(request.scope),
  });
  app.route({
    ...fromContract(routes.getStatusAnalysis),
    handler: (request) => service.get(request.scope, request.params.statusAnalysisId),
  });
  app.route({
    ...fromContract(routes.createStatusAnalysis),
    handler: (request) => service.create(request.scope, request.body),
  });
  app.route({
    ...fromContract(routes.updateStatusAnalysis),
    handler: (request) =>
      service.update(request.scope, { id: request.params.statusAnalysisId, patch: request.body, expected: request.expectedVersion }),
  });
  app.route({
    ...fromContract(routes.deleteStatusAnalysis),
    handler: async (request, reply) => {
      await service.remove(request.scope, { id: request.params.statusAnalysisId, expected: request.expectedVersion });
      return reply.status(204).send(null);
    },
  });
  app.route({
    ...fromContract(routes.getStatusAnalysisDocument),
    handler: async (request, reply) => {
      const { statusAnalysisId: id, format } = request.params;
      return sendDocument(reply, await service.document(request.scope, { id, format }));
    },
  });
};
