import type { TObject, TSchema } from 'typebox';

export type Role = 'coordinator' | 'member';
export type TokenScope = 'read' | 'write' | 'import';

/**
 * Who may call a route. Every route declares one; the API refuses to start with a route
 * that does not (see apps/api/src/plugins/contract.ts).
 *
 * - `public`: anyone, anonymous included; only public data is served.
 * - `user`: any signed-in user (not an API token).
 * - `municipality`: the `:kommunenummer` in the path decides: users with `role` there (a
 *   coordinator also holds every member right), admins, and, when `tokenScope` is given, that
 *   municipality's API tokens carrying the scope. Other callers get 404 on reads, 403 on writes.
 * - `admin`: system administrators only.
 */
export type Access =
  { kind: 'public' } | { kind: 'user' } | { kind: 'municipality'; role: Role; tokenScope?: TokenScope } | { kind: 'admin' };

/** Writes to a municipality's SLT setup: its coordinators, admins, and its API tokens with the write scope. */
export const setupWrite = { kind: 'municipality', role: 'coordinator', tokenScope: 'write' } as const satisfies Access;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Problem statuses a route can answer with besides its success responses. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 502 | 503;

/**
 * One HTTP operation, described once and obeyed by both the server (validation,
 * serialization, OpenAPI) and the client (URL, query, typing).
 */
export interface RouteContract {
  method: HttpMethod;
  /** Path in Fastify syntax: `/api/v1/municipalities/:kommunenummer`. */
  path: string;
  operationId: string;
  tags: readonly string[];
  summary: string;
  description?: string;
  access: Access;
  params?: TObject;
  querystring?: TObject;
  body?: TSchema;
  /** Success responses by status. */
  response: Readonly<Partial<Record<200 | 201 | 202 | 204 | 303 | 304, TSchema>>>;
  /** Problem (application/problem+json) responses the route can give; 500 is implied. */
  problems: readonly ProblemStatus[];
  /** Response media type for the success response when it is not JSON. */
  produces?: string;
  /**
   * The answer carries an `ETag` (a hash of what is sent); on a read, `If-None-Match` with it is
   * a 304. Done by the API's contract plugin, never by a handler. `'setup'`: the tag is the
   * municipality's setup version (moved by every audited write) with the request's URL, the
   * caller's view and the day in Europe/Oslo, so a 304 is answered before the handler runs,
   * without building the answer (for reads of a municipality's setup, calendars and widget).
   */
  etag?: boolean | 'setup';
  /**
   * The write needs `If-Match` with the ETag of the caller's last read: 428 when it is missing,
   * 412 when the resource changed since (the service compares under its row lock).
   */
  ifMatch?: boolean;
  /** `Location` of a created resource: a path whose `:name` segments are filled from the answer's fields. */
  location?: string;
}

export function defineRoute<const C extends RouteContract>(contract: C): C {
  return contract;
}

/** Fills `:name` segments of a contract path. */
export function buildPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(String(value));
  });
}
