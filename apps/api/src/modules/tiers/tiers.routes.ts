import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import { etagOf, isNotModified } from '../../lib/etag.js';
import { actorOf } from '../../plugins/auth.js';
import { fromContract } from '../../plugins/contract.js';
import type { TiersService } from './tiers.service.js';

const base = (k: string) => `/api/v1/municipalities/${k}/tiers`;

export const tiersRoutes: FastifyPluginAsyncTypebox<{ service: TiersService }> = async (app, { service }) => {
  app.route({
    ...fromContract(routes.listTiers),
    handler: (request) => service.list(request.params.kommunenummer),
  });
  app.route({
    ...fromContract(routes.getTier),
    handler: async (request, reply) => {
      const tier = await service.get(request.params.kommunenummer, request.params.tierId);
      const etag = etagOf(tier);
      reply.header('etag', etag);
      if (isNotModified(request.headers['if-none-match'], etag)) return reply.status(304).send(null);
      return tier;
    },
  });
  app.route({
    ...fromContract(routes.createTier),
    handler: async (request, reply) => {
      const tier = await service.create(actorOf(request), request.params.kommunenummer, request.body);
      return reply.status(201).header('etag', etagOf(tier)).header('location', `${base(tier.kommunenummer)}/${tier.id}`).send(tier);
    },
  });
  app.route({
    ...fromContract(routes.updateTier),
    handler: async (request, reply) => {
      const { kommunenummer, tierId } = request.params;
      const tier = await service.update(actorOf(request), kommunenummer, tierId, request.body, request.headers['if-match']);
      return reply.header('etag', etagOf(tier)).send(tier);
    },
  });
  app.route({
    ...fromContract(routes.deleteTier),
    handler: async (request, reply) => {
      const { kommunenummer, tierId } = request.params;
      await service.remove(actorOf(request), kommunenummer, tierId, request.headers['if-match']);
      return reply.status(204).send(null);
    },
  });

  app.route({
    ...fromContract(routes.listMemberships),
    handler: (request) =>
      service.listMemberships(request.params.kommunenummer, request.params.tierId, request.query.current === true),
  });
  app.route({
    ...fromContract(routes.getMembership),
    handler: async (request, reply) => {
      const { kommunenummer, tierId, membershipId } = request.params;
      const membership = await service.getMembership(kommunenummer, tierId, membershipId);
      const etag = etagOf(membership);
      reply.header('etag', etag);
      if (isNotModified(request.headers['if-none-match'], etag)) return reply.status(304).send(null);
      return membership;
    },
  });
  app.route({
    ...fromContract(routes.createMembership),
    handler: async (request, reply) => {
      const { kommunenummer, tierId } = request.params;
      const membership = await service.createMembership(actorOf(request), kommunenummer, tierId, request.body);
      return reply
        .status(201)
        .header('etag', etagOf(membership))
        .header('location', `${base(kommunenummer)}/${tierId}/memberships/${membership.id}`)
        .send(membership);
    },
  });
  app.route({
    ...fromContract(routes.updateMembership),
    handler: async (request, reply) => {
      const { kommunenummer, tierId, membershipId } = request.params;
      const membership = await service.updateMembership(actorOf(request), kommunenummer, tierId, membershipId, request.body, request.headers['if-match']);
      return reply.header('etag', etagOf(membership)).send(membership);
    },
  });
  app.route({
    ...fromContract(routes.deleteMembership),
    handler: async (request, reply) => {
      const { kommunenummer, tierId, membershipId } = request.params;
      await service.removeMembership(actorOf(request), kommunenummer, tierId, membershipId, request.headers['if-match']);
      return reply.status(204).send(null);
    },
  });
};
