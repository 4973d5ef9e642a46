/** What a CSV file's rows are. */
export type CsvEntity = 'members' | 'measures';
export type FileFormat = 'json' | 'csv';

/** The first line of a CSV file as lower-case header names (BOM and quotes removed; `;` or `,`). */
function headerNames(head: string): string[] {
  const line = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return line.split(/[;,]/).map((name) => name.trim().replace(/^"|"$/g, '').trim().toLowerCase());
}

/**
 * A file's format and, for CSV, what its rows probably are: from the file name first
 * (`.json`/`.csv`; `members`/`personer`…, `measures`/`tiltak`), then from its first bytes
 * (a JSON document starts with `{`; a measures header has a title column, a members header a name).
 * `entity` is null when neither tells.
 */
export function guessFileKind(fileName: string, head: string): { format: FileFormat; entity: CsvEntity | null } {
  const name = fileName.toLowerCase();
  const format: FileFormat = name.endsWith('.json')
    ? 'json'
    : name.endsWith('.csv')
      ? 'csv'
      : head
            .replace(/^\uFEFF/, '')
            .trimStart()
            .startsWith('{')
        ? 'json'
        : 'csv';
  if (format === 'json') return { format, entity: null };
  if (/member|medlem|person|people/.test(name)) return { format, entity: 'members' };
  if (/measure|tiltak/.test(name)) return { format, entity: 'measures' };
  const header = headerNames(head);
  if (header.some((h) => h === 'title' || h === 'tittel')) return { format, entity: 'measures' };
  if (header.some((h) => h === 'name' || h === 'navn' || h === 'namn')) return { format, entity: 'members' };
  return { format, entity: null };
}

/** The CSV line of a row's pointer (`/members/1/email` → 3: the header is line 1), if it has one. */
export function csvRowOf(pointer: string): number | null {
  const match = /^\/[^/]+\/(\d+)(?:\/|$)/.exec(pointer);
  return match ? Number(match[1]) + 2 : null;
}
