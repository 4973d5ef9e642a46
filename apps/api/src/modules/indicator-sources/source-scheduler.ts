import type { FastifyBaseLogger } from 'fastify';
import type { IndicatorSourcesService } from './indicator-sources.service.js';

/**
 * The weekly import of every linked indicator, in the API process: every `checkEveryMs` it takes
 * the links that are due, one at a time, each claimed in PostgreSQL with `FOR UPDATE SKIP LOCKED`
 * (so several replicas share the work and never import one link twice at once). A failure is kept
 * on the link (the coordinator sees it) and logged without the source's answer.
 */
export function startSourceScheduler(options: { service: IndicatorSourcesService; checkEveryMs: number; log: FastifyBaseLogger }) {
  const { service, checkEveryMs, log } = options;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = service
      .runDue({ type: 'system', id: null, label: 'scheduled statistics import' }, (indicatorId, error) =>
        log.warn({ indicatorId, error: error.message }, 'scheduled statistics import failed'),
      )
      .then(
        (count) => count > 0 && log.info({ count }, 'scheduled statistics import done'),
        (error: Error) => log.warn({ error: error.name }, 'scheduled statistics import could not run'),
      );
  };
  const timer = setInterval(() => {
    if (!stopped) tick();
  }, checkEveryMs);
  timer.unref();
  return {
    /** Stops the timer and waits for the round that is running. */
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
