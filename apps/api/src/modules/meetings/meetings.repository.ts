import { and, asc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { actionItems, agendaItemReaders, agendaItems, attendance, decisions, meetings } from '../../db/schema/index.js';
import { createActionItemsRepository, type ActionItemRow } from '../action-items/action-items.repository.js';

export type MeetingRow = typeof meetings.$inferSelect;
export type AgendaItemRow = typeof agendaItems.$inferSelect & { readers: string[] };
export type AttendanceRow = typeof attendance.$inferSelect;
export type DecisionRow = typeof decisions.$inferSelect;
export interface MeetingTree {
  meeting: MeetingRow;
  agenda: AgendaItemRow[];
  attendance: AttendanceRow[];
  decisions: DecisionRow[];
  actionItems: ActionItemRow[];
  reportBackItems: ActionItemRow[];
}
export type WritableMeeting = Pick<
  typeof meetings.$inferInsert,
  'tierId' | 'title' | 'startsAt' | 'endsAt' | 'place' | 'status' | 'minutes' | 'minutesApprovedAt'
>;
type WritableAgendaItem = Pick<typeof agendaItems.$inferInsert, 'title' | 'description' | 'ownerMemberId' | 'closed'>;

/** The first instant of a day in Europe/Oslo, as SQL. */
export const osloStartOf = (day: string): SQL => sql`(${day}::date)::timestamp at time zone 'Europe/Oslo'`;
/** The municipality's meetings that start in the calendar year in Europe/Oslo. */
export const meetingsOfOsloYear = (kommunenummer: string, year: number): SQL =>
  and(
    eq(meetings.kommunenummer, kommunenummer),
    gte(meetings.startsAt, osloStartOf(`${year}-01-01`) as never),
    lt(meetings.startsAt, osloStartOf(`${year + 1}-01-01`) as never),
  )!;

export interface MeetingFilter {
  /** Days (YYYY-MM-DD, Europe/Oslo), both included. */
  from?: string;
  to?: string;
  tierId?: string;
  status?: string;
  after?: { startsAt: string; id: string };
  limit: number;
}

/** The public facts of a meeting: all a caller outside its municipality may see of it. */
export type MeetingFactsRow = Pick<
  MeetingRow,
  'id' | 'kommunenummer' | 'tierId' | 'title' | 'startsAt' | 'endsAt' | 'place' | 'status' | 'createdAt' | 'updatedAt'
>;

/**
 * A meeting's public facts by municipality and id, named as the API names them: the anonymous
 * meeting read, run as a prepared statement (`pnpm bench` runs the same text beside it).
 */
export const MEETING_FACTS_SQL = `select id, kommunenummer, tier_id as "tierId", title, starts_at as "startsAt", ends_at as "endsAt",
  place, status, created_at as "createdAt", updated_at as "updatedAt"
from meetings where kommunenummer = $1 and id = $2`;

/** The public facts of one meeting in one prepared statement, or undefined when there is no such meeting. */
export async function findMeetingFacts(rows: Database['rows'], kommunenummer: string, id: string): Promise<MeetingFactsRow | undefined> {
  const [row] = await rows('meeting_facts', { sql: MEETING_FACTS_SQL, params: [kommunenummer, id] });
  if (!row) return undefined;
  const [, , tierId, title, startsAt, endsAt, place, status, createdAt, updatedAt] = row;
  return {
    id,
    kommunenummer,
    tierId: tierId as string,
    title: title as string,
    startsAt: startsAt as Date,
    endsAt: endsAt as Date,
    place: place as string | null,
    status: status as MeetingRow['status'],
    createdAt: createdAt as Date,
    updatedAt: updatedAt as Date,
  };
}

export function createMeetingsRepository(db: Executor) {
  return {
    async find(kommunenummer: string, id: string, options: { forUpdate?: boolean } = {}): Promise<MeetingTree | undefined> {
      const query = db
        .select()
        .from(meetings)
        .where(and(eq(meetings.kommunenummer, kommunenummer), eq(meetings.id, id)));
      const [meeting] = options.forUpdate ? await query.for('update') : await query;
      if (!meeting) return undefined;
      const items = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, id)).orderBy(asc(agendaItems.position));
      const readers = items.length
        ? await db
            .select()
            .from(agendaItemReaders)
            .where(
              inArray(
                agendaItemReaders.agendaItemId,
                items.map((i) => i.id),
              ),
            )
            .orderBy(asc(agendaItemReaders.memberId))
        : [];
      const present = await db.select().from(attendance).where(eq(attendance.meetingId, id)).orderBy(asc(attendance.memberId));
      const decided = await db
        .select()
        .from(decisions)
        .where(eq(decisions.meetingId, id))
        .orderBy(asc(decisions.createdAt), asc(decisions.id));
      const { given, reportBack } = await createActionItemsRepository(db).ofMeeting(id);
      return {
        meeting,
        agenda: items.map((item) => ({ ...item, readers: readers.filter((r) => r.agendaItemId === item.id).map((r) => r.memberId) })),
        attendance: present,
        decisions: decided,
        actionItems: given,
        reportBackItems: reportBack,
      };
    },

    /** Meetings in time order (the public facts), filtered; one more than `limit` tells whether a next page exists. */
    async list(kommunenummer: string, filter: MeetingFilter): Promise<MeetingRow[]> {
      const conditions: (SQL | undefined)[] = [eq(meetings.kommunenummer, kommunenummer)];
      if (filter.from) conditions.push(gte(meetings.startsAt, osloStartOf(filter.from) as never));
      if (filter.to) conditions.push(lt(meetings.startsAt, sql`${osloStartOf(filter.to)} + interval '1 day'` as never));
      if (filter.tierId) conditions.push(eq(meetings.tierId, filter.tierId));
      if (filter.status) conditions.push(sql`${meetings.status} = ${filter.status}`);
      if (filter.after)
        conditions.push(sql`(${meetings.startsAt}, ${meetings.id}) > (${filter.after.startsAt}::timestamptz, ${filter.after.id}::uuid)`);
      return db
        .select()
        .from(meetings)
        .where(and(...conditions))
        .orderBy(asc(meetings.startsAt), asc(meetings.id))
        .limit(filter.limit + 1);
    },

    async insert(kommunenummer: string, values: WritableMeeting): Promise<string> {
      const [row] = await db
        .insert(meetings)
        .values({ ...values, kommunenummer })
        .returning({ id: meetings.id });
      return row!.id;
    },

    /** Touches updated_at (a change of the meeting or of its parts); `bumpSequence` when the public facts changed. */
    async update(id: string, values: Partial<WritableMeeting>, options: { bumpSequence?: boolean } = {}): Promise<void> {
      await db
        .update(meetings)
        .set({ ...values, updatedAt: sql`now()`, ...(options.bumpSequence ? { sequence: sql`${meetings.sequence} + 1` } : {}) })
        .where(eq(meetings.id, id));
    },

    async delete(id: string): Promise<void> {
      await db.delete(meetings).where(eq(meetings.id, id));
    },

    async countHistory(id: string): Promise<{ decisions: number; actionItems: number }> {
      const [d] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(decisions)
        .where(eq(decisions.meetingId, id));
      const [a] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(actionItems)
        .where(eq(actionItems.meetingId, id));
      return { decisions: d!.n, actionItems: a!.n };
    },

    /** Rewrites the agenda's order: `ids` in their new order become positions 1, 2, 3… */
    async renumberAgenda(ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      await db.execute(sql`
        update agenda_items a set position = o.position
        from unnest(array[${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )}]::uuid[]) with ordinality as o(id, position)
        where a.id = o.id and a.position is distinct from o.position`);
    },

    async insertAgendaItem(meetingId: string, values: WritableAgendaItem, position: number): Promise<string> {
      const [row] = await db
        .insert(agendaItems)
        .values({ ...values, meetingId, position })
        .returning({ id: agendaItems.id });
      return row!.id;
    },

    async updateAgendaItem(id: string, values: Partial<WritableAgendaItem>): Promise<void> {
      if (Object.keys(values).length === 0) return;
      await db.update(agendaItems).set(values).where(eq(agendaItems.id, id));
    },

    async setReaders(agendaItemId: string, memberIds: readonly string[]): Promise<void> {
      await db.delete(agendaItemReaders).where(eq(agendaItemReaders.agendaItemId, agendaItemId));
      if (memberIds.length) await db.insert(agendaItemReaders).values(memberIds.map((memberId) => ({ agendaItemId, memberId })));
    },

    async deleteAgendaItem(id: string): Promise<void> {
      await db.delete(agendaItems).where(eq(agendaItems.id, id));
    },

    async setAttendance(meetingId: string, rows: readonly { memberId: string; status: AttendanceRow['status'] }[]): Promise<void> {
      await db.delete(attendance).where(eq(attendance.meetingId, meetingId));
      if (rows.length) await db.insert(attendance).values(rows.map((r) => ({ meetingId, memberId: r.memberId, status: r.status })));
    },

    async insertDecision(meetingId: string, values: Pick<DecisionRow, 'agendaItemId' | 'text' | 'measureId'>): Promise<string> {
      const [row] = await db
        .insert(decisions)
        .values({ ...values, meetingId })
        .returning({ id: decisions.id });
      return row!.id;
    },

    async updateDecision(id: string, values: Partial<Pick<DecisionRow, 'agendaItemId' | 'text'>>): Promise<void> {
      await db.update(decisions).set(values).where(eq(decisions.id, id));
    },

    async deleteDecision(id: string): Promise<void> {
      await db.delete(decisions).where(eq(decisions.id, id));
    },
  };
}
