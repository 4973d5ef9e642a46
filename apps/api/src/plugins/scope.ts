import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import fp from 'fastify-plugin';
import { InvalidFieldError, NotFoundError } from '../lib/errors.js';
import { PUBLIC_CALLER, type Actor, type Caller, type Scope, type View } from '../lib/scope.js';
import { canReadInternal, type Principal } from './auth.js';
import { addRouteHook } from './route-hooks.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route is under `:kommunenummer` (from its contract path): it gets a `scope`. */
    scoped?: boolean;
  }
  interface FastifyRequest {
    /** The municipality scope of a route under `:kommunenummer` (see plugins/scope.ts). */
    scope: Scope;
  }
}

export interface ScopeOptions {
  /**
   * The municipality's host (itself unless it is a partner) and setup version (lib/setup-version.ts),
   * in one statement; undefined when there is no such municipality.
   */
  scopeOf(kommunenummer: string): Promise<{ host: string; setupVersion: string } | undefined>;
}

const KOMMUNENUMMER = /^[0-9]{4}$/;

/** The audit actor for a request. */
export function actorOf(request: FastifyRequest): Actor {
  const p = request.principal;
  if (p.kind === 'user') return { type: 'user', id: p.id, label: p.email, requestId: request.id };
  if (p.kind === 'token') return { type: 'token', id: p.id, label: p.label, requestId: request.id };
  return { type: 'system', id: null, label: 'anonymous', requestId: request.id };
}

/** What `principal` sees of `kommunenummer` (a partner's host's users see the partner as their own). */
export function callerOf(principal: Principal, kommunenummer: string, host = kommunenummer): Caller {
  const internal = canReadInternal(principal, kommunenummer) || (host !== kommunenummer && canReadInternal(principal, host));
  if (principal.kind === 'token') return { internal, allClosed: false, manages: principal.kommunenummer === kommunenummer, email: null };
  if (principal.kind !== 'user') return { internal, allClosed: false, manages: false, email: null };
  const coordinates = principal.isAdmin || principal.roles.get(kommunenummer) === 'coordinator';
  return { internal, allClosed: internal && coordinates, manages: coordinates, email: principal.email };
}

/**
 * The municipality scope, resolved once per request for every route whose contract path has
 * `:kommunenummer`: a malformed or empty number is a 400 naming the parameter (checked before
 * authorization, so no caller ever gets a 5xx for it), an unknown one a 404; otherwise the
 * handler finds `request.scope` with the host, the actor, the caller and the view.
 */
export const scopePlugin = fp(
  async (app: FastifyInstance, options: ScopeOptions) => {
    app.decorateRequest('scope', null as never);

    // Only routes under :kommunenummer get these hooks; the first two run before the route's own.
    const checkForm = (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
      const k = (request.params as { kommunenummer?: unknown } | undefined)?.kommunenummer;
      if (typeof k === 'string' && KOMMUNENUMMER.test(k)) return done();
      done(new InvalidFieldError({ in: 'path', name: 'kommunenummer', detail: 'must be a four-digit kommunenummer, e.g. 3401' }));
    };
    /** `offersPublicView`: the route's contract has `?view=public`, the public view whoever asks. */
    const resolver = (offersPublicView: boolean) => (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
      const kommunenummer = (request.params as { kommunenummer: string }).kommunenummer;
      options.scopeOf(kommunenummer).then((found) => {
        if (found === undefined) return done(new NotFoundError(`There is no municipality with kommunenummer ${kommunenummer}.`));
        const { host, setupVersion } = found;
        const publicAsked = offersPublicView && (request.query as { view?: unknown }).view === 'public';
        const caller = publicAsked ? PUBLIC_CALLER : callerOf(request.principal, kommunenummer, host);
        const view: View = caller.internal ? 'internal' : 'public';
        request.scope = { kommunenummer, host, actor: actorOf(request), caller, view, setupVersion };
        done();
      }, done);
    };
    const resolve = resolver(false);
    const resolvePublicView = resolver(true);
    app.addHook('onRoute', (route) => {
      if (!route.config?.scoped) return;
      addRouteHook(route, 'preValidation', checkForm, true);
      // Before the route's own preHandlers: those of its contract (versioning) read the scope.
      const query = route.schema?.querystring as { properties?: Record<string, unknown> } | undefined;
      addRouteHook(route, 'preHandler', query?.properties?.['view'] ? resolvePublicView : resolve, true);
    });
  },
  // Before auth: the number's form is checked before authorization uses it.
  { name: 'scope', dependencies: ['problems', 'contract'] },
);
