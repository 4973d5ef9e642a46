import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { fromContract } from '../../plugins/contract.js';
import { sendDocument } from '../documents/document-reply.js';
import type { AnnualReportService } from './annual-report.service.js';

export const annualReportRoutes: FastifyPluginAsyncTypebox<{ service: AnnualReportService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.getAnnualReport),
    handler: async (request, reply) => {
      const report = await service.generate(request.scope, request.params.year, 'internal');
      return reply.header('cache-control', 'private, no-cache').send(report);
    },
  });
  app.route({
    ...fromContract(routes.getPublicAnnualReport),
    handler: (request) => service.generate(request.scope, request.params.year, 'public'),
  });
  app.route({
    ...fromContract(routes.getAnnualReportTexts),
    handler: (request) => service.texts(request.scope, request.params.year),
  });
  app.route({
    ...fromContract(routes.updateAnnualReportTexts),
    handler: (request) =>
      service.updateTexts(request.scope, { year: request.params.year, patch: request.body, expected: request.expectedVersion }),
  });
  app.route({
    ...fromContract(routes.getAnnualReportDocument),
    handler: async (request, reply) => {
      const { year, format } = request.params;
      return sendDocument(reply, await service.document(request.scope, { year, view: 'internal', format }));
    },
  });
  app.route({
    ...fromContract(routes.getPublicAnnualReportDocument),
    handler: async (request, reply) => {
      const { year, format } = request.params;
      return sendDocument(reply, await service.document(request.scope, { year, view: 'public', format }));
    },
  });
};
