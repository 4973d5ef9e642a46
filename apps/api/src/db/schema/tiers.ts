import { sql } from 'drizzle-orm';
import { TIER_LEVELS, type MailRule, type MeetingRule } from '@slt/shared';
import {
  type AnyPgColumn,
  boolean,
  char,
  pgEnum,
  pgTable,
  timestamp,
  index,
  integer,
  jsonb,
  uniqueIndex,
  uuid,
  text,
} from 'drizzle-orm/pg-core';
import { members } from './members.js';
import { municipalities } from './municipalities.js';

export const tierLevelEnum = pgEnum('tier_level', TIER_LEVELS);

/** A body at one of the three levels; several tiers may share a level. */
export const tiers = pgTable(
  'tiers',
  {
    id: uuid().primaryKey().defaultRandom(),
    kommunenummer: char({ length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    /** The caller's key for imports (a repeated import updates instead of duplicating); exports fall back to the id. */
    externalId: text(),
    level: tierLevelEnum().notNull(),
    name: text().notNull(),
    mandate: text(),
    responsibilities: text(),
    chairMemberId: uuid().references((): AnyPgColumn => members.id),
    secretaryMemberId: uuid().references((): AnyPgColumn => members.id),
    individualCases: boolean().notNull().default(false),
    displayOrder: integer().notNull().default(0),
    /** The meeting-frequency rule as data (validated by MeetingRuleSchema). */
    meetingRule: jsonb().$type<MeetingRule>(),
    /** The notice and reminder rule as data (validated by MailRuleSchema); null: no automatic notice, reminders on. */
    mailRule: jsonb().$type<MailRule>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tiers_external_key').on(t.kommunenummer, sql`coalesce(${t.externalId}, ${t.id}::text)`),
    index().on(t.kommunenummer),
  ],
);
