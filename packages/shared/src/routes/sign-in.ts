import { Type } from 'typebox';
import { defineRoute } from '../contract.js';
import {
  CreateOidcProviderSchema,
  OidcCallbackQuerySchema,
  OidcProviderListSchema,
  OidcProviderParamsSchema,
  OidcProviderSchema,
  SignInOptionsQuerySchema,
  SignInOptionsSchema,
  StartOidcQuerySchema,
} from '../schemas/sign-in.js';

const admin = { kind: 'admin' } as const;

/** Single sign-on with OpenID Connect (issue 21): the providers (administrators) and the browser's flow. */
export const signInRoutes = {
  listOidcProviders: defineRoute({
    method: 'GET',
    path: '/api/v1/oidc-providers',
    operationId: 'listOidcProviders',
    tags: ['auth'],
    summary: 'List the OpenID providers users may sign in with',
    access: admin,
    response: { 200: OidcProviderListSchema },
    problems: [401, 403],
  }),
  createOidcProvider: defineRoute({
    method: 'POST',
    path: '/api/v1/oidc-providers',
    operationId: 'createOidcProvider',
    tags: ['auth'],
    summary: 'Add an OpenID provider, for one municipality or for all',
    description:
      'Give a client secret or a private key (JWK), not both. Group roles of a municipality’s provider can only be in that municipality.',
    access: admin,
    body: CreateOidcProviderSchema,
    response: { 201: OidcProviderSchema },
    problems: [400, 401, 403, 404],
  }),
  deleteOidcProvider: defineRoute({
    method: 'DELETE',
    path: '/api/v1/oidc-providers/:providerId',
    operationId: 'deleteOidcProvider',
    tags: ['auth'],
    summary: 'Remove an OpenID provider (its users keep their accounts)',
    access: admin,
    params: OidcProviderParamsSchema,
    response: { 204: Type.Null() },
    problems: [400, 401, 403, 404],
  }),
  listSignInOptions: defineRoute({
    method: 'GET',
    path: '/api/v1/auth/oidc/providers',
    operationId: 'listSignInOptions',
    tags: ['auth'],
    summary: 'The single sign-on buttons to show: a municipality’s providers and the global ones (all, without a municipality)',
    access: { kind: 'public' },
    querystring: SignInOptionsQuerySchema,
    response: { 200: SignInOptionsSchema },
    problems: [400],
  }),
  startOidcSignIn: defineRoute({
    method: 'GET',
    path: '/api/v1/auth/oidc/:providerId/start',
    operationId: 'startOidcSignIn',
    tags: ['auth'],
    summary: 'Start signing in with a provider: a redirect to it (authorization code flow with PKCE, state and nonce)',
    description: 'A browser navigates here. Sets a short-lived cookie binding the flow to this browser.',
    access: { kind: 'public' },
    params: OidcProviderParamsSchema,
    querystring: StartOidcQuerySchema,
    response: { 303: Type.Null() },
    problems: [400, 404, 503],
  }),
  finishOidcSignIn: defineRoute({
    method: 'GET',
    path: '/api/v1/auth/oidc/callback',
    operationId: 'finishOidcSignIn',
    tags: ['auth'],
    summary: 'The redirect URI: checks the answer and the ID token, starts the session, and sends the browser on',
    description:
      'On success a redirect to the web client (`/login?sso=done&next=…`) with the refresh cookie set; on refusal a redirect to `/login?sso=<reason>`.',
    access: { kind: 'public' },
    querystring: OidcCallbackQuerySchema,
    response: { 303: Type.Null() },
    problems: [400],
  }),
} as const;
