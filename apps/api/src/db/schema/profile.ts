import { char, jsonb, pgTable, timestamp } from 'drizzle-orm/pg-core';
import type { SetupProfileInput } from '@slt/shared';
import { municipalities } from './municipalities.js';

/**
 * A setup's profile (purpose, history, the coordinator's position, contacts, concern channels,
 * parties, agreements, governing plans): one aggregate, always written whole, so it is kept as the
 * validated document (the PUT body's shape). Contacts name members by id; a read leaves out those
 * that are gone or erased.
 */
export const setupProfiles = pgTable('setup_profiles', {
  kommunenummer: char({ length: 4 })
    .primaryKey()
    .references(() => municipalities.kommunenummer),
  document: jsonb().$type<SetupProfileInput>().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
