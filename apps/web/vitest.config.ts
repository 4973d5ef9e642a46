import { reporters } from '@slt/testing/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    environment: 'node',
    // The prepared database every API process of these tests copies, and the reaper of child processes.
    globalSetup: ['e2e/global-setup.ts'],
    reporters,
    // Browser tests share one API process and one browser per file; files run one at a time.
    fileParallelism: false,
    // Sized for a busy two-core machine: a browser test walks a journey of several pages, each
    // rendered by Chromium and answered by the API process beside it.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
