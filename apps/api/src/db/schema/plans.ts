import { PLAN_STATUSES, type EvaluationPlanType, type Plan } from '@slt/shared';
import { sql } from 'drizzle-orm';
import {
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { decisions } from './meetings.js';
import { municipalities } from './municipalities.js';
import { statusAnalyses } from './reports.js';
import { tiers } from './tiers.js';

export const planStatusEnum = pgEnum('plan_status', PLAN_STATUSES);

/** A measure's place in a plan, with what the plan says about it (deadline, funding, evaluation plan). */
export interface PlanMeasureContent {
  measureId: string;
  deadline: string | null;
  fundingAmount: number | null;
  fundingSource: string | null;
  evaluationType: EvaluationPlanType | null;
  evaluationDue: string | null;
}
/** A plan's content: priority areas (focus areas) → goals → measures, in order, by id. */
export interface PlanContent {
  priorities: { focusAreaId: string; text: string | null; goals: { goalId: string; measures: PlanMeasureContent[] }[] }[];
}

/**
 * A handlingsplan. Its content is one document written whole (the PATCH's `priorities`), naming
 * focus areas, goals and measures by id; a read leaves out those that are gone. Each adoption
 * keeps the plan as it was in `plan_versions`.
 */
export const plans = pgTable(
  'plans',
  {
    id: uuid().primaryKey().defaultRandom(),
    kommunenummer: char({ length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    /** The caller's key for imports (a repeated import updates instead of duplicating); exports fall back to the id. */
    externalId: text(),
    title: text().notNull(),
    description: text(),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    status: planStatusEnum().notNull().default('draft'),
    adoptingTierId: uuid().references(() => tiers.id, { onDelete: 'set null' }),
    adoptedByDecisionId: uuid().references(() => decisions.id, { onDelete: 'set null' }),
    /** The kartlegging (status analysis) the plan builds on: its priorities come from it. */
    statusAnalysisId: uuid().references(() => statusAnalyses.id, { onDelete: 'set null' }),
    /** Adopted versions so far. */
    version: integer().notNull().default(0),
    content: jsonb().$type<PlanContent>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plans_external_key').on(t.kommunenummer, sql`coalesce(${t.externalId}, ${t.id}::text)`),
    index().on(t.kommunenummer, t.periodStart),
    check('plans_period_ordered', sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/** Every status a plan has had, with the decision behind an adoption. */
export const planStatusChanges = pgTable(
  'plan_status_changes',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid()
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    status: planStatusEnum().notNull(),
    decisionId: uuid().references(() => decisions.id, { onDelete: 'set null' }),
    note: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.planId, t.at)],
);

/** A plan as it was adopted (the internal view's document), readable after later revisions. */
export const planVersions = pgTable(
  'plan_versions',
  {
    planId: uuid()
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    adoptedAt: date({ mode: 'string' }),
    decisionId: uuid().references(() => decisions.id, { onDelete: 'set null' }),
    document: jsonb().$type<Plan>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.version] })],
);
