import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { fromContract } from '../../plugins/contract.js';
import type { MailService } from './mail.service.js';

export const mailRoutes: FastifyPluginAsyncTypebox<{ service: MailService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.sendMeetingNotice),
    handler: async (request, reply) => reply.status(202).send(await service.sendNotice(request.scope, request.params.meetingId)),
  });
  app.route({ ...fromContract(routes.listMail), handler: (request) => service.list(request.scope) });
};
