import type { SetupSection } from '@slt/shared';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';

/**
 * The import's municipality inside SQL built from constant fragments: bound once per transaction
 * as a parameter (see the repository's `bind`), never pasted into the text. Typed like the
 * columns, so indexes apply.
 */
export const MUNICIPALITY = "current_setting('slt.import_kommunenummer')::char(4)";

/** The table of each kind of item. */
export const TABLE: Record<SetupSection, string> = {
  organizations: 'organizations',
  members: 'members',
  tiers: 'tiers',
  targetGroups: 'target_groups',
  focusAreas: 'focus_areas',
  goals: 'goals',
  measures: 'measures',
  meetings: 'meetings',
  statusAnalyses: 'status_analyses',
  plans: 'plans',
  grantApplications: 'grant_applications',
};

export const rowsOf = async <T>(db: Executor, query: SQL): Promise<T[]> => {
  const result = (await db.execute<Record<string, unknown>>(query)) as { rows: T[] };
  return result.rows;
};
