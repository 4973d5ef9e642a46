import { parse } from 'csv-parse/sync';
import type { DimensionSelection } from '@slt/shared';
import { StatFormatError, type StatDimension, type StatTable } from './json-stat.js';

/** The link's dimensions, to tell a CSV file's columns apart. */
export interface CsvLayout {
  regionDimension: string;
  timeDimension: string;
  selection: DimensionSelection[];
}

const REGION_HEADERS = /^(region|geo|geografi|kommune|sted|gjerningssted)$/i;
const TIME_HEADERS = /^(tid|år|aar|year|periode|period|time)$/i;
const wildcard = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
export const matchesSelection = (values: readonly string[], code: string) => values.some((v) => wildcard(v).test(code));

/**
 * SSB writes a cell "3401 Kongsvinger" with codes and texts (`UseCodesAndTexts`, the download the
 * README asks for), FHI's csv3 the code alone: the code is the first word.
 */
function codeAndLabel(cell: string): { code: string; label: string } {
  const trimmed = cell.trim();
  const space = trimmed.indexOf(' ');
  return space < 0 ? { code: trimmed, label: trimmed } : { code: trimmed.slice(0, space), label: trimmed.slice(space + 1).trim() };
}

/** A number as Excel and SSB write it (`1 234,5`, `1234.5`), or the cell's symbol (":", "..", "."). */
function valueOf(cell: string): { value: number | null; status: string | null } {
  const text = cell.replace(/[\s\u00a0]/g, '');
  if (text === '') return { value: null, status: null };
  const normalized = text.includes(',') && !text.includes('.') ? text.replace(',', '.') : text.replace(/,/g, '');
  if (/^-?\d+(\.\d+)?$/.test(normalized)) return { value: Number(normalized), status: null };
  // SSB's "-" is an exact nil (no cases at all), not a withheld value.
  if (text === '-') return { value: 0, status: '-' };
  return { value: null, status: text };
}

/**
 * Reads SSB's CSV (a long table: one column per dimension, codes and texts, the value last; `;` or
 * `,`; a BOM) or FHI's csv3 (codes) into the dataset shape the JSON-stat reader gives.
 */
export function parseSourceCsv(text: string, layout: CsvLayout): StatTable {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let rows: string[][];
  try {
    const parsed: string[][] = parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_quotes: false, trim: false });
    rows = parsed;
  } catch (error) {
    throw new StatFormatError(`The CSV file cannot be read: ${(error as Error).message.split('\n')[0]}`);
  }
  const [header, ...body] = rows;
  if (!header || header.length < 3 || body.length === 0)
    throw new StatFormatError('The CSV file needs a header row, at least three columns and one row of data.');
  const dimensionColumns = header.slice(0, -1).map((h) => h.trim());
  const columnsOf = (codes: number) => body.map((row) => codeAndLabel(row[codes] ?? '').code);

  const regionColumn = dimensionColumns.findIndex(
    (h) => REGION_HEADERS.test(h) || h.toLowerCase() === layout.regionDimension.toLowerCase(),
  );
  const timeColumn = dimensionColumns.findIndex((h) => TIME_HEADERS.test(h) || h.toLowerCase() === layout.timeDimension.toLowerCase());
  if (regionColumn < 0)
    throw new StatFormatError(`The CSV file has no region column (a header such as "region" or "${layout.regionDimension}").`);
  if (timeColumn < 0) throw new StatFormatError(`The CSV file has no time column (a header such as "år" or "${layout.timeDimension}").`);
  const used = new Set([regionColumn, timeColumn]);
  const selectionColumns = layout.selection.map((s) => {
    let index = dimensionColumns.findIndex((h, i) => !used.has(i) && h.toLowerCase() === s.dimension.toLowerCase());
    if (index < 0)
      index = dimensionColumns.findIndex((_, i) => !used.has(i) && columnsOf(i).every((code) => matchesSelection(s.values, code)));
    if (index >= 0) used.add(index);
    else if (s.values.length !== 1 || /[*?]/.test(s.values[0]!))
      throw new StatFormatError(`The CSV file has no column for the dimension "${s.dimension}".`);
    return index;
  });
  const extra = dimensionColumns.findIndex((_, i) => !used.has(i) && new Set(columnsOf(i)).size > 1);
  if (extra >= 0) throw new StatFormatError(`The column "${dimensionColumns[extra]}" is not a dimension of the linked selection.`);

  const columns = [regionColumn, timeColumn, ...selectionColumns];
  const ids = [layout.regionDimension, layout.timeDimension, ...layout.selection.map((s) => s.dimension)];
  const dimensions: StatDimension[] = ids.map((id, d) => ({
    id,
    label: dimensionColumns[columns[d]!] ?? id,
    codes: [],
    labels: new Map(),
  }));
  const cells = body.map((row, r) => {
    if (row.length !== header.length) throw new StatFormatError(`Row ${r + 2} has ${row.length} columns, the header ${header.length}.`);
    const codes = columns.map((column, d) => {
      const dimension = dimensions[d]!;
      const { code, label } =
        column >= 0
          ? codeAndLabel(row[column]!)
          : { code: layout.selection[d - 2]!.values[0]!, label: layout.selection[d - 2]!.values[0]! };
      if (!dimension.labels.has(code)) {
        dimension.codes.push(code);
        dimension.labels.set(code, label);
      }
      return code;
    });
    return { codes, ...valueOf(row[row.length - 1]!) };
  });
  return {
    label: header[header.length - 1]!.trim() || null,
    updated: null,
    dimensions,
    cells,
    roles: { geo: [layout.regionDimension], time: [layout.timeDimension] },
  };
}
