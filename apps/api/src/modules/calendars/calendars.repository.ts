import { and, asc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  agendaItemReaders,
  agendaItems,
  calendarFeeds,
  meetings,
  members,
  municipalities,
  tiers,
  userRoles,
  users,
} from '../../db/schema/index.js';

export type CalendarFeedRow = typeof calendarFeeds.$inferSelect;

/** How far back feeds reach: a year of history is plenty for a subscribed calendar. */
const since = sql`now() - interval '1 year'`;

export function createCalendarsRepository(db: Executor) {
  const meetingsWithTier = () =>
    db
      .select({ meeting: meetings, tierName: tiers.name, municipalityName: municipalities.name })
      .from(meetings)
      .innerJoin(tiers, eq(tiers.id, meetings.tierId))
      .innerJoin(municipalities, eq(municipalities.kommunenummer, meetings.kommunenummer));

  return {
    async municipality(kommunenummer: string) {
      const [row] = await db
        .select({ name: municipalities.name })
        .from(municipalities)
        .where(eq(municipalities.kommunenummer, kommunenummer));
      return row;
    },

    async tier(kommunenummer: string, tierId: string) {
      const [row] = await db
        .select({ name: tiers.name })
        .from(tiers)
        .where(and(eq(tiers.kommunenummer, kommunenummer), eq(tiers.id, tierId)));
      return row;
    },

    /** Meetings from a year back on, of a municipality or one of its tiers. */
    meetings: (kommunenummer: string, tierId?: string) =>
      meetingsWithTier()
        .where(
          and(
            eq(meetings.kommunenummer, kommunenummer),
            tierId ? eq(meetings.tierId, tierId) : undefined,
            gte(meetings.startsAt, since as never),
          ),
        )
        .orderBy(asc(meetings.startsAt), asc(meetings.id)),

    /** The user's municipalities (any role) and whether they coordinate there. */
    rolesOf: (userId: string) =>
      db.select({ kommunenummer: userRoles.kommunenummer, role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)),

    meetingsOf: (kommunenummers: readonly string[]) =>
      kommunenummers.length
        ? meetingsWithTier()
            .where(and(inArray(meetings.kommunenummer, [...kommunenummers]), gte(meetings.startsAt, since as never)))
            .orderBy(asc(meetings.startsAt), asc(meetings.id))
        : Promise.resolve([]),

    /** The agenda items of these meetings, each with the members named on it. */
    async agendaOf(meetingIds: readonly string[]) {
      if (meetingIds.length === 0) return [];
      const items = await db
        .select()
        .from(agendaItems)
        .where(inArray(agendaItems.meetingId, [...meetingIds]))
        .orderBy(asc(agendaItems.meetingId), asc(agendaItems.position));
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
        : [];
      return items.map((item) => ({ ...item, readers: readers.filter((r) => r.agendaItemId === item.id).map((r) => r.memberId) }));
    },

    membersWithEmail: (email: string) =>
      db
        .select({ id: members.id })
        .from(members)
        .where(and(sql`lower(${members.email}) = lower(${email})`, isNull(members.erasedAt))),

    // --- personal feeds ---
    feedsOf: (userId: string) =>
      db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId)).orderBy(asc(calendarFeeds.createdAt)),

    async insertFeed(userId: string, label: string, secretHash: string): Promise<CalendarFeedRow> {
      const [row] = await db.insert(calendarFeeds).values({ userId, label, secretHash }).returning();
      return row!;
    },

    async deleteFeed(userId: string, id: string): Promise<boolean> {
      const rows = await db
        .delete(calendarFeeds)
        .where(and(eq(calendarFeeds.userId, userId), eq(calendarFeeds.id, id)))
        .returning({ id: calendarFeeds.id });
      return rows.length > 0;
    },

    /** The active user behind a feed secret, marking the feed used. */
    async resolveFeed(secretHash: string) {
      const [row] = await db
        .update(calendarFeeds)
        .set({ lastUsedAt: sql`now()` })
        .from(users)
        .where(and(eq(calendarFeeds.secretHash, secretHash), eq(users.id, calendarFeeds.userId), eq(users.active, true)))
        .returning({ userId: users.id, email: users.email, isAdmin: users.isAdmin });
      return row;
    },
  };
}
