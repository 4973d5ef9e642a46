import { SETUP_SECTIONS, type ImportResult, type Problem } from '@slt/shared';
import { clip, renderTable } from './format.js';

/** How the kinds of item are called in what the command prints. */
const SECTION_NAMES: Record<string, string> = {
  organizations: 'organizations',
  members: 'members',
  tiers: 'tiers',
  targetGroups: 'target groups',
  focusAreas: 'focus areas',
  goals: 'goals',
  measures: 'measures',
  meetings: 'meetings',
};
const sectionName = (section: string) => SECTION_NAMES[section] ?? section;
const order = (section: string) => {
  const index = (SETUP_SECTIONS as readonly string[]).indexOf(section);
  return index === -1 ? SETUP_SECTIONS.length : index;
};

/** Planned changes listed by a dry run before "… and N more". */
export const MAX_LISTED_CHANGES = 50;
/** Problems listed before "… and N more" (the server lists at most 1,000). */
export const MAX_LISTED_PROBLEMS = 200;

/**
 * What an import did (or would do): counts per kind of item, and for a dry run the planned
 * changes, the first 50. Kinds the file did not hold are left out. The counts are the truth; the
 * list of changes may be cut short by the server for a very large import.
 */
export function formatResult(result: ImportResult, target: { municipality: string }): string {
  const counts = Object.entries(result.counts)
    .filter(([, c]) => c.created + c.updated + c.unchanged > 0)
    .sort(([a], [b]) => order(a) - order(b));
  const lines: string[] = [];
  const verb = result.dryRun ? 'Dry run for' : 'Imported into';
  if (counts.length === 0)
    return `${verb} ${target.municipality}: the file holds no items.${result.dryRun ? ' Nothing was written.' : ''}\n`;
  const total = { created: 0, updated: 0, unchanged: 0 };
  for (const [, c] of counts) {
    total.created += c.created;
    total.updated += c.updated;
    total.unchanged += c.unchanged;
  }
  const changed = total.created + total.updated;
  lines.push(
    result.dryRun
      ? `Dry run for ${target.municipality}: nothing was written. The import would do this:`
      : `Imported into ${target.municipality}${changed === 0 ? ': nothing changed.' : ':'}`,
    '',
    renderTable(
      ['kind', 'created', 'updated', 'unchanged'],
      [
        ...counts.map(([section, c]) => [sectionName(section), String(c.created), String(c.updated), String(c.unchanged)]),
        ...(counts.length > 1 ? [['total', String(total.created), String(total.updated), String(total.unchanged)]] : []),
      ],
      [1, 2, 3],
    ),
  );
  if (result.dryRun && changed > 0) {
    const changes = [...(result.changes ?? [])].sort((a, b) => order(a.section) - order(b.section));
    const shown = changes.slice(0, MAX_LISTED_CHANGES);
    if (shown.length === 0) {
      lines.push('', `The server did not list the ${changed} planned changes.`);
    } else {
      lines.push(
        '',
        changed === 1 ? 'Planned change:' : `Planned changes${changed > shown.length ? ` (the first ${shown.length} of ${changed})` : ''}:`,
        '',
      );
      lines.push(
        renderTable(
          ['action', 'kind', 'externalId', 'fields that change'],
          shown.map((c) => [
            c.action === 'created' ? 'create' : 'update',
            sectionName(c.section),
            clip(c.externalId, 40),
            c.action === 'created' ? '(new)' : clip(c.fields.join(', '), 70),
          ]),
        ),
      );
      if (changed > shown.length) lines.push(`… and ${changed - shown.length} more`);
    }
    lines.push('', 'Run the same command without --dry-run to import.');
  }
  return `${lines.join('\n')}\n`;
}

/** Where a problem is, for people: a CSV row as the spreadsheet numbers it (the header is row 1). */
function locate(pointer: string, csv: boolean): { row: string; field: string } {
  const match = /^\/(\w+)\/(\d+)(?:\/(.*))?$/.exec(pointer);
  if (!csv || !match) return { row: '', field: '' };
  return { row: String(Number(match[2]) + 2), field: (match[3] ?? '').replace(/~1/g, '/').replace(/~0/g, '~') };
}

/**
 * A problem answer as the user reads it: its title and detail, then a table of every field it
 * names (pointer and reason; for a CSV file also the row and column), and the request id to
 * quote when asking for help.
 */
export function formatProblem(problem: Problem, options: { csv?: boolean } = {}): string {
  const lines = [`${problem.title} (${problem.status})${problem.detail ? `: ${problem.detail}` : ''}`];
  const errors = problem.errors ?? [];
  if (errors.length > 0) {
    const shown = errors.slice(0, MAX_LISTED_PROBLEMS);
    const csv = Boolean(options.csv) && errors.some((e) => /^\/\w+\/\d+/.test(e.pointer));
    const where = (pointer: string) => pointer || '(the whole file)';
    lines.push(
      '',
      csv
        ? renderTable(
            ['row', 'column', 'pointer', 'problem'],
            shown.map((e) => {
              const { row, field } = locate(e.pointer, true);
              return [row, field, where(e.pointer), e.detail];
            }),
          )
        : renderTable(
            ['pointer', 'problem'],
            shown.map((e) => [where(e.pointer), e.detail]),
          ),
    );
    if (errors.length > shown.length) lines.push(`… and ${errors.length - shown.length} more`);
  }
  if (problem.requestId) lines.push('', `Request id: ${problem.requestId} (quote it when asking for help)`);
  return `${lines.join('\n')}\n`;
}
