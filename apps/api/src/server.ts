import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { databaseOptions } from './db/options.js';
import { prepareDatabase } from './db/prepare.js';
import { installGracefulShutdown } from './lib/graceful-shutdown.js';
import { createLogger } from './logger.js';

/** Process entry: config → database → app → listen, with a graceful shutdown on SIGTERM/SIGINT. */
const config = loadConfig();
const logger = createLogger(config);
const database = await openDatabase(databaseOptions(config, logger));
const reference = await prepareDatabase(database, { demoData: config.demoData });
logger.info({ database: database.kind, demoData: config.demoData, ...reference }, 'database ready');

const app = await buildApp({ config, database, logger });

installGracefulShutdown({ app, closeDatabase: database.close, logger, timeoutMs: config.shutdownTimeoutMs });
await app.listen({ port: config.port, host: config.host });
