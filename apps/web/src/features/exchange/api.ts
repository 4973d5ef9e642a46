import { buildPath, ProblemError, routes, type ImportResult, type Problem } from '@slt/shared';
import { fetchWithRefresh } from '../../api';
import { todayInOslo, type CsvEntity, type FileFormat } from './file-kind';

export type ExportKind = 'json' | 'members' | 'measures';

const EXPORTS = {
  json: { route: routes.exportSetup, accept: 'application/json', name: (k: string, day: string) => `slt-${k}-${day}.json` },
  members: { route: routes.exportMembersCsv, accept: 'text/csv', name: (k: string, day: string) => `slt-${k}-members-${day}.csv` },
  measures: { route: routes.exportMeasuresCsv, accept: 'text/csv', name: (k: string, day: string) => `slt-${k}-measures-${day}.csv` },
} as const;

/** The problem+json of a refused request, or a generic one when the body is something else. */
async function problemOf(response: Response): Promise<ProblemError> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as Partial<Problem>;
    if (typeof parsed.title === 'string' && typeof parsed.status === 'number') return new ProblemError(parsed as Problem);
  } catch {
    // not JSON
  }
  return new ProblemError({ type: 'about:blank', title: response.statusText || 'HTTP error', status: response.status });
}

/**
 * Downloads an export with the in-memory access token (a plain link would not carry it): fetched
 * as a Blob and saved under a name like `slt-3401-2026-11-23.json`. Returns the file name.
 */
export async function downloadExport(kommunenummer: string, kind: ExportKind, language: string): Promise<string> {
  const { route, accept, name } = EXPORTS[kind];
  const response = await fetchWithRefresh(buildPath(route.path, { kommunenummer }), {
    headers: { accept: `${accept}, application/problem+json`, 'accept-language': language },
  });
  if (!response.ok) throw await problemOf(response);
  const blob = await response.blob();
  const fileName = name(kommunenummer, todayInOslo());
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
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
  const query = new URLSearchParams({ ...(options.dryRun ? { dryRun: 'true' } : {}), ...(options.format === 'csv' && options.entity ? { entity: options.entity } : {}) });
  const search = query.toString();
  const response = await fetchWithRefresh(`${buildPath(routes.importSetup.path, { kommunenummer })}${search ? `?${search}` : ''}`, {
    method: 'POST',
    headers: {
      'content-type': options.format === 'json' ? 'application/json' : 'text/csv; charset=utf-8',
      accept: 'application/json, application/problem+json',
      'accept-language': options.language,
      ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
    },
    body: file,
  });
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as ImportResult;
}
