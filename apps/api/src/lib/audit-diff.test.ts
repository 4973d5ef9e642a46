import { describe, expect, it } from 'vitest';
import { diffChanges } from './audit-diff.js';

describe('diffChanges', () => {
  it('lists only changed fields, before and after', () => {
    expect(diffChanges({ name: 'A', active: true, updatedAt: 1 }, { name: 'B', active: true, updatedAt: 2 })).toEqual({
      name: { before: 'A', after: 'B' },
    });
  });

  it('records creation and deletion against null', () => {
    expect(diffChanges(null, { name: 'A' })).toEqual({ name: { before: null, after: 'A' } });
    expect(diffChanges({ name: 'A' }, null)).toEqual({ name: { before: 'A', after: null } });
  });

  it('never records a secret value', () => {
    const changes = diffChanges({ passwordHash: '$argon2id$old' }, { passwordHash: '$argon2id$new' });
    expect(changes).toEqual({ passwordHash: { before: '[secret]', after: '[secret]' } });
    expect(JSON.stringify(changes)).not.toMatch(/argon2/);
  });
});
