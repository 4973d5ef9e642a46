import { char, integer, jsonb, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core';
import { municipalities } from './municipalities.js';

/** A section's text in the annual report: the coordinator's words and whether intranets may publish them. */
export interface StoredSectionText {
  text: string;
  isPublic: boolean;
}

/** The coordinator's texts of a municipality's annual report for a year (the figures are generated, never stored). */
export const annualReportTexts = pgTable(
  'annual_report_texts',
  {
    kommunenummer: char({ length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    year: integer().notNull(),
    /** By section key (ANNUAL_REPORT_SECTIONS); a missing key is a section without text. */
    sections: jsonb().$type<Record<string, StoredSectionText>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kommunenummer, t.year] })],
);
