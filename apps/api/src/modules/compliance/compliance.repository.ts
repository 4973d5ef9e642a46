import type { MeetingStatus } from '@slt/shared';
import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { meetings, tiers } from '../../db/schema/index.js';
import { meetingsOfOsloYear } from '../meetings/meetings.repository.js';

export function createComplianceRepository(db: Executor) {
  return {
    tiers: (kommunenummer: string) =>
      db
        .select({ id: tiers.id, name: tiers.name, level: tiers.level, meetingRule: tiers.meetingRule })
        .from(tiers)
        .where(eq(tiers.kommunenummer, kommunenummer))
        .orderBy(asc(tiers.displayOrder), asc(tiers.name)),

    /** The year's meetings (Europe/Oslo) with their month there and whether they are still ahead. */
    meetingsOfYear: (kommunenummer: string, year: number) =>
      db
        .select({
          tierId: meetings.tierId,
          status: sql<MeetingStatus>`${meetings.status}`,
          month: sql<number>`extract(month from ${meetings.startsAt} at time zone 'Europe/Oslo')::int`,
          ahead: sql<boolean>`${meetings.startsAt} > now()`,
        })
        .from(meetings)
        .where(meetingsOfOsloYear(kommunenummer, year)),
  };
}
