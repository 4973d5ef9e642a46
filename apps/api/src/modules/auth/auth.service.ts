import { randomUUID } from 'node:crypto';
import type { Session, User } from '@slt/shared';
import type { Db } from '../../db/client.js';
import { diffChanges } from '../../lib/audit-diff.js';
import { ForbiddenError, InvalidFieldError, TooManyRequestsError, UnauthorizedError } from '../../lib/errors.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../lib/passwords.js';
import { randomSecret, sha256 } from '../../lib/secrets.js';
import type { AccessTokenClaims, Principal } from '../../plugins/auth.js';
import { recordAudit } from '../../lib/audited.js';
import type { Actor } from '../../lib/scope.js';
import { createUsersRepository } from '../users/users.repository.js';
import { normalizeEmail, toUser } from '../users/users.service.js';
import { createAuthRepository } from './auth.repository.js';

export const REFRESH_TOKEN_TTL_SECONDS = 14 * 24 * 60 * 60;

/**
 * Throttling of sign-in. Blocks are per account *and* address (10 failures in the window block that
 * address for that account only, so a stranger cannot lock the owner out) and per address (100
 * failures, any accounts). Per account, whatever the address, failures only slow every further
 * attempt down: from the 5th, a delay that doubles up to `maxDelayMs`.
 */
export const THROTTLE = {
  windowSeconds: 15 * 60,
  blockSeconds: 15 * 60,
  perAccountAndAddress: 10,
  perIp: 100,
  delayAfter: 5,
  maxDelayMs: 4_000,
};
/** Never reached: the account's own counter only slows down, it does not block. */
const NO_BLOCK = 2 ** 31 - 1;

const delayFor = (failures: number) =>
  failures < THROTTLE.delayAfter ? 0 : Math.min(THROTTLE.maxDelayMs, 250 * 2 ** (failures - THROTTLE.delayAfter));

const INVALID_CREDENTIALS = 'The e-mail or the password is wrong.';

export interface SessionResult {
  session: Session;
  refreshToken: string;
}

/**
 * How long a rotated refresh token may be presented again. Two tabs opening the app at once send
 * the same cookie, and a page left while its refresh was being answered never stores the new
 * one: without this, the second refresh counted as a stolen token replayed and signed the person
 * out everywhere (seen as random sign-outs in the browser tests on a busy machine). A replay later
 * than this still revokes the whole family.
 */
export const REFRESH_REUSE_GRACE_SECONDS = 30;

