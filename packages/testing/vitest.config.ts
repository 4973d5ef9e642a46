import { defineConfig } from 'vitest/config';
import { reporters } from './src/vitest-config.js';

export default defineConfig({
  test: { include: ['src/**/*.test.ts'], environment: 'node', reporters, testTimeout: 60_000 },
});
