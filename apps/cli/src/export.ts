import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createClient, routes } from '@slt/shared';
import type { ExportFormat } from './args.js';
import { CliError, EXIT } from './errors.js';
import { formatBytes } from './format.js';
import type { Io } from './io.js';

export interface ExportOptions {
  municipality: string;
  format: ExportFormat;
  /** The file to write, already resolved against the user's directory; undefined: standard output. */
  out: string | undefined;
  language: 'nb' | 'en';
  apiUrl: string;
  token: string;
}

const ROUTES = {
  json: routes.exportSetup,
  'members.csv': routes.exportMembersCsv,
  'measures.csv': routes.exportMeasuresCsv,
} as const;

/**
 * `slt export`: the whole setup (JSON, the import format) or members/measures as CSV (semicolon,
 * BOM: what Excel opens as is), streamed as the server sends it to standard output or to a file.
 * A file is written beside its place and renamed when complete, so a failed export leaves none.
 */
export async function runExport(options: ExportOptions, io: Io): Promise<void> {
  const client = createClient({ baseUrl: options.apiUrl, token: options.token, retries: 3 });
  if (options.out) {
    const directory = path.dirname(options.out);
    const info = await stat(directory).catch(() => undefined);
    if (!info?.isDirectory()) throw new CliError(`cannot write ${options.out}: no directory ${directory}`, EXIT.usage);
  }
  const response = await client.send(ROUTES[options.format], {
    params: { kommunenummer: options.municipality },
    headers: { 'accept-language': options.language },
  });
  const body = response.body ? Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>) : Readable.from([]);
  if (!options.out) {
    await pipeline(body, io.stdout, { end: false }).catch((error: NodeJS.ErrnoException) => {
      // The reader stopped early (`| head`): that is not a failure of the export.
      if (error.code !== 'EPIPE') throw error;
    });
    return;
  }
  const partial = path.join(path.dirname(options.out), `.${path.basename(options.out)}.${process.pid}.partial`);
  try {
    await pipeline(body, createWriteStream(partial));
    await rename(partial, options.out);
  } catch (error) {
    await rm(partial, { force: true });
    // A file-system error (permissions, a full disk) is the user's to fix; a network one is thrown on.
    if ((error as NodeJS.ErrnoException).syscall)
      throw new CliError(`cannot write ${options.out}: ${(error as Error).message}`, EXIT.usage);
    throw error;
  }
  const { size } = await stat(options.out);
  io.stderr.write(
    `Exported ${options.format === 'json' ? 'the setup' : options.format.replace('.csv', '')} of ${options.municipality} to ${options.out} (${formatBytes(size)}).\n`,
  );
}
