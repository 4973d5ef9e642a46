import { JSONParser, TokenType } from '@streamparser/json';
import { SETUP_DOCUMENT_FORMAT, SETUP_SECTIONS, type ProblemFieldError, type SetupSection } from '@slt/shared';
import { Readable, pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import { InvalidDocumentError, PayloadTooLargeError } from '../../lib/errors.js';
import { restoreFormula } from '../../lib/csv-formula.js';
import { fieldError } from './items.js';

/** Where the items of a document go, one at a time (the reader never holds the document). */
export interface ItemSink {
  item(section: SetupSection, index: number, value: unknown): void;
  /** Called between chunks: the sink writes what it gathered (backpressure: the stream waits). */
  drain(): Promise<void>;
  error(error: ProblemFieldError): void;
  /** A field of the document's `profile` object (one object, not a list of items). */
  profileField?(key: string, value: unknown): void;
}

/** Top-level objects of the document that are taken whole rather than as lists of items. */
const OBJECT_SECTIONS = new Set(['profile']);

export interface Limits {
  maxBytes: number;
  maxItems: number;
}

const HEADER_FIELDS = new Set(['format', 'kommunenummer', 'exportedAt']);
const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;

/** Counts bytes and items against the limits (413 naming the limit). */
function meter(limits: Limits) {
  let bytes = 0;
  let items = 0;
  return {
    bytes(n: number) {
      bytes += n;
      if (bytes > limits.maxBytes)
        throw new PayloadTooLargeError(`An import may be at most ${mb(limits.maxBytes)} (${limits.maxBytes} bytes).`);
    },
    item() {
      items += 1;
      if (items > limits.maxItems) throw new PayloadTooLargeError(`An import may hold at most ${limits.maxItems} items.`);
    },
  };
}

/**
 * Reads a setup document as it streams in: each item of each section is handed to the sink as soon
 * as it is complete (memory is bounded by one item and one batch, not by the document). Unknown
 * top-level fields, a section that is not an array and a wrong `format` are reported like any
 * invalid item; malformed JSON is a 400.
 */
export async function readJsonDocument(body: AsyncIterable<Buffer>, sink: ItemSink, limits: Limits): Promise<void> {
  const count = meter(limits);
  const parser = new JSONParser({ paths: ['$.format', '$.*.*'], keepStack: false });
  let depth = 0;
  let expectingKey = false;
  let topKey: string | undefined;
  let format: unknown;
  parser.onToken = ({ token, value }) => {
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) {
      if (depth === 0 && token !== TokenType.LEFT_BRACE) sink.error(fieldError('', 'the document must be a JSON object'));
      if (
        depth === 1 &&
        topKey !== undefined &&
        !HEADER_FIELDS.has(topKey) &&
        !OBJECT_SECTIONS.has(topKey) &&
        token === TokenType.LEFT_BRACE
      ) {
        sink.error(fieldError(`/${topKey}`, 'must be an array of items'));
      }
      depth += 1;
      expectingKey = depth === 1 && token === TokenType.LEFT_BRACE;
      return;
    }
    if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) {
      depth -= 1;
      return;
    }
    if (depth !== 1) return;
    if (token === TokenType.COMMA) expectingKey = true;
    else if (token === TokenType.STRING && expectingKey) {
      topKey = value as string;
      expectingKey = false;
      if (!HEADER_FIELDS.has(topKey) && !OBJECT_SECTIONS.has(topKey) && !(SETUP_SECTIONS as readonly string[]).includes(topKey)) {
        sink.error(fieldError(`/${topKey}`, 'is not a known field'));
      }
    }
  };
  parser.onValue = ({ value, key, stack }) => {
    const section = stack[1]?.key;
    if (stack.length === 1 && key === 'format') {
      format = value;
      return;
    }
    if (section === 'profile' && stack.length === 2 && typeof key === 'string') {
      sink.profileField?.(key, value);
      return;
    }
    if (stack.length === 1 && key === 'profile' && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      sink.error(fieldError('/profile', 'must be an object'));
      return;
    }
    if (typeof section !== 'string' || !(SETUP_SECTIONS as readonly string[]).includes(section) || typeof key !== 'number') return;
    count.item();
    sink.item(section as SetupSection, key, value);
  };
  try {
    for await (const chunk of body) {
      count.bytes(chunk.length);
      parser.write(chunk);
      await sink.drain();
    }
    if (!parser.isEnded) parser.end();
  } catch (error) {
    if (error instanceof PayloadTooLargeError || error instanceof InvalidDocumentError) throw error;
    throw new InvalidDocumentError([fieldError('', `is not valid JSON: ${(error as Error).message}`)]);
  }
  if (format !== SETUP_DOCUMENT_FORMAT) sink.error(fieldError('/format', `must be "${SETUP_DOCUMENT_FORMAT}"`));
  await sink.drain();
}

