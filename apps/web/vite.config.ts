import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress';
import { appShell } from './scripts/app-shell';
import { routePreload } from './scripts/route-preload';

const entry = fileURLToPath(new URL('./src/main.tsx', import.meta.url));
/** Designsystemet's barrel imports every component: its modules are left to the bundler's tree-shaking and chunking. */
const DESIGNSYSTEMET = /designsystemet|@u-elements|@floating-ui/;

/**
 * One chunk for what every page loads: the modules main.tsx imports, directly or through others
 * (React, the router, TanStack Query, i18next, the layout, the API client, …). Left to itself the
 * bundler cut them into a dozen chunks by which pages share them (the public SLT page loaded 19
 * files, sign-in 16; now 10 and 7, and the SLT page 2.3 KB less gzip), and each was one more request
 * before a page could render: over HTTP/1.1's six connections to a phone, about a round trip each.
 * Found by walking static imports from main.tsx once per build (a page's own modules are imported
 * dynamically).
 */
function shellGroup() {
  let shell: Set<string> | undefined;
  return (id: string, ctx: { getModuleInfo: (id: string) => { importedIds: readonly string[] } | null }) => {
    if (!shell) {
      shell = new Set([entry]);
      for (const module of shell) for (const imported of ctx.getModuleInfo(module)?.importedIds ?? []) shell.add(imported);
    }
    return shell.has(id) && !DESIGNSYSTEMET.test(id) ? 'shell' : null;
  };
}

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
      output: {
        codeSplitting: {
          groups: [{ name: shellGroup() }],
        },
      },
    },
  },
});
