import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { databaseOptions } from './db/options.js';
import { prepareDatabase } from './db/prepare.js';
import { createLogger } from './logger.js';

/** Process entry: config → database → app → listen, with a graceful shutdown on SIGTERM/SIGINT. */
const config = loadConfig();
const logger = createLogger(config);
const database = await openDatabase(databaseOptions(config, logger));
const reference = await prepareDatabase(database, { demoData: config.demoData });
logger.info({ database: database.kind, demoData: config.demoData, ...reference }, 'database ready');

const app = await buildApp({ config, database, logger });

// In-flight requests finish (Fastify stops accepting, answers 503 to new ones on kept-alive
// connections and waits); then the database closes. A second signal or the timeout forces exit.
closeWithGrace({ delay: config.shutdownTimeoutMs, logger }, async ({ signal, err }) => {
  if (err) logger.error({ err }, 'shutting down after an error');
  else logger.info({ signal }, 'shutting down');
  await app.close();
  await database.close();
});

await app.listen({ port: config.port, host: config.host });
