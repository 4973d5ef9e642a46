/**
 * Opaque cursors for keyset pagination: the sort key of the last row of a page,
 * as base64url JSON. Clients pass `nextCursor` back unchanged.
 */
export function encodeCursor(key: Record<string, string>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The decoded key, or null when the cursor was not made by `encodeCursor` with these fields. */
export function decodeCursor<K extends string>(cursor: string, fields: readonly K[]): Record<K, string> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const record = parsed as Record<string, unknown>;
  if (Object.keys(record).length !== fields.length) return null;
  for (const field of fields) {
    if (typeof record[field] !== 'string') return null;
  }
  return record as Record<K, string>;
}
