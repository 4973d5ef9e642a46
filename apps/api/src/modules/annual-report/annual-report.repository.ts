import type { MeasureStatus, MeetingStatus, MembershipRole } from '@slt/shared';
import { and, asc, eq, gte, inArray, lte, or, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  agendaItems,
  annualReportTexts,
  decisions,
  focusAreas,
  measureEvaluations,
  measureGoals,
  measures,
  meetings,
  memberships,
  plans,
  tiers,
  type StoredSectionText,
} from '../../db/schema/index.js';
import { meetingsOfOsloYear } from '../meetings/meetings.repository.js';

export type AnnualReportTextsRow = typeof annualReportTexts.$inferSelect;

/**
 * The records behind an annual report: one statement per kind of record, whatever their number
 * (the report's statement count does not grow with the municipality's data).
 */
export function createAnnualReportRepository(db: Executor) {
  return {
    async texts(kommunenummer: string, year: number, options: { forUpdate?: boolean } = {}): Promise<AnnualReportTextsRow | undefined> {
      const query = db
        .select()
        .from(annualReportTexts)
        .where(and(eq(annualReportTexts.kommunenummer, kommunenummer), eq(annualReportTexts.year, year)));
      const [row] = options.forUpdate ? await query.for('update') : await query;
      return row;
    },

    /** Makes sure the year's row exists (so that a write can lock it). */
    async ensureTexts(kommunenummer: string, year: number): Promise<void> {
      await db.insert(annualReportTexts).values({ kommunenummer, year }).onConflictDoNothing();
    },

    async saveTexts(kommunenummer: string, year: number, sections: Record<string, StoredSectionText>): Promise<AnnualReportTextsRow> {
      const [row] = await db
        .update(annualReportTexts)
        .set({ sections, updatedAt: sql`now()` })
        .where(and(eq(annualReportTexts.kommunenummer, kommunenummer), eq(annualReportTexts.year, year)))
        .returning();
      return row!;
    },

    /** Seats held at some time during the year, with their tier. */
    membershipsOfYear: (kommunenummer: string, year: number) =>
      db
        .select({ id: memberships.id, tierId: memberships.tierId, role: sql<MembershipRole>`${memberships.role}` })
        .from(memberships)
        .innerJoin(tiers, eq(tiers.id, memberships.tierId))
        .where(
          and(
            eq(tiers.kommunenummer, kommunenummer),
            lte(memberships.startDate, `${year}-12-31`),
            or(isNull(memberships.endDate), gte(memberships.endDate, `${year}-01-01`)),
          ),
        )
        .orderBy(asc(memberships.id)),

    /** The year's meetings (Europe/Oslo), for the ids behind the held and cancelled figures. */
    meetingsOfYear: (kommunenummer: string, year: number) =>
      db
        .select({ id: meetings.id, tierId: meetings.tierId, status: sql<MeetingStatus>`${meetings.status}` })
        .from(meetings)
        .where(meetingsOfOsloYear(kommunenummer, year))
        .orderBy(asc(meetings.startsAt), asc(meetings.id)),

    /** Decisions of the year's meetings, with whether their agenda item is closed. */
    decisionsOfYear: (kommunenummer: string, year: number) =>
      db
        .select({
          id: decisions.id,
          meetingId: decisions.meetingId,
          tierId: meetings.tierId,
          date: sql<string>`to_char(${meetings.startsAt} at time zone 'Europe/Oslo', 'YYYY-MM-DD')`,
          text: decisions.text,
          measureId: decisions.measureId,
          closed: sql<boolean>`coalesce(${agendaItems.closed}, false)`,
        })
        .from(decisions)
        .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
        .leftJoin(agendaItems, eq(agendaItems.id, decisions.agendaItemId))
        .where(meetingsOfOsloYear(kommunenummer, year))
        .orderBy(asc(meetings.startsAt), asc(decisions.createdAt), asc(decisions.id)),

    /** Every measure of the municipality, with whether it has an evaluation dated in the year. */
    measures: (kommunenummer: string, year: number, options: { publicOnly: boolean }) =>
      db
        .select({
          id: measures.id,
          title: measures.title,
          status: sql<MeasureStatus>`${measures.status}`,
          startDate: measures.startDate,
          endDate: measures.endDate,
          evaluated: sql<boolean>`exists (select 1 from ${measureEvaluations} e where e.measure_id = measures.id
            and e.date between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date)`,
        })
        .from(measures)
        .where(and(eq(measures.kommunenummer, kommunenummer), options.publicOnly ? eq(measures.isPublic, true) : undefined))
        .orderBy(asc(measures.title), asc(measures.id)),

    /** The handlingsplaner in force in the year: adopted (or since revised or expired), their period overlapping it. */
    plansInForce: (kommunenummer: string, year: number) =>
      db
        .select()
        .from(plans)
        .where(
          and(
            eq(plans.kommunenummer, kommunenummer),
            inArray(plans.status, ['adopted', 'revised', 'expired']),
            lte(plans.periodStart, `${year}-12-31`),
            gte(plans.periodEnd, `${year}-01-01`),
          ),
        )
        .orderBy(asc(plans.periodStart), asc(plans.title), asc(plans.id)),

    /** The focus areas a plan's priorities name. */
    focusAreas: (kommunenummer: string) =>
      db.select({ id: focusAreas.id, name: focusAreas.name }).from(focusAreas).where(eq(focusAreas.kommunenummer, kommunenummer)),

    /** Which measures work towards which of the goals. */
    measureGoals: (goalIds: string[]) =>
      goalIds.length === 0
        ? Promise.resolve([])
        : db
            .select({ measureId: measureGoals.measureId, goalId: measureGoals.goalId })
            .from(measureGoals)
            .where(inArray(measureGoals.goalId, goalIds)),
  };
}
