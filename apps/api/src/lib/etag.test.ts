import { describe, expect, it } from 'vitest';
import { checkVersion, etagOf, isNotModified, parseIfMatch } from './etag.js';

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

  it('reads If-Match (missing is null: a 428) and refuses a stale version (412)', () => {
    const tag = etagOf('x');
    expect(parseIfMatch(undefined)).toBeNull();
    expect(parseIfMatch(' ')).toBeNull();
    expect(() => checkVersion(parseIfMatch('"stale"')!, 'x')).toThrow(expect.objectContaining({ status: 412 }));
    expect(() => checkVersion(parseIfMatch(`"other", W/${tag}`)!, 'x')).not.toThrow();
    expect(() => checkVersion(parseIfMatch('*')!, 'x')).not.toThrow();
  });
});
