import { existsSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { extractSeed } from './pglite-seed.js';
import * as relations from './relations.js';
import * as tables from './schema/index.js';

const schema = { ...tables, ...relations };

export type Schema = typeof schema;
/** The Drizzle handle every repository takes: the same type on PGlite and on a pg Pool. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction, or the database itself: repositories take `(tx ?? db)`. */
export type Executor = Db;

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Throws when the database does not answer. */
  ping: () => Promise<void>;
  /**
   * Runs SQL that Drizzle built (`query.toSQL()`) as a named prepared statement and returns rows
   * as arrays, skipping the ORM's per-field mapping. For hot reads of plain text columns only.
   */
  rows: (name: string, query: { sql: string; params: unknown[] }) => Promise<unknown[][]>;
  /** How many SQL statements this handle has sent so far (tests prove reads are bounded with it). */
  statementCount(): number;
  /** Applies the committed drizzle-kit migrations (idempotent, safe with several replicas). */
  migrate(): Promise<void>;
  /** The embedded database's whole data directory as one tarball (PGlite only), for `from`. */
  snapshot?(): Promise<Blob>;
  close: () => Promise<void>;
}

export interface DatabaseLogger {
  error(obj: object, msg: string): void;
}

export type DatabaseOptions =
  | {
      kind: 'postgres';
      url: string;
      poolMax: number;
      connectionTimeoutMs: number;
      /** statement_timeout and lock_timeout of the pool's sessions (ms; 0 or unset = none); a transaction may set its own. */
      statementTimeoutMs?: number;
      lockTimeoutMs?: number;
      logger: DatabaseLogger;
    }
  /**
   * `dataDir` undefined: in memory (tests). `from`: start from a snapshot (a tarball that
   * `snapshot()` made) instead of an empty cluster, which skips initdb, the slow part of a first start.
   */
  | { kind: 'pglite'; dataDir: string | undefined; from?: Blob };

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
const casing = 'snake_case' as const;
/** Arbitrary constant key: serializes migrations across API replicas starting together. */
const MIGRATION_LOCK_KEY = 7_535_100;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const database = options.kind === 'postgres' ? openPostgres(options) : await openPglite(options.dataDir, options.from);
  // Closing twice (a shutdown racing a test's cleanup, say) is harmless.
  let closing: Promise<void> | undefined;
  return { ...database, close: () => (closing ??= database.close()) };
}

/** Counts statements through Drizzle's logger hook (an increment: free on the hot path). */
function statementCounter() {
  let statements = 0;
  return {
    logger: {
      logQuery: () => {
        statements++;
      },
    },
    count: () => statements,
  };
}

/**
 * The embedded server's settings: PostgreSQL's default 128 MB of shared buffers live in the
 * WebAssembly memory, which never shrinks, and were most of a first start's peak memory (`pnpm
 * bench --only import`). 16 MB holds a municipality's working set many times over; the operating
 * system's page cache is behind it, as for any PostgreSQL.
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

const isEmptyOrMissing = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

async function openPglite(dataDir: string | undefined, from: Blob | undefined): Promise<Database> {
  const options: { loadDataDir?: Blob; startParams: string[] } = from
    ? { loadDataDir: from, startParams: PGLITE_START_PARAMS }
    : { startParams: PGLITE_START_PARAMS };
  let client: PGlite;
  if (dataDir) {
    const dir = path.join(dataDir, 'pglite');
    // A first start begins from the seed made at build time (pglite-seed.ts), when there is one.
    if (!from && isEmptyOrMissing(dir)) await extractSeed(dir);
    await mkdir(dir, { recursive: true });
    client = new PGlite(dir, options);
  } else {
    client = new PGlite(options);
  }
  await client.waitReady;
  const counter = statementCounter();
  const db = drizzlePglite({ client, schema, casing, logger: counter.logger });
  return {
    statementCount: counter.count,
    db: db as unknown as Db,
    kind: 'pglite',
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    rows: async (_name, query) => {
      counter.logger.logQuery();
      return (await client.query<unknown[]>(query.sql, query.params, { rowMode: 'array' })).rows;
    },
    migrate: () => migratePglite(db, { migrationsFolder }),
    snapshot: () => client.dumpDataDir('none'),
    close: () => client.close(),
  };
}

function openPostgres(options: Extract<DatabaseOptions, { kind: 'postgres' }>): Database {
  const connection = {
    connectionString: options.url,
    connectionTimeoutMillis: options.connectionTimeoutMs,
    application_name: 'slt-api',
  };
  const pool = new pg.Pool({
    ...connection,
    max: options.poolMax,
    idleTimeoutMillis: 30_000,
    // Sent once per connection in the startup packet: nothing per statement.
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    ...(options.lockTimeoutMs ? { lock_timeout: options.lockTimeoutMs } : {}),
    // A transaction no request is driving any more (its process died, say) ends within a minute,
    // and a statement whose client is gone stops within 2 s instead of running (and holding its
    // locks, an Idempotency-Key's among them) to the end.
    idle_in_transaction_session_timeout: 60_000,
    options: '-c client_connection_check_interval=2000',
  });
  // An idle client losing its connection emits 'error' on the pool; unhandled, it would crash the process.
  pool.on('error', (err) => options.logger.error({ err }, 'idle PostgreSQL client error'));
  const counter = statementCounter();
  const db = drizzlePg({ client: pool, schema, casing, logger: counter.logger });
  return {
    statementCount: counter.count,
    db: db,
    kind: 'postgres',
    ping: async () => {
      await pool.query('select 1');
    },
    rows: async (name, query) => {
      counter.logger.logQuery();
      return (await pool.query<unknown[]>({ name, text: query.sql, values: query.params, rowMode: 'array' })).rows;
    },
    migrate: async () => {
      // A dedicated connection, so the session-level advisory lock covers the whole run.
      const client = new pg.Client(connection);
      await client.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(drizzlePg({ client, casing }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        await client.end();
      }
    },
    close: () => pool.end(),
  };
}
