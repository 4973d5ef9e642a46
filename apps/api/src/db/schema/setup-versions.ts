import { bigint, char, pgTable } from 'drizzle-orm/pg-core';

/**
 * A municipality's setup version: a counter that moves in the same transaction as every audited
 * change of its data (a statement-level trigger on `audit_log`, migration 0006: whatever writes
 * audit rows, one by one or set-based, moves it), so a read answers If-None-Match from one indexed
 * lookup instead of building its answer. No row = version 0. No foreign key: the trigger must never
 * be the reason an audited write fails.
 */
export const setupVersions = pgTable('setup_versions', {
  kommunenummer: char({ length: 4 }).primaryKey(),
  version: bigint({ mode: 'number' }).notNull().default(0),
});
