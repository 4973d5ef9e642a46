import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { fromContract } from '../../plugins/contract.js';
import type { PlansService } from './plans.service.js';

/** Every write answers with the whole plan (internal view); its ETag and Location come from the contract. */
export const plansRoutes: FastifyPluginAsyncTypebox<{ service: PlansService }> = async (app, { service }) => {
  app.route({ ...fromContract(routes.listPlans), handler: (request) => service.list(request.scope) });
  app.route({ ...fromContract(routes.getPlan), handler: (request) => service.get(request.scope, request.params.planId) });
  app.route({ ...fromContract(routes.createPlan), handler: (request) => service.create(request.scope, request.body) });
  app.route({
    ...fromContract(routes.updatePlan),
    handler: (request) =>
      service.update(request.scope, { id: request.params.planId, patch: request.body, expected: request.expectedVersion }),
  });
  app.route({
    ...fromContract(routes.changePlanStatus),
    handler: (request) =>
      service.changeStatus(request.scope, { id: request.params.planId, input: request.body, expected: request.expectedVersion }),
  });
  app.route({
    ...fromContract(routes.deletePlan),
    handler: async (request, reply) => {
      await service.remove(request.scope, { id: request.params.planId, expected: request.expectedVersion });
      return reply.status(204).send(null);
    },
  });
  app.route({ ...fromContract(routes.listPlanVersions), handler: (request) => service.versions(request.scope, request.params.planId) });
  app.route({
    ...fromContract(routes.getPlanVersion),
    handler: (request) => service.version(request.scope, { id: request.params.planId, version: Number(request.params.version) }),
  });
  app.route({
    ...fromContract(routes.getPlanDocument),
    handler: async (request, reply) => {
      const { planId, format } = request.params;
      const document = await service.document(request.scope, { id: planId, format });
      return (
        reply
          .header('content-disposition', document.disposition)
          .header('content-language', document.language)
          .type(document.contentType)
          // A Buffer (docx, pdf) is sent as is: Fastify serializes only objects, whatever the contract's string type says.
          .send(document.body as never)
      );
    },
  });
};
