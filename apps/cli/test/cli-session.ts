import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, routes, type SetupDocument } from '@slt/shared';
import { afterAll, beforeAll, expect } from 'vitest';
import { createToken, startApi, type ApiServer } from './api-server.js';
import { runCli, type CliRun } from './run-cli.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

/**
 * What a CLI test file works with: its own API process (a copy of the demo database), tokens of
 * Kongsvinger (3401) and Aukra (1547), and a user's directory holding a copy of the fixtures. Each
 * file that calls `cliSession()` gets its own, so the files run side by side.
 */
export interface CliSession {
  api: ApiServer;
  /** The user's directory: relative paths given to the CLI resolve here. */
  work: string;
  tokens: { import3401: string; read3401: string; import1547: string };
  /** `pnpm slt …` from the work directory, against the test API, with a token (the 3401 import token unless said). */
  slt: (args: string[], token?: string | null) => Promise<CliRun>;
  /** The export of a municipality's setup, read through the API with the read token (the typed client). */
  exportOf: (kommunenummer?: string) => Promise<SetupDocument>;
  /** The typed client with the 3401 read token. */
  reader: () => ReturnType<typeof createClient>;
}

/** Registers the file's hooks (start the API, create the tokens, copy the fixtures; and clean up) and returns the session they fill. */
export function cliSession(): CliSession {
  const session = {
    work: '',
    tokens: { import3401: '', read3401: '', import1547: '' },
    slt: (args: string[], token: string | null = session.tokens.import3401) =>
      runCli(args, {
        from: session.work,
        env: { SLT_API_URL: session.api.baseUrl, ...(token === null ? {} : { SLT_TOKEN: token }) },
      }),
    reader: () => createClient({ baseUrl: session.api.baseUrl, token: session.tokens.read3401 }),
    exportOf: (kommunenummer = '3401') =>
      session.reader().call<typeof routes.exportSetup>(routes.exportSetup, { params: { kommunenummer } }),
  } as CliSession;
  beforeAll(async () => {
    session.api = await startApi();
    const [import3401, read3401, import1547] = await Promise.all([
      createToken(session.api.baseUrl, 'koordinator.3401@demo.invalid', '3401', ['import']),
      createToken(session.api.baseUrl, 'koordinator.3401@demo.invalid', '3401', ['read']),
      createToken(session.api.baseUrl, 'koordinator.1547@demo.invalid', '1547', ['import']),
    ]);
    Object.assign(session.tokens, { import3401, read3401, import1547 });
    session.work = mkdtempSync(path.join(tmpdir(), 'slt-cli-work-'));
    cpSync(fixtures, session.work, { recursive: true });
  });
  afterAll(async () => {
    await session.api?.close();
    if (session.work) rmSync(session.work, { recursive: true, force: true });
  });
  return session;
}

/** The counts table of an import's output: kind → [created, updated, unchanged]. */
export function countsOf(run: CliRun): Record<string, [number, number, number]> {
  const counts: Record<string, [number, number, number]> = {};
  for (const match of run.stdout.matchAll(
    /^(organizations|members|tiers|target groups|focus areas|goals|measures|meetings|total) +(\d+) +(\d+) +(\d+)$/gm,
  )) {
    counts[match[1]!] = [Number(match[2]), Number(match[3]), Number(match[4])];
  }
  return counts;
}

export const externalIds = (document: SetupDocument, section: 'organizations' | 'members' | 'measures') =>
  (document[section] ?? []).map((item) => item.externalId);

export const expectSuccess = (run: CliRun) => expect(run.code, run.output).toBe(0);
