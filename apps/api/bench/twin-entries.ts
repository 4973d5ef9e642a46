/**
 * The bare twin's entries (bench/bare-server.ts) that both `pnpm bench` and bench/profile.ts load:
 * the app's own statements and parameters.
 */
import type { Executor } from '../src/db/client.js';
import { createMunicipalitiesRepository, SCOPE_SQL } from '../src/modules/municipalities/municipalities.repository.js';
import { SETUP_SQL } from '../src/modules/setup/setup.repository.js';

/** The scope's statement (host and setup versions: a 304 ends there), run first under :kommunenummer. */
export const scopeEntry = (kommunenummer: string) => ({ sql: SCOPE_SQL, params: [kommunenummer] });

/**
 * The municipalities list: the SQL text the app prepares; it asks for one row more than the page
 * (51) to know whether another page exists.
 */
export const listEntry = (db: Executor) => ({ sql: createMunicipalitiesRepository(db).listQuery({}).toSQL().sql, params: [51] });

/** The setup read of an anonymous caller (no municipality's internal view): the scope, then the setup's one statement. */
export const setupEntry = (kommunenummer: string) => ({
  sql: SETUP_SQL,
  params: [kommunenummer, false, []],
  mode: 'setup' as const,
  scope: scopeEntry(kommunenummer),
});
