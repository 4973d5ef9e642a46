import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';

export type OrganizationRow = typeof organizations.$inferSelect;
type Writable = Pick<typeof organizations.$inferInsert, 'name' | 'kind' | 'description'>;

export function createOrganizationsRepository(db: Executor) {
  return {
    list: (kommunenummer: string): Promise<OrganizationRow[]> =>
      db.select().from(organizations).where(eq(organizations.kommunenummer, kommunenummer)).orderBy(asc(organizations.name)),

    async find(kommunenummer: string, id: string, options: { forUpdate?: boolean } = {}) {
      const query = db
        .select()
        .from(organizations)
        .where(and(eq(organizations.kommunenummer, kommunenummer), eq(organizations.id, id)));
      const [row] = options.forUpdate ? await query.for('update') : await query;
      return row;
    },

    /** Undefined when the name is taken in the municipality. */
    async insert(kommunenummer: string, values: Writable): Promise<OrganizationRow | undefined> {
      const [row] = await db
        .insert(organizations)
        .values({ ...values, kommunenummer })
        .onConflictDoNothing({ target: [organizations.kommunenummer, organizations.name] })
        .returning();
      return row;
    },

    async update(id: string, values: Partial<Writable>): Promise<OrganizationRow> {
      const [row] = await db
        .update(organizations)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(organizations.id, id))
        .returning();
      return row!;
    },

    async nameTaken(kommunenummer: string, name: string, exceptId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(eq(organizations.kommunenummer, kommunenummer), eq(organizations.name, name)));
      return row !== undefined && row.id !== exceptId;
    },

    async delete(id: string): Promise<void> {
      await db.delete(organizations).where(eq(organizations.id, id));
    },
  };
}
