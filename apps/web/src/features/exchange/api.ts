import { routes, type ImportResult } from '@slt/shared/browser';
import { api } from '../../api';
import { saveFile } from '../../save-file';
import { todayOslo } from '../meetings/time';
import type { CsvEntity, FileFormat } from './file-kind';

export type ExportKind = 'json' | 'members' | 'measures';

const EXPORTS = {
  json: { route: routes.exportSetup, name: (k: string, day: string) => `slt-${k}-${day}.json` },
  members: { route: routes.exportMembersCsv, name: (k: string, day: string) => `slt-${k}-members-${day}.csv` },
  measures: { route: routes.exportMeasuresCsv, name: (k: string, day: string) => `slt-${k}-measures-${day}.csv` },
} as const;

/**
 * Downloads an export with the in-memory access token (a plain link would not carry it): fetched
 * as a Blob and saved under a name like `slt-3401-2026-11-23.json`. Returns the file name.
 */
export async function downloadExport(kommunenummer: string, kind: ExportKind, language: string): Promise<string> {
  const { route, name } = EXPORTS[kind];
  // The shared client's raw answer: a refusal throws its ProblemError.
  const response = await api.send(route, { params: { kommunenummer }, headers: { 'accept-language': language } });
  const blob = await response.blob();
  const fileName = name(kommunenummer, todayOslo());
  saveFile(blob, fileName);
  return fileName;
}

export interface ImportOptions {
  format: FileFormat;
  /** For a CSV file: what its rows are. */
  entity: CsvEntity | null;
  dryRun: boolean;
  /** Sent as `Idempotency-Key`: the same key on every attempt, so the server imports once. */
  idempotencyKey?: string;
  language: string;
}

/** Sends the file as it is (a JSON document or a CSV file) to the import route; a refusal throws `ProblemError`. */
export async function importFile(kommunenummer: string, file: File, options: ImportOptions): Promise<ImportResult> {
  const response = await api.send(routes.importSetup, {
    params: { kommunenummer },
    query: {
      ...(options.dryRun ? { dryRun: true } : {}),
      ...(options.format === 'csv' && options.entity ? { entity: options.entity } : {}),
    },
    // The file as it is; a retry (only with an Idempotency-Key) sends it again.
    raw: { contentType: options.format === 'json' ? 'application/json' : 'text/csv; charset=utf-8', open: () => file },
    headers: {
      'accept-language': options.language,
      ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
    },
  });
  return (await response.json()) as ImportResult;
}
