import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { fromContract } from '../../plugins/contract.js';
import type { IndicatorSourcesService } from './indicator-sources.service.js';

/** The largest downloaded file accepted (JSON wrapped around the file's text). */
const FILE_BODY_LIMIT = 10 * 1024 * 1024;

export const indicatorSourcesRoutes: FastifyPluginAsyncTypebox<{ service: IndicatorSourcesService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.listIndicatorSources),
    handler: (request) => service.list(request.scope),
  });
  app.route({
    ...fromContract(routes.getIndicatorSource),
    handler: (request) => service.get(request.scope, request.params),
  });
  app.route({
    ...fromContract(routes.linkIndicatorSource),
    handler: (request) => service.link(request.scope, { ids: request.params, input: request.body, expected: request.expectedVersion }),
  });
  app.route({
    ...fromContract(routes.unlinkIndicatorSource),
    handler: async (request, reply) => {
      await service.unlink(request.scope, { ids: request.params, expected: request.expectedVersion });
      return reply.status(204).send(null);
    },
  });
  app.route({
    ...fromContract(routes.importIndicatorSource),
    handler: (request) => service.importNow(request.scope, request.params),
  });
  app.route({
    ...fromContract(routes.importIndicatorSourceFile),
    bodyLimit: FILE_BODY_LIMIT,
    handler: (request) => service.importFile(request.scope, request.params, request.body),
  });
};
