import type { Socket } from 'node:net';
import closeWithGrace from 'close-with-grace';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** A keep-alive connection left unused this long during a shutdown is closed (its client is not sending). */
const IDLE_GRACE_MS = 500;

declare module 'fastify' {
  interface FastifyInstance {
    /** Shutdown state: `draining` once the app is closing; `sweep()` closes the connections idle long enough. */
    drain: { draining: boolean; start(): void; sweep(): void };
  }
}

/**
 * Keeps track of every connection and whether a request is running on it, so that a shutdown can
 * close keep-alive connections only between requests: from SIGTERM on, every answer says
 * `Connection: close` (the client then opens its next connection elsewhere), and a connection
 * without a request for IDLE_GRACE_MS is closed. No request is cut off or refused half-way.
 */
export const drainPlugin = fp(
  async (app: FastifyInstance) => {
    const connections = new Map<Socket, { running: number; idleSince: number }>();
    app.server.on('connection', (socket: Socket) => {
      connections.set(socket, { running: 0, idleSince: Date.now() });
      socket.once('close', () => connections.delete(socket));
    });
    const drain = {
      draining: false,
      start() {
        drain.draining = true;
        const now = Date.now();
        // Connections idle when the shutdown starts get the full grace too.
        for (const state of connections.values()) state.idleSince = Math.max(state.idleSince, now - IDLE_GRACE_MS / 2);
      },
      sweep() {
        const now = Date.now();
        for (const [socket, state] of connections) {
          if (state.running === 0 && now - state.idleSince >= IDLE_GRACE_MS) socket.destroy();
        }
      },
    };
    app.decorate('drain', drain);
    // However the app is closed (a signal, a test's cleanup): drain, and close connections as they idle.
    let sweeper: NodeJS.Timeout | undefined;
    app.addHook('preClose', (done) => {
      drain.start();
      // Node's server.close() would close every idle keep-alive connection at once, also one its
      // client is writing a request to that very moment: only those idle for the grace period go.
      app.server.closeIdleConnections = () => drain.sweep();
      sweeper = setInterval(() => drain.sweep(), 100);
      drain.sweep();
      done();
    });
    app.addHook('onClose', (_app, done) => {
      clearInterval(sweeper);
      done();
    });
    app.addHook('onRequest', (request, reply, done) => {
      const state = connections.get(request.raw.socket);
      if (state) state.running += 1;
      if (drain.draining) reply.header('connection', 'close');
      done();
    });
    app.addHook('onResponse', (request, _reply, done) => {
      const state = connections.get(request.raw.socket);
      if (state) {
        state.running = Math.max(0, state.running - 1);
        state.idleSince = Date.now();
      }
      done();
    });
  },
  { name: 'drain' },
);

/**
 * On SIGTERM/SIGINT (or a fatal error): stop accepting connections, finish every request in
 * flight and every request that still arrives on an open connection (answered with
 * `Connection: close`), close keep-alive connections between requests, then close the database
 * and exit 0. A second signal, or `timeoutMs`, forces exit 1.
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
    // The drain plugin's preClose hook answers with `Connection: close` from now on and closes idle connections.
    await app.close();
    await closeDatabase();
  });
}
