import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The prepared embedded database: a PGlite data directory with the migrations applied and the
 * reference data loaded, made once at build time (`pnpm build`, see pglite-seed-build.ts) as a
 * gzipped tarball beside the built code. A first start loads it instead of running `initdb` in a
 * second WebAssembly instance, which is what made a first start slow and large (about 900 MB).
 * The start still applies the migrations and the reference data, so a seed older than the code is
 * merely slower, never wrong.
 */
const apiRoot = fileURLToPath(new URL('../..', import.meta.url));
export const SEED_FILE = path.join(apiRoot, 'dist', 'pglite-seed.tar.gz');
export const SEED_KEY_FILE = path.join(apiRoot, 'dist', 'pglite-seed.key');

function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  return (JSON.parse(readFileSync(path.join(entry, '../../package.json'), 'utf8')) as { version: string }).version;
}

/** What the seed is made of: the migrations, the reference data and the PGlite version. */
export function seedKey(): string {
  const hash = createHash('sha256').update(pgliteVersion());
  for (const dir of ['drizzle', 'data']) {
    const root = path.join(apiRoot, dir);
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const file = path.join(folder, entry.name);
        if (entry.isDirectory()) walk(file);
        else hash.update(path.relative(apiRoot, file)).update(readFileSync(file));
      }
    };
    if (existsSync(root)) walk(root);
  }
  return hash.digest('hex');
}

/** The seed as a Blob, when one was built from this code's migrations, reference data and PGlite. */
export function readSeed(): Blob | undefined {
  if (!existsSync(SEED_FILE) || !existsSync(SEED_KEY_FILE) || readFileSync(SEED_KEY_FILE, 'utf8') !== seedKey()) return undefined;
  return new Blob([readFileSync(SEED_FILE)], { type: 'application/x-gzip' });
}
