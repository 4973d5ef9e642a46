import { reporters, startFirst } from '@slt/testing/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Resolve @slt/shared to its TypeScript source: tests need no build step.
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Prepares the databases every test copies (see test/database-templates.ts) and reaps child processes.
    globalSetup: ['test/global-setup.ts'],
    reporters,
    // One module graph per worker, not one per file: importing the app (Fastify, every module, the
    // compiled contract) took 80 s of the suite's summed time when each of the 48 files paid it,
    // 20 s when each worker pays it once. Safe because every test builds its own app and database,
    // and the sources keep no mutable module state (only constant tables).
    isolate: false,
    // Two files at once: a good part of many files is waiting, not CPU (a throttle window or
    // Retry-After to pass, a child process to start or stop, a slow upload, a retry pause), and the
    // browser and CLI suites run beside this one. Three at once made the whole test command slower
    // on an idle machine (495 s against 453 s, 2026-12-05): the cores were already full.
    maxWorkers: 2,
    // The longest files first (seconds each took in the whole test command on an idle machine,
    // 2026-12-05), so none starts late and finishes alone.
    sequence: {
      sequencer: startFirst([
        'src/modules/exchange/exchange.test.ts', // 110
        'test/tenancy.test.ts', // 90
        'test/contract-rules.test.ts', // 47
        'test/cli.test.ts', // 37
        'test/shutdown-load.test.ts', // 24
        'test/throttles.test.ts', // 22
      ]),
    },
    // Sized for a busy two-core machine on which the browser suite runs beside this one (see
    // packages/testing/bin/test-all.mjs): one test is a handful of HTTP requests on an embedded
    // database (well under a second idle, up to 20 s at load 27); opening a test app copies a
    // prepared database, in a hook. Heavier tests say so with a limit of their own.
    testTimeout: 45_000,
    // A file's hooks open its test apps and write the data its tests share: the tenancy matrix
    // seeds two municipalities through every write route (14 s idle, over 60 s at load 24 beside
    // the browser suite).
    hookTimeout: 180_000,
  },
});
