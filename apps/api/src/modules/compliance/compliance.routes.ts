import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { fromContract } from '../../plugins/contract.js';
import type { ComplianceService } from './compliance.service.js';

export const complianceRoutes: FastifyPluginAsyncTypebox<{ service: ComplianceService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.getCompliance),
    handler: async (request, reply) => {
      const compliance = await service.ofYear(request.scope, request.query.year);
      return reply.header('cache-control', 'private, no-cache').send(compliance);
    },
  });
};