export function createAuthService(deps: {
  db: Db;
  signAccessToken: (claims: AccessTokenClaims) => string;
  accessTokenTtlSeconds: number;
  /** Whether an e-mail domain must sign in with single sign-on (a provider turned passwords off). */
  passwordsDisabledFor?: (domain: string) => Promise<boolean>;
}) {
  const { db, signAccessToken, accessTokenTtlSeconds, passwordsDisabledFor = () => Promise.resolve(false) } = deps;
  const users = createUsersRepository(db);
  const auth = createAuthRepository(db);

  function sessionFor(user: User, sessionVersion: number): Session {
    return {
      accessToken: signAccessToken({ sub: user.id, sv: sessionVersion }),
      tokenType: 'Bearer',
      expiresIn: accessTokenTtlSeconds,
      user,
    };
  }

  async function issueRefreshToken(tx: Db, userId: string, familyId: string): Promise<string> {
    const refreshToken = randomSecret();
    await createAuthRepository(tx).insertRefreshToken({
      familyId,
      userId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_SECONDS * 1000),
    });
    return refreshToken;
  }

  const systemActor = (userId: string, email: string, requestId: string): Actor => ({
    type: 'user',
    id: userId,
    label: email,
    requestId,
  });

  /** Starts a session (one refresh-token family) for a user who proved who they are; audited. */
  async function startSession(
    userId: string,
    how: { requestId: string; method: string; before?: (tx: Db) => Promise<void> },
  ): Promise<string> {
    const { requestId, method, before } = how;
    const familyId = randomUUID();
    return db.transaction(async (tx) => {
      await before?.(tx);
      const token = await issueRefreshToken(tx, userId, familyId);
      const user = await createUsersRepository(tx).findById(userId);
      await recordAudit(tx, systemActor(userId, user?.email ?? 'unknown', requestId), {
        kommunenummer: null,
        entity: 'session',
        entityId: familyId,
        action: 'login',
        changes: diffChanges(null, method === 'password' ? { userId } : { userId, method }),
      });
      return token;
    });
  }

  return {
    startSession,

    async login(input: { email: string; password: string; ip: string; requestId: string }): Promise<SessionResult> {
      const email = normalizeEmail(input.email);
      // Decided by the domain alone, before any account is looked up: the answer tells nothing about the account.
      if (await passwordsDisabledFor(email.slice(email.lastIndexOf('@') + 1))) {
        throw new ForbiddenError('Passwords are turned off for your organisation: sign in with single sign-on.');
      }
      const keys = { pair: `account:${email} ip:${input.ip}`, account: `account:${email}`, ip: `ip:${input.ip}` };
      const wait = await auth.blockedFor([keys.pair, keys.ip]);
      if (wait > 0) {
        throw new TooManyRequestsError('Too many failed sign-ins. Wait before trying again.', wait);
      }
      const delay = delayFor(await auth.failuresOf(keys.account, THROTTLE.windowSeconds));
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const user = await users.findByEmail(email);
      // Unknown accounts cost the same argon2 verification as known ones: same answer, same time.
      const valid = user ? await verifyPassword(user.passwordHash, input.password) : await burnPasswordCheck(input.password);
      if (!user || !valid || !user.active) {
        const timing = { windowSeconds: THROTTLE.windowSeconds, blockSeconds: THROTTLE.blockSeconds };
        await auth.recordFailure(keys.pair, { limit: THROTTLE.perAccountAndAddress, ...timing });
        await auth.recordFailure(keys.ip, { limit: THROTTLE.perIp, ...timing });
        await auth.recordFailure(keys.account, { limit: NO_BLOCK, ...timing });
        throw new UnauthorizedError(INVALID_CREDENTIALS);
      }
      const refreshToken = await startSession(user.id, {
        requestId: input.requestId,
        method: 'password',
        before: (tx) => createAuthRepository(tx).clearFailures(keys.pair),
      });
      const withRoles = await users.findById(user.id);
      return { session: sessionFor(toUser(withRoles!), user.sessionVersion), refreshToken };
    },

    /**
     * Rotates a refresh token. Presenting one that was already rotated revokes its whole family,
     * unless it comes within REFRESH_REUSE_GRACE_SECONDS of its first use.
     */
    async refresh(refreshToken: string, requestId: string): Promise<SessionResult> {
      const outcome = await db.transaction(async (tx) => {
        const repo = createAuthRepository(tx);
        const row = await repo.findRefreshTokenForUpdate(sha256(refreshToken));
        if (!row || row.revokedAt || row.expiresAt < new Date()) return { ok: false as const };
        if (row.usedSecondsAgo === null) {
          await repo.markUsed(row.id);
        } else if (row.usedSecondsAgo > REFRESH_REUSE_GRACE_SECONDS) {
          await repo.revokeFamily(row.familyId);
          return { ok: false as const, reused: true };
        }
        // Within the grace period, a second refresh with the same token gets a token of its own in the same family.
        const user = await createUsersRepository(tx).findById(row.userId);
        if (!user || !user.active) return { ok: false as const };
        const next = await issueRefreshToken(tx, user.id, row.familyId);
        await recordAudit(tx, systemActor(user.id, user.email, requestId), {
          kommunenummer: null,
          entity: 'session',
          entityId: row.familyId,
          action: 'refresh',
          changes: {},
        });
        return { ok: true as const, user, next };
      });
      if (!outcome.ok) {
        throw new UnauthorizedError(
          'reused' in outcome ? 'This refresh token was already used: the session is revoked.' : 'The session has ended.',
        );
      }
      return { session: sessionFor(toUser(outcome.user), outcome.user.sessionVersion), refreshToken: outcome.next };
    },

    async logout(refreshToken: string, requestId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const repo = createAuthRepository(tx);
        const row = await repo.findRefreshTokenForUpdate(sha256(refreshToken));
        if (!row || row.revokedAt) return;
        await repo.revokeFamily(row.familyId);
        const user = await createUsersRepository(tx).findById(row.userId);
        await recordAudit(tx, systemActor(row.userId, user?.email ?? 'unknown', requestId), {
          kommunenummer: null,
          entity: 'session',
          entityId: row.familyId,
          action: 'logout',
          changes: {},
        });
      });
    },

    async changePassword(actor: Actor & { id: string }, currentPassword: string, newPassword: string): Promise<void> {
      const user = await users.findById(actor.id);
      if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw new InvalidFieldError({ in: 'body', name: 'currentPassword', detail: 'is wrong', code: 'wrong_password' });
      }
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        await createUsersRepository(tx).update(user.id, { passwordHash, endSessions: true });
        await recordAudit(tx, actor, {
          kommunenummer: null,
          entity: 'user',
          entityId: user.id,
          action: 'update',
          changes: diffChanges({ passwordHash: user.passwordHash }, { passwordHash }),
        });
      });
    },

    async me(userId: string): Promise<User> {
      const user = await users.findById(userId);
      if (!user) throw new UnauthorizedError();
      return toUser(user);
    },

    /** The principal for verified access-token claims: only active users whose session is current. */
    async resolveUser(claims: AccessTokenClaims): Promise<Principal | null> {
      const user = await users.findById(claims.sub);
      if (!user || !user.active || user.sessionVersion !== claims.sv) return null;
      return {
        kind: 'user',
        id: user.id,
        email: user.email,
        isAdmin: user.isAdmin,
        roles: new Map(user.roles.map((r) => [r.kommunenummer, r.role])),
      };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
