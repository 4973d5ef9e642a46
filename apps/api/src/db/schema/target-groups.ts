import { sql } from 'drizzle-orm';
import { char, check, date, pgTable, timestamp, index, integer, uniqueIndex, uuid, text } from 'drizzle-orm/pg-core';
import { municipalities } from './municipalities.js';

/** Who a measure or the setup is for: an age range (inclusive) and risk criteria. */
export const targetGroups = pgTable(
  'target_groups',
  {
    id: uuid().primaryKey().defaultRandom(),
    kommunenummer: char({ length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    /** The caller's key for imports (a repeated import updates instead of duplicating); exports fall back to the id. */
    externalId: text(),
    name: text().notNull(),
    description: text(),
    ageFrom: integer(),
    ageTo: integer(),
    riskCriteria: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    displayOrder: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('target_groups_external_key').on(t.kommunenummer, sql`coalesce(${t.externalId}, ${t.id}::text)`),
    index().on(t.kommunenummer),
    check('target_groups_age_ordered', sql`${t.ageFrom} is null or ${t.ageTo} is null or ${t.ageFrom} <= ${t.ageTo}`),
  ],
);

/** A priority set by the strategic tier, optionally with the political decision behind it. */
export const focusAreas = pgTable(
  'focus_areas',
  {
    id: uuid().primaryKey().defaultRandom(),
    kommunenummer: char({ length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    /** The caller's key for imports (a repeated import updates instead of duplicating); exports fall back to the id. */
    externalId: text(),
    name: text().notNull(),
    description: text(),
    decisionReference: text(),
    decisionDate: date({ mode: 'string' }),
    displayOrder: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('focus_areas_external_key').on(t.kommunenummer, sql`coalesce(${t.externalId}, ${t.id}::text)`),
    index().on(t.kommunenummer),
  ],
);
