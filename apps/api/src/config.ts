import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type } from 'typebox';
import { Value } from 'typebox/value';

/**
 * The only module that reads `process.env`. Everything else receives a frozen `Config`.
 * Every variable is documented in the README's Configuration section.
 */
const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATA_DIR: Type.String({ minLength: 1, default: '.data' }),
  DEMO_DATA: Type.Optional(Type.Enum(['true', 'false'])),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
  WEB_DIST_DIR: Type.Optional(Type.String({ minLength: 1 })),
  WIDGET_DIST_DIR: Type.Optional(Type.String({ minLength: 1 })),
  TRUST_PROXY: Type.String({
    pattern: '^(true|false|[0-9A-Fa-f.:/, ]*[.:/][0-9A-Fa-f.:/, ]*|loopback|linklocal|uniquelocal)$',
    default: 'false',
  }),
  DB_POOL_MAX: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  DB_CONNECTION_TIMEOUT_MS: Type.Integer({ minimum: 100, default: 5000 }),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({ minimum: 100, default: 10000 }),
  DB_STATEMENT_TIMEOUT_MS: Type.Integer({ minimum: 0, default: 15000 }),
  DB_LOCK_TIMEOUT_MS: Type.Integer({ minimum: 0, default: 5000 }),
  IMPORT_STATEMENT_TIMEOUT_MS: Type.Integer({ minimum: 0, default: 300000 }),
  IMPORT_LOCK_TIMEOUT_MS: Type.Integer({ minimum: 0, default: 30000 }),
  IMPORT_CONCURRENT_TRANSACTIONS: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  EXCHANGE_CONCURRENCY_PER_CALLER: Type.Integer({ minimum: 1, default: 2 }),
  JWT_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  SECRETS_KEY: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9+/_-]{43}=?$' })),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: Type.Integer({ minimum: 0, default: 600 }),
  FAILED_CREDENTIALS_PER_MINUTE: Type.Integer({ minimum: 0, default: 30 }),
  EXCHANGE_PER_CALLER_PER_MINUTE: Type.Integer({ minimum: 0, default: 60 }),
  API_TOKENS_PER_MUNICIPALITY: Type.Integer({ minimum: 1, default: 50 }),
  CALENDAR_FEEDS_PER_USER: Type.Integer({ minimum: 1, default: 10 }),
  IMPORT_MAX_BYTES: Type.Integer({ minimum: 1024, default: 268_435_456 }),
  IMPORT_MAX_ITEMS: Type.Integer({ minimum: 1, default: 250_000 }),
  SSB_API_URL: Type.String({ pattern: '^https?://', default: 'https://data.ssb.no/api/pxwebapi/v2' }),
  KLASS_API_URL: Type.String({ pattern: '^https?://', default: 'https://data.ssb.no/api/klass/v1' }),
  FHI_API_URL: Type.String({ pattern: '^https?://', default: 'https://statistikk-data.fhi.no/api/open/v1' }),
  STATS_REQUESTS_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 600, default: 30 }),
  STATS_TIMEOUT_MS: Type.Integer({ minimum: 100, default: 30_000 }),
  STATS_MAX_RETRY_AFTER_SECONDS: Type.Integer({ minimum: 0, default: 120 }),
  STATS_IMPORT_EVERY_DAYS: Type.Number({ minimum: 0, default: 7 }),
  STATS_SCHEDULER_CHECK_SECONDS: Type.Integer({ minimum: 1, default: 600 }),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^/?#]+$' })),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  MAIL_FROM: Type.String({ minLength: 3, default: 'SLT <slt@localhost>' }),
  MAIL_POLL_MS: Type.Integer({ minimum: 100, default: 5000 }),
  MAIL_RETRY_SECONDS: Type.Integer({ minimum: 1, default: 30 }),
  MAIL_DIGEST_WEEKDAY: Type.Integer({ minimum: 1, maximum: 7, default: 1 }),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Undefined: run on embedded PGlite persisted under `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** Load demo data on start (default: on with the embedded database, off with DATABASE_URL). */
  readonly demoData: boolean;
  readonly logLevel: string;
  /** Where the built web client is; served from `/` when it exists. */
  readonly webDistDir: string;
  /** Where the built widget is; served at /widget/slt-organization.js. */
  readonly widgetDistDir: string;
  /**
   * Which proxies' X-Forwarded-For / -Proto to believe: false (none), or their addresses/subnets
   * (`172.28.5.0/24`, `10.0.0.2`, `loopback`). Not a hop count: Fastify cannot check the peer with
   * one and ignores it. `true` believes any client's header (a client then picks its own address).
   */
  readonly trustProxy: boolean | string;
  readonly dbPoolMax: number;
  readonly dbConnectionTimeoutMs: number;
  readonly shutdownTimeoutMs: number;
  /** statement_timeout and lock_timeout of every API request's statements (ms; 0 = none). PostgreSQL only. */
  readonly dbStatementTimeoutMs: number;
  readonly dbLockTimeoutMs: number;
  /** The same for an import's transaction, which may rightly take minutes. */
  readonly importStatementTimeoutMs: number;
  readonly importLockTimeoutMs: number;
  /** Imports of one process in their transaction at once (default: half the pool, at least 1). */
  readonly importConcurrentTransactions: number;
  /** Imports and exports one caller (user or token) may have running at once, per process. */
  readonly exchangeConcurrencyPerCaller: number;
  /**
   * Signs access tokens; every replica needs the same one. Unset with the embedded database: one
   * is generated and kept in DATA_DIR. Required with DATABASE_URL.
   */
  readonly jwtSecret: string | undefined;
  /**
   * Encrypts the secrets kept in the database (OpenID client secrets and private keys): 32 bytes,
   * base64. Unset: derived from the JWT secret with HKDF.
   */
  readonly secretsKey: string | undefined;
  /** Anonymous API requests allowed per client address and minute; 0 turns the limit off. */
  readonly rateLimitAnonymousPerMinute: number;
  /** Invalid tokens (bearer or slt_) one address may send a minute before its credentials get 429; 0 = no limit. */
  readonly failedCredentialsPerMinute: number;
  /** Imports and exports one caller (user or token) may start a minute, across replicas; 0 = no limit. */
  readonly exchangePerCallerPerMinute: number;
  /** Caps: active API tokens of one municipality, calendar feeds of one user (409 beyond). */
  readonly apiTokensPerMunicipality: number;
  readonly calendarFeedsPerUser: number;
  /** The largest import body (bytes) and the most items it may hold (413 beyond). */
  readonly importMaxBytes: number;
  readonly importMaxItems: number;
  /** Statistics sources (no trailing slash): SSB's PxWebApi v2, SSB's KLASS, FHI's open API. */
  readonly ssbApiUrl: string;
  readonly klassApiUrl: string;
  readonly fhiApiUrl: string;
  /** Requests to one source a minute from this process (SSB allows 30 per address). */
  readonly statsRequestsPerMinute: number;
  readonly statsTimeoutMs: number;
  /** The longest Retry-After an import waits for before it fails. */
  readonly statsMaxRetryAfterSeconds: number;
  /** The scheduled import of every linked indicator, every N days; 0 = off. */
  readonly statsImportEveryDays: number;
  readonly statsSchedulerCheckSeconds: number;
  /**
   * The product's address as browsers and mail readers see it (`https://slt.kommune.no`): the
   * OpenID redirect URI and links in mails. Unset: the request's own origin (and no links in mails
   * sent by the worker beyond `http://localhost:PORT`).
   */
  readonly publicUrl: string | undefined;
  /** `smtp://user:pass@host:587` or `smtps://…`; unset: mails wait in the outbox and are shown in the web client. */
  readonly smtpUrl: string | undefined;
  /** The sender of every mail (`SLT Kongsvinger <slt@kongsvinger.kommune.no>`). */
  readonly mailFrom: string;
  /** How often the mail worker looks for due mail. */
  readonly mailPollMs: number;
  /** The first retry of a failed mail; doubles per attempt up to an hour, 8 attempts in all. */
  readonly mailRetrySeconds: number;
  /**
   * The ISO weekday (1 = Monday … 7 = Sunday, Europe/Oslo) the weekly digests are queued on;
   * null (tests only: not settable from the environment) for no digests.
   */
  readonly mailDigestWeekday: number | null;
}

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw = Object.fromEntries(
    Object.keys(EnvSchema.properties).flatMap((key) => {
      const value = env[key];
      return value === undefined || value === '' ? [] : [[key, value]];
    }),
  );
  const parsed = Value.Default(EnvSchema, Value.Convert(EnvSchema, raw));
  if (!Value.Check(EnvSchema, parsed)) {
    const problems = [...Value.Errors(EnvSchema, parsed)].map((e) => `${e.instancePath.slice(1) || 'environment'} ${e.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed;
  if (e.SECRETS_KEY !== undefined && Buffer.from(e.SECRETS_KEY, 'base64').length !== 32) {
    throw new ConfigError('Invalid configuration: SECRETS_KEY must be 32 bytes in base64 (openssl rand -base64 32)');
  }
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    demoData: e.DEMO_DATA === undefined ? e.DATABASE_URL === undefined : e.DEMO_DATA === 'true',
    logLevel: e.LOG_LEVEL,
    webDistDir: path.resolve(e.WEB_DIST_DIR ?? path.join(apiRoot, '..', 'web', 'dist')),
    widgetDistDir: path.resolve(e.WIDGET_DIST_DIR ?? path.join(apiRoot, '..', 'widget', 'dist')),
    trustProxy: e.TRUST_PROXY === 'true' ? true : e.TRUST_PROXY === 'false' ? false : e.TRUST_PROXY,
    dbPoolMax: e.DB_POOL_MAX,
    dbConnectionTimeoutMs: e.DB_CONNECTION_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    dbStatementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
    dbLockTimeoutMs: e.DB_LOCK_TIMEOUT_MS,
    importStatementTimeoutMs: e.IMPORT_STATEMENT_TIMEOUT_MS,
    importLockTimeoutMs: e.IMPORT_LOCK_TIMEOUT_MS,
    importConcurrentTransactions: e.IMPORT_CONCURRENT_TRANSACTIONS ?? Math.max(1, Math.floor(e.DB_POOL_MAX / 2)),
    exchangeConcurrencyPerCaller: e.EXCHANGE_CONCURRENCY_PER_CALLER,
    jwtSecret: e.JWT_SECRET,
    secretsKey: e.SECRETS_KEY,
    rateLimitAnonymousPerMinute: e.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
    failedCredentialsPerMinute: e.FAILED_CREDENTIALS_PER_MINUTE,
    exchangePerCallerPerMinute: e.EXCHANGE_PER_CALLER_PER_MINUTE,
    apiTokensPerMunicipality: e.API_TOKENS_PER_MUNICIPALITY,
    calendarFeedsPerUser: e.CALENDAR_FEEDS_PER_USER,
    importMaxBytes: e.IMPORT_MAX_BYTES,
    importMaxItems: e.IMPORT_MAX_ITEMS,
    ssbApiUrl: e.SSB_API_URL.replace(/\/+$/, ''),
    klassApiUrl: e.KLASS_API_URL.replace(/\/+$/, ''),
    fhiApiUrl: e.FHI_API_URL.replace(/\/+$/, ''),
    statsRequestsPerMinute: e.STATS_REQUESTS_PER_MINUTE,
    statsTimeoutMs: e.STATS_TIMEOUT_MS,
    statsMaxRetryAfterSeconds: e.STATS_MAX_RETRY_AFTER_SECONDS,
    statsImportEveryDays: e.STATS_IMPORT_EVERY_DAYS,
    statsSchedulerCheckSeconds: e.STATS_SCHEDULER_CHECK_SECONDS,
    publicUrl: e.PUBLIC_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailPollMs: e.MAIL_POLL_MS,
    mailRetrySeconds: e.MAIL_RETRY_SECONDS,
    mailDigestWeekday: e.MAIL_DIGEST_WEEKDAY,
  });
}
