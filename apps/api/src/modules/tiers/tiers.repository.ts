import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { members, memberships, tiers } from '../../db/schema/index.js';

export type TierRow = typeof tiers.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;
type TierWritable = Pick<
  typeof tiers.$inferInsert,
  | 'level'
  | 'name'
  | 'mandate'
  | 'responsibilities'
  | 'chairMemberId'
  | 'secretaryMemberId'
  | 'individualCases'
  | 'displayOrder'
  | 'meetingRule'
  | 'mailRule'
>;
type MembershipWritable = Pick<typeof memberships.$inferInsert, 'role' | 'startDate' | 'endDate'>;

/** Today in Norway: a membership is current until the end of its end date, Oslo time. */
const osloToday = sql`(now() at time zone 'Europe/Oslo')::date`;

export function createTiersRepository(db: Executor) {
  return {
    /** By level (strategic first: the enum's order), then display order and name. */
    list: (kommunenummer: string): Promise<TierRow[]> =>
      db
        .select()
        .from(tiers)
        .where(eq(tiers.kommunenummer, kommunenummer))
        .orderBy(asc(tiers.level), asc(tiers.displayOrder), asc(tiers.name), asc(tiers.id)),

    async find(kommunenummer: string, id: string, options: { forUpdate?: boolean } = {}) {
      const query = db
        .select()
        .from(tiers)
        .where(and(eq(tiers.kommunenummer, kommunenummer), eq(tiers.id, id)));
      const [row] = options.forUpdate ? await query.for('update') : await query;
      return row;
    },

    async insert(kommunenummer: string, values: TierWritable): Promise<TierRow> {
      const [row] = await db
        .insert(tiers)
        .values({ ...values, kommunenummer })
        .returning();
      return row!;
    },

    async update(id: string, values: Partial<TierWritable>): Promise<TierRow> {
      const [row] = await db
        .update(tiers)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(tiers.id, id))
        .returning();
      return row!;
    },

    async delete(id: string): Promise<void> {
      await db.delete(tiers).where(eq(tiers.id, id));
    },

    async hasMemberships(tierId: string): Promise<boolean> {
      const [row] = await db.select({ id: memberships.id }).from(memberships).where(eq(memberships.tierId, tierId)).limit(1);
      return row !== undefined;
    },

    /** The ids among `ids` that name erased members. */
    async erasedAmong(ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db
        .select({ id: members.id })
        .from(members)
        .where(and(inArray(members.id, ids), isNotNull(members.erasedAt)));
      return new Set(rows.map((r) => r.id));
    },

    listMemberships: (tierId: string, currentOnly: boolean): Promise<MembershipRow[]> =>
      db
        .select()
        .from(memberships)
        .where(
          and(
            eq(memberships.tierId, tierId),
            currentOnly
              ? and(
                  sql`${memberships.startDate} <= ${osloToday}`,
                  or(sql`${memberships.endDate} is null`, sql`${memberships.endDate} >= ${osloToday}`),
                )
              : undefined,
          ),
        )
        .orderBy(asc(memberships.startDate), asc(memberships.id)),

    async findMembership(tierId: string, id: string, options: { forUpdate?: boolean } = {}) {
      const query = db
        .select()
        .from(memberships)
        .where(and(eq(memberships.tierId, tierId), eq(memberships.id, id)));
      const [row] = options.forUpdate ? await query.for('update') : await query;
      return row;
    },

    /** Another membership of the member on the tier whose period overlaps [start, end] (end null: open). */
    async overlapping(
      { tierId, memberId, start, end }: { tierId: string; memberId: string; start: string; end: string | null },
      exceptId?: string,
    ) {
      const [row] = await db
        .select({ id: memberships.id })
        .from(memberships)
        .where(
          and(
            eq(memberships.tierId, tierId),
            eq(memberships.memberId, memberId),
            exceptId ? sql`${memberships.id} <> ${exceptId}` : undefined,
            sql`daterange(${memberships.startDate}, ${memberships.endDate}, '[]') && daterange(${start}::date, ${end}::date, '[]')`,
          ),
        )
        .limit(1);
      return row;
    },

    async insertMembership(tierId: string, memberId: string, values: MembershipWritable): Promise<MembershipRow> {
      const [row] = await db
        .insert(memberships)
        .values({ ...values, tierId, memberId })
        .returning();
      return row!;
    },

    async updateMembership(id: string, values: Partial<MembershipWritable>): Promise<MembershipRow> {
      const [row] = await db
        .update(memberships)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(memberships.id, id))
        .returning();
      return row!;
    },

    async deleteMembership(id: string): Promise<void> {
      await db.delete(memberships).where(eq(memberships.id, id));
    },
  };
}
