import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './errors.js';

export type FileKind = 'json' | 'csv';
export type CsvEntity = 'members' | 'measures';

/** The first bytes of a file (to tell JSON from CSV and read a CSV header) without reading all of it. */
export async function readHead(file: string, bytes = 64 * 1024): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

/** A file to upload: must exist and be a regular file; its size goes in Content-Length. */
export async function inspectFile(file: string): Promise<{ size: number }> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(error.code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${error.message}`);
  });
  if (!info.isFile()) throw new UsageError(`not a file: ${file}`);
  return { size: info.size };
}

/** JSON or CSV: by the extension, else by the first character (a document starts with `{`). */
export function kindOf(file: string, head: string): FileKind {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.csv' || extension === '.txt' || extension === '.tsv') return 'csv';
  return /^\s*[[{]/.test(head) ? 'json' : 'csv';
}

/** The header cells of a CSV file's first line, lower-cased (`;` or `,` as Excel wrote it). */
export function headerCells(head: string): string[] {
  const line = head.split(/\r?\n/, 1)[0] ?? '';
  const unquoted = line.replace(/"[^"]*"/g, '');
  const delimiter = (unquoted.match(/;/g)?.length ?? 0) >= (unquoted.match(/,/g)?.length ?? 0) ? ';' : ',';
  return line.split(delimiter).map((cell) => cell.trim().replace(/^"|"$/g, '').trim().toLowerCase());
}

const MEMBER_HEADERS = ['name', 'navn', 'namn'];
const MEASURE_HEADERS = ['title', 'tittel'];

/**
 * What the rows of a CSV file are, when `--entity` is not given: by its header (a `Navn`/`name`
 * column means members, `Tittel`/`title` measures), else by its file name (medlemmer.csv,
 * tiltak-2026.csv, members.csv…). Undefined when neither tells.
 */
export function guessEntity(file: string, head: string): { entity: CsvEntity; from: 'header' | 'file name' } | undefined {
  const cells = headerCells(head);
  const members = cells.some((c) => MEMBER_HEADERS.includes(c));
  const measures = cells.some((c) => MEASURE_HEADERS.includes(c));
  if (members !== measures) return { entity: members ? 'members' : 'measures', from: 'header' };
  const name = path.basename(file).toLowerCase();
  const byName = {
    members: /member|medlem|people|person/.test(name),
    measures: /measure|tiltak/.test(name),
  };
  if (byName.members !== byName.measures) return { entity: byName.members ? 'members' : 'measures', from: 'file name' };
  return undefined;
}
