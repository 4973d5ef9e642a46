import { desc, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { DEMO_PASSWORD } from '../../demo/demo-accounts.js';
import { call, createToken, DEMO, refreshCookieOf, signIn } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function lastId(): Promise<bigint> {
  const [row] = await t.database.db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return row?.id ?? 0n;
}
const rowsAfter = (id: bigint) => t.database.db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(auditLog.id);

/** Runs a request and returns the audit rows it wrote. */
async function audited(run: () => Promise<Response>, expectedStatus: number) {
  const mark = await lastId();
  const response = await run();
  expect(response.status).toBe(expectedStatus);
  return { response, rows: await rowsAfter(mark) };
}

describe('audit log', () => {
  it('every mutation writes exactly one row per changed entity, attributed to its actor', async () => {
    const admin = await signIn(t, DEMO.admin);
    const coordinator = await signIn(t, DEMO.coordinator3401);

    const created = await audited(
      () =>
        call(t, 'POST', '/api/v1/users', {
          bearer: admin.accessToken,
          body: { email: 'ny@demo.invalid', name: 'Ny Bruker', password: 'a-long-password-1' },
        }),
      201,
    );
    const userId = ((await created.response.json()) as { id: string }).id;
    expect(created.rows).toHaveLength(1);
    expect(created.rows[0]).toMatchObject({
      entity: 'user',
      action: 'create',
      entityId: userId,
      actorType: 'user',
      actorLabel: DEMO.admin,
    });
    expect(created.rows[0]!.changes['passwordHash']).toEqual({ before: '[secret]', after: '[secret]' });

    const steps: [string, () => Promise<Response>, number, string, string][] = [
      [
        'rename',
        () => call(t, 'PATCH', `/api/v1/users/${userId}`, { bearer: admin.accessToken, body: { name: 'Nytt Navn' } }),
        200,
        'user',
        'update',
      ],
      [
        'grant',
        () => call(t, 'PUT', `/api/v1/users/${userId}/roles/3401`, { bearer: admin.accessToken, body: { role: 'member' } }),
        200,
        'user_role',
        'create',
      ],
      [
        'promote',
        () => call(t, 'PUT', `/api/v1/users/${userId}/roles/3401`, { bearer: admin.accessToken, body: { role: 'coordinator' } }),
        200,
        'user_role',
        'update',
      ],
      ['ungrant', () => call(t, 'DELETE', `/api/v1/users/${userId}/roles/3401`, { bearer: admin.accessToken }), 200, 'user_role', 'delete'],
      [
        'login',
        () => call(t, 'POST', '/api/v1/auth/login', { body: { email: DEMO.member3401, password: DEMO_PASSWORD } }),
        200,
        'session',
        'login',
      ],
    ];
    for (const [name, run, status, entity, action] of steps) {
      const { rows } = await audited(run, status);
      expect(
        rows.map((r) => `${r.entity}:${r.action}`),
        name,
      ).toEqual([`${entity}:${action}`]);
    }

    const token = await audited(
      () =>
        call(t, 'POST', '/api/v1/municipalities/3401/api-tokens', {
          bearer: coordinator.accessToken,
          body: { name: 'intranett', scopes: ['read'] },
        }),
      201,
    );
    const tokenBody = (await token.response.json()) as { token: { id: string }; secret: string };
    expect(token.rows.map((r) => [r.entity, r.action, r.kommunenummer])).toEqual([['api_token', 'create', '3401']]);
    expect(JSON.stringify(token.rows.map((r) => r.changes))).not.toContain(tokenBody.secret);

    const revoke = await audited(
      () => call(t, 'DELETE', `/api/v1/municipalities/3401/api-tokens/${tokenBody.token.id}`, { bearer: coordinator.accessToken }),
      204,
    );
    expect(revoke.rows.map((r) => `${r.entity}:${r.action}`)).toEqual(['api_token:revoke']);
    expect(revoke.rows[0]!.changes['revokedAt']?.before).toBeNull();

    // Revoking again changes nothing, so it writes nothing.
    const again = await audited(
      () => call(t, 'DELETE', `/api/v1/municipalities/3401/api-tokens/${tokenBody.token.id}`, { bearer: coordinator.accessToken }),
      204,
    );
    expect(again.rows).toEqual([]);

    const session = await signIn(t, DEMO.member3401);
    const refreshed = await audited(() => call(t, 'POST', '/api/v1/auth/refresh', { headers: { cookie: session.cookie } }), 200);
    expect(refreshed.rows.map((r) => `${r.entity}:${r.action}`)).toEqual(['session:refresh']);
    const cookie = refreshCookieOf(refreshed.response.headers.get('set-cookie'));
    const out = await audited(() => call(t, 'POST', '/api/v1/auth/logout', { headers: { cookie } }), 204);
    expect(out.rows.map((r) => `${r.entity}:${r.action}`)).toEqual(['session:logout']);
  });

  it('a failed mutation leaves no audit row', async () => {
    const admin = await signIn(t, DEMO.admin);
    const coordinator = await signIn(t, DEMO.coordinator3401);
    const missing = '00000000-0000-4000-8000-000000000000';
    const failures: [() => Promise<Response>, number][] = [
      [() => call(t, 'PATCH', `/api/v1/users/${missing}`, { bearer: admin.accessToken, body: { name: 'X' } }), 404],
      [() => call(t, 'PUT', `/api/v1/users/${admin.userId}/roles/9999`, { bearer: admin.accessToken, body: { role: 'member' } }), 404],
      [() => call(t, 'DELETE', `/api/v1/users/${admin.userId}/roles/3401`, { bearer: admin.accessToken }), 404],
      [() => call(t, 'DELETE', `/api/v1/municipalities/3401/api-tokens/${missing}`, { bearer: coordinator.accessToken }), 404],
      [
        () =>
          call(t, 'POST', '/api/v1/municipalities/3401/api-tokens', { bearer: coordinator.accessToken, body: { name: 'x', scopes: [] } }),
        400,
      ],
      [() => call(t, 'POST', '/api/v1/auth/login', { body: { email: DEMO.admin, password: 'wrong-password' } }), 401],
    ];
    for (const [run, status] of failures) {
      const { rows } = await audited(run, status);
      expect(rows).toEqual([]);
    }
  });

  it("coordinators read their municipality's log, newest first, filtered and paginated", async () => {
    const coordinator = await signIn(t, DEMO.coordinator3401);
    await createToken(t, coordinator.accessToken, '3401', ['read']);
    await createToken(t, coordinator.accessToken, '3401', ['write']);
    const all = await call(t, 'GET', '/api/v1/municipalities/3401/audit?entity=api_token', { bearer: coordinator.accessToken });
    expect(all.status).toBe(200);
    const page = (await all.json()) as { items: { id: string; entity: string; actor: { label: string } }[]; nextCursor: string | null };
    expect(page.items.length).toBeGreaterThanOrEqual(2);
    expect(page.items.every((e) => e.entity === 'api_token')).toBe(true);
    const ids = page.items.map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a > b ? -1 : 1)));
    expect(page.items[0]!.actor.label).toBe(DEMO.coordinator3401);

    const first = (await (
      await call(t, 'GET', '/api/v1/municipalities/3401/audit?limit=1', { bearer: coordinator.accessToken })
    ).json()) as typeof page;
    expect(first.items).toHaveLength(1);
    const second = (await (
      await call(t, 'GET', `/api/v1/municipalities/3401/audit?limit=1&cursor=${first.nextCursor}`, { bearer: coordinator.accessToken })
    ).json()) as typeof page;
    expect(BigInt(second.items[0]!.id)).toBeLessThan(BigInt(first.items[0]!.id));

    const bad = await call(t, 'GET', '/api/v1/municipalities/3401/audit?from=yesterday', { bearer: coordinator.accessToken });
    expect(bad.status).toBe(400);
  });

  it('filters by person: only what one user did, and a malformed person id is a 400 naming it', async () => {
    const coordinator = await signIn(t, DEMO.coordinator3401);
    const admin = await signIn(t, DEMO.admin);
    await createToken(t, coordinator.accessToken, '3401', ['read']);
    await createToken(t, admin.accessToken, '3401', ['read']);
    type Page = { items: { actor: { id: string | null; label: string } }[] };
    const read = async (query: string) => {
      const response = await call(t, 'GET', `/api/v1/municipalities/3401/audit?${query}`, { bearer: coordinator.accessToken });
      expect(response.status).toBe(200);
      return (await response.json()) as Page;
    };
    const both = await read('entity=api_token&limit=100');
    const coordinatorId = both.items.find((e) => e.actor.label === DEMO.coordinator3401)!.actor.id!;
    const adminId = both.items.find((e) => e.actor.label === DEMO.admin)!.actor.id!;
    expect(coordinatorId).not.toBe(adminId);

    const mine = await read(`entity=api_token&limit=100&actorId=${coordinatorId}`);
    expect(mine.items.length).toBeGreaterThanOrEqual(1);
    expect(mine.items.every((e) => e.actor.id === coordinatorId && e.actor.label === DEMO.coordinator3401)).toBe(true);
    const theirs = await read(`entity=api_token&limit=100&actorId=${adminId}`);
    expect(theirs.items.length).toBeGreaterThanOrEqual(1);
    expect(theirs.items.every((e) => e.actor.label === DEMO.admin)).toBe(true);
    expect((await read('actorId=00000000-0000-4000-8000-000000000000')).items).toEqual([]);

    const bad = await call(t, 'GET', '/api/v1/municipalities/3401/audit?actorId=someone', { bearer: coordinator.accessToken });
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { errors?: { name: string }[] };
    expect(problem.errors?.map((e) => e.name)).toContain('actorId');
  });
});

describe('secrets', () => {
  it('passwords, token secrets and refresh tokens never appear in logs or responses', async () => {
    const session = await signIn(t, DEMO.coordinator3401);
    const token = await createToken(t, session.accessToken, '3401', ['read']);
    await call(t, 'GET', '/api/v1/municipalities/3401/users', { bearer: token.secret });
    await call(t, 'POST', '/api/v1/auth/refresh', { headers: { cookie: session.cookie } });
    const users = await (await call(t, 'GET', '/api/v1/municipalities/3401/users', { bearer: session.accessToken })).text();
    const tokens = await (await call(t, 'GET', '/api/v1/municipalities/3401/api-tokens', { bearer: session.accessToken })).text();

    const logs = JSON.stringify(t.logs);
    expect(t.logs.length).toBeGreaterThan(10);
    for (const secret of [DEMO_PASSWORD, token.secret, session.cookie.split('=')[1]!, session.accessToken]) {
      expect(logs).not.toContain(secret);
    }
    expect(users).not.toMatch(/argon2|passwordHash/);
    expect(tokens).not.toContain(token.secret);
    expect(tokens).not.toMatch(/secretHash/);
  });
});
