import type { SetupProfile, SetupProfileInput } from '@slt/shared';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { members, setupProfiles } from '../../db/schema/index.js';
import { profileJsonSql } from '../../lib/profile-json.js';

export function createProfileRepository(db: Executor) {
  return {
    /** The profile of `kommunenummer` in one view, as the API sends it (one statement). */
    async view(kommunenummer: string, internal: boolean): Promise<SetupProfile> {
      const result = (await db.execute<{ json: SetupProfile }>(
        sql`select ${sql.raw(profileJsonSql('p.k', 'p.internal'))} as json
            from (select ${kommunenummer}::char(4) as k, ${internal}::boolean as internal) p`,
      )) as { rows: { json: SetupProfile | string }[] };
      const json = result.rows[0]!.json;
      return typeof json === 'string' ? (JSON.parse(json) as SetupProfile) : json;
    },

    /** The stored document under a row lock (a first write creates the row to lock it). */
    async lock(kommunenummer: string): Promise<{ document: SetupProfileInput; created: boolean }> {
      const inserted = await db
        .insert(setupProfiles)
        .values({ kommunenummer, document: {} })
        .onConflictDoNothing()
        .returning({ k: setupProfiles.kommunenummer });
      const [row] = await db.select().from(setupProfiles).where(eq(setupProfiles.kommunenummer, kommunenummer)).for('update');
      return { document: row!.document, created: inserted.length > 0 };
    },

    async save(kommunenummer: string, document: SetupProfileInput): Promise<void> {
      await db
        .update(setupProfiles)
        .set({ document, updatedAt: sql`now()` })
        .where(eq(setupProfiles.kommunenummer, kommunenummer));
    },

    /** Which of `ids` are members of `kommunenummer` (not erased). */
    async memberIds(kommunenummer: string, ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db
        .select({ id: members.id })
        .from(members)
        .where(and(eq(members.kommunenummer, kommunenummer), inArray(members.id, ids), isNull(members.erasedAt)));
      return new Set(rows.map((r) => r.id));
    },
  };
}
