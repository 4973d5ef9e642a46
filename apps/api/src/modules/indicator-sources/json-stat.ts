/**
 * A JSON-stat 2.0 dataset (https://json-stat.org/format/), read into one shape with the CSV files:
 * dimensions in order with their codes and labels, and every cell with its value and status.
 * Written by hand (about a hundred lines) rather than with jsonstat-toolkit: the toolkit is a
 * browser-first library whose one job here would be these index computations, and it turns a
 * missing value and its status into its own conventions; the spec is small and the tests cover it.
 */

export interface StatDimension {
  id: string;
  label: string;
  codes: string[];
  labels: Map<string, string>;
}

export interface StatCell {
  /** The category code of each dimension, in the table's dimension order. */
  codes: string[];
  value: number | null;
  /** The source's status symbol for the cell (":" "..", a flag), or null. */
  status: string | null;
}

export interface StatTable {
  label: string | null;
  updated: string | null;
  dimensions: StatDimension[];
  cells: StatCell[];
  /** `role.geo` / `role.time` when the dataset declares them. */
  roles: { geo: string[]; time: string[] };
}

/** What is wrong with a file or an answer: the message is shown to the coordinator. */
export class StatFormatError extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function categoryCodes(id: string, category: unknown): { codes: string[]; labels: Map<string, string> } {
  if (!isRecord(category)) throw new StatFormatError(`Dimension "${id}" has no category.`);
  const { index, label } = category;
  let codes: string[];
  if (Array.isArray(index)) codes = index.map(String);
  else if (isRecord(index)) {
    codes = [];
    for (const [code, position] of Object.entries(index)) {
      if (typeof position !== 'number' || !Number.isInteger(position) || position < 0)
        throw new StatFormatError(`Dimension "${id}": category "${code}" has no valid position.`);
      codes[position] = code;
    }
    if (codes.some((c) => c === undefined) || codes.length !== Object.keys(index).length)
      throw new StatFormatError(`Dimension "${id}": the category positions are not 0…n-1.`);
  } else if (isRecord(label) && Object.keys(label).length === 1) {
    // The spec allows a single-category dimension with a label and no index.
    codes = Object.keys(label);
  } else throw new StatFormatError(`Dimension "${id}" has no category index.`);
  const labels = new Map<string, string>();
  if (isRecord(label)) for (const [code, text] of Object.entries(label)) labels.set(code, String(text));
  return { codes, labels };
}

/** The dimensions of a JSON-stat 2.0 dataset (SSB's metadata answer has no values). */
export function readJsonStatDimensions(document: unknown): StatDimension[] {
  if (!isRecord(document)) throw new StatFormatError('The document is not a JSON object.');
  if (document.class !== 'dataset')
    throw new StatFormatError('The document is not a JSON-stat 2.0 dataset ("class": "dataset" is missing).');
  const { id, size, dimension } = document;
  if (!Array.isArray(id) || !Array.isArray(size) || id.length !== size.length || !isRecord(dimension))
    throw new StatFormatError('The dataset needs "id", "size" of the same length and "dimension".');
  return id.map((raw, i) => {
    const dimId = String(raw);
    const entry = dimension[dimId];
    if (!isRecord(entry)) throw new StatFormatError(`Dimension "${dimId}" is listed in "id" but not described.`);
    const { codes, labels } = categoryCodes(dimId, entry.category);
    if (codes.length !== size[i])
      throw new StatFormatError(`Dimension "${dimId}" has ${codes.length} categories, "size" says ${String(size[i])}.`);
    return { id: dimId, label: typeof entry.label === 'string' ? entry.label : dimId, codes, labels };
  });
}

/** Reads a parsed JSON document that should be a JSON-stat 2.0 dataset. */
export function readJsonStat(document: unknown): StatTable {
  const dimensions = readJsonStatDimensions(document);
  const { value, status } = document as Record<string, unknown>;
  const total = dimensions.reduce((n, d) => n * d.codes.length, 1);

  const valueAt = (i: number): number | null => {
    const raw: unknown = Array.isArray(value) ? (value as unknown[])[i] : isRecord(value) ? value[String(i)] : undefined;
    if (raw === null || raw === undefined) return null;
    if (typeof raw !== 'number' || !Number.isFinite(raw)) throw new StatFormatError(`Value ${i} is not a number.`);
    return raw;
  };
  if (!Array.isArray(value) && !isRecord(value)) throw new StatFormatError('The dataset has no "value".');
  if (Array.isArray(value) && value.length !== total)
    throw new StatFormatError(`The dataset has ${value.length} values, its dimensions make ${total}.`);
  const statusAt = (i: number): string | null => {
    if (typeof status === 'string') return status === '' ? null : status;
    const raw: unknown = Array.isArray(status) ? (status as unknown[])[i] : isRecord(status) ? status[String(i)] : undefined;
    return typeof raw === 'string' && raw !== '' ? raw : null;
  };

  const cells: StatCell[] = [];
  for (let i = 0; i < total; i++) {
    // Row-major order: the last dimension changes fastest.
    const codes = new Array<string>(dimensions.length);
    let rest = i;
    for (let d = dimensions.length - 1; d >= 0; d--) {
      const n = dimensions[d]!.codes.length;
      codes[d] = dimensions[d]!.codes[rest % n]!;
      rest = Math.floor(rest / n);
    }
    cells.push({ codes, value: valueAt(i), status: statusAt(i) });
  }
  const { role: rawRole, label, updated } = document as Record<string, unknown>;
  const role = isRecord(rawRole) ? rawRole : {};
  const names = (r: unknown) => (Array.isArray(r) ? r.map(String) : []);
  return {
    label: typeof label === 'string' ? label : null,
    updated: typeof updated === 'string' ? updated : null,
    dimensions,
    cells,
    roles: { geo: names(role.geo), time: names(role.time) },
  };
}

/** Parses text as JSON, then as a dataset. */
export function parseJsonStat(text: string): StatTable {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new StatFormatError('The file is not valid JSON.');
  }
  return readJsonStat(document);
}
