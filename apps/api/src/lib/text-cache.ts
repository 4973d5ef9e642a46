/**
 * A small in-process cache of built texts by a key that names everything a text depends on, so a
 * key never needs invalidating: a changed input is a new key, and the old entry ages out. Bounded
 * in total size (characters); the least recently used entries go first, and a text larger than a
 * quarter of the bound is not kept at all.
 */
export function createTextCache(maxChars: number) {
  const entries = new Map<string, string>();
  let size = 0;
  return {
    async get(key: string, build: () => Promise<string>): Promise<string> {
      const hit = entries.get(key);
      if (hit !== undefined) {
        // Map keeps insertion order: re-inserting makes the entry the most recently used.
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const text = await build();
      if (text.length > maxChars / 4 || entries.has(key)) return text;
      entries.set(key, text);
      size += text.length;
      for (const [oldest, value] of entries) {
        if (size <= maxChars) break;
        entries.delete(oldest);
        size -= value.length;
      }
      return text;
    },
    /** Characters held (for tests). */
    size: () => size,
  };
}
