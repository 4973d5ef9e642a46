import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { idempotencyKeys } from '../../db/schema/index.js';
import { ConflictError, IdempotencyKeyReusedError } from '../../lib/errors.js';

/** What an import answered: replayed as is to a retry with the same key and payload. */
export interface StoredAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** A pending claim older than this is taken over (its request died without an answer). */
const STALE_AFTER_MS = 15 * 60_000;

/** Hashes a request body while it streams through (the import reads it once). */
export function hashing(body: AsyncIterable<Buffer>, prefix: string): { body: AsyncIterable<Buffer>; digest: () => string } {
  const hash = createHash('sha256').update(prefix);
  return {
    body: (async function* () {
      for await (const chunk of body) {
        hash.update(chunk);
        yield chunk;
      }
    })(),
    digest: () => hash.copy().digest('hex'),
  };
}

/**
 * Idempotency-Key for imports. The first request with a key claims it; its answer is stored and a
 * retry with the same payload gets that answer again (nothing is imported twice). A request with
 * the same key while the first still runs is a 409; the same key with another payload a 422.
 * Answers of server errors are not kept, so the client may retry them with the same key.
 */
export function createIdempotency(db: Db) {
  const where = (kommunenummer: string, key: string) => and(eq(idempotencyKeys.kommunenummer, kommunenummer), eq(idempotencyKeys.key, key));

  async function claim(kommunenummer: string, key: string): Promise<boolean> {
    const claimed = await db.insert(idempotencyKeys).values({ kommunenummer, key }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
    if (claimed.length) return true;
    const taken = await db
      .update(idempotencyKeys)
      .set({ createdAt: sql`now()` })
      .where(and(where(kommunenummer, key), eq(idempotencyKeys.state, 'pending'), sql`${idempotencyKeys.createdAt} < now() - ${`${STALE_AFTER_MS} milliseconds`}::interval`))
      .returning({ key: idempotencyKeys.key });
    return taken.length > 0;
  }

  return {
    /**
     * Runs `work` once per key: `work` gets the body to read (hashed on the way) and answers; a
     * replay reads the body only to compare its hash.
     */
    async run(
      { kommunenummer, key }: { kommunenummer: string; key: string | undefined },
      request: { body: AsyncIterable<Buffer>; fingerprint: string },
      work: (body: AsyncIterable<Buffer>) => Promise<StoredAnswer>,
    ): Promise<StoredAnswer & { replayed: boolean }> {
      if (key === undefined) return { ...(await work(request.body)), replayed: false };
      const hashed = hashing(request.body, request.fingerprint);
      if (await claim(kommunenummer, key)) {
        let answer: StoredAnswer;
        try {
          answer = await work(hashed.body);
        } catch (error) {
          // Nothing was imported: release the key (a retry with the same payload gets the same refusal).
          await db.delete(idempotencyKeys).where(where(kommunenummer, key));
          throw error;
        }
        for await (const _ of hashed.body) {
          // read whatever the work left unread, so the hash covers the whole body
        }
        await db
          .update(idempotencyKeys)
          .set({ state: 'done', requestHash: hashed.digest(), status: answer.status, contentType: answer.contentType, response: answer.body })
          .where(where(kommunenummer, key));
        return { ...answer, replayed: false };
      }
      const [row] = await db.select().from(idempotencyKeys).where(where(kommunenummer, key));
      if (!row || row.state === 'pending') throw new ConflictError('A request with this Idempotency-Key is still running: wait for its answer, then retry.');
      for await (const _ of hashed.body) {
        // the replay's payload must be the same as the first one's
      }
      if (row.requestHash !== hashed.digest()) throw new IdempotencyKeyReusedError();
      return { status: row.status!, contentType: row.contentType!, body: row.response!, replayed: true };
    },

  };
}
