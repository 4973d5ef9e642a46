import cookie from '@fastify/cookie';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routes } from '@slt/shared';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../plugins/scope.js';
import { fromContract } from '../../plugins/contract.js';
import { setRefreshCookie } from '../auth/auth.routes.js';
import { CALLBACK_PATH, LOGIN_TTL_SECONDS, type OidcService } from './oidc.service.js';

/** Binds a sign-in to the browser that started it. `Lax`: it must come back on the provider's redirect (a cross-site GET). */
const BINDING_COOKIE = 'slt_oidc';
const bindingCookie = { path: '/api/v1/auth/oidc', httpOnly: true, secure: true, sameSite: 'lax' } as const;

export const oidcRoutes: FastifyPluginAsyncTypebox<{ service: OidcService; publicUrl: string | undefined }> = async (
  app,
  { service, publicUrl },
) => {
  // Cookies are read and set on these routes alone: the parser's hooks run on no other request.
  await app.register(cookie);
  /** The redirect URI registered with providers: PUBLIC_URL's, else this request's own origin. */
  const redirectUriOf = (request: FastifyRequest) => `${publicUrl ?? `${request.protocol}://${request.host}`}${CALLBACK_PATH}`;

  app.route({ ...fromContract(routes.listOidcProviders), handler: (request) => service.list(redirectUriOf(request)) });
  app.route({
    ...fromContract(routes.createOidcProvider),
    handler: async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.body, redirectUriOf(request))),
  });
  app.route({
    ...fromContract(routes.deleteOidcProvider),
    handler: async (request, reply) => {
      await service.remove(actorOf(request), request.params.providerId);
      return reply.status(204).send(null);
    },
  });
  app.route({ ...fromContract(routes.listSignInOptions), handler: (request) => service.options(request.query.kommunenummer) });

  app.route({
    ...fromContract(routes.startOidcSignIn),
    handler: async (request, reply) => {
      const { url, binding } = await service.start({
        providerId: request.params.providerId,
        returnTo: request.query.returnTo ?? '/home',
        redirectUri: redirectUriOf(request),
        binding: request.cookies[BINDING_COOKIE],
      });
      reply.setCookie(BINDING_COOKIE, binding, { ...bindingCookie, maxAge: LOGIN_TTL_SECONDS });
      return reply.header('cache-control', 'no-store').redirect(url, 303);
    },
  });

  app.route({
    ...fromContract(routes.finishOidcSignIn),
    handler: async (request, reply) => {
      const outcome = await service.finish(
        { query: request.query, binding: request.cookies[BINDING_COOKIE], requestId: request.id },
        request.log,
      );
      reply.header('cache-control', 'no-store');
      if (!outcome.ok) return reply.redirect(`/login?sso=${outcome.reason}`, 303);
      setRefreshCookie(reply, outcome.refreshToken!);
      // The web client's sign-in page opens the session from the refresh cookie, then goes on to `next`.
      return reply.redirect(`/login?sso=done&next=${encodeURIComponent(outcome.returnTo)}`, 303);
    },
  });
};
