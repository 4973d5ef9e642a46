import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  agendaItems,
  mailOutbox,
  mailPreferences,
  meetings,
  members,
  memberships,
  municipalities,
  tiers,
  users,
} from '../../db/schema/index.js';

export type MailRow = typeof mailOutbox.$inferSelect;
export type NewMail = typeof mailOutbox.$inferInsert;

/** A membership that runs on `day` (YYYY-MM-DD): started by then and not ended before it. */
export const membershipOn = (day: string) =>
  and(lte(memberships.startDate, day), or(isNull(memberships.endDate), gte(memberships.endDate, day)));

export function createMailRepository(db: Executor) {
  return {
    /** Queues mails; one already queued under the same key is left as it is. */
    async enqueue(rows: NewMail[]): Promise<number> {
      if (rows.length === 0) return 0;
      const inserted = await db
        .insert(mailOutbox)
        .values(rows)
        .onConflictDoNothing({ target: mailOutbox.dedupeKey })
        .returning({ id: mailOutbox.id });
      return inserted.length;
    },

    /**
     * Claims up to `limit` due mails for this worker: pending ones whose time has come, and ones a
     * crashed worker left `sending` past their lease. Rows another replica holds are skipped.
     */
    async claim(limit: number, leaseSeconds: number): Promise<MailRow[]> {
      const due = await db
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(
          or(
            and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, sql`now()`)),
            and(eq(mailOutbox.status, 'sending'), lt(mailOutbox.leaseUntil, sql`now()`)),
          ),
        )
        .orderBy(asc(mailOutbox.nextAttemptAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      if (due.length === 0) return [];
      return db
        .update(mailOutbox)
        .set({
          status: 'sending',
          attempts: sql`${mailOutbox.attempts} + 1`,
          leaseUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
        })
        .where(
          sql`${mailOutbox.id} in (${sql.join(
            due.map((d) => sql`${d.id}`),
            sql`, `,
          )})`,
        )
        .returning();
    },

    async markSent(id: string): Promise<void> {
      await db
        .update(mailOutbox)
        .set({ status: 'sent', sentAt: sql`now()`, leaseUntil: null, lastError: null })
        .where(eq(mailOutbox.id, id));
    },

    /** Back to pending after `delaySeconds`, or failed for good when `delaySeconds` is null. */
    async markFailed(id: string, error: string, delaySeconds: number | null): Promise<void> {
      await db
        .update(mailOutbox)
        .set(
          delaySeconds === null
            ? { status: 'failed', lastError: error, leaseUntil: null }
            : { status: 'pending', lastError: error, leaseUntil: null, nextAttemptAt: sql`now() + make_interval(secs => ${delaySeconds})` },
        )
        .where(eq(mailOutbox.id, id));
    },

    async list(kommunenummer: string, limit: number): Promise<MailRow[]> {
      return db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.kommunenummer, kommunenummer))
        .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
        .limit(limit);
    },

    async hasNotice(meetingId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(and(eq(mailOutbox.subjectId, meetingId), eq(mailOutbox.kind, 'meeting_notice')))
        .limit(1);
      return row !== undefined;
    },

    /** What a meeting's mail says: the meeting, its tier and municipality, the agenda items open to all. */
    async meetingForMail(kommunenummer: string, meetingId: string) {
      const [row] = await db
        .select({ meeting: meetings, tier: tiers.name, municipality: municipalities.name, malform: municipalities.malform })
        .from(meetings)
        .innerJoin(tiers, eq(tiers.id, meetings.tierId))
        .innerJoin(municipalities, eq(municipalities.kommunenummer, meetings.kommunenummer))
        .where(and(eq(meetings.kommunenummer, kommunenummer), eq(meetings.id, meetingId)));
      if (!row) return undefined;
      const agenda = await db
        .select({ title: agendaItems.title, description: agendaItems.description })
        .from(agendaItems)
        .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.closed, false)))
        .orderBy(asc(agendaItems.position));
      return { ...row, agenda };
    },

    /** Members' names by id (for the responsible of action items in a mail). */
    async memberNames(ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ id: members.id, name: members.name })
        .from(members)
        .where(inArray(members.id, [...new Set(ids)]));
      return new Map(rows.flatMap((r) => (r.name ? [[r.id, r.name] as const] : [])));
    },

    async userEmail(userId: string): Promise<string | undefined> {
      const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
      return row?.email;
    },

    /** Whether the address (any case) has turned the weekly digest off; on without a row. */
    async weeklyDigestFor(email: string): Promise<boolean> {
      const [row] = await db
        .select({ weeklyDigest: mailPreferences.weeklyDigest })
        .from(mailPreferences)
        .where(eq(mailPreferences.email, email.toLowerCase()));
      return row?.weeklyDigest ?? true;
    },

    async setWeeklyDigest(email: string, weeklyDigest: boolean): Promise<void> {
      await db
        .insert(mailPreferences)
        .values({ email: email.toLowerCase(), weeklyDigest })
        .onConflictDoUpdate({ target: mailPreferences.email, set: { weeklyDigest, updatedAt: sql`now()` } });
    },

    /** The tier's members on `day` (YYYY-MM-DD) with an e-mail address, one row per member. */
    async tierRecipients(tierId: string, day: string) {
      return db
        .selectDistinctOn([members.id], { memberId: members.id, name: members.name, email: members.email })
        .from(memberships)
        .innerJoin(members, eq(members.id, memberships.memberId))
        .where(and(eq(memberships.tierId, tierId), membershipOn(day), isNull(members.erasedAt), isNotNull(members.email)))
        .orderBy(members.id);
    },
  };
}
