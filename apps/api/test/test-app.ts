import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createClient } from '@slt/shared';
import { inject } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { createLogger } from '../src/logger.js';
import { adminQuery, databaseUrl, type TemplateName } from './database-templates.js';

/** The environment decides the database: DATABASE_URL (CI's second run) or PGlite (see openTestDatabase). */
const environment = loadConfig();

export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';

export interface TestApp {
  app: App;
  database: Database;
  config: Config;
  /** Base URL of the listening server (real HTTP on a free port). */
  baseUrl: string;
  /** The shared typed client, pointed at this server. */
  client: ReturnType<typeof createClient>;
  /** Everything the app logged, one parsed JSON object per line. */
  logs: Record<string, unknown>[];
  /**
   * The SQL statements `work` sent, with the app's background work (the mail outbox worker's
   * polling) paused meanwhile: its rounds landed inside measured requests on a busy machine.
   */
  statementsOf(work: () => Promise<unknown>): Promise<number>;
  close(): Promise<void>;
}

/** The prepared databases of this test run (see database-templates.ts and global-setup.ts). */
const templates = inject('sltTemplates');

/** Each template's tarball, read once per worker. */
const tarballs = new Map<string, Promise<ArrayBuffer>>();

/**
 * A template's tarball as PGlite's `loadDataDir` reads it (it only calls `arrayBuffer()` and reads
 * `type`), the same bytes for every test app of a worker: PGlite copies each file out of them
 * into its own in-memory file system and never writes to them. Not a real Blob: on Node 20,
 * building a Blob of the ~40 MB tarball and reading it back cost 0.4–2 s of CPU per test app on
 * this kind of machine (over 20 s of the API suite's CPU in a profile).
 */
async function readTarball(file: string): Promise<Blob> {
  let bytes = tarballs.get(file);
  if (!bytes) {
    bytes = readFile(file).then((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    tarballs.set(file, bytes);
  }
  const buffer = await bytes;
  const tarball: Pick<Blob, 'arrayBuffer' | 'type'> = { type: 'application/x-tar', arrayBuffer: () => Promise.resolve(buffer) };
  return tarball as Blob;
}

/**
 * A fresh database for one test app, copied from a prepared template: `demo` (migrated, reference
 * data, demo data) or `base` (no demo data). With DATABASE_URL (CI's second run), a new database on
 * that server made from the template database, dropped afterwards; else an in-memory PGlite.
 */
export async function openTestDatabase(
  template: TemplateName = 'base',
  options: { poolMax?: number } = {},
): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (!environment.databaseUrl) {
    const database = await openDatabase({
      kind: 'pglite',
      dataDir: undefined,
      from: await readTarball(templates.pglite[template].tarball),
    });
    return { database, dispose: () => database.close() };
  }
  const adminUrl = environment.databaseUrl;
  const name = `slt_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name} template ${templates.postgres![template]}`);
  const database = await openDatabase({
    kind: 'postgres',
    url: databaseUrl(adminUrl, name),
    poolMax: options.poolMax ?? 5,
    connectionTimeoutMs: 5_000,
    statementTimeoutMs: environment.dbStatementTimeoutMs,
    lockTimeoutMs: environment.dbLockTimeoutMs,
    logger: { error: () => undefined },
  });
  return {
    database,
    dispose: async () => {
      await database.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

export async function createTestApp(
  options: {
    demoData?: boolean;
    logLevel?: string;
    rateLimitAnonymousPerMinute?: number;
    widgetDistDir?: string;
    webDistDir?: string;
    trustProxy?: Config['trustProxy'];
    importMaxBytes?: number;
    importMaxItems?: number;
    /** PostgreSQL only: the pool's size (default 5). */
    dbPoolMax?: number;
    exchangeConcurrencyPerCaller?: number;
    /** Any other setting of the app's configuration. */
    config?: Partial<Config>;
    /** Another app's database: a second "replica" on the same data. */
    database?: Database;
    /** Off (0) unless a test sets them: most tests call far more than a person would. */
    exchangePerCallerPerMinute?: number;
    failedCredentialsPerMinute?: number;
  } = {},
): Promise<TestApp> {
  const { database, dispose } = options.database
    ? { database: options.database, dispose: () => Promise.resolve() }
    : await openTestDatabase(options.demoData === false ? 'base' : 'demo', { poolMax: options.dbPoolMax });

  const config: Config = Object.freeze({
    ...environment,
    databaseUrl: undefined,
    demoData: options.demoData ?? true,
    logLevel: options.logLevel ?? 'info',
    webDistDir: options.webDistDir ?? '/nonexistent-web-dist',
    trustProxy: options.trustProxy ?? environment.trustProxy,
    widgetDistDir: options.widgetDistDir ?? '/nonexistent-widget-dist',
    rateLimitAnonymousPerMinute: options.rateLimitAnonymousPerMinute ?? environment.rateLimitAnonymousPerMinute,
    importMaxBytes: options.importMaxBytes ?? environment.importMaxBytes,
    importMaxItems: options.importMaxItems ?? environment.importMaxItems,
    dbPoolMax: options.dbPoolMax ?? 5,
    importConcurrentTransactions: Math.max(1, Math.floor((options.dbPoolMax ?? 5) / 2)),
    exchangeConcurrencyPerCaller: options.exchangeConcurrencyPerCaller ?? environment.exchangeConcurrencyPerCaller,
    exchangePerCallerPerMinute: options.exchangePerCallerPerMinute ?? 0,
    failedCredentialsPerMinute: options.failedCredentialsPerMinute ?? 0,
    // No scheduled statistics import unless a test turns it on.
    statsImportEveryDays: 0,
    // No weekly digests unless a test turns them on: on that weekday they would join every mail test's outbox.
    mailDigestWeekday: null,
    ...options.config,
  });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = await buildApp({ config, database, logger: createLogger(config, sink), jwtSecret: TEST_JWT_SECRET });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    database,
    config,
    baseUrl,
    client: createClient({ baseUrl }),
    logs,
    statementsOf: async (work) => {
      await app.mailWorker?.stop();
      try {
        const before = database.statementCount();
        await work();
        return database.statementCount() - before;
      } finally {
        app.mailWorker?.start();
      }
    },
    close: async () => {
      await app.close();
      await dispose();
    },
  };
}
