import { reporters } from '@slt/testing/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Resolve @slt/shared to its TypeScript source: tests need no build step.
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // The prepared database every API process of these tests copies, and the reaper of child processes.
    globalSetup: ['test/global-setup.ts'],
    reporters,
    // The two integration files (import.test.ts, export-and-failures.test.ts) each start their own
    // API process and run side by side: most of a CLI test is waiting (on the API, on the CLI's own
    // start, on its retry pauses), so two at once fill the time one leaves idle.
    maxWorkers: 2,
    // Sized for a busy two-core machine: a test runs the CLI as a process (tsx compiles it: seconds
    // of CPU) against the API process, some of them several times.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
