import jwt from '@fastify/jwt';
import type { Access, Role, TokenScope } from '@slt/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import fp from 'fastify-plugin';
import type { Counters } from '../lib/counters.js';
import { ForbiddenError, NotFoundError, TooManyRequestsError, UnauthorizedError } from '../lib/errors.js';
import { addRouteHook } from './route-hooks.js';

/** Who is calling: resolved once per request from the Authorization header. */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; id: string; email: string; isAdmin: boolean; roles: ReadonlyMap<string, Role> }
  | { kind: 'token'; id: string; label: string; kommunenummer: string; scopes: readonly TokenScope[] };

export interface AccessTokenClaims {
  sub: string;
  /** The user's session version when issued: a password change or deactivation bumps it. */
  sv: number;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessTokenClaims;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
}

export const JWT_ISSUER = 'slt-api';
export const JWT_AUDIENCE = 'slt-api';
export const ACCESS_TOKEN_TTL_SECONDS = 10 * 60;
export const API_TOKEN_PREFIX = 'slt_';

export interface PrincipalResolvers {
  /** The user behind verified claims, or null when inactive, unknown or the session ended. */
  user(claims: AccessTokenClaims): Promise<Principal | null>;
  /** The API token for a secret, or null when unknown, revoked or expired. */
  apiToken(secret: string): Promise<Principal | null>;
}

const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous' });
const roleRank: Record<Role, number> = { member: 1, coordinator: 2 };
const isRead = (method: string) => method === 'GET' || method === 'HEAD';

/**
 * Decides whether `principal` may call a route declared with `access`. Callers outside a
 * municipality get 404 on its internal reads (its data's existence is not disclosed) and 403 on writes.
 */
export function authorize(access: Access, principal: Principal, method: string, kommunenummer: string | undefined) {
  if (access.kind === 'public') return;
  if (principal.kind === 'anonymous') throw new UnauthorizedError();
  if (access.kind === 'user') {
    if (principal.kind !== 'user') throw new ForbiddenError('API tokens cannot call this route.');
    return;
  }
  if (access.kind === 'admin') {
    if (principal.kind === 'user' && principal.isAdmin) return;
    throw new ForbiddenError('Only administrators can do this.');
  }
  if (!kommunenummer) throw new Error('A municipality route needs a :kommunenummer parameter');
  if (principal.kind === 'user') {
    if (principal.isAdmin) return;
    const role = principal.roles.get(kommunenummer);
    if (role && roleRank[role] >= roleRank[access.role]) return;
    if (!role && isRead(method)) throw new NotFoundError('Not found.');
    throw new ForbiddenError(`This needs the ${access.role} role in ${kommunenummer}.`);
  }
  if (principal.kommunenummer !== kommunenummer) {
    if (isRead(method)) throw new NotFoundError('Not found.');
    throw new ForbiddenError('The token belongs to another municipality.');
  }
  if (!access.tokenScope || !principal.scopes.includes(access.tokenScope)) {
    throw new ForbiddenError(access.tokenScope ? `The token lacks the ${access.tokenScope} scope.` : 'API tokens cannot call this route.');
  }
}

/**
 * Whether the caller may see a municipality's internal data on a public read: its users (any
 * role), admins, and its API tokens with the read scope. Everyone else gets the public view.
 */
export function canReadInternal(principal: Principal, kommunenummer: string): boolean {
  if (principal.kind === 'user') return principal.isAdmin || principal.roles.has(kommunenummer);
  if (principal.kind === 'token') return principal.kommunenummer === kommunenummer && principal.scopes.includes('read');
  return false;
}

/**
 * Authentication (JWT access tokens and API tokens, both as `Authorization: Bearer`) and
 * authorization against each route's declared access. A present but invalid credential is a
 * 401 even on public routes, so a client never silently falls back to anonymous.
 */
export const authPlugin = fp(
  async (
    app: FastifyInstance,
    options: { jwtSecret: string; resolvers: PrincipalResolvers; counters: Counters; failedCredentialsPerMinute: number },
  ) => {
    await app.register(jwt, {
      secret: options.jwtSecret,
      sign: { algorithm: 'HS256', iss: JWT_ISSUER, aud: JWT_AUDIENCE, expiresIn: ACCESS_TOKEN_TTL_SECONDS },
      verify: { algorithms: ['HS256'], allowedIss: JWT_ISSUER, allowedAud: JWT_AUDIENCE, requiredClaims: ['exp', 'sub'] },
    });
    app.decorateRequest('principal', null as never);

    // Failed credentials per address, counted in PostgreSQL (all replicas): past the limit, an
    // address's credentials are refused with a 429 before any lookup, until the window ends.
    // The block itself is remembered here, learnt from the count a failure returns.
    const blockedUntil = new Map<string, number>();
    const limit = options.failedCredentialsPerMinute;
    const refuseBlocked = (ip: string): TooManyRequestsError | undefined => {
      const until = blockedUntil.get(ip);
      if (until === undefined) return undefined;
      if (until <= Date.now()) {
        blockedUntil.delete(ip);
        return undefined;
      }
      return new TooManyRequestsError(
        'Too many invalid credentials from your address: wait before trying again.',
        Math.ceil((until - Date.now()) / 1000),
      );
    };
    const countFailure = async (ip: string) => {
      if (limit === 0) return;
      const { current, ttl } = await options.counters.increment(`credentials:${ip}`, 60_000);
      if (current >= limit) blockedUntil.set(ip, Date.now() + ttl);
    };

    app.addHook('onRequest', (request, _reply, done) => {
      request.principal = ANONYMOUS;
      const header = request.headers.authorization;
      if (header === undefined) return done();
      const blocked = limit > 0 ? refuseBlocked(request.ip) : undefined;
      if (blocked) return done(blocked);
      authenticate(header).then(
        (principal) => {
          request.principal = principal;
          done();
        },
        (error: Error) => {
          if (!(error instanceof UnauthorizedError)) return done(error);
          countFailure(request.ip).then(() => done(error), done);
        },
      );
    });

    async function authenticate(header: string): Promise<Principal> {
      const match = /^Bearer ([^\s]+)$/i.exec(header);
      if (!match) throw new UnauthorizedError('The Authorization header must be "Bearer <token>".');
      const credential = match[1]!;
      let principal: Principal | null = null;
      if (credential.startsWith(API_TOKEN_PREFIX)) {
        principal = await options.resolvers.apiToken(credential);
      } else {
        let claims: AccessTokenClaims | undefined;
        try {
          claims = app.jwt.verify<AccessTokenClaims>(credential);
        } catch {
          claims = undefined;
        }
        if (claims && typeof claims.sv === 'number') principal = await options.resolvers.user(claims);
      }
      if (!principal) throw new UnauthorizedError('The token is invalid, expired or revoked.');
      return principal;
    }

    // Authorization is a hook of each route that is not public (non-API routes, the web client and
    // the docs, declare no access; /api routes must, checked at registration), after the scope's
    // check of the number's form.
    app.addHook('onRoute', (route) => {
      const access = route.config?.access;
      if (!access || access.kind === 'public') return;
      addRouteHook(route, 'preValidation', (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
        const params = request.params as { kommunenummer?: string } | undefined;
        try {
          authorize(access, request.principal, request.method, params?.kommunenummer);
          done();
        } catch (error) {
          done(error as Error);
        }
      });
    });
  },
  { name: 'auth', dependencies: ['problems'] },
);
