import closeWithGrace from 'close-with-grace';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

/**
 * On SIGTERM/SIGINT (or a fatal error): stop accepting connections, let in-flight requests
 * finish, then close the database and exit 0. A second signal, or `timeoutMs`, forces exit 1.
 */
export function installGracefulShutdown(options: {
  app: FastifyInstance;
  closeDatabase: () => Promise<void>;
  logger: FastifyBaseLogger;
  timeoutMs: number;
}) {
  const { app, closeDatabase, logger, timeoutMs } = options;
  closeWithGrace({ delay: timeoutMs, logger }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'shutting down after an error');
    else logger.info({ signal }, 'shutting down: finishing in-flight requests');
    // Node closes only the connections idle at close() time; a keep-alive connection whose
    // request finishes later would hold the process until the timeout. Close those as they idle.
    const sweeper = setInterval(() => app.server.closeIdleConnections(), 100);
    try {
      await app.close();
    } finally {
      clearInterval(sweeper);
    }
    await closeDatabase();
  });
}
