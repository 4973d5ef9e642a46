import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('cursor', () => {
  it('round-trips a key', () => {
    const cursor = encodeCursor({ k: '3401' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, ['k'])).toEqual({ k: '3401' });
  });

  it('refuses cursors it did not make', () => {
    expect(decodeCursor('not-base64-json', ['k'])).toBeNull();
    expect(decodeCursor(encodeCursor({ other: '1' }), ['k'])).toBeNull();
    expect(decodeCursor(encodeCursor({ k: '1', extra: '2' }), ['k'])).toBeNull();
    expect(decodeCursor(Buffer.from('[1]').toString('base64url'), ['k'])).toBeNull();
    expect(decodeCursor(Buffer.from('{"k":3401}').toString('base64url'), ['k'])).toBeNull();
  });
});
