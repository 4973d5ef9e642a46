import { reporters } from '@slt/testing/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  test: { include: ['src/**/*.test.ts'], environment: 'node', reporters },
});
