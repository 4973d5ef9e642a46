import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ENUM_LABELS, negotiateLanguage, routes } from '@slt/shared';
import { varyOn } from '../../lib/http-cache.js';
import { fromContract } from '../../plugins/contract.js';

/** The enum labels in the language the caller prefers (reference data: the same for everyone). */
export const labelsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    ...fromContract(routes.getLabels),
    handler: async (request, reply) => {
      const language = negotiateLanguage(request.headers['accept-language']);
      varyOn(reply, 'Accept-Language');
      return reply
        .header('content-language', language)
        .header('cache-control', 'public, max-age=3600, stale-while-revalidate=86400')
        .send({ language, labels: ENUM_LABELS[language] as unknown as Record<string, Record<string, string>> });
    },
  });
};
