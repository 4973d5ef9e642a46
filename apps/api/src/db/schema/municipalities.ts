import { char, index, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { POLICE_DISTRICTS } from '@slt/shared';

export const policeDistrictEnum = pgEnum('police_district', POLICE_DISTRICTS.map((d) => d.code) as [string, ...string[]]);
export const malformEnum = pgEnum('malform', ['nb', 'nn']);

/** The 15 counties (fylker): reference data, synced from data/fylker.csv on start. */
export const counties = pgTable('counties', {
  number: char({ length: 2 }).primaryKey(),
  name: text().notNull(),
});

/** The 357 municipalities (kommuner): reference data, and the tenant that owns an SLT setup. */
export const municipalities = pgTable(
  'municipalities',
  {
    kommunenummer: char({ length: 4 }).primaryKey(),
    name: text().notNull(),
    /** `name` folded to lower case in the application (locale-independent prefix search). */
    nameSearch: text().notNull(),
    countyNumber: char({ length: 2 })
      .notNull()
      .references(() => counties.number),
    policeDistrict: policeDistrictEnum(),
    malform: malformEnum().notNull().default('nb'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.countyNumber)],
);
