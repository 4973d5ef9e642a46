import path from 'node:path';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { databaseOptions } from './db/options.js';
import { prepareDatabase } from './db/prepare.js';
import { installGracefulShutdown } from './lib/graceful-shutdown.js';
import { readOrCreateSecret } from './lib/secret-file.js';
import { createLogger } from './logger.js';

/** Process entry: config → database → app → listen, with a graceful shutdown on SIGTERM/SIGINT. */
const config = loadConfig();
const logger = createLogger(config);
const database = await openDatabase(databaseOptions(config, logger));
const reference = await prepareDatabase(database, { demoData: config.demoData });
logger.info({ database: database.kind, demoData: config.demoData, ...reference }, 'database ready');

// Replicas on a shared PostgreSQL must share the signing secret: it cannot be generated per process.
if (config.databaseUrl && !config.jwtSecret) {
  logger.fatal('JWT_SECRET (32+ characters) is required with DATABASE_URL');
  process.exit(1);
}
const jwtSecret = config.jwtSecret ?? (await readOrCreateSecret(path.join(config.dataDir, 'jwt-secret')));
const app = await buildApp({ config, database, logger, jwtSecret });

installGracefulShutdown({ app, closeDatabase: database.close, logger, timeoutMs: config.shutdownTimeoutMs });
await app.listen({ port: config.port, host: config.host });
