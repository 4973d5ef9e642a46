import { EVALUATION_OUTCOMES, EVIDENCE_LEVELS, MEASURE_STATUSES } from '@slt/shared';
import { sql } from 'drizzle-orm';
import { boolean, char, check, date, pgEnum, pgTable, timestamp, index, primaryKey, uniqueIndex, uuid, text } from 'drizzle-orm/pg-core';
import { goals } from './goals.js';
import { members } from './members.js';
import { municipalities } from './municipalities.js';
import { organizations } from './organizations.js';
import { focusAreas, targetGroups } from './target-groups.js';
import { tiers } from './tiers.js';

export const measureStatusEnum = pgEnum('measure_status', MEASURE_STATUSES);
export const evidenceLevelEnum = pgEnum('evidence_level', EVIDENCE_LEVELS);
export const evaluationOutcomeEnum = pgEnum('evaluation_outcome', EVALUATION_OUTCOMES);

/** A preventive measure the network initiates or coordinates. */
export const measures = pgTable(
  'measures',
  {
    id: uuid().primaryKey().defaultRandom(),
    kommunenummer: char({ length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    /** The caller's key for imports (a repeated import updates instead of duplicating); exports fall back to the id. */
    externalId: text(),
    title: text().notNull(),
    description: text(),
    status: measureStatusEnum().notNull().default('idea'),
    startDate: date({ mode: 'string' }),
    endDate: date({ mode: 'string' }),
    responsibleOrganizationId: uuid().references(() => organizations.id),
    responsibleMemberId: uuid().references(() => members.id),
    decidedByTierId: uuid().references(() => tiers.id, { onDelete: 'set null' }),
    evidenceLevel: evidenceLevelEnum().notNull().default('not_assessed'),
    isPublic: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('measures_external_key').on(t.kommunenummer, sql`coalesce(${t.externalId}, ${t.id}::text)`),
    index().on(t.kommunenummer, t.title, t.id),
    check('measures_period_ordered', sql`${t.startDate} is null or ${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

export const measureTargetGroups = pgTable(
  'measure_target_groups',
  {
    measureId: uuid()
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    targetGroupId: uuid()
      .notNull()
      .references(() => targetGroups.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.targetGroupId] }), index().on(t.targetGroupId)],
);

export const measureFocusAreas = pgTable(
  'measure_focus_areas',
  {
    measureId: uuid()
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    focusAreaId: uuid()
      .notNull()
      .references(() => focusAreas.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.focusAreaId] }), index().on(t.focusAreaId)],
);

export const measureGoals = pgTable(
  'measure_goals',
  {
    measureId: uuid()
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    goalId: uuid()
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.goalId] }), index().on(t.goalId)],
);

export const measureEvaluations = pgTable(
  'measure_evaluations',
  {
    id: uuid().primaryKey().defaultRandom(),
    measureId: uuid()
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    date: date({ mode: 'string' }).notNull(),
    outcome: evaluationOutcomeEnum().notNull(),
    text: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.measureId)],
);
