import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';

export interface AuditFilter {
  kommunenummer: string;
  entity?: string;
  action?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  beforeId?: bigint;
  limit: number;
}

export function createAuditRepository(db: Executor) {
  return {
    list(filter: AuditFilter) {
      const conditions: SQL[] = [eq(auditLog.kommunenummer, filter.kommunenummer)];
      if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
      if (filter.action) conditions.push(eq(auditLog.action, filter.action));
      if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
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
