import {
  ENUM_LABELS,
  SETUP_DOCUMENT_FORMAT,
  SETUP_SECTIONS,
  type DocProfile,
  type ProblemFieldError,
  type SetupSection,
} from '@slt/shared';
import { sql } from 'drizzle-orm';
import type { Database, Db, Executor } from '../../db/client.js';
import { neutraliseFormula } from '../../lib/csv-formula.js';
import { InvalidDocumentError, InvalidItemTextError, PayloadTooLargeError } from '../../lib/errors.js';
import type { Actor, Scope } from '../../lib/scope.js';
import { Semaphore } from '../../lib/semaphore.js';
import { spool } from '../../lib/spool.js';
import { textViolation } from '../../lib/text-rules.js';
import { CSV_EXPORT_SQL, EXPORT_SQL } from './document-sql.js';
import { createIdempotency, type StoredAnswer } from './idempotency.js';
import { createImportRepository } from './import.repository.js';
import { checkItem, fieldError, type NormalItem } from './items.js';
import { checkProfile, importProfile } from './profile-section.js';
import { CSV_COLUMNS, readCsv, readJsonDocument, type ItemSink, type Limits } from './readers.js';

/** Items written to the staging table per statement. */
const BATCH = 2_000;
/** At most this many problems are listed (the count in the detail is exact). */
const MAX_LISTED_ERRORS = 1_000;
/** An import (not a dry run) lists this many of its changes; the audit log has all of them. */
const LISTED_CHANGES = 1_000;

export interface ImportRequest {
  kommunenummer: string;
  body: AsyncIterable<Buffer>;
  format: 'json' | 'csv';
  /** For CSV: what the rows are. */
  entity?: 'members' | 'measures';
  dryRun: boolean;
  idempotencyKey?: string;
}

/** What a caller asks of an import; the municipality comes from the scope. */
export type ImportInput = Omit<ImportRequest, 'kommunenummer'>;

const labelsOf = (kind: string) =>
  Object.fromEntries(
    Object.entries(ENUM_LABELS).map(([language, labels]) => [
      language,
      (labels as unknown as Record<string, Record<string, string>>)[kind] ?? {},
    ]),
  );

/** The codes of the text rules (lib/text-rules.ts): an item breaking one makes the import a 400, like any request's text. */
const TEXT_RULE_CODES: ReadonlySet<string> = new Set(['national_id', 'control_character']);

/** Collects checked items into batches for the staging table, and every problem found on the way. */
class Collector implements ItemSink {
  readonly errors: ProblemFieldError[] = [];
  errorCount = 0;
  /** Text-rule violations, listed apart so that a 400 names them even past the list's limit. */
  readonly textErrors: ProblemFieldError[] = [];
  textErrorCount = 0;
  /** The document's `profile` object, gathered field by field (it is small). */
  profile: Record<string, unknown> | undefined;
  #batches = new Map<SetupSection, { idx: number; item: NormalItem }[]>();
  #pending = 0;
  #inFlight: Promise<void> = Promise.resolve();
  constructor(private readonly stage: (section: SetupSection, items: { idx: number; item: NormalItem }[]) => Promise<void>) {}

  item(section: SetupSection, index: number, value: unknown): void {
    const checked = checkItem(section, index, value);
    // PostgreSQL cannot store a NUL character in text: an item holding one anywhere (in a key too)
    // is refused here and never staged, not by a failing statement.
    const nuls = nulPointers(value, `/${section}/${index}`);
    let item: NormalItem;
    if ('errors' in checked || nuls.length > 0) {
      const errors = 'errors' in checked ? checked.errors : [];
      for (const error of errors) this.error(error);
      for (const pointer of nuls) {
        if (!errors.some((e) => e.pointer === pointer))
          this.error(fieldError(pointer, 'contains a NUL character (\\u0000), which cannot be stored', 'control_character'));
      }
      if (nuls.length > 0) return;
      // Staged by its key only, so that references to it are not reported as unknown too.
      const externalId = (value as { externalId?: unknown } | null)?.externalId;
      if (typeof externalId !== 'string' || textViolation('secret', externalId)) return;
      item = { externalId };
    } else {
      item = checked.item;
    }
    const batch = this.#batches.get(section) ?? [];
    batch.push({ idx: index, item });
    this.#batches.set(section, batch);
    this.#pending += 1;
  }

  profileField(key: string, value: unknown): void {
    (this.profile ??= {})[key] = value;
  }

  error(error: ProblemFieldError): void {
    this.errorCount += 1;
    if (error.code !== undefined && TEXT_RULE_CODES.has(error.code)) {
      this.textErrorCount += 1;
      if (this.textErrors.length < MAX_LISTED_ERRORS) this.textErrors.push(error);
    }
    if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push(error);
  }

