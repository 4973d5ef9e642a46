import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { unpackDataDir } from './pglite-seed.js';

const work = mkdtempSync(path.join(tmpdir(), 'slt-seed-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('unpackDataDir: the first start unpacks the seed on disk', () => {
  // Opens an embedded database from the unpacked copy: a few seconds idle, far more on a busy machine.
  it(
    'the prepared database of this run (a PGlite dump) opens again from the unpacked copy, with its rows',
    { timeout: 120_000 },
    async () => {
      const tarball = path.join(work, 'base.tar.gz');
      writeFileSync(tarball, gzipSync(readFileSync(inject('sltTemplates').pglite.base.tarball), { level: 1 }));

      const dir = path.join(work, 'pglite');
      await unpackDataDir(tarball, dir);
      expect(readdirSync(work)).not.toContain('pglite.unpacking');
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      const copy = new PGlite(dir);
      try {
        const { rows } = await copy.query<{ n: number; name: string }>(
          `select count(*)::int as n, (select name from municipalities where kommunenummer = '3401') as name from municipalities`,
        );
        expect(rows).toEqual([{ n: 357, name: 'Kongsvinger' }]);
      } finally {
        await copy.close();
      }
    },
  );

  it('unpacks any ustar file byte for byte: empty files, block-sized ones, long paths', async () => {
    const tree = path.join(work, 'tree');
    const long = path.join(tree, 'a'.repeat(60), 'b'.repeat(60));
    mkdirSync(long, { recursive: true });
    const files: Record<string, Buffer> = {
      empty: Buffer.alloc(0),
      block: Buffer.alloc(512, 7),
      odd: Buffer.from('x'.repeat(1000)),
      [path.relative(tree, path.join(long, 'deep'))]: Buffer.from('deep inside'),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(tree, name), bytes);
    const tarball = path.join(work, 'tree.tar.gz');
    execFileSync('tar', ['--format=ustar', '-czf', tarball, '-C', tree, '.']);

    const dir = path.join(work, 'out');
    await unpackDataDir(tarball, dir);
    for (const [name, bytes] of Object.entries(files)) expect(readFileSync(path.join(dir, name)).equals(bytes)).toBe(true);
  });

  it('a truncated tarball fails and leaves nothing behind', async () => {
    const tree = path.join(work, 'big');
    mkdirSync(tree);
    writeFileSync(path.join(tree, 'file'), Buffer.alloc(100_000, 1));
    const full = execFileSync('tar', ['--format=ustar', '-cf', '-', '-C', tree, '.']);
    const tarball = path.join(work, 'cut.tar.gz');
    writeFileSync(tarball, gzipSync(full.subarray(0, 20_000)));
    const dir = path.join(work, 'cut');
    await expect(unpackDataDir(tarball, dir)).rejects.toThrow(/ends in the middle of a file/);
    expect(readdirSync(work).filter((name) => name.startsWith('cut'))).toEqual(['cut.tar.gz']);
  });
});
