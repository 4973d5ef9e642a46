import cookie from '@fastify/cookie';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import type { FastifyReply } from 'fastify';
import { UnauthorizedError } from '../../lib/errors.js';
import { actorOf } from '../../plugins/scope.js';
import { fromContract } from '../../plugins/contract.js';
import { REFRESH_TOKEN_TTL_SECONDS, type AuthService } from './auth.service.js';

export const REFRESH_COOKIE = 'slt_refresh';
/** The refresh cookie goes only to the auth endpoints, never to the rest of the API. */
const cookieOptions = { path: '/api/v1/auth', httpOnly: true, secure: true, sameSite: 'strict' } as const;

export const setRefreshCookie = (reply: FastifyReply, token: string) =>
  reply.setCookie(REFRESH_COOKIE, token, { ...cookieOptions, maxAge: REFRESH_TOKEN_TTL_SECONDS });

export const authRoutes: FastifyPluginAsyncTypebox<{ service: AuthService }> = async (app, { service }) => {
  // Cookies are read and set on these routes alone: the parser's hooks run on no other request.
  await app.register(cookie);
  app.route({
    ...fromContract(routes.login),
    handler: async (request, reply) => {
      const { session, refreshToken } = await service.login({ ...request.body, ip: request.ip, requestId: request.id });
      setRefreshCookie(reply, refreshToken);
      return reply.header('cache-control', 'no-store').send(session);
    },
  });

  app.route({
    ...fromContract(routes.refreshSession),
    handler: async (request, reply) => {
      const token = request.cookies[REFRESH_COOKIE];
      if (!token) throw new UnauthorizedError('No session: sign in.');
      try {
        const { session, refreshToken } = await service.refresh(token, request.id);
        setRefreshCookie(reply, refreshToken);
        return reply.header('cache-control', 'no-store').send(session);
      } catch (error) {
        reply.clearCookie(REFRESH_COOKIE, cookieOptions);
        throw error;
      }
    },
  });

  app.route({
    ...fromContract(routes.logout),
    handler: async (request, reply) => {
      const token = request.cookies[REFRESH_COOKIE];
      if (token) await service.logout(token, request.id);
      return reply.clearCookie(REFRESH_COOKIE, cookieOptions).status(204).send(null);
    },
  });

  app.route({
    ...fromContract(routes.getMe),
    handler: (request) => service.me(actorOf(request).id!),
  });

  app.route({
    ...fromContract(routes.changePassword),
    handler: async (request, reply) => {
      const actor = actorOf(request);
      await service.changePassword({ ...actor, id: actor.id! }, request.body.currentPassword, request.body.newPassword);
      return reply.clearCookie(REFRESH_COOKIE, cookieOptions).status(204).send(null);
    },
  });
};
