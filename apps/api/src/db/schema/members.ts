import { MEMBERSHIP_ROLES } from '@slt/shared';
import { sql } from 'drizzle-orm';
import { boolean, char, check, date, pgEnum, pgTable, timestamp, index, uniqueIndex, uuid, text } from 'drizzle-orm/pg-core';
import { municipalities } from './municipalities.js';
import { organizations } from './organizations.js';
import { tiers } from './tiers.js';

export const membershipRoleEnum = pgEnum('membership_role', MEMBERSHIP_ROLES);

/**
 * A professional in a municipality's SLT network. Erasure (GDPR) blanks the identity columns and
 * sets `erased_at`; the row stays so that memberships and measures keep a consistent reference.
 */
export const members = pgTable(
  'members',
  {
    id: uuid().primaryKey().defaultRandom(),
    kommunenummer: char({ length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    /** The caller's key for imports (a repeated import updates instead of duplicating); exports fall back to the id. */
    externalId: text(),
    name: text(),
    roleTitle: text(),
    organizationId: uuid().references(() => organizations.id),
    email: text(),
    emailPublic: boolean().notNull().default(false),
    phone: text(),
    phonePublic: boolean().notNull().default(false),
    isCoordinator: boolean().notNull().default(false),
    erasedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('members_external_key').on(t.kommunenummer, sql`coalesce(${t.externalId}, ${t.id}::text)`),
    index().on(t.kommunenummer),
    // The setup's coordinators: found without reading the municipality's other members.
    index('members_coordinators')
      .on(t.kommunenummer)
      .where(sql`${t.isCoordinator} and ${t.erasedAt} is null`),
    index().on(t.organizationId),
    check('members_named_unless_erased', sql`${t.erasedAt} is not null or ${t.name} is not null`),
  ],
);

/** A member's seat on a tier for a period; `end_date` null means current. History is kept. */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid().primaryKey().defaultRandom(),
    tierId: uuid()
      .notNull()
      .references(() => tiers.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => members.id),
    role: membershipRoleEnum().notNull(),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.tierId),
    index().on(t.memberId),
    check('memberships_period_ordered', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);