// --- CSV -----------------------------------------------------------------------------------

type Converter = (value: string) => unknown;
interface Column {
  field: string;
  /** Header names that mean this column, compared case-insensitively: English first, bokmål second, then others. */
  names: string[];
  convert?: Converter;
}

const BOOLEAN_WORDS: Record<string, boolean> = {
  ja: true,
  j: true,
  yes: true,
  y: true,
  true: true,
  sann: true,
  x: true,
  '1': true,
  nei: false,
  n: false,
  no: false,
  false: false,
  usann: false,
  '0': false,
};
const toBoolean: Converter = (value) => {
  const word = value.trim().toLowerCase();
  return word === '' ? false : word in BOOLEAN_WORDS ? BOOLEAN_WORDS[word] : value;
};
/** Dates as Excel in a Norwegian locale writes them (31.12.2026) or ISO (2026-12-31). */
const toDate: Converter = (value) => {
  const v = value.trim();
  const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  return norwegian ? `${norwegian[3]}-${norwegian[2]!.padStart(2, '0')}-${norwegian[1]!.padStart(2, '0')}` : v;
};
/** Lists inside one cell: externalIds separated by `|`. */
const toList: Converter = (value) =>
  value
    .split('|')
    .map((v) => v.trim())
    .filter(Boolean);
/** An enum given as its value or as its label in nb/nn/en (`Aktivt` → `active`). */
const toEnum = (labels: Record<string, Record<string, string>>): Converter => {
  // Built once per column: every value, and every label in any language, in lower case → the value.
  const values = new Map<string, string>();
  for (const byValue of Object.values(labels)) {
    for (const [key, label] of Object.entries(byValue)) {
      values.set(key, key);
      if (!values.has(label.toLowerCase())) values.set(label.toLowerCase(), key);
    }
  }
  return (value) => values.get(value.trim().toLowerCase()) ?? value.trim();
};

export const CSV_COLUMNS: Record<'members' | 'measures', (labels: (kind: string) => Record<string, Record<string, string>>) => Column[]> = {
  members: () => [
    { field: 'externalId', names: ['externalId', 'ekstern id', 'ekstern-id', 'id'] },
    { field: 'name', names: ['name', 'navn', 'namn'] },
    { field: 'roleTitle', names: ['roleTitle', 'stilling', 'role title'] },
    { field: 'organization', names: ['organization', 'virksomhet', 'verksemd'] },
    { field: 'email', names: ['email', 'e-post', 'e-mail', 'epost'] },
    { field: 'emailPublic', names: ['emailPublic', 'e-post offentlig', 'email public', 'e-post offentleg'], convert: toBoolean },
    { field: 'phone', names: ['phone', 'telefon', 'mobil'] },
    { field: 'phonePublic', names: ['phonePublic', 'telefon offentlig', 'phone public', 'telefon offentleg'], convert: toBoolean },
    { field: 'isCoordinator', names: ['isCoordinator', 'slt-koordinator', 'coordinator', 'koordinator'], convert: toBoolean },
  ],
  measures: (labels) => [
    { field: 'externalId', names: ['externalId', 'ekstern id', 'ekstern-id', 'id'] },
    { field: 'title', names: ['title', 'tittel'] },
    { field: 'description', names: ['description', 'beskrivelse', 'skildring'] },
    { field: 'status', names: ['status', 'status'], convert: toEnum(labels('measureStatus')) },
    { field: 'startDate', names: ['startDate', 'startdato', 'start date'], convert: toDate },
    { field: 'endDate', names: ['endDate', 'sluttdato', 'end date'], convert: toDate },
    {
      field: 'responsibleOrganization',
      names: ['responsibleOrganization', 'ansvarlig virksomhet', 'responsible organization', 'ansvarleg verksemd'],
    },
    { field: 'responsibleMember', names: ['responsibleMember', 'ansvarlig person', 'responsible member', 'ansvarleg person'] },
    { field: 'decidedByTier', names: ['decidedByTier', 'vedtatt av', 'decided by', 'vedteke av'] },
    { field: 'evidenceLevel', names: ['evidenceLevel', 'kunnskapsgrunnlag', 'evidence level'], convert: toEnum(labels('evidenceLevel')) },
    { field: 'isPublic', names: ['isPublic', 'offentlig', 'public', 'offentleg'], convert: toBoolean },
    { field: 'targetGroups', names: ['targetGroups', 'målgrupper', 'target groups'], convert: toList },
    { field: 'focusAreas', names: ['focusAreas', 'satsingsområder', 'focus areas', 'satsingsområde'], convert: toList },
    { field: 'goals', names: ['goals', 'mål'], convert: toList },
  ],
};

