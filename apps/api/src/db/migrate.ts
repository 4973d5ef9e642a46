/**
 * `pnpm db:migrate`: applies the committed migrations to the configured database
 * (DATABASE_URL, else the embedded one under DATA_DIR) and exits.
 */
import { pino } from 'pino';
import { loadConfig } from '../config.js';
import { databaseOptions } from './options.js';
import { openDatabase } from './client.js';

const config = loadConfig();
const logger = pino({ level: config.logLevel });
const database = await openDatabase(databaseOptions(config, logger));
try {
  await database.migrate();
  logger.info({ database: database.kind }, 'migrations applied');
} finally {
  await database.close();
}
