import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The one-time secret of an invitation link, kept nowhere: `<user id>.<expiry>.<fingerprint>`
 * signed with HMAC-SHA256. The fingerprint is taken from the user's password hash at the time of
 * the invitation, so once the password is set the link no longer works (one use), and a newer
 * invitation does not revive an older link after that.
 */
const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const fingerprintOf = (passwordHash: string) => createHash('sha256').update(passwordHash).digest('base64url').slice(0, 22);

export function signInvitation(secret: string, user: { id: string; passwordHash: string }, expiresAt: Date): string {
  const { id: userId, passwordHash } = user;
  const payload = `${userId}.${Math.floor(expiresAt.getTime() / 1000)}.${fingerprintOf(passwordHash)}`;
  const signature = createHmac('sha256', `invitation:${secret}`).update(payload).digest('base64url');
  return `${b64(payload)}.${signature}`;
}

/** The user id a valid, unexpired token names (still to be checked against the user's password hash), or null. */
export function readInvitation(secret: string, token: string, now: Date): { userId: string; fingerprint: string } | null {
  const [encoded, signature] = token.split('.');
  if (!encoded || !signature) return null;
  const payload = Buffer.from(encoded, 'base64url').toString('utf8');
  const expected = createHmac('sha256', `invitation:${secret}`).update(payload).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [userId, expiry, fingerprint] = payload.split('.');
  if (!userId || !expiry || !fingerprint || Number(expiry) * 1000 < now.getTime()) return null;
  return { userId, fingerprint };
}

export const matchesPassword = (fingerprint: string, passwordHash: string): boolean => fingerprintOf(passwordHash) === fingerprint;
