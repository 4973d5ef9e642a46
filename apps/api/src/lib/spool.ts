import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';

/** A request body written to a temporary file as it arrived, with its size and hash. */
export interface Spooled {
  bytes: number;
  /** SHA-256 (hex) of `prefix` and the body. */
  digest: string;
  /** Reads the body again from the file (as often as needed). */
  open(): AsyncIterable<Buffer>;
  /** Removes the file. */
  dispose(): Promise<void>;
}

/**
 * Writes a body to a temporary file while it arrives, hashing it on the way, so that nothing that
 * waits on the sender (a slow upload) holds a database connection. More than `maxBytes` stops it
 * with the error `tooLarge()` makes, and removes the file.
 */
export async function spool(body: AsyncIterable<Buffer>, options: { maxBytes: number; prefix: string; tooLarge: () => Error }): Promise<Spooled> {
  const dir = await mkdtemp(path.join(tmpdir(), 'slt-import-'));
  const file = path.join(dir, 'body');
  const dispose = () => rm(dir, { recursive: true, force: true });
  const hash = createHash('sha256').update(options.prefix);
  const out = createWriteStream(file);
  let bytes = 0;
  try {
    for await (const chunk of body) {
      bytes += chunk.length;
      if (bytes > options.maxBytes) throw options.tooLarge();
      hash.update(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  } catch (error) {
    out.destroy();
    await dispose();
    throw error;
  }
  return { bytes, digest: hash.digest('hex'), open: () => createReadStream(file, { highWaterMark: 256 * 1024 }), dispose };
}
