import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  actionItems,
  mailDigestRuns,
  mailPreferences,
  meetings,
  members,
  memberships,
  municipalities,
  tiers,
} from '../../db/schema/index.js';
import { membershipOn } from './mail.repository.js';

/** The first instant of a day (YYYY-MM-DD) in Europe/Oslo, as SQL. */
const osloStartOf = (day: string) => sql`(${day}::date)::timestamp at time zone 'Europe/Oslo'`;

/** A member's address as the digest's key: lower case, so one person's member rows share one digest. */
const address = sql<string>`lower(${members.email})`;

/** Members who get digests: not erased, with an address that has not turned the digest off. */
const digestMember = and(
  isNull(members.erasedAt),
  isNotNull(members.email),
  sql`not exists (select 1 from ${mailPreferences} where ${mailPreferences.email} = lower(${members.email}) and not ${mailPreferences.weeklyDigest})`,
);

/** What the weekly digests are made of (SQL only; modules/mail/digest.ts writes the mails). */
export function createDigestRepository(db: Executor) {
  return {
    /** Marks the ISO week's digests as queued; false when a round (of any replica) already did. */
    async claimWeek(week: string): Promise<boolean> {
      const rows = await db.insert(mailDigestRuns).values({ week }).onConflictDoNothing().returning({ week: mailDigestRuns.week });
      return rows.length > 0;
    },

    /** Open action items due on or before `until` (overdue ones included), by their responsible member's address. */
    async dueActionItems(until: string) {
      return db
        .select({
          kommunenummer: actionItems.kommunenummer,
          address,
          id: actionItems.id,
          description: actionItems.description,
          dueDate: actionItems.dueDate,
        })
        .from(actionItems)
        .innerJoin(members, eq(members.id, actionItems.responsibleMemberId))
        .where(and(eq(actionItems.status, 'open'), isNotNull(actionItems.dueDate), lte(actionItems.dueDate, until), digestMember))
        .orderBy(asc(actionItems.dueDate), asc(actionItems.id));
    },

    /** Planned meetings from now to the end of `until` (Oslo) of the tiers each address's members sit on `today`. */
    async comingMeetings(today: string, until: string) {
      return db
        .selectDistinctOn([meetings.kommunenummer, address, meetings.startsAt, meetings.id], {
          kommunenummer: meetings.kommunenummer,
          address,
          id: meetings.id,
          title: meetings.title,
          startsAt: meetings.startsAt,
          endsAt: meetings.endsAt,
          place: meetings.place,
          tier: tiers.name,
        })
        .from(meetings)
        .innerJoin(tiers, eq(tiers.id, meetings.tierId))
        .innerJoin(memberships, eq(memberships.tierId, meetings.tierId))
        .innerJoin(members, eq(members.id, memberships.memberId))
        .where(
          and(
            eq(meetings.status, 'planned'),
            gte(meetings.startsAt, sql`now()`),
            lt(meetings.startsAt, osloStartOf(until) as never),
            membershipOn(today),
            eq(members.kommunenummer, meetings.kommunenummer),
            digestMember,
          ),
        )
        .orderBy(meetings.kommunenummer, address, asc(meetings.startsAt), meetings.id);
    },

    async municipalities(kommunenummer: string[]) {
      if (kommunenummer.length === 0) return [];
      return db
        .select({ kommunenummer: municipalities.kommunenummer, name: municipalities.name, malform: municipalities.malform })
        .from(municipalities)
        .where(inArray(municipalities.kommunenummer, kommunenummer));
    },
  };
}
