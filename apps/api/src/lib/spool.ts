import { createHash } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A request body written to a temporary file as it arrived, with its size and hash. */
export interface Spooled {
  bytes: number;
  /** SHA-256 (hex) of `prefix` and the body. */
  digest: string;
  /** Reads the body from the start of the file. */
  open(): AsyncIterable<Buffer>;
  /** Closes (and so removes) the file. */
  dispose(): Promise<void>;
}

/**
 * Writes a body to a temporary file while it arrives, hashing it on the way, so that nothing that
 * waits on the sender (a slow upload) holds a database connection. More than `maxBytes` stops it
 * with the error `tooLarge()` makes. The file's name is removed as soon as it is open (where the
 * system allows it), so not even a killed process leaves it behind.
 */
export async function spool(
  body: AsyncIterable<Buffer>,
  options: { maxBytes: number; prefix: string; tooLarge: () => Error },
): Promise<Spooled> {
  const dir = await mkdtemp(path.join(tmpdir(), 'slt-import-'));
  const handle = await open(path.join(dir, 'body'), 'w+', 0o600);
  const removed = await rm(dir, { recursive: true, force: true }).then(
    () => true,
    () => false,
  );
  const dispose = async () => {
    await handle.close().catch(() => undefined);
    if (!removed) await rm(dir, { recursive: true, force: true });
  };
  const hash = createHash('sha256').update(options.prefix);
  let bytes = 0;
  try {
    for await (const chunk of body) {
      bytes += chunk.length;
      if (bytes > options.maxBytes) throw options.tooLarge();
      hash.update(chunk);
      await handle.write(chunk);
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  return {
    bytes,
    digest: hash.digest('hex'),
    open: () => handle.createReadStream({ start: 0, autoClose: false, highWaterMark: 256 * 1024 }),
    dispose,
  };
}
