import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { agendaItems, meetings, statusAnalyses } from '../../db/schema/index.js';

export type StatusAnalysisRow = typeof statusAnalyses.$inferSelect;
type Writable = Pick<
  typeof statusAnalyses.$inferInsert,
  'title' | 'periodStart' | 'periodEnd' | 'summary' | 'observations' | 'priorities' | 'agendaItemId'
>;

export function createStatusAnalysesRepository(db: Executor) {
  return {
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
