import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createClient, newIdempotencyKey, routes, type ImportResult, type RetryEvent } from '@slt/shared';
import { UsageError } from './errors.js';
import { guessEntity, inspectFile, kindOf, readHead, type CsvEntity } from './files.js';
import { formatBytes } from './format.js';
import { UploadProgress } from './progress.js';
import { formatResult } from './report.js';
import type { Io } from './io.js';

export interface ImportOptions {
  /** The file, already resolved against the user's directory. */
  file: string;
  municipality: string;
  dryRun: boolean;
  entity: CsvEntity | undefined;
  quiet: boolean;
  apiUrl: string;
  token: string;
}

/** Learned while importing, for the report of a failure: a CSV file's problems are shown by row and column. */
export interface ImportContext {
  csv: boolean;
}

export function describeRetry(event: RetryEvent, retries: number): string {
  const reason = event.status ? `The API answered ${event.status}` : `Network error (${describeCause(event.error)})`;
  return `${reason}; trying again in ${(event.delayMs / 1000).toFixed(1)} s (retry ${event.attempt} of ${retries}, same Idempotency-Key)…`;
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return cause?.code ?? cause?.message ?? (error as Error | undefined)?.message ?? 'unknown';
}

/**
 * Retries of an import (network errors, 429, 502–504), all with the same Idempotency-Key: 0.5, 1,
 * 2 and then 4 s apart, or what the server's Retry-After says (5 s while its database is down), so
 * an API restart or a database outage of 10–30 s does not fail the import.
 */
export const RETRIES = 6;

/**
 * `slt import`: streams the file to `POST …/import` (never holding it in memory) with one
 * Idempotency-Key for every attempt, shows the progress, then the counts (and for a dry run the
 * planned changes). Problems are thrown (a ProblemError from the client) for the caller to report.
 */
export async function runImport(options: ImportOptions, io: Io, context: ImportContext): Promise<void> {
  const { size } = await inspectFile(options.file);
  const head = await readHead(options.file);
  const kind = kindOf(options.file, head);
  context.csv = kind === 'csv';
  let entity = options.entity;
  let entitySource = '';
  if (kind === 'json' && entity) throw new UsageError('--entity is for CSV files: a JSON document says itself what it holds');
  if (kind === 'csv' && !entity) {
    const guess = guessEntity(options.file, head);
    if (!guess)
      throw new UsageError(
        `cannot tell whether ${path.basename(options.file)} holds members or measures: add --entity members or --entity measures`,
      );
    entity = guess.entity;
    entitySource = `, guessed from its ${guess.from}`;
  }

  const what = kind === 'json' ? 'setup document' : `${entity} CSV${entitySource}`;
  if (!options.quiet) {
    io.stderr.write(
      `${options.dryRun ? 'Dry run: checking' : 'Importing'} ${path.basename(options.file)} (${what}, ${formatBytes(size)}) into ${options.municipality} at ${options.apiUrl}\n`,
    );
  }
  /** Attempts so far, and the one whose progress is shown (0 between attempts). */
  let attempts = 0;
  let current = 0;
  const progress = options.quiet
    ? undefined
    : new UploadProgress({ total: size, out: io.stderr, tty: io.stderrIsTty, columns: io.columns });

  const client = createClient({
    baseUrl: options.apiUrl,
    token: options.token,
    retries: RETRIES,
    retryDelayMs: (n) => Math.min(4_000, 500 * 2 ** n),
    onRetry: (event) => {
      current = 0;
      const text = describeRetry(event, RETRIES);
      if (progress) progress.note(text);
      else io.stderr.write(`${text}\n`);
    },
  });

  /**
   * A fresh read of the file for each attempt. Chunks are read only when the HTTP client asks for
   * the next one (no read-ahead), so what is counted is what went out, not what waits in a buffer.
   */
  const open = () => {
    const attempt = ++attempts;
    current = attempt;
    // The HTTP client may still pull from an attempt that failed: only the current one is shown.
    const shown = () => (attempt === current ? progress : undefined);
    progress?.start();
    const chunks = (createReadStream(options.file, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    return new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const next = await chunks.next();
          if (next.done) {
            shown()?.sent();
            controller.close();
            return;
          }
          shown()?.add(next.value.length);
          controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.length));
        },
        async cancel() {
          await chunks.return?.();
        },
      },
      { highWaterMark: 0 },
    );
  };

  let result: ImportResult;
  try {
    const response = await client.send(routes.importSetup, {
      params: { kommunenummer: options.municipality },
      query: { ...(options.dryRun ? { dryRun: true } : {}), ...(kind === 'csv' ? { entity } : {}) },
      headers: { 'idempotency-key': newIdempotencyKey() },
      raw: {
        contentType: kind === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        length: size,
        open,
      },
    });
    result = (await response.json()) as ImportResult;
  } catch (error) {
    current = 0;
    progress?.abort();
    throw error;
  }
  progress?.finish();
  io.stdout.write(formatResult(result, { municipality: options.municipality }));
}
