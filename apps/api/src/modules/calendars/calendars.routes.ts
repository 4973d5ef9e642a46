import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PRIVATE_CACHE } from '../../lib/http-cache.js';
import { fromContract } from '../../plugins/contract.js';
import type { CalendarsService } from './calendars.service.js';

const ICS = 'text/calendar; charset=utf-8';

/** Public feeds are cacheable: five minutes fresh, served stale for up to an hour while revalidating (the contract's ETag). */
function sendPublic(request: FastifyRequest, reply: FastifyReply, ics: string) {
  const cache = request.principal.kind === 'anonymous' ? 'public, max-age=300, stale-while-revalidate=3600' : PRIVATE_CACHE;
  return reply.header('cache-control', cache).type(ICS).send(ics);
}

const userIdOf = (request: FastifyRequest): string => {
  if (request.principal.kind !== 'user') throw new Error('a user route without a user');
  return request.principal.id;
};

export const calendarsRoutes: FastifyPluginAsyncTypebox<{ service: CalendarsService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.getMunicipalityCalendar),
    handler: async (request, reply) => sendPublic(request, reply, await service.publicCalendar(request.scope)),
  });
  app.route({
    ...fromContract(routes.getTierCalendar),
    handler: async (request, reply) => sendPublic(request, reply, await service.publicCalendar(request.scope, request.params.tierId)),
  });
  app.route({
    ...fromContract(routes.getPersonalCalendar),
    handler: async (request, reply) => {
      const ics = await service.personalCalendar(request.params.secret);
      return reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer').type(ICS).send(ics);
    },
  });
  app.route({
    ...fromContract(routes.listCalendarFeeds),
    handler: async (request) => service.list(userIdOf(request)),
  });
  app.route({
    ...fromContract(routes.createCalendarFeed),
    handler: async (request, reply) => {
      const created = await service.create(userIdOf(request), request.body.label, `${request.protocol}://${request.host}`);
      return reply.status(201).header('cache-control', 'no-store').send(created);
    },
  });
  app.route({
    ...fromContract(routes.revokeCalendarFeed),
    handler: async (request, reply) => {
      await service.revoke(userIdOf(request), request.params.feedId);
      return reply.status(204).send(null);
    },
  });
};
