/**
 * Build step (`pnpm build`): makes the prepared embedded database (see pglite-seed.ts) unless the
 * one in dist/ was made from the same migrations, reference data and PGlite version.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { openDatabase } from './client.js';
import { SEED_FILE, SEED_KEY_FILE, seedKey } from './pglite-seed.js';
import { prepareDatabase } from './prepare.js';

const key = seedKey();
if (existsSync(SEED_FILE) && existsSync(SEED_KEY_FILE) && readFileSync(SEED_KEY_FILE, 'utf8') === key) {
  console.log('embedded database seed: up to date');
} else {
  const started = performance.now();
  const database = await openDatabase({ kind: 'pglite', dataDir: undefined });
  try {
    await prepareDatabase(database, { demoData: false });
    const tarball = gzipSync(Buffer.from(await (await database.snapshot!()).arrayBuffer()));
    writeFileSync(`${SEED_FILE}.tmp`, tarball);
    renameSync(`${SEED_FILE}.tmp`, SEED_FILE);
    writeFileSync(SEED_KEY_FILE, key);
  } finally {
    await database.close();
  }
  console.log(`embedded database seed: built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
