import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sharedTemplatesDir } from '@slt/testing/run-dirs';
import pg from 'pg';
import { loadDemoData } from '../src/demo/demo-data.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { prepareDatabase } from '../src/db/prepare.js';
import { preparedOnce } from './run-once.js';

/**
 * Databases prepared once per test run (by the global setup) and copied for each test.
 *
 * A cold embedded database costs seconds of CPU: PGlite runs initdb in WebAssembly (about 70 % of
 * a first start), then the migrations, the reference data and the demo data. A copy of a prepared
 * one costs a fraction, so every test file, API process and CLI run starts from a copy:
 *  - `base`: migrated, with the reference data (municipalities, counties); `demo`: base + demo data;
 *  - PGlite: each as a tarball (an in-memory database loads it) and as a data directory (an API
 *    process or a CLI run gets a copy as its DATA_DIR);
 *  - PostgreSQL (DATABASE_URL): each as a template database, copied with `create database … template`.
 *
 * The repository's test command runs several packages' suites (the API's, the CLI's, the web
 * client's), each with this global setup; it names one directory for the whole run in
 * SLT_TEST_TEMPLATES_DIR, so the embedded templates are prepared once (by whichever suite gets there
 * first) and the others reuse them, instead of each paying ten seconds of CPU for the same files.
 */
export interface TestTemplates {
  pglite: Record<TemplateName, { tarball: string; dataDir: string }>;
  /** Template database names on the DATABASE_URL server, when there is one. */
  postgres?: Record<TemplateName, string>;
}

export type TemplateName = 'base' | 'demo';

declare module 'vitest' {
  export interface ProvidedContext {
    sltTemplates: TestTemplates;
  }
}

async function writeSnapshot(database: Database, file: string) {
  const blob = await database.snapshot!();
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
}

async function preparePglite(root: string): Promise<TestTemplates['pglite']> {
  const base = { tarball: path.join(root, 'base.tar'), dataDir: path.join(root, 'base') };
  const demo = { tarball: path.join(root, 'demo.tar'), dataDir: path.join(root, 'demo') };
  const baseDb = await openDatabase({ kind: 'pglite', dataDir: base.dataDir });
  try {
    await prepareDatabase(baseDb, { demoData: false });
    await writeSnapshot(baseDb, base.tarball);
  } finally {
    await baseDb.close();
  }
  cpSync(base.dataDir, demo.dataDir, { recursive: true });
  const demoDb = await openDatabase({ kind: 'pglite', dataDir: demo.dataDir });
  try {
    await loadDemoData(demoDb.db);
    await writeSnapshot(demoDb, demo.tarball);
  } finally {
    await demoDb.close();
  }
  return { base, demo };
}

/** One statement on the server's admin database (create/drop database), on a connection of its own. */
export async function adminQuery(adminUrl: string, text: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/** `postgres://…/postgres` → the same server, database `name`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function preparePostgres(adminUrl: string, tag: string): Promise<Record<TemplateName, string>> {
  const names = { base: `slt_template_${tag}_base`, demo: `slt_template_${tag}_demo` };
  try {
    for (const name of [names.base, names.demo]) await adminQuery(adminUrl, `create database ${name}`);
    await fillPostgres(adminUrl, names);
  } catch (error) {
    await dropPostgres(adminUrl, names);
    throw error;
  }
  return names;
}

async function dropPostgres(adminUrl: string, names: Record<TemplateName, string>) {
  for (const name of Object.values(names)) await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
}

async function fillPostgres(adminUrl: string, names: Record<TemplateName, string>) {
  for (const [template, demoData] of [
    [names.base, false],
    [names.demo, true],
  ] as const) {
    const database = await openDatabase({
      kind: 'postgres',
      url: databaseUrl(adminUrl, template),
      poolMax: 2,
      connectionTimeoutMs: 10_000,
      logger: { error: () => undefined },
    });
    try {
      await prepareDatabase(database, { demoData });
    } finally {
      await database.close();
    }
  }
}

/** The embedded templates in the run's shared directory, prepared there once (see run-once.ts). */
function sharedPglite(dir: string): Promise<TestTemplates['pglite']> {
  return preparedOnce(dir, 'pglite', (root) => preparePglite(root));
}

/** Prepares every template; `dispose` removes them (the shared embedded ones stay for the run's other suites). */
export async function prepareTemplates(options: {
  postgresUrl?: string | undefined;
}): Promise<{ templates: TestTemplates; dispose: () => Promise<void> }> {
  const root = mkdtempSync(path.join(tmpdir(), 'slt-test-templates-'));
  const tag = path
    .basename(root)
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase();
  const { postgresUrl } = options;
  try {
    const sharedDir = sharedTemplatesDir();
    const pglite = sharedDir ? await sharedPglite(sharedDir) : await preparePglite(root);
    const postgres = postgresUrl ? await preparePostgres(postgresUrl, tag) : undefined;
    return {
      templates: { pglite, ...(postgres ? { postgres } : {}) },
      dispose: async () => {
        rmSync(root, { recursive: true, force: true });
        if (postgresUrl && postgres) await dropPostgres(postgresUrl, postgres);
      },
    };
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}
