import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomSecret } from './secrets.js';

/** Reads a secret kept in a file, creating it (mode 600) on first use. */
export async function readOrCreateSecret(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(path.dirname(file), { recursive: true });
    const secret = randomSecret(48);
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    });
    return (await readFile(file, 'utf8')).trim();
  }
}
