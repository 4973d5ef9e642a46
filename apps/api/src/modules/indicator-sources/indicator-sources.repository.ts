import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { goals, indicators, indicatorSources, indicatorSourceValues } from '../../db/schema/index.js';

export type LinkRow = typeof indicatorSources.$inferSelect;
export type ValueRowStored = typeof indicatorSourceValues.$inferSelect;
export type LinkWritable = Omit<
  typeof indicatorSources.$inferInsert,
  'createdAt' | 'updatedAt' | 'lastStatus' | 'lastAttemptAt' | 'lastSuccessAt' | 'lastError' | 'nextRunAt'
>;
export type ValueWritable = Omit<typeof indicatorSourceValues.$inferInsert, 'id'>;

export function createIndicatorSourcesRepository(db: Executor) {
  return {
    /** The indicator when it belongs to that goal of that municipality. */
    async findIndicator(kommunenummer: string, goalId: string, indicatorId: string) {
      const [row] = await db
        .select({ id: indicators.id, unit: indicators.unit, kommunenummer: goals.kommunenummer })
        .from(indicators)
        .innerJoin(goals, eq(goals.id, indicators.goalId))
        .where(and(eq(goals.kommunenummer, kommunenummer), eq(goals.id, goalId), eq(indicators.id, indicatorId)));
      return row;
    },

    async findLink(indicatorId: string, options: { forUpdate?: boolean } = {}): Promise<LinkRow | undefined> {
      const query = db.select().from(indicatorSources).where(eq(indicatorSources.indicatorId, indicatorId));
      const [row] = options.forUpdate ? await query.for('update') : await query;
      return row;
    },

    async upsertLink(values: LinkWritable): Promise<LinkRow> {
      const [row] = await db
        .insert(indicatorSources)
        .values(values)
        .onConflictDoUpdate({ target: indicatorSources.indicatorId, set: { ...values, updatedAt: sql`now()`, nextRunAt: sql`now()` } })
        .returning();
      return row!;
    },

    async unlink(indicatorId: string): Promise<void> {
      await db
        .update(indicatorSources)
        .set({ unlinkedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(indicatorSources.indicatorId, indicatorId));
    },

    /** Every link of the municipality with its indicator's unit, by goal order and indicator. */
    linksOf: (kommunenummer: string) =>
      db
        .select({ link: indicatorSources, unit: indicators.unit })
        .from(indicatorSources)
        .innerJoin(indicators, eq(indicators.id, indicatorSources.indicatorId))
        .innerJoin(goals, eq(goals.id, indicators.goalId))
        .where(eq(goals.kommunenummer, kommunenummer))
        .orderBy(asc(goals.displayOrder), asc(goals.id), asc(indicators.createdAt), asc(indicators.id)),

    /** The values of these indicators, in one query, in the order `values` gives. */
    valuesOf: (indicatorIds: string[]): Promise<ValueRowStored[]> =>
      indicatorIds.length === 0
        ? Promise.resolve([])
        : db
            .select()
            .from(indicatorSourceValues)
            .where(inArray(indicatorSourceValues.indicatorId, indicatorIds))
            .orderBy(
              asc(indicatorSourceValues.series),
              asc(indicatorSourceValues.regionLevel),
              asc(indicatorSourceValues.region),
              asc(indicatorSourceValues.periodStart),
            ),

    values: (indicatorId: string): Promise<ValueRowStored[]> =>
      db
        .select()
        .from(indicatorSourceValues)
        .where(eq(indicatorSourceValues.indicatorId, indicatorId))
        .orderBy(
          asc(indicatorSourceValues.series),
          asc(indicatorSourceValues.regionLevel),
          asc(indicatorSourceValues.region),
          asc(indicatorSourceValues.periodStart),
        ),

    async insertValues(rows: ValueWritable[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 500) await db.insert(indicatorSourceValues).values(rows.slice(i, i + 500));
    },

    async updateValue(id: string, values: Partial<ValueWritable>): Promise<void> {
      await db.update(indicatorSourceValues).set(values).where(eq(indicatorSourceValues.id, id));
    },

    async recordAttempt(
      indicatorId: string,
      outcome: { ok: true; at: Date } | { ok: false; at: Date; error: string },
      nextRunAt: Date,
    ): Promise<void> {
      await db
        .update(indicatorSources)
        .set(
          outcome.ok
            ? { lastStatus: 'ok', lastAttemptAt: outcome.at, lastSuccessAt: outcome.at, lastError: null, nextRunAt }
            : { lastStatus: 'failed', lastAttemptAt: outcome.at, lastError: outcome.error, nextRunAt },
        )
        .where(eq(indicatorSources.indicatorId, indicatorId));
    },

    /**
     * Takes one link whose scheduled import is due and moves its next run on, in one statement:
     * `FOR UPDATE SKIP LOCKED`, so replicas never take the same link.
     */
    async claimDue(everyMs: number): Promise<{ indicatorId: string; kommunenummer: string } | undefined> {
      const result = (await db.execute<{ indicator_id: string; kommunenummer: string }>(sql`
        update ${indicatorSources} set next_run_at = now() + make_interval(secs => ${everyMs / 1000})
        where indicator_id = (
          select indicator_id from ${indicatorSources} where next_run_at <= now() and unlinked_at is null
          order by next_run_at limit 1 for update skip locked)
        returning indicator_id, kommunenummer`)) as { rows: { indicator_id: string; kommunenummer: string }[] };
      const row = result.rows[0];
      return row && { indicatorId: row.indicator_id, kommunenummer: row.kommunenummer };
    },

    async goalOf(indicatorId: string): Promise<string | undefined> {
      const [row] = await db.select({ goalId: indicators.goalId }).from(indicators).where(eq(indicators.id, indicatorId));
      return row?.goalId;
    },
  };
}
