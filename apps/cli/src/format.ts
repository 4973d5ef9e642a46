/** Small text helpers for what the command prints: sizes, durations and plain-text tables. */

/** A byte count for people: 312 B, 4.2 KB, 12.3 MB (1 KB = 1024 B). */
export function formatBytes(bytes: number, unitOf = bytes): string {
  if (unitOf < 1024) return `${bytes} B`;
  if (unitOf < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** 0.4 s, 12 s, 3 min 5 s. */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

const widthOf = (text: string) => [...text].length;

/** Cuts a cell to `max` characters, marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * A table as aligned plain text: a header row, a rule, then the rows. Columns listed in
 * `right` are right-aligned (numbers). No trailing spaces.
 */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []): string {
  const widths = headers.map((header, column) => Math.max(widthOf(header), ...rows.map((row) => widthOf(row[column] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const pad = ' '.repeat(widths[column]! - widthOf(cell));
        return right.includes(column) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
