import type { CalendarFeed, CreatedCalendarFeed } from '@slt/shared';
import type { Db } from '../../db/client.js';
import { found } from '../../lib/audited.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import type { Scope } from '../../lib/scope.js';
import { icalendar } from '../../lib/icalendar.js';
import { osloDay } from '../../lib/oslo-time.js';
import { createTextCache } from '../../lib/text-cache.js';
import { randomSecret, sha256 } from '../../lib/secrets.js';
import { createCalendarsRepository, type CalendarFeedRow } from './calendars.repository.js';

export const FEED_SECRET_PREFIX = 'slc_';

interface FeedMeeting {
  meeting: {
    id: string;
    title: string;
    startsAt: Date;
    endsAt: Date;
    place: string | null;
    status: 'planned' | 'held' | 'cancelled';
    sequence: number;
    updatedAt: Date;
    kommunenummer: string;
  };
  tierName: string;
  municipalityName: string;
}

/**
 * An RFC 5545 calendar of meetings (times in UTC). UIDs are the meetings' ids, stable for life;
 * SEQUENCE and LAST-MODIFIED move when a meeting moves or is cancelled; DTSTAMP is the last change,
 * so an unchanged calendar is byte-identical. Written in one pass (lib/icalendar.ts).
 */
function calendarOf(name: string, rows: readonly FeedMeeting[], describe: (row: FeedMeeting) => string) {
  return icalendar({
    name,
    ttlSeconds: 60 * 60,
    events: rows.map((row) => {
      const m = row.meeting;
      return {
        uid: `${m.id}@slt`,
        start: m.startsAt,
        end: m.endsAt,
        summary: m.title,
        location: m.place,
        description: describe(row),
        status: m.status === 'cancelled' ? ('CANCELLED' as const) : ('CONFIRMED' as const),
        sequence: m.sequence,
        lastModified: m.updatedAt,
      };
    }),
  });
}

const toFeed = (row: CalendarFeedRow): CalendarFeed => ({
  id: row.id,
  label: row.label,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

/** The characters of public calendar text kept in memory (a demo-size calendar is about 3,000). */
const PUBLIC_CACHE_CHARS = 16 * 1024 * 1024;

export function createCalendarsService(deps: { db: Db; maxFeedsPerUser: number }) {
  const repo = createCalendarsRepository(deps.db);
  const publicDescription = (row: FeedMeeting) => `${row.tierName} (${row.municipalityName})`;
  // Public calendars by what they are made of: the municipality (and tier), its setup version and
  // the day in Oslo, as their ETag (lib/setup-version.ts). Every audited write (meetings, tiers)
  // moves the version in its own transaction and every request reads it with its scope, so no
  // replica serves an outdated calendar; an unchanged one is not rebuilt for every poll.
  const publicCalendars = createTextCache(PUBLIC_CACHE_CHARS);

  async function buildPublicCalendar(kommunenummer: string, tierId: string | undefined): Promise<string> {
    const municipality = found(await repo.municipality(kommunenummer), `${kommunenummer} is gone.`);
    let name = `SLT ${municipality.name}`;
    if (tierId) {
      const tier = await repo.tier(kommunenummer, tierId);
      if (!tier) throw new NotFoundError(`There is no tier ${tierId} in ${kommunenummer}.`);
      name = `${name}: ${tier.name}`;
    }
    return calendarOf(name, await repo.meetings(kommunenummer, tierId), publicDescription);
  }

  return {
    /** The public feed: title, time, place and status of a municipality's (or one tier's) meetings. */
    publicCalendar(scope: Scope, tierId?: string): Promise<string> {
      const key = [scope.kommunenummer, tierId ?? '', scope.setupVersion, osloDay()].join('\n');
      return publicCalendars.get(key, () => buildPublicCalendar(scope.kommunenummer, tierId));
    },

    /**
     * A personal feed: the meetings of every municipality where the user has a role, with the
     * agenda items the user may see (closed ones when they coordinate there or are named on them).
     */
    async personalCalendar(secret: string): Promise<string> {
      const owner = await repo.resolveFeed(sha256(secret));
      if (!owner) throw new NotFoundError('There is no such calendar feed (it may have been revoked).');
      const roles = await repo.rolesOf(owner.userId);
      const coordinates = new Set(roles.filter((r) => r.role === 'coordinator').map((r) => r.kommunenummer));
      const rows = await repo.meetingsOf(roles.map((r) => r.kommunenummer));
      const agenda = await repo.agendaOf(rows.map((r) => r.meeting.id));
      const mine = new Set((await repo.membersWithEmail(owner.email)).map((m) => m.id));
      const describe = (row: FeedMeeting) => {
        const items = agenda.filter(
          (item) =>
            item.meetingId === row.meeting.id &&
            (!item.closed ||
              coordinates.has(row.meeting.kommunenummer) ||
              item.readers.some((id) => mine.has(id)) ||
              (item.ownerMemberId !== null && mine.has(item.ownerMemberId))),
        );
        return [publicDescription(row), ...items.map((item) => `${item.position}. ${item.title}`)].join('\n');
      };
      return calendarOf('SLT: mine møter', rows, describe);
    },

    async list(userId: string): Promise<{ items: CalendarFeed[] }> {
      return { items: (await repo.feedsOf(userId)).map(toFeed) };
    },

    /** A new secret feed URL (the secret is shown once; only its hash is kept). */
    async create(userId: string, label: string | undefined, baseUrl: string): Promise<CreatedCalendarFeed> {
      if ((await repo.feedsOf(userId)).length >= deps.maxFeedsPerUser) {
        throw new ConflictError(`You may have at most ${deps.maxFeedsPerUser} calendar feeds: revoke one first.`);
      }
      const secret = `${FEED_SECRET_PREFIX}${randomSecret(32)}`;
      const row = await repo.insertFeed(userId, label ?? 'Kalender', sha256(secret));
      return { feed: toFeed(row), url: `${baseUrl}/api/v1/calendar-feeds/${secret}/calendar.ics` };
    },

    async revoke(userId: string, id: string): Promise<void> {
      if (!(await repo.deleteFeed(userId, id))) throw new NotFoundError(`You have no calendar feed ${id}.`);
    },
  };
}

export type CalendarsService = ReturnType<typeof createCalendarsService>;
