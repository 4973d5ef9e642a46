import type { EvaluationOutcome, MeasureStatus } from '@slt/shared';
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { grantApplicationGoals, grantApplications, measureEvaluations, measureGoals, measures } from '../../db/schema/index.js';

export type GrantApplicationRow = typeof grantApplications.$inferSelect;
export interface GrantApplicationTree {
  row: GrantApplicationRow;
  goalIds: string[];
}
type Writable = Pick<
  typeof grantApplications.$inferInsert,
  'title' | 'periodStart' | 'periodEnd' | 'appliedAmount' | 'grantedAmount' | 'ownFunding' | 'budgetLines' | 'description'
>;

export function createGrantsRepository(db: Executor) {
  /** Applications with the goals they name: two statements, whatever their number. */
  async function withGoals(rows: GrantApplicationRow[]): Promise<GrantApplicationTree[]> {
    if (rows.length === 0) return [];
    const links = await db
      .select()
      .from(grantApplicationGoals)
      .where(
        inArray(
          grantApplicationGoals.grantApplicationId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(grantApplicationGoals.position));
    return rows.map((row) => ({ row, goalIds: links.filter((l) => l.grantApplicationId === row.id).map((l) => l.goalId) }));
  }

  return {
    list: async (kommunenummer: string) =>
      withGoals(
        await db
          .select()
          .from(grantApplications)
          .where(eq(grantApplications.kommunenummer, kommunenummer))
          .orderBy(desc(grantApplications.periodStart), asc(grantApplications.title), asc(grantApplications.id)),
      ),

    /** Applications whose deadlines may fall in `year`: periods from the year after it back to the year before. */
    deadlinesNear: (kommunenummer: string, year: number) =>
      db
        .select({
          id: grantApplications.id,
          title: grantApplications.title,
          periodStart: grantApplications.periodStart,
          periodEnd: grantApplications.periodEnd,
        })
        .from(grantApplications)
        .where(
          and(
            eq(grantApplications.kommunenummer, kommunenummer),
            lte(grantApplications.periodStart, `${year + 1}-12-31`),
            gte(grantApplications.periodEnd, `${year - 1}-01-01`),
          ),
        ),

    async find(kommunenummer: string, id: string, options: { forUpdate?: boolean } = {}): Promise<GrantApplicationTree | undefined> {
      const query = db
        .select()
        .from(grantApplications)
        .where(and(eq(grantApplications.kommunenummer, kommunenummer), eq(grantApplications.id, id)));
      const rows = options.forUpdate ? await query.for('update') : await query;
      return (await withGoals(rows))[0];
    },

    async insert(kommunenummer: string, values: Writable): Promise<GrantApplicationRow> {
      const [row] = await db
        .insert(grantApplications)
        .values({ ...values, kommunenummer })
        .returning();
      return row!;
    },

    async update(id: string, values: Partial<Writable>): Promise<void> {
      await db
        .update(grantApplications)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(grantApplications.id, id));
    },

    async setGoals(id: string, goalIds: readonly string[]): Promise<void> {
      await db.delete(grantApplicationGoals).where(eq(grantApplicationGoals.grantApplicationId, id));
      if (goalIds.length > 0)
        await db.insert(grantApplicationGoals).values(goalIds.map((goalId, position) => ({ grantApplicationId: id, goalId, position })));
    },

    async delete(id: string): Promise<void> {
      await db.delete(grantApplications).where(eq(grantApplications.id, id));
    },

    /** The goals' measures that ran during the period (started by its end, not ended before its start). */
    measuresOfGoals: (goalIds: readonly string[], period: { start: string; end: string }) =>
      goalIds.length === 0
        ? Promise.resolve([])
        : db
            .select({
              goalId: measureGoals.goalId,
              id: measures.id,
              title: measures.title,
              status: sql<MeasureStatus>`${measures.status}`,
              startDate: measures.startDate,
              endDate: measures.endDate,
            })
            .from(measureGoals)
            .innerJoin(measures, eq(measures.id, measureGoals.measureId))
            .where(
              and(
                inArray(measureGoals.goalId, [...goalIds]),
                or(isNull(measures.startDate), lte(measures.startDate, period.end)),
                or(isNull(measures.endDate), gte(measures.endDate, period.start)),
              ),
            )
            .orderBy(asc(measures.title), asc(measures.id)),

    /** Evaluations dated in the period of the given measures. */
    evaluations: (measureIds: readonly string[], period: { start: string; end: string }) =>
      measureIds.length === 0
        ? Promise.resolve([])
        : db
            .select({
              id: measureEvaluations.id,
              measureId: measureEvaluations.measureId,
              date: measureEvaluations.date,
              outcome: sql<EvaluationOutcome>`${measureEvaluations.outcome}`,
            })
            .from(measureEvaluations)
            .where(
              and(
                inArray(measureEvaluations.measureId, [...measureIds]),
                gte(measureEvaluations.date, period.start),
                lte(measureEvaluations.date, period.end),
              ),
            )
            .orderBy(asc(measureEvaluations.date), asc(measureEvaluations.id)),
  };
}
