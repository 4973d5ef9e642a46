import type { CreateUser, UpdateUser, User } from '@slt/shared';
import type { Db } from '../../db/client.js';
import { diffChanges } from '../../lib/audit-diff.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { ConflictError, InvalidFieldError, NotFoundError } from '../../lib/errors.js';
import { hashPassword } from '../../lib/passwords.js';
import { recordAudit } from '../../lib/audited.js';
import type { Actor, Scope } from '../../lib/scope.js';
import { createUsersRepository, type UserRow, type UserWithRoles } from './users.repository.js';

const DEFAULT_PAGE_SIZE = 50;

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export function toUser(row: UserWithRoles): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    active: row.active,
    isAdmin: row.isAdmin,
    roles: row.roles,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the audit log may show of a user: no hash, no session counter. */
const auditable = (row: UserRow | undefined) =>
  row ? { email: row.email, name: row.name, active: row.active, isAdmin: row.isAdmin, passwordHash: row.passwordHash } : null;

export function createUsersService(deps: { db: Db }) {
  const { db } = deps;
  const users = createUsersRepository(db);

  async function mustFind(id: string): Promise<UserWithRoles> {
    const user = await users.findById(id);
    if (!user) throw new NotFoundError(`There is no user with id ${id}.`);
    return user;
  }

  async function page(filter: { kommunenummer?: string; cursor?: string; limit?: number }) {
    const limit = filter.limit ?? DEFAULT_PAGE_SIZE;
    let afterEmail: string | undefined;
    if (filter.cursor) {
      const key = decodeCursor(filter.cursor, ['e']);
      if (!key) throw new InvalidFieldError({ in: 'query', name: 'cursor', detail: 'is not a cursor this API issued' });
      afterEmail = key.e;
    }
    const rows = await users.list({
      ...(filter.kommunenummer ? { kommunenummer: filter.kommunenummer } : {}),
      ...(afterEmail ? { afterEmail } : {}),
      limit: limit + 1,
    });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return { items: items.map(toUser), nextCursor: rows.length > limit && last ? encodeCursor({ e: last.email }) : null };
  }

  return {
    get: async (id: string) => toUser(await mustFind(id)),

    list: (query: { cursor?: string; limit?: number }) => page(query),

    listForMunicipality: ({ kommunenummer }: Scope, query: { cursor?: string; limit?: number }) => page({ ...query, kommunenummer }),

    async create(actor: Actor, input: CreateUser): Promise<User> {
      const email = normalizeEmail(input.email);
      const passwordHash = await hashPassword(input.password);
      const created = await db.transaction(async (tx) => {
        const row = await createUsersRepository(tx).insert({
          email,
          name: input.name,
          passwordHash,
          isAdmin: input.isAdmin ?? false,
        });
        if (!row) throw new ConflictError(`A user with the e-mail ${email} already exists.`);
        await recordAudit(tx, actor, {
          kommunenummer: null,
          entity: 'user',
          entityId: row.id,
          action: 'create',
          changes: diffChanges(null, auditable(row)),
        });
        return row;
      });
      return toUser({ ...created, roles: [] });
    },

    async update(actor: Actor, id: string, patch: UpdateUser): Promise<User> {
      const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
      await db.transaction(async (tx) => {
        const repo = createUsersRepository(tx);
        const before = await repo.findById(id);
        if (!before) throw new NotFoundError(`There is no user with id ${id}.`);
        const after = await repo.update(id, {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.active !== undefined ? { active: patch.active } : {}),
          ...(patch.isAdmin !== undefined ? { isAdmin: patch.isAdmin } : {}),
          ...(passwordHash ? { passwordHash } : {}),
          // Deactivation and a new password end every session of the user.
          endSessions: patch.active === false || passwordHash !== undefined,
        });
        const changes = diffChanges(auditable(before), auditable(after));
        if (Object.keys(changes).length > 0) {
          await recordAudit(tx, actor, {
            kommunenummer: null,
            entity: 'user',
            entityId: id,
            action: 'update',
            changes,
          });
        }
      });
      return toUser(await mustFind(id));
    },

    async setRole(scope: Scope, input: { userId: string; role: 'coordinator' | 'member' }): Promise<User> {
      const { kommunenummer, actor } = scope;
      const { userId, role } = input;
      await db.transaction(async (tx) => {
        await mustFindIn(tx, userId);
        const repo = createUsersRepository(tx);
        const before = await repo.findRole(userId, kommunenummer);
        if (before?.role === role) return;
        await repo.upsertRole(userId, kommunenummer, role);
        await recordAudit(tx, actor, {
          kommunenummer,
          entity: 'user_role',
          entityId: `${userId}:${kommunenummer}`,
          action: before ? 'update' : 'create',
          changes: diffChanges(before ? { userId, role: before.role } : null, { userId, role }),
        });
      });
      return toUser(await mustFind(userId));
    },

    async removeRole(scope: Scope, userId: string): Promise<User> {
      const { kommunenummer, actor } = scope;
      await db.transaction(async (tx) => {
        const repo = createUsersRepository(tx);
        const before = await repo.findRole(userId, kommunenummer);
        if (!before) throw new NotFoundError(`The user has no role in ${kommunenummer}.`);
        await repo.deleteRole(userId, kommunenummer);
        await recordAudit(tx, actor, {
          kommunenummer,
          entity: 'user_role',
          entityId: `${userId}:${kommunenummer}`,
          action: 'delete',
          changes: diffChanges({ userId, role: before.role }, null),
        });
      });
      return toUser(await mustFind(userId));
    },
  };
}

async function mustFindIn(tx: Db, userId: string) {
  const user = await createUsersRepository(tx).findById(userId);
  if (!user) throw new NotFoundError(`There is no user with id ${userId}.`);
  return user;
}

export type UsersService = ReturnType<typeof createUsersService>;
