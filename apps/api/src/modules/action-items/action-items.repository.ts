import { and, asc, eq, getTableColumns, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { actionItems, meetings, members } from '../../db/schema/index.js';

export type ActionItemRow = typeof actionItems.$inferSelect & { tierId: string };
type Writable = Pick<
  typeof actionItems.$inferInsert,
  'meetingId' | 'decisionId' | 'description' | 'responsibleMemberId' | 'dueDate' | 'status' | 'reportBackMeetingId' | 'completedAt'
>;

export interface ActionItemFilter {
  status?: string;
  /** Only open items due before this day (YYYY-MM-DD, Europe/Oslo). */
  overdueBefore?: string;
  tierId?: string;
  memberIds?: readonly string[];
  meetingId?: string;
  /** Keyset: items after (due date or 9999-12-31, id). */
  after?: { due: string; id: string };
  limit: number;
}

/** Items without a due date sort last. */
const dueKey = sql<string>`coalesce(${actionItems.dueDate}, '9999-12-31'::date)`;

export function createActionItemsRepository(db: Executor) {
  const selectItems = () =>
    db
      .select({ ...getTableColumns(actionItems), tierId: meetings.tierId })
      .from(actionItems)
      .innerJoin(meetings, eq(meetings.id, actionItems.meetingId));

  return {
    async find(kommunenummer: string, id: string, options: { forUpdate?: boolean } = {}): Promise<ActionItemRow | undefined> {
      const query = selectItems().where(and(eq(actionItems.kommunenummer, kommunenummer), eq(actionItems.id, id)));
      const [row] = options.forUpdate ? await query.for('update', { of: actionItems }) : await query;
      return row;
    },

    /** The items given at these meetings, or to be reported back at them. */
    async ofMeeting(meetingId: string): Promise<{ given: ActionItemRow[]; reportBack: ActionItemRow[] }> {
      const rows = await selectItems()
        .where(or(eq(actionItems.meetingId, meetingId), eq(actionItems.reportBackMeetingId, meetingId)))
        .orderBy(asc(dueKey), asc(actionItems.createdAt), asc(actionItems.id));
      return { given: rows.filter((r) => r.meetingId === meetingId), reportBack: rows.filter((r) => r.reportBackMeetingId === meetingId) };
    },

    async list(kommunenummer: string, filter: ActionItemFilter): Promise<ActionItemRow[]> {
      const conditions: (SQL | undefined)[] = [eq(actionItems.kommunenummer, kommunenummer)];
      if (filter.status) conditions.push(sql`${actionItems.status} = ${filter.status}`);
      if (filter.overdueBefore) conditions.push(eq(actionItems.status, 'open'), lt(actionItems.dueDate, filter.overdueBefore));
      if (filter.tierId) conditions.push(eq(meetings.tierId, filter.tierId));
      if (filter.memberIds)
        conditions.push(filter.memberIds.length ? inArray(actionItems.responsibleMemberId, [...filter.memberIds]) : sql`false`);
      if (filter.meetingId) conditions.push(eq(actionItems.meetingId, filter.meetingId));
      if (filter.after) conditions.push(sql`(${dueKey}, ${actionItems.id}) > (${filter.after.due}::date, ${filter.after.id}::uuid)`);
      return selectItems()
        .where(and(...conditions))
        .orderBy(asc(dueKey), asc(actionItems.id))
        .limit(filter.limit + 1);
    },

    /** The members of a municipality whose e-mail is this address: how a signed-in user is known as a member. */
    async membersWithEmail(kommunenummer: string, email: string): Promise<string[]> {
      const rows = await db
        .select({ id: members.id })
        .from(members)
        .where(and(eq(members.kommunenummer, kommunenummer), sql`lower(${members.email}) = lower(${email})`, isNull(members.erasedAt)));
      return rows.map((r) => r.id);
    },

    async insert(kommunenummer: string, values: Writable): Promise<string> {
      const [row] = await db
        .insert(actionItems)
        .values({ ...values, kommunenummer })
        .returning({ id: actionItems.id });
      return row!.id;
    },

    async update(id: string, values: Partial<Writable>): Promise<void> {
      await db
        .update(actionItems)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(actionItems.id, id));
    },

    async delete(id: string): Promise<void> {
      await db.delete(actionItems).where(eq(actionItems.id, id));
    },
  };
}
