import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Database } from '../db/client.js';

/**
 * Fixed-window counters kept in PostgreSQL, so that every API replica counts against the same
 * limit (DESIGN.md: no replica keeps state another cannot see). One statement per count: an upsert
 * on the `login_throttle` table (key, count, window start), which also holds sign-in failures.
 */
const INCREMENT_SQL = `
  insert into login_throttle as t (key, failures, window_started_at) values ($1, 1, now())
  on conflict (key) do update set
    failures = case when t.window_started_at <= now() - make_interval(secs => $2::double precision / 1000) then 1 else t.failures + 1 end,
    window_started_at = case when t.window_started_at <= now() - make_interval(secs => $2::double precision / 1000) then now() else t.window_started_at end
  returning failures, greatest(1, ceil(extract(epoch from (window_started_at + make_interval(secs => $2::double precision / 1000) - now())) * 1000))::int as ttl`;

export interface Counters {
  /** Counts one more for `key` in its window of `windowMs`: the count so far and the ms until the window ends. */
  increment(key: string, windowMs: number): Promise<{ current: number; ttl: number }>;
}

export function createCounters(database: Pick<Database, 'rows'>): Counters {
  return {
    async increment(key, windowMs) {
      const [row] = await database.rows('counter_increment', { sql: INCREMENT_SQL, params: [key, windowMs] });
      return { current: Number(row![0]), ttl: Number(row![1]) };
    },
  };
}

/** A store for @fastify/rate-limit over these counters (its own key prefix keeps it apart). */
export function rateLimitStore(counters: Counters, prefix: string): FastifyRateLimitStoreCtor {
  class PostgresStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      counters.increment(`${prefix}${key}`, timeWindow).then(
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
