import type { AuditEntry, AuditPage, AuditQuery } from '@slt/shared';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { InvalidFieldError } from '../../lib/errors.js';
import type { Scope } from '../../lib/scope.js';
import type { AuditRepository } from './audit.repository.js';

const DEFAULT_PAGE_SIZE = 50;

export function createAuditService(deps: { repository: Pick<AuditRepository, 'list'> }) {
  return {
    async list(scope: Scope, query: AuditQuery): Promise<AuditPage> {
      const { kommunenummer } = scope;
      const limit = query.limit ?? DEFAULT_PAGE_SIZE;
      let beforeId: bigint | undefined;
      if (query.cursor) {
        const key = decodeCursor(query.cursor, ['id']);
        if (!key || !/^[0-9]{1,19}$/.test(key.id)) {
          throw new InvalidFieldError({ in: 'query', name: 'cursor', detail: 'is not a cursor this API issued' });
        }
        beforeId = BigInt(key.id);
      }
      const rows = await deps.repository.list({
        kommunenummer,
        ...(query.entity ? { entity: query.entity } : {}),
        ...(query.action ? { action: query.action } : {}),
        ...(query.actorId ? { actorId: query.actorId } : {}),
        ...(query.from ? { from: new Date(query.from) } : {}),
        ...(query.to ? { to: new Date(query.to) } : {}),
        ...(beforeId !== undefined ? { beforeId } : {}),
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map((row): AuditEntry => ({
          id: String(row.id),
          at: row.at.toISOString(),
          actor: { type: row.actorType, id: row.actorId, label: row.actorLabel },
          entity: row.entity,
          entityId: row.entityId,
          action: row.action as AuditEntry['action'],
          changes: row.changes,
          requestId: row.requestId,
        })),
        nextCursor: rows.length > limit && last ? encodeCursor({ id: String(last.id) }) : null,
      };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
