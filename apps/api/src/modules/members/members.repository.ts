import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { auditLog, measures, members, memberships, tiers } from '../../db/schema/index.js';

export type MemberRow = typeof members.$inferSelect;
type Writable = Pick<
  typeof members.$inferInsert,
  'name' | 'roleTitle' | 'organizationId' | 'email' | 'emailPublic' | 'phone' | 'phonePublic' | 'isCoordinator'
>;

/** The fields that identify a person: blanked on erasure, in the row and in the audit log. */
export const IDENTITY_FIELDS = ['name', 'roleTitle', 'email', 'phone'] as const;

export function createMembersRepository(db: Executor) {
  return {
    list: (kommunenummer: string): Promise<MemberRow[]> =>
      db
        .select()
        .from(members)
        .where(eq(members.kommunenummer, kommunenummer))
        .orderBy(sql`${members.name} asc nulls last`, asc(members.id)),

    async find(kommunenummer: string, id: string, options: { forUpdate?: boolean } = {}) {
      const query = db
        .select()
        .from(members)
        .where(and(eq(members.kommunenummer, kommunenummer), eq(members.id, id)));
      const [row] = options.forUpdate ? await query.for('update') : await query;
      return row;
    },

    async insert(kommunenummer: string, values: Writable): Promise<MemberRow> {
      const [row] = await db
        .insert(members)
        .values({ ...values, kommunenummer })
        .returning();
      return row!;
    },

    async update(id: string, values: Partial<Writable> & { erasedAt?: Date }): Promise<MemberRow> {
      const [row] = await db
        .update(members)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(members.id, id))
        .returning();
      return row!;
    },

    /** Whether memberships, tiers (chair, secretary) or measures refer to the member. */
    async isReferenced(id: string): Promise<boolean> {
      const [row] = await db
        .select({
          referenced: sql<boolean>`exists (select 1 from ${memberships} where ${memberships.memberId} = ${id})
            or exists (select 1 from ${tiers} where ${or(eq(tiers.chairMemberId, id), eq(tiers.secretaryMemberId, id))})
            or exists (select 1 from ${measures} where ${measures.responsibleMemberId} = ${id})`,
        })
        .from(members)
        .where(eq(members.id, id));
      return row?.referenced === true;
    },

    async delete(id: string): Promise<void> {
      await db.delete(members).where(eq(members.id, id));
    },

    /** Replaces the identity fields' values in the member's audit rows with "[erased]". */
    async scrubAudit(id: string): Promise<void> {
      const keys = sql.raw(`array[${IDENTITY_FIELDS.map((f) => `'${f}'`).join(', ')}]`);
      await db
        .update(auditLog)
        .set({
          changes: sql`(select coalesce(jsonb_object_agg(key, case when key = any(${keys})
              then '{"before": "[erased]", "after": "[erased]"}'::jsonb else value end), '{}'::jsonb)
            from jsonb_each(${auditLog.changes}))`,
        })
        .where(and(eq(auditLog.entity, 'member'), eq(auditLog.entityId, id)));
    },
  };
}
