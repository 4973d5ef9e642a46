import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { fromContract } from '../../plugins/contract.js';
import { sendDocument } from '../documents/document-reply.js';
import type { MeetingItemsService } from './meeting-items.service.js';
import type { MeetingsService } from './meetings.service.js';

/** Every write answers with the whole meeting as the caller sees it; ETag and Location come from the contract. */
export const meetingsRoutes: FastifyPluginAsyncTypebox<{ service: MeetingsService; items: MeetingItemsService }> = async (
  app,
  { service, items },
) => {
  app.route({
    ...fromContract(routes.listMeetings),
    handler: (request) => service.list(request.scope, request.query),
  });
  app.route({
    ...fromContract(routes.getMeeting),
    handler: (request) => service.get(request.scope, request.params.meetingId),
  });
  app.route({
    ...fromContract(routes.getMinutesDocument),
    handler: async (request, reply) => {
      const { meetingId: id, format } = request.params;
      return sendDocument(reply, await service.minutesDocument(request.scope, { id, format }));
    },
  });
  app.route({
    ...fromContract(routes.createMeeting),
    handler: (request) => service.create(request.scope, request.body),
  });
  app.route({
    ...fromContract(routes.updateMeeting),
    handler: (request) =>
      service.update(request.scope, { id: request.params.meetingId, patch: request.body, expected: request.expectedVersion }),
  });
  app.route({
    ...fromContract(routes.deleteMeeting),
    handler: async (request, reply) => {
      await service.remove(request.scope, { id: request.params.meetingId, expected: request.expectedVersion });
      return reply.status(204).send(null);
    },
  });
  app.route({
    ...fromContract(routes.createAgendaItem),
    handler: (request) =>
      items.addAgendaItem(request.scope, { id: request.params.meetingId, input: request.body, expected: request.expectedVersion }),
  });
  app.route({
    ...fromContract(routes.updateAgendaItem),
    handler: (request) => {
      const { meetingId: id, agendaItemId: itemId } = request.params;
      return items.updateAgendaItem(request.scope, { id, itemId, patch: request.body, expected: request.expectedVersion });
    },
  });
  app.route({
    ...fromContract(routes.deleteAgendaItem),
    handler: (request) => {
      const { meetingId: id, agendaItemId: itemId } = request.params;
      return items.removeAgendaItem(request.scope, { id, itemId, expected: request.expectedVersion });
    },
  });
  app.route({
    ...fromContract(routes.setAttendance),
    handler: (request) =>
      items.setAttendance(request.scope, { id: request.params.meetingId, input: request.body, expected: request.expectedVersion }),
  });
  app.route({
    ...fromContract(routes.createDecision),
    handler: (request) =>
      items.addDecision(request.scope, { id: request.params.meetingId, input: request.body, expected: request.expectedVersion }),
  });
  app.route({
    ...fromContract(routes.updateDecision),
    handler: (request) => {
      const { meetingId: id, decisionId } = request.params;
      return items.updateDecision(request.scope, { id, decisionId, patch: request.body, expected: request.expectedVersion });
    },
  });
  app.route({
    ...fromContract(routes.deleteDecision),
    handler: (request) => {
      const { meetingId: id, decisionId } = request.params;
      return items.removeDecision(request.scope, { id, decisionId, expected: request.expectedVersion });
    },
  });
};
