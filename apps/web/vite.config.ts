import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress';
import { appShell } from './scripts/app-shell';
import { routePreload } from './scripts/route-preload';

export default defineConfig({
  plugins: [react(), appShell(), routePreload(), precompress()],
  // @slt/shared from its TypeScript source: no build step between contract and client.
  resolve: { conditions: ['source'] },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: {
    sourcemap: true,
    // dist/.vite/manifest.json: the bench reads each route's chunks from it.
    manifest: true,
    rolldownOptions: {
      // Designsystemet's package does not declare `sideEffects`, so every component it has would be
      // bundled; its modules only define components (its CSS comes from designsystemet-css).
      treeshake: { moduleSideEffects: [{ test: /@digdir[\\/]designsystemet-react/, sideEffects: false }] },
    },
  },
});
