import { describe, expect, it } from 'vitest';
import { checkIfMatch, etagOf, isNotModified } from './etag.js';

describe('etag', () => {
  it('is stable for equal representations and differs otherwise', () => {
    expect(etagOf({ a: 1 })).toBe(etagOf({ a: 1 }));
    expect(etagOf({ a: 1 })).not.toBe(etagOf({ a: 2 }));
    expect(etagOf({ a: 1 })).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    const tag = etagOf('x');
    expect(isNotModified(`"other", W/${tag}`, tag)).toBe(true);
    expect(isNotModified('*', tag)).toBe(true);
    expect(isNotModified('"other"', tag)).toBe(false);
    expect(isNotModified(undefined, tag)).toBe(false);
  });

  it('requires If-Match (428) and refuses a stale one (412)', () => {
    const tag = etagOf('x');
    expect(() => checkIfMatch(undefined, tag)).toThrow(expect.objectContaining({ status: 428 }));
    expect(() => checkIfMatch('"stale"', tag)).toThrow(expect.objectContaining({ status: 412 }));
    expect(() => checkIfMatch(tag, tag)).not.toThrow();
    expect(() => checkIfMatch('*', tag)).not.toThrow();
  });
});
