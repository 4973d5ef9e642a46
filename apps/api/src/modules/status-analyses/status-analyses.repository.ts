import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { agendaItems, meetings, plans, statusAnalyses } from '../../db/schema/index.js';

export type StatusAnalysisRow = typeof statusAnalyses.$inferSelect;
type Writable = Pick<
  typeof statusAnalyses.$inferInsert,
  'title' | 'periodStart' | 'periodEnd' | 'summary' | 'observations' | 'priorities' | 'agendaItemId'
>;

export interface PlanOfAnalysis {
  id: string;
  title: string;
  status: string;
  periodStart: string;
  statusAnalysisId: string | null;
}

export function createStatusAnalysesRepository(db: Executor) {
  return {
    /** The municipality's plans that name a kartlegging they build on (one statement for every kartlegging). */
    plansBuiltOn: (kommunenummer: string): Promise<PlanOfAnalysis[]> =>
      db
        .select({
          id: plans.id,
          title: plans.title,
          status: plans.status,
          periodStart: plans.periodStart,
          statusAnalysisId: plans.statusAnalysisId,
        })
        .from(plans)
        .where(and(eq(plans.kommunenummer, kommunenummer), isNotNull(plans.statusAnalysisId)))
        .orderBy(asc(plans.periodStart), asc(plans.title), asc(plans.id)),

    list: (kommunenummer: string) =>
      db
        .select()
        .from(statusAnalyses)
        .where(eq(statusAnalyses.kommunenummer, kommunenummer))
        .orderBy(desc(statusAnalyses.periodStart), asc(statusAnalyses.title), asc(statusAnalyses.id)),

    async find(kommunenummer: string, id: string, options: { forUpdate?: boolean } = {}): Promise<StatusAnalysisRow | undefined> {
      const query = db
        .select()
        .from(statusAnalyses)
        .where(and(eq(statusAnalyses.kommunenummer, kommunenummer), eq(statusAnalyses.id, id)));
      const [row] = options.forUpdate ? await query.for('update') : await query;
      return row;
    },

    /** Whether the agenda item belongs to a meeting of the municipality. */
    async agendaItemExists(kommunenummer: string, agendaItemId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
        .where(and(eq(meetings.kommunenummer, kommunenummer), eq(agendaItems.id, agendaItemId)));
      return row !== undefined;
    },

    async insert(kommunenummer: string, values: Writable): Promise<StatusAnalysisRow> {
      const [row] = await db
        .insert(statusAnalyses)
        .values({ ...values, kommunenummer })
        .returning();
      return row!;
    },

    async update(id: string, values: Partial<Writable>): Promise<StatusAnalysisRow> {
      const [row] = await db
        .update(statusAnalyses)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(statusAnalyses.id, id))
        .returning();
      return row!;
    },

    async delete(id: string): Promise<void> {
      await db.delete(statusAnalyses).where(eq(statusAnalyses.id, id));
    },
  };
}
