import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import type { FastifyRequest } from 'fastify';
import { fromContract } from '../../plugins/contract.js';
import type { MailService } from './mail.service.js';

const userIdOf = (request: FastifyRequest): string => {
  if (request.principal.kind !== 'user') throw new Error('a user route without a user');
  return request.principal.id;
};

export const mailRoutes: FastifyPluginAsyncTypebox<{ service: MailService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.sendMeetingNotice),
    handler: async (request, reply) => reply.status(202).send(await service.sendNotice(request.scope, request.params.meetingId)),
  });
  app.route({ ...fromContract(routes.listMail), handler: (request) => service.list(request.scope) });
  app.route({ ...fromContract(routes.getMailPreferences), handler: (request) => service.preferences(userIdOf(request)) });
  app.route({
    ...fromContract(routes.updateMailPreferences),
    handler: (request) => service.setPreferences(userIdOf(request), request.body),
  });
};
