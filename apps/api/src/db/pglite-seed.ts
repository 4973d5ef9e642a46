import { createHash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';

/**
 * The prepared embedded database: a PGlite data directory with the migrations applied and the
 * reference data loaded, made once at build time (`pnpm build`, see pglite-seed-build.ts) as a
 * gzipped tarball beside the built code. A first start loads it instead of running `initdb` in a
 * second WebAssembly instance, which is what made a first start slow and large (about 900 MB).
 * The start still applies the migrations and the reference data, so a seed older than the code is
 * merely slower, never wrong.
 *
 * A first start unpacks the tarball into the data directory on disk as a stream (extractSeed)
 * before PGlite opens it, so PGlite starts as it does on every later start. Handing the tarball
 * to PGlite's `loadDataDir` instead holds it whole in memory twice (unzipped, then cut into files)
 * and writes it through the WebAssembly file system: about 120 MB more at the peak and a second
 * slower.
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

/** Whether dist/ holds a seed made from this code's migrations, reference data and PGlite. */
const seedIsCurrent = () => existsSync(SEED_FILE) && existsSync(SEED_KEY_FILE) && readFileSync(SEED_KEY_FILE, 'utf8') === seedKey();

/** Unpacks the seed into `dir` (see unpackDataDir) when there is a current one; false when there is none. */
export async function extractSeed(dir: string): Promise<boolean> {
  if (!seedIsCurrent()) return false;
  await unpackDataDir(SEED_FILE, dir);
  return true;
}

/**
 * Unpacks a gzipped data directory as PGlite's `dumpDataDir` writes it (ustar, directories and
 * regular files only, names relative to the data directory) into `dir`, which must not exist or
 * be empty. The tarball is read as a stream and unpacked into a sibling directory that is renamed
 * into place at the end, so a start that dies half-way leaves no half data directory behind.
 */
export async function unpackDataDir(tarball: string, dir: string): Promise<void> {
  const temporary = `${dir}.unpacking`;
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true, mode: 0o700 });
  try {
    await untar(tarball, temporary);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
  if (existsSync(dir)) rmdirSync(dir); // empty (see above)
  renameSync(temporary, dir);
}

const BLOCK = 512;
const field = (header: Buffer, start: number, length: number) => {
  const end = header.indexOf(0, start);
  return header.toString('latin1', start, end >= 0 && end < start + length ? end : start + length);
};

/** Unpacks a gzipped ustar file into `into`, entry by entry as its bytes arrive. */
async function untar(file: string, into: string): Promise<void> {
  let pending: Buffer = Buffer.alloc(0);
  let current: { fd: number; left: number; padding: number } | undefined;
  let skip = 0;
  const target = (name: string) => {
    const resolved = path.resolve(into, `.${path.posix.normalize(`/${name}`)}`);
    if (resolved !== into && !resolved.startsWith(into + path.sep)) throw new Error(`seed entry outside the data directory: ${name}`);
    return resolved;
  };
  for await (const chunk of createReadStream(file).pipe(createGunzip()) as AsyncIterable<Buffer>) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let at = 0;
    for (;;) {
      if (skip) {
        const skipped = Math.min(skip, pending.length - at);
        at += skipped;
        skip -= skipped;
        if (skip) break;
      }
      if (current) {
        const take = Math.min(current.left, pending.length - at);
        writeSync(current.fd, pending, at, take);
        at += take;
        current.left -= take;
        if (current.left) break;
        closeSync(current.fd);
        skip = current.padding;
        current = undefined;
        continue;
      }
      if (pending.length - at < BLOCK) break;
      const header = pending.subarray(at, at + BLOCK);
      at += BLOCK;
      if (header.every((byte) => byte === 0)) continue; // the end-of-archive blocks
      const name = [field(header, 345, 155), field(header, 0, 100)].filter(Boolean).join('/');
      const mode = parseInt(field(header, 100, 8), 8) & 0o777;
      const size = parseInt(field(header, 124, 12), 8) || 0;
      const type = field(header, 156, 1) || '0';
      if (type === '5') mkdirSync(target(name), { recursive: true, mode: mode || 0o700 });
      else if (type === '0') {
        mkdirSync(path.dirname(target(name)), { recursive: true, mode: 0o700 });
        current = { fd: openSync(target(name), 'w', mode || 0o600), left: size, padding: (BLOCK - (size % BLOCK)) % BLOCK };
        if (size === 0) {
          closeSync(current.fd);
          current = undefined;
        }
      } else throw new Error(`seed entry of an unexpected type ${type}: ${name}`);
    }
    pending = pending.subarray(at);
  }
  if (current) throw new Error('the seed ends in the middle of a file');
}
