import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { refreshTokens, userRoles, users } from '../../db/schema/index.js';

export type UserRow = typeof users.$inferSelect;
export type RoleRow = { kommunenummer: string; role: 'coordinator' | 'member' };
export type UserWithRoles = UserRow & { roles: RoleRow[] };

export function createUsersRepository(db: Executor) {
  async function withRoles(rows: UserRow[]): Promise<UserWithRoles[]> {
    if (rows.length === 0) return [];
    const roles = await db
      .select({ userId: userRoles.userId, kommunenummer: userRoles.kommunenummer, role: userRoles.role })
      .from(userRoles)
      .where(
        inArray(
          userRoles.userId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(userRoles.kommunenummer));
    return rows.map((row) => ({
      ...row,
      roles: roles.filter((r) => r.userId === row.id).map(({ kommunenummer, role }) => ({ kommunenummer, role })),
    }));
  }

  return {
    /** One statement: the user and their roles (a relational query). */
    async findById(id: string): Promise<UserWithRoles | undefined> {
      const row = await db.query.users.findFirst({
        where: eq(users.id, id),
        with: { roles: { columns: { kommunenummer: true, role: true }, orderBy: asc(userRoles.kommunenummer) } },
      });
      return row;
    },

    async findByEmail(email: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.email, email));
      return row;
    },

    /** A page ordered by e-mail; with `kommunenummer`, only users holding a role there. */
    async list(filter: { kommunenummer?: string; afterEmail?: string; limit: number }): Promise<UserWithRoles[]> {
      const conditions = [];
      if (filter.afterEmail) conditions.push(gt(users.email, filter.afterEmail));
      if (filter.kommunenummer) {
        conditions.push(
          inArray(users.id, db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.kommunenummer, filter.kommunenummer))),
        );
      }
      const rows = await db
        .select()
        .from(users)
        .where(and(...conditions))
        .orderBy(asc(users.email))
        .limit(filter.limit);
      return withRoles(rows);
    },

    async insert(values: { email: string; name: string; passwordHash: string; isAdmin: boolean }): Promise<UserRow> {
      const [row] = await db.insert(users).values(values).onConflictDoNothing({ target: users.email }).returning();
      return row!;
    },

    async update(
      id: string,
      patch: Partial<Pick<UserRow, 'name' | 'active' | 'isAdmin' | 'passwordHash'>> & { endSessions?: boolean },
    ): Promise<UserRow | undefined> {
      const { endSessions, ...fields } = patch;
      const [row] = await db
        .update(users)
        .set({
          ...fields,
          ...(endSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
          updatedAt: sql`now()`,
        })
        .where(eq(users.id, id))
        .returning();
      if (row && endSessions) {
        await db
          .update(refreshTokens)
          .set({ revokedAt: sql`now()` })
          .where(and(eq(refreshTokens.userId, id), sql`${refreshTokens.revokedAt} is null`));
      }
      return row;
    },

    async findRole(userId: string, kommunenummer: string): Promise<RoleRow | undefined> {
      const [row] = await db
        .select({ kommunenummer: userRoles.kommunenummer, role: userRoles.role })
        .from(userRoles)
        .where(and(eq(userRoles.userId, userId), eq(userRoles.kommunenummer, kommunenummer)));
      return row;
    },

    async upsertRole(userId: string, kommunenummer: string, role: RoleRow['role']): Promise<void> {
      await db
        .insert(userRoles)
        .values({ userId, kommunenummer, role })
        .onConflictDoUpdate({ target: [userRoles.userId, userRoles.kommunenummer], set: { role } });
    },

    async deleteRole(userId: string, kommunenummer: string): Promise<void> {
      await db.delete(userRoles).where(and(eq(userRoles.userId, userId), eq(userRoles.kommunenummer, kommunenummer)));
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
