import { sql } from 'drizzle-orm';
import { char, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ORGANIZATION_KINDS } from '@slt/shared';
import { municipalities } from './municipalities.js';

export const organizationKindEnum = pgEnum('organization_kind', ORGANIZATION_KINDS);

/** An agency or unit in a municipality's SLT network: members belong to it, measures are owned by it. */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid().primaryKey().defaultRandom(),
    kommunenummer: char({ length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    /** The caller's key for imports (a repeated import updates instead of duplicating); exports fall back to the id. */
    externalId: text(),
    name: text().notNull(),
    kind: organizationKindEnum().notNull(),
    description: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // Names are unique within a municipality; the index also serves lookups by municipality.
  (t) => [
    uniqueIndex('organizations_external_key').on(t.kommunenummer, sql`coalesce(${t.externalId}, ${t.id}::text)`),
    uniqueIndex().on(t.kommunenummer, t.name),
  ],
);
