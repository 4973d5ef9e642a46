export type Changes = Record<string, { before: unknown; after: unknown }>;

/** Fields that never reach the audit log, whatever the entity. */
const SECRET_FIELDS = new Set(['password', 'passwordHash', 'secret', 'secretHash', 'tokenHash']);

const normalize = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : (value ?? null));

/**
 * The fields that differ between two versions of an entity (either may be null: create or delete).
 * Secret fields are recorded only as having changed, never with a value.
 */
export function diffChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  ignore: readonly string[] = ['updatedAt', 'createdAt'],
): Changes {
  const changes: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (ignore.includes(key)) continue;
    const b = normalize(before?.[key]);
    const a = normalize(after?.[key]);
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    changes[key] = SECRET_FIELDS.has(key) ? { before: '[secret]', after: '[secret]' } : { before: b, after: a };
  }
  return changes;
}
