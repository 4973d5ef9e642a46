import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { etagOf, isNotModified } from '../../lib/etag.js';
import { actorOf, canReadInternal } from '../../plugins/auth.js';
import { fromContract } from '../../plugins/contract.js';
import type { MembersService } from './members.service.js';

const location = (m: { kommunenummer: string; id: string }) => `/api/v1/municipalities/${m.kommunenummer}/members/${m.id}`;

export const membersRoutes: FastifyPluginAsyncTypebox<{ service: MembersService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.listMembers),
    handler: (request) =>
      service.list(request.params.kommunenummer, canReadInternal(request.principal, request.params.kommunenummer)),
  });
  app.route({
    ...fromContract(routes.getMember),
    handler: async (request, reply) => {
      const { kommunenummer, memberId } = request.params;
      const member = await service.get(kommunenummer, memberId, canReadInternal(request.principal, kommunenummer));
      const etag = etagOf(member);
      reply.header('etag', etag);
      if (isNotModified(request.headers['if-none-match'], etag)) return reply.status(304).send(null);
      return member;
    },
  });
  app.route({
    ...fromContract(routes.createMember),
    handler: async (request, reply) => {
      const member = await service.create(actorOf(request), request.params.kommunenummer, request.body);
      return reply.status(201).header('etag', etagOf(member)).header('location', location(member)).send(member);
    },
  });
  app.route({
    ...fromContract(routes.updateMember),
    handler: async (request, reply) => {
      const { kommunenummer, memberId } = request.params;
      const member = await service.update(actorOf(request), kommunenummer, memberId, request.body, request.headers['if-match']);
      return reply.header('etag', etagOf(member)).send(member);
    },
  });
  app.route({
    ...fromContract(routes.deleteMember),
    handler: async (request, reply) => {
      const { kommunenummer, memberId } = request.params;
      await service.remove(actorOf(request), kommunenummer, memberId, request.headers['if-match']);
      return reply.status(204).send(null);
    },
  });
  app.route({
    ...fromContract(routes.eraseMember),
    handler: async (request, reply) => {
      const member = await service.erase(actorOf(request), request.params.kommunenummer, request.params.memberId);
      return reply.header('etag', etagOf(member)).send(member);
    },
  });
};
