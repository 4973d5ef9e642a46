import { randomBytes } from 'node:crypto';
import type { AcceptInvitation, CreateInvitation, Invitation, Role, User } from '@slt/shared';
import type { Db } from '../../db/client.js';
import { diffChanges } from '../../lib/audit-diff.js';
import { ConflictError, InvalidFieldError, NotFoundError } from '../../lib/errors.js';
import { hashPassword } from '../../lib/passwords.js';
import { queueInvitationMail } from '../mail/invitation-mail.js';
import { recordAudit } from '../../lib/audited.js';
import type { Actor, Scope } from '../../lib/scope.js';
import { createUsersRepository } from '../users/users.repository.js';
import { normalizeEmail, toUser } from '../users/users.service.js';
import { matchesPassword, readInvitation, signInvitation } from './invitation-token.js';

/** How long an invitation link works. */
export const INVITATION_TTL_DAYS = 14;

/**
 * User administration by a municipality's coordinator. Inviting a new person creates their user
 * with an unusable random password and answers a one-time link secret to set their own; a person
 * who already has an account just gets the role (no link: nobody may reset another's password).
 */
export function createInvitationsService(deps: { db: Db; secret: string; publicUrl?: string | undefined }) {
  const { db, secret, publicUrl } = deps;

  async function mustFindWithRole(tx: Db, userId: string, kommunenummer: string) {
    const user = await createUsersRepository(tx).findById(userId);
    const role = user?.roles.find((r) => r.kommunenummer === kommunenummer);
    if (!user || !role) throw new NotFoundError(`There is no user ${userId} with access to ${kommunenummer}.`);
    return { user, role };
  }
  const refuseSelf = (actor: Actor, userId: string) => {
    if (actor.type === 'user' && actor.id === userId)
      throw new ConflictError('You cannot change or remove your own access: ask another coordinator.');
  };
  const audit = (
    tx: Db,
    { actor, kommunenummer }: Pick<Scope, 'actor' | 'kommunenummer'>,
    { userId, before, after }: { userId: string; before: Role | null; after: Role | null },
  ) =>
    recordAudit(tx, actor, {
      kommunenummer,
      entity: 'user_role',
      entityId: `${userId}:${kommunenummer}`,
      action: before === null ? 'create' : after === null ? 'delete' : 'update',
      changes: diffChanges(before === null ? null : { userId, role: before }, after === null ? null : { userId, role: after }),
    });

  return {
    async invite({ actor, kommunenummer }: Scope, input: CreateInvitation, now = new Date()): Promise<Invitation> {
      const email = normalizeEmail(input.email);
      const unusable = await hashPassword(randomBytes(32).toString('base64url'));
      const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
      return db.transaction(async (tx) => {
        const repo = createUsersRepository(tx);
        const existing = await repo.findByEmail(email);
        const row = existing ?? (await repo.insert({ email, name: input.name, passwordHash: unusable, isAdmin: false }));
        if (!existing) {
          await recordAudit(tx, actor, {
            kommunenummer,
            entity: 'user',
            entityId: row.id,
            action: 'create',
            changes: diffChanges(null, { email, name: input.name }),
          });
        }
        const before = (await repo.findRole(row.id, kommunenummer))?.role ?? null;
        if (before !== null) throw new ConflictError(`${email} already has access to ${kommunenummer}: change their role instead.`);
        await repo.upsertRole(row.id, kommunenummer, input.role);
        await audit(tx, { actor, kommunenummer }, { userId: row.id, before: null, after: input.role });
        const user = toUser((await repo.findById(row.id))!);
        const token = existing ? null : signInvitation(secret, row, expiresAt);
        // The invited person gets the link by mail too, in the same transaction (the outbox).
        await queueInvitationMail(tx, publicUrl, {
          kommunenummer,
          userId: row.id,
          email,
          role: input.role,
          token,
          expiresAt: existing ? null : expiresAt,
        });
        return token ? { user, token, expiresAt: expiresAt.toISOString() } : { user, token: null, expiresAt: null };
      });
    },

    async setRole({ actor, kommunenummer }: Scope, { userId, role }: { userId: string; role: Role }): Promise<User> {
      refuseSelf(actor, userId);
      return db.transaction(async (tx) => {
        const { role: before } = await mustFindWithRole(tx, userId, kommunenummer);
        if (before.role !== role) {
          await createUsersRepository(tx).upsertRole(userId, kommunenummer, role);
          await audit(tx, { actor, kommunenummer }, { userId, before: before.role, after: role });
        }
        return toUser((await createUsersRepository(tx).findById(userId))!);
      });
    },

    /** Removes the role and ends every session of the user, so an open browser loses access at once. */
    async remove({ actor, kommunenummer }: Scope, userId: string): Promise<void> {
      refuseSelf(actor, userId);
      await db.transaction(async (tx) => {
        const { role } = await mustFindWithRole(tx, userId, kommunenummer);
        const repo = createUsersRepository(tx);
        await repo.deleteRole(userId, kommunenummer);
        await repo.update(userId, { endSessions: true });
        await audit(tx, { actor, kommunenummer }, { userId, before: role.role, after: null });
      });
    },

    /** Sets the invited user's password once; the link stops working as the password hash changes. */
    async accept(input: AcceptInvitation, now = new Date()): Promise<{ email: string }> {
      const claim = readInvitation(secret, input.token, now);
      const refused = () =>
        new InvalidFieldError({
          in: 'body',
          name: 'token',
          detail: 'is not a valid invitation, or it has expired or been used',
          code: 'invitation',
        });
      if (!claim) throw refused();
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (tx) => {
        const repo = createUsersRepository(tx);
        const user = await repo.findById(claim.userId);
        if (!user || !user.active || !matchesPassword(claim.fingerprint, user.passwordHash)) throw refused();
        await repo.update(user.id, { passwordHash, endSessions: true });
        return { email: user.email };
      });
    },
  };
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;
