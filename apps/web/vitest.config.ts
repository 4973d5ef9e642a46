import { reporters, startFirst } from '@slt/testing/vitest';
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
    // Each browser test file has its own API process (a copy of the prepared database) and its
    // own Chromium; two files run side by side, whether the machine is idle or busy. With axe
    // loaded once per page and pages opened inside the app, a browser test waits little: three
    // files at once made the whole test command slower on an idle machine (495 s against 453 s,
    // 2026-12-05), as they only split the same two cores further.
    maxWorkers: 2,
    // One module graph per worker, not one per file (playwright-core, axe and the API's test
    // helpers imported once per worker): each browser test file starts its own API process and
    // Chromium, so no state is shared through modules.
    isolate: false,
    // The longest files first (seconds each took in the whole test command on an idle machine,
    // 2026-12-05), so none starts late and finishes alone; the rest follow, longer ones first.
    sequence: {
      sequencer: startFirst([
        'e2e/sso.e2e.test.ts', // 108
        'e2e/reports.e2e.test.ts', // 96
        'e2e/workspace.e2e.test.ts', // 71
        'e2e/meetings.e2e.test.ts', // 53
        'e2e/slt-setup.e2e.test.ts', // 53
        'e2e/accessibility-nb.e2e.test.ts', // 49
        'e2e/security.e2e.test.ts', // 46
        'e2e/plans.e2e.test.ts', // 42
      ]),
    },
    // Sized for a busy two-core machine: a browser test walks a journey of several pages, each
    // rendered by Chromium and answered by the API process beside it (the longest took 102 s at
    // load 19, against about 25 s on an idle machine).
    testTimeout: 240_000,
    // `expect.poll` waits for what a page shows (its title, a field's error) as a user would; Vitest's
    // default of 1 s is less than a busy machine takes to render a route (seen: the search page's
    // title after 1 s at load 40). A browser step may take 90 s (e2e/harness.ts); a poll as long.
    expect: { poll: { timeout: 90_000 } },
    hookTimeout: 180_000,
  },
});
