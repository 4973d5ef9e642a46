import { ACTION_ITEM_STATUSES, ATTENDANCE_STATUSES, KEY_DATE_KINDS, MEETING_STATUSES } from '@slt/shared';
import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { measures } from './measures.js';
import { members } from './members.js';
import { municipalities } from './municipalities.js';
import { tiers } from './tiers.js';

export const meetingStatusEnum = pgEnum('meeting_status', MEETING_STATUSES);
export const attendanceStatusEnum = pgEnum('attendance_status', ATTENDANCE_STATUSES);
export const actionItemStatusEnum = pgEnum('action_item_status', ACTION_ITEM_STATUSES);
export const keyDateKindEnum = pgEnum('key_date_kind', KEY_DATE_KINDS);

/** A meeting of one tier. Its time is an instant; periods and calendars use Europe/Oslo. */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid().primaryKey().defaultRandom(),
    kommunenummer: char({ length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    /** The caller's key for imports (a repeated import updates instead of duplicating); exports fall back to the id. */
    externalId: text(),
    tierId: uuid()
      .notNull()
      .references(() => tiers.id),
    title: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    place: text(),
    status: meetingStatusEnum().notNull().default('planned'),
    /** Internal. */
    minutes: text(),
    /** When a coordinator approved the minutes (they were mailed to the members then); final once set. */
    minutesApprovedAt: timestamp({ withTimezone: true }),
    /** iCalendar SEQUENCE: bumped whenever the public facts (title, time, place, status) change. */
    sequence: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('meetings_external_key').on(t.kommunenummer, sql`coalesce(${t.externalId}, ${t.id}::text)`),
    index().on(t.kommunenummer, t.startsAt, t.id),
    index().on(t.tierId, t.startsAt),
    check('meetings_time_ordered', sql`${t.endsAt} >= ${t.startsAt}`),
  ],
);

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    title: text().notNull(),
    description: text(),
    ownerMemberId: uuid().references(() => members.id),
    /** Closed items are shown only to the members in agenda_item_readers (and coordinators). */
    closed: boolean().notNull().default(false),
  },
  (t) => [index().on(t.meetingId, t.position)],
);

/** The members named on a closed agenda item. */
export const agendaItemReaders = pgTable(
  'agenda_item_readers',
  {
    agendaItemId: uuid()
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
  },
  (t) => [primaryKey({ columns: [t.agendaItemId, t.memberId] }), index().on(t.memberId)],
);

export const attendance = pgTable(
  'attendance',
  {
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    status: attendanceStatusEnum().notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] }), index().on(t.memberId)],
);

export const decisions = pgTable(
  'decisions',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id),
    agendaItemId: uuid().references(() => agendaItems.id),
    text: text().notNull(),
    measureId: uuid().references(() => measures.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.meetingId), index().on(t.agendaItemId)],
);

export const actionItems = pgTable(
  'action_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    kommunenummer: char({ length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    /** The caller's key for imports (a repeated import updates instead of duplicating); exports fall back to the id. */
    externalId: text(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id),
    decisionId: uuid().references(() => decisions.id, { onDelete: 'set null' }),
    description: text().notNull(),
    responsibleMemberId: uuid().references(() => members.id),
    dueDate: date({ mode: 'string' }),
    status: actionItemStatusEnum().notNull().default('open'),
    reportBackMeetingId: uuid().references(() => meetings.id, { onDelete: 'set null' }),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('action_items_external_key').on(t.kommunenummer, sql`coalesce(${t.externalId}, ${t.id}::text)`),
    index().on(t.kommunenummer, t.status, t.dueDate),
    index().on(t.meetingId),
    index().on(t.reportBackMeetingId),
    index().on(t.responsibleMemberId),
  ],
);

/** A date of the year plan (årshjul) the coordinator adds; `yearly` ones recur on the same day. */
export const keyDates = pgTable(
  'key_dates',
  {
    id: uuid().primaryKey().defaultRandom(),
    kommunenummer: char({ length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    title: text().notNull(),
    kind: keyDateKindEnum().notNull().default('other'),
    date: date({ mode: 'string' }).notNull(),
    yearly: boolean().notNull().default(false),
    description: text(),
    isPublic: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.kommunenummer)],
);

/** A user's personal calendar feed: the URL's secret is stored as a SHA-256 hash only. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    label: text().notNull(),
    secretHash: text().notNull(),
    lastUsedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.secretHash), index().on(t.userId)],
);

/**
 * Idempotency-Key of imports: the first request with a key claims it (`pending`), its answer is
 * kept (`done`) and replayed to a retry with the same payload; a different payload is refused.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    kommunenummer: char({ length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    key: text().notNull(),
    /** SHA-256 of the request body (and its media type and query). */
    requestHash: text(),
    state: text().notNull().default('pending'),
    status: integer(),
    contentType: text(),
    response: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kommunenummer, t.key] })],
);
