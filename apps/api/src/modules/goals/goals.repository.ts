import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { goals, indicators, measurements } from '../../db/schema/index.js';

export type GoalRow = typeof goals.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;
export type MeasurementRow = typeof measurements.$inferSelect;
export interface GoalTree {
  goal: GoalRow;
  indicators: { indicator: IndicatorRow; measurements: MeasurementRow[] }[];
}
type GoalWritable = Pick<typeof goals.$inferInsert, 'title' | 'description' | 'focusAreaId' | 'displayOrder'>;
type IndicatorWritable = Pick<typeof indicators.$inferInsert, 'name' | 'unit' | 'direction' | 'targetValue'>;
type MeasurementWritable = Pick<
  typeof measurements.$inferInsert,
  'periodStart' | 'periodEnd' | 'value' | 'groupSize' | 'source' | 'caveat'
>;

export function createGoalsRepository(db: Executor) {
  /** Goals with their indicators and measurements: three statements, whatever the number of goals. */
  async function withChildren(rows: GoalRow[]): Promise<GoalTree[]> {
    if (rows.length === 0) return [];
    const indicatorRows = await db
      .select()
      .from(indicators)
      .where(
        inArray(
          indicators.goalId,
          rows.map((g) => g.id),
        ),
      )
      .orderBy(asc(indicators.createdAt), asc(indicators.id));
    const measurementRows =
      indicatorRows.length === 0
        ? []
        : await db
            .select()
            .from(measurements)
            .where(
              inArray(
                measurements.indicatorId,
                indicatorRows.map((i) => i.id),
              ),
            )
            .orderBy(asc(measurements.periodStart), asc(measurements.periodEnd));
    return rows.map((goal) => ({
      goal,
      indicators: indicatorRows
        .filter((i) => i.goalId === goal.id)
        .map((indicator) => ({ indicator, measurements: measurementRows.filter((m) => m.indicatorId === indicator.id) })),
    }));
  }

  return {
    list: async (kommunenummer: string): Promise<GoalTree[]> =>
      withChildren(
        await db
          .select()
          .from(goals)
          .where(eq(goals.kommunenummer, kommunenummer))
          .orderBy(asc(goals.displayOrder), asc(goals.title), asc(goals.id)),
      ),

    /** The goal with its children; `forUpdate` locks the goal row, which guards the whole tree. */
    async find(kommunenummer: string, id: string, options: { forUpdate?: boolean } = {}): Promise<GoalTree | undefined> {
      const query = db
        .select()
        .from(goals)
        .where(and(eq(goals.kommunenummer, kommunenummer), eq(goals.id, id)));
      const rows = options.forUpdate ? await query.for('update') : await query;
      return (await withChildren(rows))[0];
    },

    async insert(kommunenummer: string, values: GoalWritable): Promise<GoalRow> {
      const [row] = await db
        .insert(goals)
        .values({ ...values, kommunenummer })
        .returning();
      return row!;
    },

    /** Also marks the goal changed when only its indicators or measurements changed. */
    async update(id: string, values: Partial<GoalWritable>): Promise<void> {
      await db
        .update(goals)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(goals.id, id));
    },

    async delete(id: string): Promise<void> {
      await db.delete(goals).where(eq(goals.id, id));
    },

    async insertIndicator(goalId: string, values: IndicatorWritable): Promise<IndicatorRow> {
      const [row] = await db
        .insert(indicators)
        .values({ ...values, goalId })
        .returning();
      return row!;
    },

    async updateIndicator(id: string, values: Partial<IndicatorWritable>): Promise<IndicatorRow> {
      const [row] = await db.update(indicators).set(values).where(eq(indicators.id, id)).returning();
      return row!;
    },

    async deleteIndicator(id: string): Promise<void> {
      await db.delete(indicators).where(eq(indicators.id, id));
    },

    /** Undefined when the indicator already has a measurement for exactly that period. */
    async insertMeasurement(indicatorId: string, values: MeasurementWritable): Promise<MeasurementRow | undefined> {
      const [row] = await db
        .insert(measurements)
        .values({ ...values, indicatorId })
        .onConflictDoNothing({ target: [measurements.indicatorId, measurements.periodStart, measurements.periodEnd] })
        .returning();
      return row;
    },

    async deleteMeasurement(id: string): Promise<void> {
      await db.delete(measurements).where(eq(measurements.id, id));
    },
  };
}
