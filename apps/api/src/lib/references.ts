import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { focusAreas, goals, measures, meetings, members, organizations, statusAnalyses, targetGroups, tiers } from '../db/schema/index.js';
import { InvalidFieldError } from './errors.js';

const tables = { members, organizations, tiers, targetGroups, focusAreas, goals, measures, meetings, statusAnalyses };
export type ReferencedTable = keyof typeof tables;

/** One reference in a request body: the field that holds it, the table, and the id(s). */
export interface Reference {
  field: string;
  table: ReferencedTable;
  ids: string | readonly string[] | null | undefined;
}

/**
 * References must stay inside the municipality: every id must name a row of `kommunenummer`.
 * The first one that does not is a 400 naming its field (an id of another municipality is
 * reported exactly like one that does not exist, so nothing about other tenants leaks).
 * One query per referenced table; erased members can still be referred to.
 */
export async function checkReferences(db: Executor, kommunenummer: string, references: readonly Reference[]): Promise<void> {
  for (const reference of references) {
    const ids = [...new Set(typeof reference.ids === 'string' ? [reference.ids] : (reference.ids ?? []))];
    if (ids.length === 0) continue;
    const table = tables[reference.table];
    const found = await db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.kommunenummer, kommunenummer), inArray(table.id, ids)));
    const known = new Set(found.map((row) => row.id));
    const missing = ids.find((id) => !known.has(id));
    if (missing !== undefined) {
      throw new InvalidFieldError({
        in: 'body',
        name: reference.field,
        detail: `${missing} is not a ${reference.table
          .replace(/s$/, '')
          .replace(/([A-Z])/g, ' $1')
          .toLowerCase()} of ${kommunenummer}.`,
      });
    }
  }
}

/** A range must be ordered: `to` may not come before `from` (ages, dates as YYYY-MM-DD). */
export function requireOrdered<T extends number | string>(
  from: { field: string; value: T | null | undefined },
  to: { field: string; value: T | null | undefined },
): void {
  if (from.value === null || from.value === undefined || to.value === null || to.value === undefined) return;
  if (to.value < from.value) {
    throw new InvalidFieldError({
      in: 'body',
      name: to.field,
      detail: `${to.field} (${to.value}) comes before ${from.field} (${from.value}).`,
      code: 'before_start',
    });
  }
}
