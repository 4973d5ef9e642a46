import { defineConfig } from 'vite';

/** One self-contained ES module, served by the API at /widget/slt-organization.js. */
export default defineConfig({
  resolve: { conditions: ['source'] },
  build: {
    lib: { entry: 'src/slt-organization.ts', formats: ['es'], fileName: () => 'slt-organization.js' },
    target: 'es2022',
    sourcemap: true,
  },
});
