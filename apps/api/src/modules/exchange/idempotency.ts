import { and, eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { idempotencyKeys } from '../../db/schema/index.js';
import { ConflictError, IdempotencyKeyReusedError } from '../../lib/errors.js';

/** What an import answered: replayed as is to a retry with the same key and payload. */
export interface StoredAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** The municipality and the Idempotency-Key a request holds. */
interface Held {
  kommunenummer: string;
  key: string;
}

/** Namespace of the advisory locks that hold keys (the second half is a hash of municipality and key). */
const LOCK_NAMESPACE = 7_535_115;

/**
 * Idempotency-Key for imports. A request's work runs in one transaction that holds its key by a
 * transaction-level advisory lock and stores the answer in the same commit: a retry with the same
 * payload gets that answer again (nothing is imported twice), the same key with another payload is
 * a 422, and a request with the key while another holds it is a 409. A request that dies (an
 * error, a killed process, a lost connection) rolls back and its lock goes with its transaction,
 * so the key is free again at once: no pending row, no clock.
 */
export function createIdempotency(db: Db) {
  const where = (kommunenummer: string, key: string) => and(eq(idempotencyKeys.kommunenummer, kommunenummer), eq(idempotencyKeys.key, key));

  async function stored(tx: Executor, { kommunenummer, key }: Held, digest: string): Promise<StoredAnswer | undefined> {
    const [row] = await tx
      .select()
      .from(idempotencyKeys)
      .where(and(where(kommunenummer, key), eq(idempotencyKeys.state, 'done')));
    if (!row) return undefined;
    if (row.requestHash !== digest) throw new IdempotencyKeyReusedError();
    return { status: row.status!, contentType: row.contentType!, body: row.response! };
  }

  return {
    /**
     * Runs `work` once per key in one transaction (`digest` identifies the payload); without a key,
     * just in a transaction.
     */
    async run(
      { kommunenummer, key }: { kommunenummer: string; key: string | undefined },
      digest: string,
      work: (tx: Executor) => Promise<StoredAnswer>,
    ): Promise<StoredAnswer & { replayed: boolean }> {
      if (key === undefined) return { ...(await db.transaction(work)), replayed: false };
      const held: Held = { kommunenummer, key };
      // Most retries find the answer without taking any lock.
      const earlier = await stored(db, held, digest);
      if (earlier) return { ...earlier, replayed: true };
      return db.transaction(async (tx) => {
        const [lock] = (
          (await tx.execute<Record<string, unknown>>(
            sql`select pg_try_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(${`${kommunenummer}\n${key}`})) as locked`,
          )) as {
            rows: { locked: boolean }[];
          }
        ).rows;
        if (!lock?.locked)
          throw new ConflictError('A request with this Idempotency-Key is still running: wait for its answer, then retry.');
        // It may have committed between the look above and the lock.
        const committed = await stored(tx, held, digest);
        if (committed) return { ...committed, replayed: true };
        const answer = await work(tx);
        const row = {
          state: 'done',
          requestHash: digest,
          status: answer.status,
          contentType: answer.contentType,
          response: answer.body,
          createdAt: sql`now()`,
        };
        // A row left `pending` by an older version of the API is taken over.
        await tx
          .insert(idempotencyKeys)
          .values({ kommunenummer, key, ...row })
          .onConflictDoUpdate({ target: [idempotencyKeys.kommunenummer, idempotencyKeys.key], set: row });
        return { ...answer, replayed: false };
      });
    },
  };
}
