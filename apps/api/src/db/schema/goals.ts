import { GOAL_DIRECTIONS, INDICATOR_UNITS, MEASUREMENT_ORIGINS } from '@slt/shared';
import { sql } from 'drizzle-orm';
import {
  char,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { municipalities } from './municipalities.js';
import { focusAreas } from './target-groups.js';

export const indicatorUnitEnum = pgEnum('indicator_unit', INDICATOR_UNITS);
export const goalDirectionEnum = pgEnum('goal_direction', GOAL_DIRECTIONS);
export const measurementOriginEnum = pgEnum('measurement_origin', MEASUREMENT_ORIGINS);

/** An outcome the strategic tier sets. */
export const goals = pgTable(
  'goals',
  {
    id: uuid().primaryKey().defaultRandom(),
    kommunenummer: char({ length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    /** The caller's key for imports (a repeated import updates instead of duplicating); exports fall back to the id. */
    externalId: text(),
    title: text().notNull(),
    description: text(),
    focusAreaId: uuid().references(() => focusAreas.id, { onDelete: 'set null' }),
    displayOrder: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('goals_external_key').on(t.kommunenummer, sql`coalesce(${t.externalId}, ${t.id}::text)`),
    index().on(t.kommunenummer),
  ],
);

/** What is measured for a goal, which way it should go, and the target. */
export const indicators = pgTable(
  'indicators',
  {
    id: uuid().primaryKey().defaultRandom(),
    goalId: uuid()
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    unit: indicatorUnitEnum().notNull(),
    direction: goalDirectionEnum().notNull(),
    targetValue: doublePrecision(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.goalId)],
);

/**
 * An indicator's value for a period. The exact value is stored; the API reports small groups as
 * "<5" (a count of 1–4, or `group_size` under 5).
 */
export const measurements = pgTable(
  'measurements',
  {
    id: uuid().primaryKey().defaultRandom(),
    indicatorId: uuid()
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    value: doublePrecision().notNull(),
    groupSize: integer(),
    source: text(),
    caveat: text(),
    /** `manual`: typed in by a coordinator; `file`: read from an uploaded setup document. */
    origin: measurementOriginEnum().notNull().default('manual'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.indicatorId, t.periodStart, t.periodEnd),
    check('measurements_period_ordered', sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);
