import { sql } from 'drizzle-orm';
import { char, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { goals } from './goals.js';
import { agendaItems } from './meetings.js';
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

/** A budget line of a grant application: what was budgeted and, once entered, what the accounts say. */
export interface StoredBudgetLine {
  label: string;
  budget: number;
  accounts: number | null;
}

/** An application for the state SLT grant (KFK): period, amounts, own funding and the goals it names. */
export const grantApplications = pgTable(
  'grant_applications',
  {
    id: uuid().primaryKey().defaultRandom(),
    kommunenummer: char({ length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    /** The caller's key for imports (a repeated import updates instead of duplicating); exports fall back to the id. */
    externalId: text(),
    title: text().notNull(),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    appliedAmount: integer().notNull(),
    grantedAmount: integer(),
    ownFunding: integer().notNull(),
    budgetLines: jsonb().$type<StoredBudgetLine[]>().notNull().default([]),
    description: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('grant_applications_external_key').on(t.kommunenummer, sql`coalesce(${t.externalId}, ${t.id}::text)`),
    index().on(t.kommunenummer, t.periodStart),
    check('grant_applications_period_ordered', sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/** The goals an application names. */
export const grantApplicationGoals = pgTable(
  'grant_application_goals',
  {
    grantApplicationId: uuid()
      .notNull()
      .references(() => grantApplications.id, { onDelete: 'cascade' }),
    goalId: uuid()
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.grantApplicationId, t.goalId] }), index().on(t.goalId)],
);

export interface StoredObservation {
  organizationId: string;
  text: string;
}
export interface StoredPriority {
  title: string;
  focusAreaId: string | null;
  rationale: string | null;
}

/** A kartlegging (status analysis) of a period; its indicators are computed from the goals, never stored. */
export const statusAnalyses = pgTable(
  'status_analyses',
  {
    id: uuid().primaryKey().defaultRandom(),
    kommunenummer: char({ length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    /** The caller's key for imports (a repeated import updates instead of duplicating); exports fall back to the id. */
    externalId: text(),
    title: text().notNull(),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    summary: text(),
    observations: jsonb().$type<StoredObservation[]>().notNull().default([]),
    priorities: jsonb().$type<StoredPriority[]>().notNull().default([]),
    agendaItemId: uuid().references(() => agendaItems.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('status_analyses_external_key').on(t.kommunenummer, sql`coalesce(${t.externalId}, ${t.id}::text)`),
    index().on(t.kommunenummer, t.periodStart),
    index().on(t.agendaItemId),
    check('status_analyses_period_ordered', sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);
