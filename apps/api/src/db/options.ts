import type { Config } from '../config.js';
import type { DatabaseLogger, DatabaseOptions } from './client.js';

/** Which database the configuration asks for: a pg Pool with DATABASE_URL, else embedded PGlite. */
export function databaseOptions(config: Config, logger: DatabaseLogger): DatabaseOptions {
  return config.databaseUrl
    ? {
        kind: 'postgres',
        url: config.databaseUrl,
        poolMax: config.dbPoolMax,
        connectionTimeoutMs: config.dbConnectionTimeoutMs,
        statementTimeoutMs: config.dbStatementTimeoutMs,
        lockTimeoutMs: config.dbLockTimeoutMs,
        logger,
      }
    : { kind: 'pglite', dataDir: config.dataDir };
}
