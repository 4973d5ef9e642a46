import type { RouteOptions } from 'fastify';

type Hook = (...args: never[]) => unknown;

/**
 * Adds a hook to one route's own hooks, from an `onRoute` hook: a plugin gives its hook only to the
 * routes that need it (those whose config asks for it), instead of running a global hook on every
 * request that looks the route's config up and returns. `first` puts it before the route's own hooks
 * of that kind (a hook they depend on), otherwise it comes after them.
 */
export function addRouteHook(route: RouteOptions, kind: 'preValidation' | 'preHandler', hook: Hook, first = false): void {
  const existing = route[kind] as Hook | Hook[] | undefined;
  const hooks = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
  (route as unknown as Record<string, Hook[]>)[kind] = first ? [hook, ...hooks] : [...hooks, hook];
}
