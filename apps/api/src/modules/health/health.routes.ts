import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ProblemType, routes } from '@slt/shared';
import { fromContract } from '../../plugins/contract.js';
import { sendProblem } from '../../plugins/problems.js';

export const healthRoutes: FastifyPluginAsyncTypebox<{ ping: () => Promise<void>; draining: () => boolean }> = async (
  app,
  { ping, draining },
) => {
  app.route({
    ...fromContract(routes.healthLive),
    logLevel: 'warn',
    handler: async () => ({ status: 'ok' as const }),
  });
  app.route({
    ...fromContract(routes.healthReady),
    logLevel: 'warn',
    handler: async (request, reply) => {
      // Shutting down: a load balancer should send no more requests here.
      if (draining()) {
        return sendProblem(request, reply.header('retry-after', '1'), {
          type: ProblemType.unavailable,
          title: 'Not ready',
          status: 503,
          detail: 'This server is shutting down.',
        });
      }
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
