import { describe, expect, it } from 'vitest';
import { createTextCache } from './text-cache.js';

describe('createTextCache', () => {
  it('builds a key once and answers it from memory afterwards', async () => {
    const cache = createTextCache(100);
    let builds = 0;
    const build = () => Promise.resolve(`text ${++builds}`);
    expect(await cache.get('a', build)).toBe('text 1');
    expect(await cache.get('a', build)).toBe('text 1');
    expect(await cache.get('b', build)).toBe('text 2');
    expect(builds).toBe(2);
  });

  it('drops the least recently used entries beyond its bound, and never keeps a text over a quarter of it', async () => {
    const cache = createTextCache(40);
    const text = (c: string) => () => Promise.resolve(c.repeat(10));
    await cache.get('a', text('a'));
    await cache.get('b', text('b'));
    await cache.get('c', text('c'));
    await cache.get('a', text('x')); // a is now the most recently used
    await cache.get('d', text('d'));
    await cache.get('e', text('e')); // 50 characters: b, the least recently used, goes
    expect(cache.size()).toBe(40);
    expect(await cache.get('a', text('x'))).toBe('a'.repeat(10));
    expect(await cache.get('b', text('y'))).toBe('y'.repeat(10));
    expect(await cache.get('big', () => Promise.resolve('z'.repeat(11)))).toBe('z'.repeat(11));
    expect(await cache.get('big', () => Promise.resolve('rebuilt'))).toBe('rebuilt');
  });

  it('does not cache a failed build', async () => {
    const cache = createTextCache(100);
    await expect(cache.get('a', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await cache.get('a', () => Promise.resolve('ok'))).toBe('ok');
  });
});
