/**
 * Database errors that say "not now" rather than "wrong": the database is down or restarting, the
 * pool had no connection to give in time, or a statement or lock wait ran past its timeout. The
 * API answers those with a 503 problem and `Retry-After`, so clients retry instead of failing.
 */

/** SQLSTATEs of a connection or server that is not available (class 08, shutdown, starting, full). */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', '53000']);
/** Node's socket errors when the server cannot be reached. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);
/** pg-pool's and pg's own messages (they carry no code). */
const UNAVAILABLE_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|connection timeout|Cannot use a pool after calling end/i;
/** statement_timeout (57014 query_canceled) and lock_timeout (55P03 lock_not_available). */
const TIMEOUT_CODES = new Set(['57014', '55P03']);

export type DatabaseFault = 'unavailable' | 'timeout';

/** What kind of temporary database fault an error is (through Drizzle's and AggregateError's wrapping), if any. */
export function databaseFaultOf(error: unknown): DatabaseFault | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length && seen.size < 10) {
    const e = queue.shift() as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown } | undefined;
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const code = typeof e.code === 'string' ? e.code : '';
    if (TIMEOUT_CODES.has(code)) return 'timeout';
    if (UNAVAILABLE_CODES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code)) return 'unavailable';
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return 'unavailable';
    if (e.cause) queue.push(e.cause);
    if (Array.isArray(e.errors)) queue.push(...(e.errors as unknown[]));
  }
  return undefined;
}

/** Seconds a client should wait before retrying after such a fault. */
export const RETRY_AFTER_SECONDS: Record<DatabaseFault, number> = { unavailable: 5, timeout: 2 };
