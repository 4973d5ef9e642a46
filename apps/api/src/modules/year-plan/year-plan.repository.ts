import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { keyDates, meetings } from '../../db/schema/index.js';
import { meetingsOfOsloYear } from '../meetings/meetings.repository.js';

export type KeyDateRow = typeof keyDates.$inferSelect;
type Writable = Pick<typeof keyDates.$inferInsert, 'title' | 'kind' | 'date' | 'yearly' | 'description' | 'isPublic'>;

export function createYearPlanRepository(db: Executor) {
  return {
    keyDates: (kommunenummer: string, options: { publicOnly: boolean }) =>
      db
        .select()
        .from(keyDates)
        .where(and(eq(keyDates.kommunenummer, kommunenummer), options.publicOnly ? eq(keyDates.isPublic, true) : undefined))
        .orderBy(asc(sql`to_char(${keyDates.date}, 'MM-DD')`), asc(keyDates.title), asc(keyDates.id)),

    async find(kommunenummer: string, id: string, options: { forUpdate?: boolean } = {}): Promise<KeyDateRow | undefined> {
      const query = db
        .select()
        .from(keyDates)
        .where(and(eq(keyDates.kommunenummer, kommunenummer), eq(keyDates.id, id)));
      const [row] = options.forUpdate ? await query.for('update') : await query;
      return row;
    },

    async insert(kommunenummer: string, values: Writable): Promise<KeyDateRow> {
      const [row] = await db
        .insert(keyDates)
        .values({ ...values, kommunenummer })
        .returning();
      return row!;
    },

    async update(id: string, values: Partial<Writable>): Promise<KeyDateRow> {
      const [row] = await db
        .update(keyDates)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(keyDates.id, id))
        .returning();
      return row!;
    },

    async delete(id: string): Promise<void> {
      await db.delete(keyDates).where(eq(keyDates.id, id));
    },

    /**
     * The agreements of the setup profile whose renewal falls in `year` (valid until then), as key
     * dates; an id derived from the municipality and the agreement's place in the register.
     */
    async agreementRenewals(kommunenummer: string, options: { year: number; publicOnly: boolean }) {
      const result = (await db.execute<Record<string, unknown>>(sql`
        select md5(${kommunenummer}::text || ':agreement:' || x.o)::uuid::text as id, x.e->>'title' as title,
               x.e->>'validUntil' as date, x.e->>'description' as description, (x.e->>'isPublic')::boolean as "isPublic"
        from setup_profiles sp, jsonb_array_elements(sp.document->'agreements') with ordinality x(e, o)
        where sp.kommunenummer = ${kommunenummer} and x.e->>'validUntil' like ${`${options.year}-%`}
          and (not ${options.publicOnly}::boolean or (x.e->>'isPublic')::boolean)`)) as {
        rows: { id: string; title: string; date: string; description: string | null; isPublic: boolean }[];
      };
      return result.rows;
    },

    /** All tiers' meetings whose start falls in the year in Europe/Oslo. */
    meetingsOfYear: (kommunenummer: string, year: number) =>
      db.select().from(meetings).where(meetingsOfOsloYear(kommunenummer, year)).orderBy(asc(meetings.startsAt), asc(meetings.id)),
  };
}
