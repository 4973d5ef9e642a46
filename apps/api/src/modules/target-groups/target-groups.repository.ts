import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { focusAreas, targetGroups } from '../../db/schema/index.js';

export type TargetGroupRow = typeof targetGroups.$inferSelect;
export type FocusAreaRow = typeof focusAreas.$inferSelect;
type TargetGroupWritable = Pick<
  typeof targetGroups.$inferInsert,
  'name' | 'description' | 'ageFrom' | 'ageTo' | 'riskCriteria' | 'displayOrder'
>;
type FocusAreaWritable = Pick<
  typeof focusAreas.$inferInsert,
  'name' | 'description' | 'decisionReference' | 'decisionDate' | 'displayOrder'
>;

export function createTargetGroupsRepository(db: Executor) {
  return {
    listTargetGroups: (kommunenummer: string): Promise<TargetGroupRow[]> =>
      db
        .select()
        .from(targetGroups)
        .where(eq(targetGroups.kommunenummer, kommunenummer))
        .orderBy(asc(targetGroups.displayOrder), asc(targetGroups.name), asc(targetGroups.id)),

    async findTargetGroup(kommunenummer: string, id: string, options: { forUpdate?: boolean } = {}) {
      const query = db
        .select()
        .from(targetGroups)
        .where(and(eq(targetGroups.kommunenummer, kommunenummer), eq(targetGroups.id, id)));
      const [row] = options.forUpdate ? await query.for('update') : await query;
      return row;
    },

    async insertTargetGroup(kommunenummer: string, values: TargetGroupWritable): Promise<TargetGroupRow> {
      const [row] = await db
        .insert(targetGroups)
        .values({ ...values, kommunenummer })
        .returning();
      return row!;
    },

    async updateTargetGroup(id: string, values: Partial<TargetGroupWritable>): Promise<TargetGroupRow> {
      const [row] = await db
        .update(targetGroups)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(targetGroups.id, id))
        .returning();
      return row!;
    },

    async deleteTargetGroup(id: string): Promise<void> {
      await db.delete(targetGroups).where(eq(targetGroups.id, id));
    },

    listFocusAreas: (kommunenummer: string): Promise<FocusAreaRow[]> =>
      db
        .select()
        .from(focusAreas)
        .where(eq(focusAreas.kommunenummer, kommunenummer))
        .orderBy(asc(focusAreas.displayOrder), asc(focusAreas.name), asc(focusAreas.id)),

    async findFocusArea(kommunenummer: string, id: string, options: { forUpdate?: boolean } = {}) {
      const query = db
        .select()
        .from(focusAreas)
        .where(and(eq(focusAreas.kommunenummer, kommunenummer), eq(focusAreas.id, id)));
      const [row] = options.forUpdate ? await query.for('update') : await query;
      return row;
    },

    async insertFocusArea(kommunenummer: string, values: FocusAreaWritable): Promise<FocusAreaRow> {
      const [row] = await db
        .insert(focusAreas)
        .values({ ...values, kommunenummer })
        .returning();
      return row!;
    },

    async updateFocusArea(id: string, values: Partial<FocusAreaWritable>): Promise<FocusAreaRow> {
      const [row] = await db
        .update(focusAreas)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(focusAreas.id, id))
        .returning();
      return row!;
    },

    async deleteFocusArea(id: string): Promise<void> {
      await db.delete(focusAreas).where(eq(focusAreas.id, id));
    },
  };
}
