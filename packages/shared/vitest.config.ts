import { reporters } from '@slt/testing/vitest';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['src/**/*.test.ts'], environment: 'node', reporters },
});
