import type { Executor } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';
import { diffChanges, type Changes } from './audit-diff.js';
import { NotFoundError } from './errors.js';
import type { Actor } from './scope.js';

export interface AuditRecord {
  kommunenummer: string | null;
  entity: string;
  entityId: string;
  action: string;
  changes: Changes;
}

/**
 * Writes one audit row: the one place that does. Call it with the mutation's transaction, so the
 * row commits or rolls back with the change.
 */
export async function recordAudit(tx: Executor, actor: Actor, record: AuditRecord): Promise<void> {
  await tx.insert(auditLog).values({
    ...record,
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    requestId: actor.requestId ?? null,
  });
}

export type AuditedFields = Record<string, unknown> | null;

/**
 * Records one change of a municipality's entity in the audit log, inside the write's transaction.
 * `before` is null on create, `after` null on delete; an update that changed nothing is not recorded.
 */
export async function recordChange(
  tx: Executor,
  actor: Actor,
  change: { kommunenummer: string; entity: string; entityId: string; action: string; before: AuditedFields; after: AuditedFields },
): Promise<void> {
  const changes = diffChanges(change.before, change.after);
  if (change.action === 'update' && Object.keys(changes).length === 0) return;
  await recordAudit(tx, actor, {
    kommunenummer: change.kommunenummer,
    entity: change.entity,
    entityId: change.entityId,
    action: change.action,
    changes,
  });
}

/** The row, or a 404 with the message. */
export function found<R>(row: R | undefined, message: string): R {
  if (row === undefined) throw new NotFoundError(message);
  return row;
}
