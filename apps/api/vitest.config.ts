import { reporters } from '@slt/testing/vitest';
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
    // Both cores of a small machine (vitest's default leaves one for itself: its main process idles).
    maxWorkers: 2,
    // Sized for a busy two-core machine: one test is a handful of HTTP requests on an embedded
    // database (well under a second idle); opening a test app copies a prepared database (a second or two).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