  /**
   * The refusal of a document with problems, each with its pointer in document order: a 400 when
   * any item breaks a text rule (a national identity number, a control character), the same as
   * the text of any other request; otherwise a 422.
   */
  refusal(): InvalidDocumentError | InvalidItemTextError {
    let listed = this.errors;
    if (this.textErrorCount > 0) {
      const text = new Set(this.textErrors);
      const others = this.errors.filter((e) => !text.has(e));
      listed = [...this.textErrors, ...others.slice(0, Math.max(0, MAX_LISTED_ERRORS - this.textErrors.length))];
    }
    const sorted = [...listed].sort((a, b) => comparePointers(a.pointer, b.pointer));
    const error = this.textErrorCount > 0 ? new InvalidItemTextError(sorted) : new InvalidDocumentError(sorted);
    if (this.errorCount > sorted.length)
      error.message = `${this.errorCount} problems in the document (the first ${sorted.length} listed): nothing was imported.`;
    return error;
  }

  /**
   * Writes the gathered batches once there are enough (or all, with `force`). One write is in
   * flight while the parser goes on with the next batch: at most two batches are held in memory.
   */
  async drain(force = false): Promise<void> {
    if (force || this.#pending >= BATCH) {
      await this.#inFlight;
      const batches = [...this.#batches];
      this.#batches.clear();
      this.#pending = 0;
      this.#inFlight = (async () => {
        for (const [section, items] of batches) await this.stage(section, items);
      })();
      // Handled when awaited by the next drain; until then it must not count as unhandled.
      this.#inFlight.catch(() => undefined);
    }
    if (force) await this.#inFlight;
  }
}

/** Pointers to the strings (values or keys) in `value` that hold a NUL character. */
function nulPointers(value: unknown, pointer: string, found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(pointer);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nulPointers(v, `${pointer}/${i}`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key.includes('\u0000')) found.push(pointer);
      else nulPointers(v, `${pointer}/${key}`, found);
    }
  }
  return found;
}

