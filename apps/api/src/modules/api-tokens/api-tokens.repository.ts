import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { apiTokens } from '../../db/schema/index.js';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

export function createApiTokensRepository(db: Executor) {
  return {
    list: (kommunenummer: string): Promise<ApiTokenRow[]> =>
      db.select().from(apiTokens).where(eq(apiTokens.kommunenummer, kommunenummer)).orderBy(desc(apiTokens.createdAt)),

    async find(kommunenummer: string, id: string): Promise<ApiTokenRow | undefined> {
      const [row] = await db
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.kommunenummer, kommunenummer), eq(apiTokens.id, id)));
      return row;
    },

    async findBySecretHash(secretHash: string): Promise<ApiTokenRow | undefined> {
      const [row] = await db.select().from(apiTokens).where(eq(apiTokens.secretHash, secretHash));
      return row;
    },

    async insert(values: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
      const [row] = await db.insert(apiTokens).values(values).returning();
      return row!;
    },

    async revoke(id: string): Promise<ApiTokenRow | undefined> {
      const [row] = await db
        .update(apiTokens)
        .set({ revokedAt: sql`now()` })
        .where(eq(apiTokens.id, id))
        .returning();
      return row;
    },

    /** Records use at most once a minute per token, so reads do not each cost a write. */
    async touch(id: string): Promise<void> {
      await db
        .update(apiTokens)
        .set({ lastUsedAt: sql`now()` })
        .where(and(eq(apiTokens.id, id), sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - interval '1 minute')`));
    },
  };
}
