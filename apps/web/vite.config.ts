import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Preloads the bundled Inter's Latin subset (the only one Norwegian text needs) from index.html, so
 * that it has arrived when the app first paints: no late swap from the fallback font, no layout shift.
 */
function preloadLatinFont(): Plugin {
  return {
    name: 'slt-preload-latin-font',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const font = Object.keys(bundle ?? {}).find((file) => /inter-latin-wght-normal-[^/]*\.woff2$/.test(file));
        if (!font)
          throw new Error('the Latin subset of Inter is not in the bundle: has @fontsource-variable/inter changed its file names?');
        return [
          { tag: 'link', attrs: { rel: 'preload', href: `/${font}`, as: 'font', type: 'font/woff2', crossorigin: '' }, injectTo: 'head' },
        ];
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), preloadLatinFont()],
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