/** The delimiter of a CSV file from its header line: Excel in a Norwegian locale writes `;`. */
export function detectDelimiter(headerLine: string): ';' | ',' {
  const outsideQuotes = headerLine.replace(/"[^"]*"/g, '');
  return (outsideQuotes.match(/;/g)?.length ?? 0) > (outsideQuotes.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/**
 * Reads a CSV file of members or measures as it streams in — UTF-8 with or without BOM, `;` or
 * `,`, CRLF or LF, quoted fields — and hands each row to the sink as a document item of that kind.
 * Empty cells are left out; row n (after the header) is item n-1, so errors point at
 * `/members/{n-1}/{field}` and say the line.
 */
export async function readCsv(
  body: AsyncIterable<Buffer>,
  {
    section,
    labels,
    limits,
  }: { section: 'members' | 'measures'; labels: (kind: string) => Record<string, Record<string, string>>; limits: Limits },
  sink: ItemSink,
): Promise<void> {
  const count = meter(limits);
  const columns = CSV_COLUMNS[section](labels);
  const iterator = body[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head: Buffer = first.done ? Buffer.alloc(0) : first.value;
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text.split(/\r?\n/, 1)[0] ?? '');
  let mapping: (Column | undefined)[] = [];
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    columns: (header: string[]) => {
      mapping = header.map((name) => columns.find((c) => c.names.some((n) => n.toLowerCase() === name.trim().toLowerCase())));
      header.forEach((name, i) => {
        if (!mapping[i] && name.trim() !== '')
          sink.error(
            fieldError(`/${section}`, `line 1: the column "${name.trim()}" is not one of ${columns.map((c) => c.names[0]).join(', ')}`),
          );
      });
      return header.map((_, i) => String(i));
    },
  });
  async function* chunks(): AsyncGenerator<Buffer> {
    count.bytes(head.length);
    if (head.length) yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      count.bytes(next.value.length);
      yield next.value;
    }
  }
  let index = 0;
  try {
    const records = pipeline(Readable.from(chunks()), parser, () => undefined);
    for await (const record of records as AsyncIterable<{ record: Record<string, string> }>) {
      const item: Record<string, unknown> = {};
      for (const [position, raw] of Object.entries(record.record)) {
        const column = mapping[Number(position)];
        if (!column || raw.trim() === '') continue;
        const text = restoreFormula(raw.trim());
        item[column.field] = column.convert ? column.convert(text) : text;
      }
      count.item();
      sink.item(section, index++, item);
      await sink.drain();
    }
  } catch (error) {
    if (error instanceof PayloadTooLargeError || error instanceof InvalidDocumentError) throw error;
    throw new InvalidDocumentError([fieldError(`/${section}`, `is not a readable CSV file: ${(error as Error).message}`)]);
  }
}