/** Document order: `/members/2/name` before `/members/10/email`, sections in their order. */
function comparePointers(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  const rank = (segment: string | undefined, depth: number) =>
    depth === 1 ? (SETUP_SECTIONS as readonly string[]).indexOf(segment ?? '') : /^\d+$/.test(segment ?? '') ? Number(segment) : NaN;
  for (let i = 1; i < Math.max(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    if (x[i] === undefined) return -1;
    if (y[i] === undefined) return 1;
    const [p, q] = [rank(x[i], i), rank(y[i], i)];
    if (!Number.isNaN(p) && !Number.isNaN(q) && p !== q) return p - q;
    return x[i]! < y[i]! ? -1 : 1;
  }
  return 0;
}

export function createExchangeService(deps: {
  db: Db;
  database: Database;
  limits: Limits;
  /** statement_timeout and lock_timeout of an import's transaction (ms). */
  timeouts: { statementMs: number; lockMs: number };
  /** How many imports of this process may be in their transaction at once. */
  concurrentTransactions: number;
}) {
  const { db, database, limits, timeouts } = deps;
  const transactions = new Semaphore(deps.concurrentTransactions);
  const idempotency = createIdempotency(db);

  /** One import in the transaction `tx`: read → check → stage → check across → plan → (apply). */
  async function importOnce(
    tx: Executor,
    { actor, request, body }: { actor: Actor; request: ImportRequest; body: AsyncIterable<Buffer> },
  ): Promise<StoredAnswer> {
    const { kommunenummer } = request;
    // The import's own timeouts (config: IMPORT_STATEMENT_TIMEOUT_MS, IMPORT_LOCK_TIMEOUT_MS), for this transaction only.
    // No JIT: the row estimates of set-returning JSON functions are far too high, and compiling
    // the statements cost more than running them (seconds for 100,000 items). Sorts and hashes of
    // the plan fit in memory instead of spilling to disk; the staging tables' statistics come from
    // a small sample (they only tell the planner how many rows of each kind there are).
    await tx.execute(
      sql`select set_config('statement_timeout', ${String(timeouts.statementMs)}, true), set_config('lock_timeout', ${String(timeouts.lockMs)}, true),
                 set_config('jit', 'off', true), set_config('work_mem', '64MB', true),
                 set_config('default_statistics_target', '10', true)`,
    );
    const repo = createImportRepository(tx);
    await repo.createStage();
    await repo.bind(kommunenummer);
    const collector = new Collector((section, items) => repo.stage(section, items));
    if (request.format === 'csv') await readCsv(body, { section: request.entity!, labels: labelsOf, limits }, collector);
    else await readJsonDocument(body, collector, limits);
    await collector.drain(true);
    for (const error of await repo.checkAcrossItems(kommunenummer)) collector.error(error);
    if (collector.profile) for (const error of checkProfile(collector.profile)) collector.error(error);
    if (collector.errorCount > 0) throw collector.refusal();
    await repo.plan();
    const counts = Object.fromEntries(SETUP_SECTIONS.map((s) => [s, { created: 0, updated: 0, unchanged: 0 }]));
    for (const row of await repo.counts()) (counts[row.section] as Record<string, number>)[row.action] = row.n;
    // The plan of a dry run is the answer, whatever its size; an import's answer stays small.
    const listed = request.dryRun ? undefined : LISTED_CHANGES;
    const changes = await repo.changesJson(listed);
    const total = Object.values(counts).reduce((sum, c) => sum + c.created + c.updated, 0);
    if (!request.dryRun) await repo.apply(kommunenummer, actor);
    if (collector.profile) {
      const profile = collector.profile as DocProfile;
      const done = await importProfile(tx, { kommunenummer, actor, profile, dryRun: request.dryRun });
      for (const error of done.errors) collector.error(error);
      if (collector.errorCount > 0) throw collector.refusal();
      counts['profile'] = { created: 0, updated: 0, unchanged: 0, [done.action]: 1 };
    }
    const omitted = listed === undefined ? 0 : Math.max(0, total - listed);
    const answer = `{"dryRun":${request.dryRun},"counts":${JSON.stringify(counts)},"changes":${changes},"changesOmitted":${omitted}}`;
    return { status: 200, contentType: 'application/json; charset=utf-8', body: answer };
  }

  return {
    /**
     * Imports a JSON setup document or a CSV file of members or measures: all or nothing. The body
     * is first written to a temporary file as it arrives (no database connection is held while a
     * slow sender uploads); then at most `transactions` imports of this process run their
     * transaction at once, so imports never take every connection of the pool.
     */
    async import({ kommunenummer, actor }: Scope, input: ImportInput): Promise<StoredAnswer & { replayed: boolean }> {
      const request: ImportRequest = { ...input, kommunenummer };
      const fingerprint = `${request.format} ${request.entity ?? ''} ${request.dryRun}\n`;
      const spooled = await spool(request.body, {
        maxBytes: limits.maxBytes,
        prefix: fingerprint,
        tooLarge: () =>
          new PayloadTooLargeError(`An import may be at most ${Math.round(limits.maxBytes / 1_048_576)} MB (${limits.maxBytes} bytes).`),
      });
      try {
        return await transactions.run(() =>
          idempotency.run({ kommunenummer, key: request.idempotencyKey }, spooled.digest, (tx) =>
            importOnce(tx, { actor, request, body: spooled.open() }),
          ),
        );
      } finally {
        await spooled.dispose();
      }
    },

    /** The whole setup as one document (JSON text built by PostgreSQL in one statement). */
    async export({ kommunenummer }: Scope): Promise<string> {
      const [row] = await database.rows('setup_export', { sql: EXPORT_SQL, params: [kommunenummer, SETUP_DOCUMENT_FORMAT] });
      return row![0] as string;
    },

    /** Members or measures as CSV (semicolon, UTF-8 with BOM, CRLF: what Excel in a Norwegian locale opens as is). */
    async exportCsv(
      { kommunenummer }: Scope,
      { entity, language }: { entity: 'members' | 'measures'; language: 'nb' | 'en' },
    ): Promise<string> {
      const rows = await database.rows(`${entity}_export`, { sql: CSV_EXPORT_SQL[entity], params: [kommunenummer] });
      const columns = CSV_COLUMNS[entity](labelsOf);
      const capitalized = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
      const header = columns.map((c) => (language === 'en' ? c.names[0]! : capitalized(c.names[1]!)));
      const [yes, no] = language === 'en' ? ['yes', 'no'] : ['ja', 'nei'];
      const cell = (value: unknown): string => {
        const text = neutraliseFormula(
          value === null || value === undefined
            ? ''
            : Array.isArray(value)
              ? value.join('|')
              : typeof value === 'boolean'
                ? value
                  ? yes
                  : no
                : // Cells are scalar column values: String() is their text.
                  // eslint-disable-next-line @typescript-eslint/no-base-to-string
                  String(value),
        );
        return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      };
      const lines = [
        header.join(';'),
        ...rows.map(([doc]) => columns.map((c) => cell((doc as Record<string, unknown>)[c.field])).join(';')),
      ];
      return `\uFEFF${lines.join('\r\n')}\r\n`;
    },
  };
}

export type ExchangeService = ReturnType<typeof createExchangeService>;
