import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import type { Changes } from '../../lib/audit-diff.js';

/** Who did it: a signed-in user, an API token, or the system itself (CLI, demo data). */
export interface Actor {
  type: 'user' | 'token' | 'system';
  id: string | null;
  label: string;
  requestId?: string;
}

export interface AuditRecord {
  kommunenummer: string | null;
  entity: string;
  entityId: string;
  action: string;
  changes: Changes;
}

export interface AuditFilter {
  kommunenummer: string;
  entity?: string;
  action?: string;
  from?: Date;
  to?: Date;
  beforeId?: bigint;
  limit: number;
}

export function createAuditRepository(db: Executor) {
  return {
    /** Call with the mutation's transaction, so the row commits or rolls back with the change. */
    async record(actor: Actor, record: AuditRecord): Promise<void> {
      await db.insert(auditLog).values({
        ...record,
        actorType: actor.type,
        actorId: actor.id,
        actorLabel: actor.label,
        requestId: actor.requestId ?? null,
      });
    },

    list(filter: AuditFilter) {
      const conditions: SQL[] = [eq(auditLog.kommunenummer, filter.kommunenummer)];
      if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
      if (filter.action) conditions.push(eq(auditLog.action, filter.action));
      if (filter.from) conditions.push(gte(auditLog.at, filter.from));
      if (filter.to) conditions.push(lte(auditLog.at, filter.to));
      if (filter.beforeId !== undefined) conditions.push(lt(auditLog.id, filter.beforeId));
      return db
        .select()
        .from(auditLog)
        .where(and(...conditions))
        .orderBy(desc(auditLog.id))
        .limit(filter.limit);
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
