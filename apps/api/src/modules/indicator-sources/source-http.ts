import { ProblemType } from '@slt/shared';
import { AppError } from '../../lib/errors.js';

/** A statistics source that failed, or answered what it should not: a 502 problem, the failure kept on the link. */
export class SourceError extends AppError {
  constructor(detail: string) {
    super(502, ProblemType.sourceUnavailable, 'Statistics source failed', detail);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * At most `perWindow` requests in any `windowMs` (SSB: 30 a minute per address): a caller waits
 * for its turn, in order. One per source and process; a process is one address.
 */
export class RequestLimiter {
  private readonly sent: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly perWindow: number,
    private readonly windowMs = 60_000,
  ) {}

  acquire(): Promise<void> {
    const turn = this.queue.then(async () => {
      for (;;) {
        const now = Date.now();
        while (this.sent.length > 0 && this.sent[0]! <= now - this.windowMs) this.sent.shift();
        if (this.sent.length < this.perWindow) {
          this.sent.push(now);
          return;
        }
        await sleep(this.sent[0]! + this.windowMs - now + 1);
      }
    });
    this.queue = turn;
    return turn;
  }
}

export interface SourceHttpOptions {
  limiter: RequestLimiter;
  timeoutMs: number;
  /** The longest Retry-After this client waits for; a longer one fails the import. */
  maxRetryAfterMs: number;
  /** Attempts in all when the source answers 429 or 503 with Retry-After. */
  attempts?: number;
}

/** Seconds or an HTTP date, as milliseconds from now. */
function retryAfterMs(header: string | null): number | null {
  if (header === null) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/**
 * One request to a source: in the limiter's turn, with a timeout; a 429 (or 503) with
 * Retry-After is waited out and retried; anything else that is not 2xx is a SourceError naming
 * the source and the status, never the body (which may be large or hostile).
 */
export async function requestSource(
  name: string,
  init: { url: string; method?: 'GET' | 'POST'; body?: unknown; accept: string },
  options: SourceHttpOptions,
): Promise<Response> {
  const { url } = init;
  const attempts = options.attempts ?? 4;
  for (let attempt = 1; ; attempt++) {
    await options.limiter.acquire();
    let response: Response;
    try {
      response = await fetch(url, {
        method: init.method ?? 'GET',
        headers: { accept: init.accept, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new SourceError(timedOut ? `${name} did not answer within ${options.timeoutMs / 1000} s.` : `${name} could not be reached.`);
    }
    if (response.ok) return response;
    await response.body?.cancel();
    const wait = retryAfterMs(response.headers.get('retry-after'));
    if ((response.status === 429 || response.status === 503) && wait !== null && attempt < attempts) {
      if (wait > options.maxRetryAfterMs)
        throw new SourceError(`${name} asks to wait ${Math.ceil(wait / 1000)} s (more than this server waits): try again later.`);
      await sleep(wait);
      continue;
    }
    if (response.status === 429) throw new SourceError(`${name} refuses more requests right now (429): try again later.`);
    if (response.status === 404)
      throw new SourceError(`${name} has no such table or selection (404): check the table id and the dimension codes.`);
    if (response.status >= 400 && response.status < 500)
      throw new SourceError(`${name} refused the request (${response.status}): check the table id and the dimension codes.`);
    throw new SourceError(`${name} failed (${response.status}): the last imported values are kept.`);
  }
}

/** The answer as JSON, or a SourceError when it is not. */
export async function jsonOf(name: string, response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SourceError(`${name} answered with something that is not JSON.`);
  }
}
