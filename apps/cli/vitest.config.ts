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
    // Each integration file starts its own API process; one at a time keeps the machine calm.
    fileParallelism: false,
    // Sized for a busy two-core machine: a test runs the CLI as a process (tsx compiles it: seconds
    // of CPU) against the API process, some of them several times.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
