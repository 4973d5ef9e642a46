import { and, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { loginThrottle, refreshTokens } from '../../db/schema/index.js';

export type RefreshTokenRow = typeof refreshTokens.$inferSelect;

export function createAuthRepository(db: Executor) {
  return {
    async insertRefreshToken(values: { familyId: string; userId: string; tokenHash: string; expiresAt: Date }) {
      await db.insert(refreshTokens).values(values);
    },

    /**
     * Locks the row: two concurrent refreshes with one token cannot both rotate it. With the
     * seconds since it was first used (by the database's clock, as `usedAt` is), or null.
     */
    async findRefreshTokenForUpdate(tokenHash: string): Promise<(RefreshTokenRow & { usedSecondsAgo: number | null }) | undefined> {
      const [row] = await db
        .select({
          ...getTableColumns(refreshTokens),
          usedSecondsAgo: sql<number | null>`extract(epoch from (now() - ${refreshTokens.usedAt}))::float8`,
        })
        .from(refreshTokens)
        .where(eq(refreshTokens.tokenHash, tokenHash))
        .for('update');
      return row && { ...row, usedSecondsAgo: row.usedSecondsAgo === null ? null : Number(row.usedSecondsAgo) };
    },

    async markUsed(id: string) {
      await db
        .update(refreshTokens)
        .set({ usedAt: sql`now()` })
        .where(eq(refreshTokens.id, id));
    },

    async revokeFamily(familyId: string) {
      await db
        .update(refreshTokens)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
    },

    /** Failures counted for `key` in its current window (0 when the window is over). */
    async failuresOf(key: string, windowSeconds: number): Promise<number> {
      const [row] = await db
        .select({ failures: loginThrottle.failures })
        .from(loginThrottle)
        .where(and(eq(loginThrottle.key, key), sql`${loginThrottle.windowStartedAt} >= now() - make_interval(secs => ${windowSeconds})`));
      return row?.failures ?? 0;
    },

    /** Seconds until `key` may try again, or 0. */
    async blockedFor(keys: string[]): Promise<number> {
      const rows = await db
        .select({ seconds: sql<number>`ceil(extract(epoch from (${loginThrottle.blockedUntil} - now())))::int` })
        .from(loginThrottle)
        .where(and(inArray(loginThrottle.key, keys), sql`${loginThrottle.blockedUntil} > now()`));
      return Math.max(0, ...rows.map((r) => Number(r.seconds)));
    },

    /**
     * Counts a failed sign-in for `key` in one statement: a new window when the old one is over,
     * and a block of `blockSeconds` once `limit` failures fall in the window.
     */
    async recordFailure(
      key: string,
      { limit, windowSeconds, blockSeconds }: { limit: number; windowSeconds: number; blockSeconds: number },
    ) {
      const window = sql`make_interval(secs => ${windowSeconds})`;
      await db
        .insert(loginThrottle)
        .values({ key, failures: 1, blockedUntil: limit <= 1 ? sql`now() + make_interval(secs => ${blockSeconds})` : null })
        .onConflictDoUpdate({
          target: loginThrottle.key,
          set: {
            failures: sql`case when ${loginThrottle.windowStartedAt} < now() - ${window} then 1 else ${loginThrottle.failures} + 1 end`,
            windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < now() - ${window} then now() else ${loginThrottle.windowStartedAt} end`,
            blockedUntil: sql`case when (case when ${loginThrottle.windowStartedAt} < now() - ${window} then 1 else ${loginThrottle.failures} + 1 end) >= ${limit} then now() + make_interval(secs => ${blockSeconds}) else ${loginThrottle.blockedUntil} end`,
          },
        });
    },

    async clearFailures(key: string) {
      await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
    },
  };
}
