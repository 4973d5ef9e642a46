import { createHmac } from 'node:crypto';
import { ProblemType } from '@slt/shared';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema/index.js';
import { DEMO_PASSWORD } from '../../demo/demo-accounts.js';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from '../../../test/test-app.js';
import { REFRESH_REUSE_GRACE_SECONDS, THROTTLE } from './auth.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const b64 = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
/** A JWT signed with HS256 and the given secret, with any header and claims. */
function forge(claims: object, options: { secret?: string; header?: object } = {}) {
  const head = b64(options.header ?? { alg: 'HS256', typ: 'JWT' });
  const body = b64(claims);
  const signature = createHmac('sha256', options.secret ?? TEST_JWT_SECRET)
    .update(`${head}.${body}`)
    .digest('base64url');
  return `${head}.${body}.${signature}`;
}
const now = () => Math.floor(Date.now() / 1000);

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  call(t, 'POST', '/api/v1/auth/login', { body: { email, password }, headers });

describe('sign-in', () => {
  it('gives a short-lived access token and a locked-down refresh cookie', async () => {
    const response = await login(DEMO.coordinator3401, DEMO_PASSWORD);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const session = (await response.json()) as { accessToken: string; expiresIn: number; user: { roles: unknown } };
    expect(session.expiresIn).toBeLessThanOrEqual(15 * 60);
    expect(session.user.roles).toEqual([{ kommunenummer: '3401', role: 'coordinator' }]);
    const claims = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: 'slt-api', aud: 'slt-api' });
    expect(Number(claims['exp']) - Number(claims['iat'])).toBeLessThanOrEqual(15 * 60);

    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^slt_refresh=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth/);

    const me = await call(t, 'GET', '/api/v1/auth/me', { bearer: session.accessToken });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: DEMO.coordinator3401, isAdmin: false });
  });

  it('answers a wrong password and an unknown e-mail the same way', async () => {
    const wrong = await login(DEMO.member3401, 'not-the-password', { 'x-forwarded-for': '10.0.0.1' });
    const unknown = await login('nobody@demo.invalid', 'not-the-password');
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    const [a, b] = [(await wrong.json()) as Record<string, unknown>, (await unknown.json()) as Record<string, unknown>];
    const strip = ({ requestId: _r, ...rest }: Record<string, unknown>) => rest;
    expect(strip(a)).toEqual(strip(b));
    expect(a['type']).toBe(ProblemType.unauthorized);
  });

  it('accepts the e-mail in any case', async () => {
    expect((await login(DEMO.member3401.toUpperCase(), DEMO_PASSWORD)).status).toBe(200);
  });

  it(`blocks an account after ${THROTTLE.perAccountAndAddress} wrong passwords in a row: the next gets 429 with Retry-After`, async () => {
    const email = DEMO.coordinator1547;
    const statuses: number[] = [];
    for (let i = 0; i < THROTTLE.perAccountAndAddress; i += 1) statuses.push((await login(email, `wrong-${i}`)).status);
    expect(statuses).toEqual(Array(THROTTLE.perAccountAndAddress).fill(401));
    const eleventh = await login(email, 'wrong-again');
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await eleventh.json()) as { type: string }).type).toBe(ProblemType.tooManyRequests);
    // Even the right password waits until the block ends.
    expect((await login(email, DEMO_PASSWORD)).status).toBe(429);
  });
});

