import { bigserial, char, index, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const actorTypeEnum = pgEnum('actor_type', ['user', 'token', 'system']);

/**
 * One row per changed entity per mutation, written in the mutation's transaction. `changes`
 * holds the changed fields before/after; secrets are never stored (see lib/audit.ts).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'bigint' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The municipality whose data changed; null for system-wide entities (users, sessions). */
    kommunenummer: char({ length: 4 }),
    actorType: actorTypeEnum().notNull(),
    actorId: text(),
    actorLabel: text().notNull(),
    entity: text().notNull(),
    entityId: text().notNull(),
    action: text().notNull(),
    changes: jsonb().$type<Record<string, { before: unknown; after: unknown }>>().notNull(),
    requestId: text(),
  },
  (t) => [index().on(t.kommunenummer, t.id), index().on(t.entity, t.entityId)],
);
