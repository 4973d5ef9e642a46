import type { Static, TSchema } from 'typebox';
import { buildPath, type RouteContract } from '../contract.js';
import type { Problem } from '../schemas/problem.js';

type ParamsOf<C> = C extends { params: infer P extends TSchema } ? { params: Static<P> } : { params?: never };
type QueryOf<C> = C extends { querystring: infer Q extends TSchema } ? { query?: Static<Q> } : { query?: never };
type BodyOf<C> = C extends { body: infer B extends TSchema } ? { body: Static<B> } : { body?: never };

/** What a call to route `C` takes: its path parameters, query and body, typed from the contract. */
export type RequestInput<C extends RouteContract> = ParamsOf<C> &
  QueryOf<C> &
  BodyOf<C> & { signal?: AbortSignal; headers?: Record<string, string> };

/** The success body of route `C`. */
export type ResponseBody<C extends RouteContract> = C extends { response: { 200: infer S extends TSchema } }
  ? Static<S>
  : C extends { response: { 201: infer S extends TSchema } }
    ? Static<S>
    : undefined;

/** A problem+json answer (or a network-level failure) surfaced as an exception. */
export class ProblemError extends Error {
  readonly problem: Problem;
  readonly status: number;
  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ProblemError';
    this.problem = problem;
    this.status = problem.status;
  }
}

export interface ClientOptions {
  /** Origin of the API, e.g. `https://slt.example.no`. Empty for same-origin use in a browser. */
  baseUrl?: string;
  /** A fetch implementation; the global one by default. */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every request (e.g. `Accept-Language`). */
  headers?: Record<string, string> | (() => Record<string, string>);
}

export type Client = ReturnType<typeof createClient>;

function toSearch(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, String(v)));
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function readProblem(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as Partial<Problem>;
    if (parsed && typeof parsed.title === 'string' && typeof parsed.status === 'number') {
      return parsed as Problem;
    }
  } catch {
    // not JSON: fall through to a generic problem
  }
  return {
    type: 'about:blank',
    title: response.statusText || 'HTTP error',
    status: response.status,
  };
}

/**
 * A typed client over the route contracts: `client.call(routes.getMunicipality, { params })`.
 * Success bodies are typed from the contract; problem answers throw `ProblemError`.
 */
export function createClient(options: ClientOptions = {}) {
  const baseUrl = (options.baseUrl ?? '').replace(/\/$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  /** Like `call`, with the response headers too (for `ETag`, say). */
  async function request<C extends RouteContract>(
    route: C,
    input: RequestInput<C>,
  ): Promise<{ body: ResponseBody<C>; headers: Headers; status: number }> {
    const { params, query, body, signal, headers } = input as {
      params?: Record<string, string>;
      query?: Record<string, unknown>;
      body?: unknown;
      signal?: AbortSignal;
      headers?: Record<string, string>;
    };
    const defaults = typeof options.headers === 'function' ? options.headers() : (options.headers ?? {});
    const url = `${baseUrl}${buildPath(route.path, params)}${toSearch(query)}`;
    const init: RequestInit = {
      method: route.method,
      headers: {
        accept: 'application/json, application/problem+json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...defaults,
        ...headers,
      },
    };
    if (body !== undefined) init.body = JSON.stringify(body);
    if (signal) init.signal = signal;
    const response = await doFetch(url, init);
    if (!response.ok) throw new ProblemError(await readProblem(response));
    const parsed: unknown = response.status === 204 ? undefined : await response.json();
    return { body: parsed as ResponseBody<C>, headers: response.headers, status: response.status };
  }

  async function call<C extends RouteContract>(route: C, input: RequestInput<C>): Promise<ResponseBody<C>> {
    return (await request(route, input)).body;
  }

  return { call, request };
}
