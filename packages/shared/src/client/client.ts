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

/**
 * Bytes sent as they are instead of the JSON of `body`: a file being uploaded, say. `open` is
 * called once per attempt, so a retry sends the bytes again from the start (a stream is read once).
 */
export interface RawBody {
  /** Their media type, e.g. `text/csv; charset=utf-8` or `application/json`. */
  contentType: string;
  /** Their length in bytes, sent as `Content-Length` (so the server can refuse a body over its limit before reading it). */
  length?: number;
  open: () => ReadableStream<Uint8Array> | Blob | string;
}

/** What `send` takes: the route's path parameters and query, and optionally raw bytes to send. */
export type SendInput<C extends RouteContract> = ParamsOf<C> &
  QueryOf<C> & { raw?: RawBody; signal?: AbortSignal; headers?: Record<string, string> };

/** A retry about to happen (see `ClientOptions.onRetry`). */
export interface RetryEvent {
  /** 1 for the first retry. */
  attempt: number;
  /** How long the client waits before it (Retry-After, or the backoff). */
  delayMs: number;
  /** The answer's status (429, 502, 503, 504), or undefined after a network error. */
  status?: number;
  /** The network error, if that was the reason. */
  error?: unknown;
}

/** The success body of route `C`. */
export type ResponseBody<C extends RouteContract> = C extends { response: { 200: infer S extends TSchema } }
  ? Static<S>
  : C extends { response: { 201: infer S extends TSchema } }
    ? Static<S>
    : undefined;

/** A problem+json answer surfaced as an exception: branch on `type` or `status`, show `errors` at their fields. */
export class ProblemError extends Error {
  readonly problem: Problem;
  readonly status: number;
  readonly type: string;
  /** Each bad field with its JSON pointer (validation problems). */
  readonly errors: NonNullable<Problem['errors']>;
  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ProblemError';
    this.problem = problem;
    this.status = problem.status;
    this.type = problem.type;
    this.errors = problem.errors ?? [];
  }
}

export interface ClientOptions {
  /** Origin of the API, e.g. `https://slt.example.no`. Empty for same-origin use in a browser. */
  baseUrl?: string;
  /** A fetch implementation; the global one by default. */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every request (e.g. `Accept-Language`). */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** An API token (`slt_…`) or access token, sent as `Authorization: Bearer`; a function is asked on every request. */
  token?: string | (() => string | undefined);
  /**
   * How many times to retry a request that met a network error, a 429 or a 502/503/504
   * (default 2; 0 turns retries off). Reads and PUT/PATCH/DELETE are retried; a POST only when it
   * carries an `Idempotency-Key` (the same key on every attempt, so the server does it once).
   */
  retries?: number;
  /** The wait before retry n (ms), unless the server's Retry-After says otherwise. Default 250 · 2ⁿ. */
  retryDelayMs?: (attempt: number) => number;
  /** Told about every retry before its wait (to say so to a user, say). */
  onRetry?: (event: RetryEvent) => void;
}

const RETRIED_STATUSES = new Set([429, 502, 503, 504]);
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      // The abort reason as given (an AbortError DOMException unless the caller chose another).
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      reject(signal.reason);
    });
  });

/** A fresh Idempotency-Key for a write that should be done once however often it is sent. */
export const newIdempotencyKey = (): string => globalThis.crypto.randomUUID();

/** The items type of a paginated route's answer. */
type ItemOf<C extends RouteContract> = ResponseBody<C> extends { items: (infer I)[]; nextCursor: string | null } ? I : never;

export type Client = ReturnType<typeof createClient>;

