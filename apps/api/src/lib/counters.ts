import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Database } from '../db/client.js';

/**
 * Fixed-window counters kept in PostgreSQL, so that every API replica counts against the same
 * limit (DESIGN.md: no replica keeps state another cannot see). One statement per count (or per
 * lease of counts, below): an upsert on the `login_throttle` table (key, count, window start),
 * which also holds sign-in failures.
 */
const INCREMENT_SQL = `
  insert into login_throttle as t (key, failures, window_started_at) values ($1, $3::int, now())
  on conflict (key) do update set
    failures = case when t.window_started_at <= now() - make_interval(secs => $2::double precision / 1000) then $3::int else t.failures + $3::int end,
    window_started_at = case when t.window_started_at <= now() - make_interval(secs => $2::double precision / 1000) then now() else t.window_started_at end
  returning failures, greatest(1, ceil(extract(epoch from (window_started_at + make_interval(secs => $2::double precision / 1000) - now())) * 1000))::int as ttl`;

export interface Counters {
  /**
   * Counts `by` (1 unless said) more for `key` in its window of `windowMs`: the count so far and
   * the ms until the window ends.
   */
  increment(key: string, windowMs: number, by?: number): Promise<{ current: number; ttl: number }>;
}

export function createCounters(database: Pick<Database, 'rows'>): Counters {
  return {
    async increment(key, windowMs, by = 1) {
      const [row] = await database.rows('counter_increment', { sql: INCREMENT_SQL, params: [key, windowMs, by] });
      return { current: Number(row![0]), ttl: Number(row![1]) };
    },
  };
}

/** Counts this process has taken from PostgreSQL for one key and window, and not yet used. */
interface Lease {
  next: number;
  last: number;
  windowEnd: number;
}

/** Above this many keys, a new lease first drops the leases of ended windows. */
const MAX_LEASES = 10_000;

/**
 * Counts for a busy key (the anonymous limit, one key per address) taken from the shared counter
 * `size` at a time: one upsert per `size` requests instead of one per request, which cost a third
 * of an anonymous read's throughput (`pnpm bench --rate-limit`). The counts a process has taken
 * are counted for every replica, so the limit is never exceeded; a replica's unused counts are
 * lost when the window ends, so with R replicas an address may be refused up to (R − 1) × (size
 * − 1) requests early. Requests that arrive while a lease is being taken wait for it.
 */
export function leasedCounts(
  counters: Counters,
  size: number,
): (key: string, windowMs: number) => Promise<{ current: number; ttl: number }> {
  // Counted one by one: each count is its own upsert, and concurrent ones need not wait for each other.
  if (size === 1) return (key, windowMs) => counters.increment(key, windowMs);
  const leases = new Map<string, Lease>();
  const taking = new Map<string, Promise<void>>();
  const take = async (key: string, windowMs: number): Promise<void> => {
    const { current: last, ttl } = await counters.increment(key, windowMs, size);
    if (leases.size >= MAX_LEASES) for (const [k, lease] of leases) if (lease.windowEnd <= Date.now()) leases.delete(k);
    leases.set(key, { next: last - size + 1, last, windowEnd: Date.now() + ttl });
  };
  return async function count(key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
    for (;;) {
      const lease = leases.get(key);
      const now = Date.now();
      if (lease && lease.next <= lease.last && now < lease.windowEnd) return { current: lease.next++, ttl: lease.windowEnd - now };
      let pending = taking.get(key);
      if (!pending) {
        pending = take(key, windowMs).finally(() => taking.delete(key));
        taking.set(key, pending);
      }
      await pending;
    }
  };
}

/**
 * A store for @fastify/rate-limit over these counters (its own key prefix keeps it apart), taking
 * counts in leases of `leaseSize` (1: every request is one upsert).
 */
export function rateLimitStore(counters: Counters, prefix: string, leaseSize = 1): FastifyRateLimitStoreCtor {
  const count = leasedCounts(counters, leaseSize);
  class PostgresStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      count(`${prefix}${key}`, timeWindow).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
    }
    child(): FastifyRateLimitStore {
      return this;
    }
  }
  return PostgresStore;
}
