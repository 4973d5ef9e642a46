import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes, type Meeting } from '@slt/shared';
import type { FastifyReply } from 'fastify';
import { etagOf, isNotModified } from '../../lib/etag.js';
import { actorOf } from '../../plugins/auth.js';
import { fromContract } from '../../plugins/contract.js';
import { callerOf } from './caller.js';
import type { MeetingsService } from './meetings.service.js';

const location = (m: Meeting) => `/api/v1/municipalities/${m.kommunenummer}/meetings/${m.id}`;
const answer = (reply: FastifyReply, meeting: Meeting, status = 200) => reply.status(status).header('etag', etagOf(meeting)).send(meeting);

export const meetingsRoutes: FastifyPluginAsyncTypebox<{ service: MeetingsService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.listMeetings),
    handler: async (request) => {
      const page = await service.list(request.params.kommunenummer, request.query);
      return page;
    },
  });
  app.route({
    ...fromContract(routes.getMeeting),
    handler: async (request, reply) => {
      const { kommunenummer, meetingId } = request.params;
      const meeting = await service.get(kommunenummer, meetingId, callerOf(request, kommunenummer));
      const etag = etagOf(meeting);
      reply.header('etag', etag);
      if (isNotModified(request.headers['if-none-match'], etag)) return reply.status(304).send(null);
      return meeting;
    },
  });
  app.route({
    ...fromContract(routes.createMeeting),
    handler: async (request, reply) => {
      const { kommunenummer } = request.params;
      const meeting = await service.create(actorOf(request), callerOf(request, kommunenummer), kommunenummer, request.body);
      return answer(reply.header('location', location(meeting)), meeting, 201);
    },
  });
  app.route({
    ...fromContract(routes.updateMeeting),
    handler: async (request, reply) => {
      const { kommunenummer: k, meetingId } = request.params;
      return answer(reply, await service.update(actorOf(request), callerOf(request, k), k, meetingId, request.body, request.headers['if-match']));
    },
  });
  app.route({
    ...fromContract(routes.deleteMeeting),
    handler: async (request, reply) => {
      const { kommunenummer: k, meetingId } = request.params;
      await service.remove(actorOf(request), callerOf(request, k), k, meetingId, request.headers['if-match']);
      return reply.status(204).send(null);
    },
  });
  app.route({
    ...fromContract(routes.createAgendaItem),
    handler: async (request, reply) => {
      const { kommunenummer: k, meetingId } = request.params;
      const meeting = await service.addAgendaItem(actorOf(request), callerOf(request, k), k, meetingId, request.body, request.headers['if-match']);
      return answer(reply, meeting, 201);
    },
  });
  app.route({
    ...fromContract(routes.updateAgendaItem),
    handler: async (request, reply) => {
      const { kommunenummer: k, meetingId, agendaItemId } = request.params;
      return answer(
        reply,
        await service.updateAgendaItem(actorOf(request), callerOf(request, k), k, meetingId, agendaItemId, request.body, request.headers['if-match']),
      );
    },
  });
  app.route({
    ...fromContract(routes.deleteAgendaItem),
    handler: async (request, reply) => {
      const { kommunenummer: k, meetingId, agendaItemId } = request.params;
      return answer(reply, await service.removeAgendaItem(actorOf(request), callerOf(request, k), k, meetingId, agendaItemId, request.headers['if-match']));
    },
  });
  app.route({
    ...fromContract(routes.setAttendance),
    handler: async (request, reply) => {
      const { kommunenummer: k, meetingId } = request.params;
      return answer(reply, await service.setAttendance(actorOf(request), callerOf(request, k), k, meetingId, request.body, request.headers['if-match']));
    },
  });
  app.route({
    ...fromContract(routes.createDecision),
    handler: async (request, reply) => {
      const { kommunenummer: k, meetingId } = request.params;
      return answer(reply, await service.addDecision(actorOf(request), callerOf(request, k), k, meetingId, request.body, request.headers['if-match']), 201);
    },
  });
  app.route({
    ...fromContract(routes.updateDecision),
    handler: async (request, reply) => {
      const { kommunenummer: k, meetingId, decisionId } = request.params;
      return answer(
        reply,
        await service.updateDecision(actorOf(request), callerOf(request, k), k, meetingId, decisionId, request.body, request.headers['if-match']),
      );
    },
  });
  app.route({
    ...fromContract(routes.deleteDecision),
    handler: async (request, reply) => {
      const { kommunenummer: k, meetingId, decisionId } = request.params;
      return answer(reply, await service.removeDecision(actorOf(request), callerOf(request, k), k, meetingId, decisionId, request.headers['if-match']));
    },
  });
};