function toSearch(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    // Query values are scalars (strings, numbers, booleans) or arrays of them: String() is their text.

    if (Array.isArray(value)) value.forEach((v) => search.append(key, String(v)));
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
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

  /**
   * The raw answer of route `C` once it succeeded (2xx), for bodies to stream rather than parse
   * (a large export, say); `raw` sends bytes as they are (an upload). Retries and problems as `call`.
   */
  async function send<C extends RouteContract>(route: C, input: SendInput<C>): Promise<Response> {
    const { params, query, raw, signal, headers } = input as {
      params?: Record<string, string>;
      query?: Record<string, unknown>;
      raw?: RawBody;
      signal?: AbortSignal;
      headers?: Record<string, string>;
    };
    const defaults = typeof options.headers === 'function' ? options.headers() : (options.headers ?? {});
    const token = typeof options.token === 'function' ? options.token() : options.token;
    const url = `${baseUrl}${buildPath(route.path, params)}${toSearch(query)}`;
    const allHeaders: Record<string, string> = {
      accept: route.produces ? `${route.produces}, application/problem+json` : 'application/json, application/problem+json',
      ...(raw === undefined ? {} : { 'content-type': raw.contentType }),
      ...(raw?.length === undefined ? {} : { 'content-length': String(raw.length) }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...defaults,
      ...headers,
    };
    const hasKey = Object.keys(allHeaders).some((h) => h.toLowerCase() === 'idempotency-key');
    const retries = route.method === 'POST' && !hasKey ? 0 : (options.retries ?? 2);
    const retry = async (attempt: number, delayMs: number, reason: Pick<RetryEvent, 'status' | 'error'>) => {
      options.onRetry?.({ attempt: attempt + 1, delayMs, ...reason });
      await sleep(delayMs, signal);
    };
    for (let attempt = 0; ; attempt++) {
      const init: RequestInit & { duplex?: 'half' } = { method: route.method, headers: allHeaders };
      if (raw !== undefined) {
        const body = raw.open();
        init.body = body;
        if (typeof body !== 'string' && !(body instanceof Blob)) {
          // A stream as request body needs half duplex (Node's fetch refuses it otherwise). A stream
          // cannot be sent again to follow a redirect, and with redirect 'follow' fetch keeps a copy
          // of every byte sent in case it must (the whole file in memory): 'error' sends it once.
          init.duplex = 'half';
          init.redirect = 'error';
        }
      }
      if (signal) init.signal = signal;
      let response: Response;
      try {
        response = await doFetch(url, init);
      } catch (error) {
        if (attempt >= retries || signal?.aborted) throw error;
        await retry(attempt, delayOf(attempt), { error });
        continue;
      }
      if (response.ok) return response;
      if (attempt < retries && RETRIED_STATUSES.has(response.status)) {
        const retryAfter = Number(response.headers.get('retry-after'));
        await response.body?.cancel();
        await retry(attempt, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : delayOf(attempt), {
          status: response.status,
        });
        continue;
      }
      throw new ProblemError(await readProblem(response));
    }
  }

  /** Like `call`, with the response headers too (for `ETag`, say). */
  async function request<C extends RouteContract>(
    route: C,
    input: RequestInput<C>,
  ): Promise<{ body: ResponseBody<C>; headers: Headers; status: number }> {
    const { body, ...rest } = input as { body?: unknown };
    const raw: RawBody | undefined = body === undefined ? undefined : { contentType: 'application/json', open: () => JSON.stringify(body) };
    const response = await send(route, { ...rest, ...(raw ? { raw } : {}) } as SendInput<C>);
    const type = response.headers.get('content-type') ?? '';
    const parsed: unknown =
      response.status === 204 || response.status === 304 ? undefined : /json/.test(type) ? await response.json() : await response.text();
    return { body: parsed as ResponseBody<C>, headers: response.headers, status: response.status };
  }

  const delayOf = (attempt: number) => (options.retryDelayMs ?? ((n: number) => 250 * 2 ** n))(attempt);

  /**
   * Every item of a paginated list, page after page (following `nextCursor`), as an async iterator:
   * `for await (const m of client.paginate(routes.listMeasures, { params }))`.
   */
  async function* paginate<C extends RouteContract>(route: C, input: RequestInput<C>): AsyncGenerator<ItemOf<C>, void, undefined> {
    const base = input as { query?: Record<string, unknown> };
    let cursor: string | null | undefined;
    do {
      const page = (await call(route, { ...input, query: { ...base.query, ...(cursor ? { cursor } : {}) } })) as unknown as {
        items: ItemOf<C>[];
        nextCursor: string | null;
      };
      yield* page.items;
      cursor = page.nextCursor;
    } while (cursor);
  }

  async function call<C extends RouteContract>(route: C, input: RequestInput<C>): Promise<ResponseBody<C>> {
    return (await request(route, input)).body;
  }

  return { call, request, send, paginate };
}