describe('access tokens', () => {
  let userId: string;
  beforeAll(async () => {
    userId = (await signIn(t, DEMO.member3401)).userId;
  });
  const me = (token: string) => call(t, 'GET', '/api/v1/auth/me', { bearer: token });
  const valid = () => ({ sub: userId, sv: 1, iss: 'slt-api', aud: 'slt-api', iat: now(), exp: now() + 300 });

  it('accepts a correctly signed token (the forging helper is right)', async () => {
    expect((await me(forge(valid()))).status).toBe(200);
  });

  it('rejects expired, tampered, alg:none, wrong-audience, wrong-issuer and wrong-key tokens', async () => {
    const good = forge(valid());
    const [head, , signature] = good.split('.');
    const cases = {
      expired: forge({ ...valid(), iat: now() - 3600, exp: now() - 60 }),
      tampered: `${head}.${b64({ ...valid(), sub: '00000000-0000-4000-8000-000000000000' })}.${signature}`,
      algNone: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(valid())}.`,
      algHs512: forge(valid(), { header: { alg: 'HS512', typ: 'JWT' } }),
      wrongAudience: forge({ ...valid(), aud: 'another-api' }),
      wrongIssuer: forge({ ...valid(), iss: 'someone-else' }),
      wrongKey: forge(valid(), { secret: 'another-secret-that-is-at-least-32-chars' }),
      garbage: 'not-a-jwt',
    };
    for (const [name, token] of Object.entries(cases)) {
      const response = await me(token);
      expect(response.status, name).toBe(401);
      expect(response.headers.get('www-authenticate'), name).toBe('Bearer');
    }
  });

  it('rejects a malformed Authorization header, even on public routes', async () => {
    const response = await call(t, 'GET', '/api/v1/municipalities/3401', { headers: { authorization: 'Basic abc' } });
    expect(response.status).toBe(401);
  });
});

describe('refresh, reuse detection and logout', () => {
  const refresh = (cookie: string) => call(t, 'POST', '/api/v1/auth/refresh', { headers: { cookie } });

  it('rotates the refresh token on every refresh', async () => {
    const session = await signIn(t, DEMO.member3401);
    const first = await refresh(session.cookie);
    expect(first.status).toBe(200);
    const rotated = first.headers.get('set-cookie') ?? '';
    expect(rotated).toMatch(/^slt_refresh=/);
    expect(rotated.split(';')[0]).not.toBe(session.cookie);
    const body = (await first.json()) as { accessToken: string };
    expect((await call(t, 'GET', '/api/v1/auth/me', { bearer: body.accessToken })).status).toBe(200);
  });

  it('two refreshes with one token at once (two tabs opening the app) both get a session, and both stay signed in', async () => {
    const session = await signIn(t, DEMO.member3401);
    const [a, b] = await Promise.all([refresh(session.cookie), refresh(session.cookie)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const cookies = [a, b].map((r) => (r.headers.get('set-cookie') ?? '').split(';')[0]!);
    expect(new Set([...cookies, session.cookie]).size).toBe(3);
    for (const cookie of cookies) expect((await refresh(cookie)).status).toBe(200);
  });

  it(`revokes the whole family when an old refresh token is reused more than ${REFRESH_REUSE_GRACE_SECONDS} s after its first use`, async () => {
    const session = await signIn(t, DEMO.member3401);
    const first = await refresh(session.cookie);
    const next = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
    // As if the grace period had passed since that first use.
    await t.database.db.execute(
      sql`update refresh_tokens set used_at = used_at - make_interval(secs => ${REFRESH_REUSE_GRACE_SECONDS + 1}) where used_at is not null`,
    );
    const reuse = await refresh(session.cookie);
    expect(reuse.status).toBe(401);
    expect(((await reuse.json()) as { detail: string }).detail).toMatch(/already used/);
    // The legitimate newest token is now dead too.
    expect((await refresh(next)).status).toBe(401);
  });

  it('logout revokes the session and clears the cookie', async () => {
    const session = await signIn(t, DEMO.member3401);
    const out = await call(t, 'POST', '/api/v1/auth/logout', { headers: { cookie: session.cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/slt_refresh=;/);
    expect((await refresh(session.cookie)).status).toBe(401);
  });

  it('without a cookie, refresh is a 401 problem', async () => {
    expect((await call(t, 'POST', '/api/v1/auth/refresh')).status).toBe(401);
  });
});

describe('ending sessions', () => {
  it('a password change ends every session: old access and refresh tokens are refused', async () => {
    const admin = await signIn(t, DEMO.admin);
    const created = await call(t, 'POST', '/api/v1/users', {
      bearer: admin.accessToken,
      body: { email: 'changer@demo.invalid', name: 'Per Passord', password: 'first-password-123' },
    });
    expect(created.status).toBe(201);
    const session = await signIn(t, 'changer@demo.invalid', 'first-password-123');

    const wrongCurrent = await call(t, 'POST', '/api/v1/auth/password', {
      bearer: session.accessToken,
      body: { currentPassword: 'nope', newPassword: 'second-password-456' },
    });
    expect(wrongCurrent.status).toBe(400);
    expect(((await wrongCurrent.json()) as { errors: { name: string }[] }).errors[0]?.name).toBe('currentPassword');

    const changed = await call(t, 'POST', '/api/v1/auth/password', {
      bearer: session.accessToken,
      body: { currentPassword: 'first-password-123', newPassword: 'second-password-456' },
    });
    expect(changed.status).toBe(204);
    expect((await call(t, 'GET', '/api/v1/auth/me', { bearer: session.accessToken })).status).toBe(401);
    expect((await call(t, 'POST', '/api/v1/auth/refresh', { headers: { cookie: session.cookie } })).status).toBe(401);
    expect((await login('changer@demo.invalid', 'second-password-456')).status).toBe(200);
  });

  it('deactivating a user ends their sessions and their sign-in', async () => {
    const admin = await signIn(t, DEMO.admin);
    const created = (await (
      await call(t, 'POST', '/api/v1/users', {
        bearer: admin.accessToken,
        body: { email: 'leaver@demo.invalid', name: 'Lise Slutter', password: 'leaver-password-1' },
      })
    ).json()) as { id: string };
    const session = await signIn(t, 'leaver@demo.invalid', 'leaver-password-1');
    const deactivated = await call(t, 'PATCH', `/api/v1/users/${created.id}`, {
      bearer: admin.accessToken,
      body: { active: false },
    });
    expect(deactivated.status).toBe(200);
    expect((await call(t, 'GET', '/api/v1/auth/me', { bearer: session.accessToken })).status).toBe(401);
    expect((await call(t, 'POST', '/api/v1/auth/refresh', { headers: { cookie: session.cookie } })).status).toBe(401);
    expect((await login('leaver@demo.invalid', 'leaver-password-1')).status).toBe(401);
  });
});

describe('users (admin)', () => {
  it('stores argon2id hashes with at least OWASP parameters, never the password', async () => {
    const [row] = await t.database.db.select().from(users).where(eq(users.email, DEMO.admin));
    const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(row!.passwordHash);
    expect(match).not.toBeNull();
    expect(Number(match![1])).toBeGreaterThanOrEqual(19_456);
    expect(Number(match![2])).toBeGreaterThanOrEqual(2);
    expect(row!.passwordHash).not.toContain(DEMO_PASSWORD);
  });

  it('refuses a duplicate e-mail with 409 and writes no audit row', async () => {
    const admin = await signIn(t, DEMO.admin);
    const [{ value: before }] = (await t.database.db.select({ value: count() }).from(auditLog)) as [{ value: number }];
    const response = await call(t, 'POST', '/api/v1/users', {
      bearer: admin.accessToken,
      body: { email: DEMO.member3401.toUpperCase(), name: 'Dup', password: 'duplicate-password-1' },
    });
    expect(response.status).toBe(409);
    const [{ value: after }] = (await t.database.db.select({ value: count() }).from(auditLog)) as [{ value: number }];
    expect(after).toBe(before);
  });

  it('is for administrators only', async () => {
    const coordinator = await signIn(t, DEMO.coordinator3401);
    expect((await call(t, 'GET', '/api/v1/users', { bearer: coordinator.accessToken })).status).toBe(403);
    expect((await call(t, 'GET', '/api/v1/users')).status).toBe(401);
  });
});
