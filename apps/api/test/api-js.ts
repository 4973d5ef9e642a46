import { existsSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The API's source as plain JavaScript, for the API processes that other packages' tests start
 * (the browser tests, the CLI's): made once per test run, in about a second, so that each of those
 * processes starts with `node server.js` instead of loading TypeScript through tsx's loader
 * (about 2 s of CPU less per start, measured: 6.8 → 4.9 CPU-s to ready with the demo data).
 *
 * Each file is transpiled on its own (no bundle, no type check: the typecheck script does that),
 * into `<root>/src/` beside links to the API's `drizzle/`, `data/`, `package.json` and
 * `node_modules/`, so the paths the code finds from its own location (the migrations, the
 * reference data, its version, its packages) are the same as under `src/`.
 */
const apiRoot = fileURLToPath(new URL('..', import.meta.url));
const sharedRoot = path.resolve(apiRoot, '../../packages/shared');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /(?<!\.test|\.d)\.ts$/.test(entry.name) ? [file] : [];
  });
}

function newestChange(folder: string): number {
  return Math.max(...sourceFiles(folder).map((file) => statSync(file).mtimeMs));
}

/**
 * Builds the JavaScript into `root` and returns its server's path; undefined when the shared
 * package's build (which plain Node loads, where tsx loads its source) is missing or older than its
 * source: then the processes run under tsx as before, so a test never runs against a stale contract.
 */
export async function buildApiJs(root: string): Promise<string | undefined> {
  const sharedBuild = path.join(sharedRoot, 'dist', 'index.js');
  if (!existsSync(sharedBuild) || statSync(sharedBuild).mtimeMs < newestChange(path.join(sharedRoot, 'src'))) return undefined;
  const src = path.join(apiRoot, 'src');
  await build({
    entryPoints: sourceFiles(src),
    outdir: path.join(root, 'src'),
    outbase: src,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  for (const name of ['drizzle', 'data', 'package.json', 'node_modules']) symlinkSync(path.join(apiRoot, name), path.join(root, name));
  return path.join(root, 'src', 'server.js');
}
