import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createClient } from '@slt/shared';
import pg from 'pg';
import { buildApp, type App } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { prepareDatabase } from '../src/db/prepare.js';
import { createLogger } from '../src/logger.js';

/**
 * The environment decides the database: with DATABASE_URL (CI's second run) every test app gets
 * a fresh database on that PostgreSQL server, dropped afterwards; without, an in-memory PGlite.
 */
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
  close(): Promise<void>;
}

async function createScratchDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `slt_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export async function openTestDatabase(options: { poolMax?: number } = {}): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (!environment.databaseUrl) {
    const database = await openDatabase({ kind: 'pglite', dataDir: undefined });
    return { database, dispose: () => database.close() };
  }
  const scratch = await createScratchDatabase(environment.databaseUrl);
  const database = await openDatabase({
    kind: 'postgres',
    url: scratch.url,
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
      await scratch.drop();
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
    ? { database: options.database, dispose: async () => undefined }
    : await openTestDatabase({ poolMax: options.dbPoolMax });
  if (!options.database) await prepareDatabase(database, { demoData: options.demoData ?? true });

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
    ...options.config,
  });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) logs.push(JSON.parse(line));
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
    close: async () => {
      await app.close();
      await dispose();
    },
  };
}
