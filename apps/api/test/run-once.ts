import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Something the suites of one test run share, prepared once in the run's shared directory
 * (SLT_TEST_TEMPLATES_DIR): by the first suite that takes the item's lock, into a fresh folder of
 * its own; every other suite reads the result from `<name>.json` (waiting while the first is still
 * preparing). If the preparing suite fails, it gives the lock back and the next one tries.
 */
export async function preparedOnce<T>(dir: string, name: string, prepare: (root: string) => Promise<T>): Promise<T> {
  const ready = path.join(dir, `${name}.json`);
  const lock = path.join(dir, `${name}.preparing`);
  for (;;) {
    if (existsSync(ready)) return JSON.parse(readFileSync(ready, 'utf8')) as T;
    try {
      mkdirSync(lock);
    } catch {
      await sleep(250);
      continue;
    }
    try {
      const result = await prepare(mkdtempSync(path.join(dir, `${name}-`)));
      // Written beside it and renamed into place: a suite that sees `<name>.json` reads it whole.
      writeFileSync(`${ready}.partial`, JSON.stringify(result));
      renameSync(`${ready}.partial`, ready);
      return result;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
