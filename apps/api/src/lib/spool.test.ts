import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { spool } from './spool.js';

// eslint-disable-next-line @typescript-eslint/require-await -- an async source on purpose, as a request body is
const chunks = async function* (parts: string[]) {
  for (const part of parts) yield Buffer.from(part);
};
const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith('slt-import-'));

describe('spool', () => {
  it('keeps the body to read again, hashes it with its prefix, and leaves no file behind', async () => {
    const before = leftovers();
    const spooled = await spool(chunks(['{"a":', '1}']), { maxBytes: 100, prefix: 'json\n', tooLarge: () => new Error('too large') });
    expect(spooled.bytes).toBe(7);
    expect(spooled.digest).toBe(createHash('sha256').update('json\n{"a":1}').digest('hex'));
    let text = '';
    for await (const chunk of spooled.open()) text += String(chunk);
    expect(text).toBe('{"a":1}');
    expect(leftovers()).toEqual(before);
    await spooled.dispose();
  });

  it('stops at the limit with the given error', async () => {
    await expect(spool(chunks(['12345', '67890']), { maxBytes: 8, prefix: '', tooLarge: () => new Error('over 8') })).rejects.toThrow(
      'over 8',
    );
  });
});
