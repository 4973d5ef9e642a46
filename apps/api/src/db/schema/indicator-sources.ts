import {
  IMPORT_STATUSES,
  REGION_LEVELS,
  SOURCE_VALUE_STATUSES,
  STATISTICS_PROVIDERS,
  VALUE_ORIGINS,
  type DimensionSelection,
  type RatePer1000,
} from '@slt/shared';
import { sql } from 'drizzle-orm';
import {
  char,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  boolean,
} from 'drizzle-orm/pg-core';
import { indicators } from './goals.js';
import { municipalities } from './municipalities.js';

export const statisticsProviderEnum = pgEnum('statistics_provider', STATISTICS_PROVIDERS);
export const valueOriginEnum = pgEnum('value_origin', VALUE_ORIGINS);
export const sourceValueStatusEnum = pgEnum('source_value_status', SOURCE_VALUE_STATUSES);
export const regionLevelEnum = pgEnum('region_level', REGION_LEVELS);
export const sourceImportStatusEnum = pgEnum('source_import_status', IMPORT_STATUSES);

/** An indicator's link to a series of open statistics, with the state of its last import. */
export const indicatorSources = pgTable(
  'indicator_sources',
  {
    indicatorId: uuid()
      .primaryKey()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    kommunenummer: char({ length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    provider: statisticsProviderEnum().notNull(),
    tableId: text().notNull(),
    fhiSource: text(),
    selection: jsonb().$type<DimensionSelection[]>().notNull(),
    regionDimension: text().notNull(),
    timeDimension: text().notNull(),
    periods: integer().notNull(),
    compareCounty: boolean().notNull(),
    compareCountry: boolean().notNull(),
    peers: jsonb().$type<string[]>().notNull(),
    /** Also store each series per 1,000 inhabitants of these ages (SSB 07459); null: counts only. */
    ratePer1000: jsonb().$type<RatePer1000>(),
    /** When the indicator was unlinked: its values stay (with their origin), nothing is fetched any more. */
    unlinkedAt: timestamp({ withTimezone: true }),
    lastStatus: sourceImportStatusEnum().notNull().default('never'),
    lastAttemptAt: timestamp({ withTimezone: true }),
    lastSuccessAt: timestamp({ withTimezone: true }),
    lastError: text(),
    /** When the scheduled import should next take this link (claimed with FOR UPDATE SKIP LOCKED). */
    nextRunAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.kommunenummer), index().on(t.nextRunAt)],
);

/**
 * One cell of a source: a value with its period, region and provenance. A suppressed or missing
 * cell has no value (never 0) and keeps the source's symbol.
 */
export const indicatorSourceValues = pgTable(
  'indicator_source_values',
  {
    id: uuid().primaryKey().defaultRandom(),
    indicatorId: uuid()
      .notNull()
      .references(() => indicatorSources.indicatorId, { onDelete: 'cascade' }),
    region: text().notNull(),
    regionLevel: regionLevelEnum().notNull(),
    regionLabel: text(),
    series: text().notNull(),
    seriesLabel: text().notNull(),
    period: text().notNull(),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    value: doublePrecision(),
    status: sourceValueStatusEnum().notNull(),
    symbol: text(),
    origin: valueOriginEnum().notNull(),
    provider: statisticsProviderEnum().notNull(),
    tableId: text().notNull(),
    sourceUrl: text().notNull(),
    licence: text().notNull(),
    fetchedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex().on(t.indicatorId, t.series, t.region, t.period),
    check('indicator_source_values_value_iff_ok', sql`(${t.status} = 'ok') = (${t.value} is not null)`),
  ],
);
