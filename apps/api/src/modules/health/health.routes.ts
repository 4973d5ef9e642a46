import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProblemType, routes } from '@slt/shared';
import { fromContract } from '../../plugins/contract.js';
import { sendProblem } from '../../plugins/problems.js';

export const healthRoutes: FastifyPluginAsyncTypebox<{ ping: () => Promise<void> }> = async (app, { ping }) => {
  app.route({
    ...fromContract(routes.healthLive),
    logLevel: 'warn',
    handler: async () => ({ status: 'ok' as const }),
  });
  app.route({
    ...fromContract(routes.healthReady),
    logLevel: 'warn',
    handler: async (request, reply) => {
      try {
        await ping();
        return { status: 'ok' as const };
      } catch (err) {
        request.log.error({ err }, 'readiness check: database did not answer');
        return sendProblem(request, reply, {
          type: ProblemType.unavailable,
          title: 'Not ready',
          status: 503,
          detail: 'The database does not answer.',
        });
      }
    },
  });
};
