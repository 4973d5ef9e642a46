import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { openTestDatabase } from '../../test/test-app.js';
import { createCounters, leasedCounts, type Counters } from './counters.js';

/**
 * Leased counts (the anonymous rate limit's): each process takes a key's counts from the shared
 * counter in PostgreSQL `size` at a time. Every count is unique across processes, so the limit
 * holds for all replicas together, and a busy key costs one upsert per lease.
 */
let database: Database;
let dispose: () => Promise<void>;
beforeAll(async () => {
  ({ database, dispose } = await openTestDatabase());
});
afterAll(async () => {
  await dispose?.();
});

/** The shared counter, and how many upserts went to the database through it. */
function counted(): { counters: Counters; upserts: () => number } {
  const counters = createCounters(database);
  let upserts = 0;
  return {
    counters: {
      increment: (key, windowMs, by) => {
        upserts += 1;
        return counters.increment(key, windowMs, by);
      },
    },
    upserts: () => upserts,
  };
}

async function stored(key: string): Promise<number> {
  const [row] = await database.rows('test_stored_count', { sql: 'select failures from login_throttle where key = $1', params: [key] });
  return Number(row?.[0] ?? 0);
}

describe('leased counts', () => {
  it('counts 1, 2, 3… in one process with one upsert per lease', async () => {
    const { counters, upserts } = counted();
    const count = leasedCounts(counters, 5);
    const seen = [];
    for (let i = 0; i < 12; i++) seen.push((await count('lease:one', 60_000)).current);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(upserts()).toBe(3);
    // The database holds what the process took: three leases of five.
    expect(await stored('lease:one')).toBe(15);
  });

  it('lets requests that arrive together share the lease being taken', async () => {
    const { counters, upserts } = counted();
    const count = leasedCounts(counters, 5);
    const seen = (await Promise.all(Array.from({ length: 10 }, () => count('lease:together', 60_000)))).map((r) => r.current);
    expect(seen.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(upserts()).toBe(2);
  });

  it('never gives two replicas the same count, so one limit holds for both', async () => {
    const [a, b] = [leasedCounts(counted().counters, 4), leasedCounts(counted().counters, 4)];
    const seen = [];
    for (let i = 0; i < 10; i++) seen.push((await (i % 2 === 0 ? a : b)('lease:replicas', 60_000)).current);
    // a takes 1–4, b 5–8, a 9–12 (its first lease spent): unique, and each within what was taken.
    expect(seen).toEqual([1, 5, 2, 6, 3, 7, 4, 8, 9, 13]);
    expect(new Set(seen).size).toBe(seen.length);
    expect(await stored('lease:replicas')).toBe(16);
  });

  it('starts again at 1 when the window has ended, and gives the time left in it', async () => {
    const count = leasedCounts(counted().counters, 3);
    const first = await count('lease:window', 400);
    expect(first.current).toBe(1);
    expect(first.ttl).toBeGreaterThan(0);
    expect(first.ttl).toBeLessThanOrEqual(400);
    await new Promise((r) => setTimeout(r, 450));
    expect((await count('lease:window', 400)).current).toBe(1);
  });

  it('passes a database error on to every caller, and tries again on the next count', async () => {
    const closed = await openTestDatabase();
    await closed.dispose();
    const count = leasedCounts(createCounters(closed.database), 5);
    await expect(Promise.all([count('lease:down', 60_000), count('lease:down', 60_000)])).rejects.toThrow();
    // Not a lease left pending for ever: the next count asks the database again (and fails again).
    await expect(count('lease:down', 60_000)).rejects.toThrow();
  });
});
