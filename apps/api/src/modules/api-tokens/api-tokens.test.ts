import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, auditLog } from '../../db/schema/index.js';
import { call, createToken, DEMO, signIn } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let coordinator: string;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = (await signIn(t, DEMO.coordinator3401)).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const readInternal = (secret: string) => call(t, 'GET', '/api/v1/municipalities/3401/users', { bearer: secret });

describe('API tokens', () => {
  it('shows the secret once, stores only its hash, and lists the token with its visible prefix', async () => {
    const token = await createToken(t, coordinator, '3401', ['read']);
    expect(token.secret).toMatch(/^slt_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(token.secret.startsWith(`${token.prefix}_`)).toBe(true);

    const [row] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(JSON.stringify(row)).not.toContain(token.secret);
    expect(row!.secretHash).toMatch(/^[0-9a-f]{64}$/);

    const list = await call(t, 'GET', '/api/v1/municipalities/3401/api-tokens', { bearer: coordinator });
    const text = await list.text();
    expect(text).not.toContain(token.secret);
    expect((JSON.parse(text) as { items: unknown[] }).items).toContainEqual(
      expect.objectContaining({ id: token.id, prefix: token.prefix, scopes: ['read'] }),
    );
  });

  it('a read token reads internal data and records when it was last used', async () => {
    const token = await createToken(t, coordinator, '3401', ['read']);
    const response = await readInternal(token.secret);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { email: string }[] };
    expect(body.items.map((u) => u.email)).toEqual(expect.arrayContaining([DEMO.coordinator3401, DEMO.member3401]));
    const [row] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(row!.lastUsedAt).not.toBeNull();
  });

  it('a read token cannot write; an import token cannot manage users or tokens', async () => {
    const read = await createToken(t, coordinator, '3401', ['read']);
    const write = await call(t, 'POST', '/api/v1/municipalities/3401/api-tokens', {
      bearer: read.secret,
      body: { name: 'escalate', scopes: ['write'] },
    });
    expect(write.status).toBe(403);

    const importer = await createToken(t, coordinator, '3401', ['import']);
    const createUser = await call(t, 'POST', '/api/v1/users', {
      bearer: importer.secret,
      body: { email: 'x@demo.invalid', name: 'X', password: 'some-long-password' },
    });
    expect(createUser.status).toBe(403);
    expect((await call(t, 'GET', '/api/v1/auth/me', { bearer: importer.secret })).status).toBe(403);
    expect((await readInternal(importer.secret)).status).toBe(403);
  });

  it('rejects revoked and expired tokens', async () => {
    const revoked = await createToken(t, coordinator, '3401', ['read']);
    expect((await readInternal(revoked.secret)).status).toBe(200);
    const revoke = await call(t, 'DELETE', `/api/v1/municipalities/3401/api-tokens/${revoked.id}`, { bearer: coordinator });
    expect(revoke.status).toBe(204);
    expect((await readInternal(revoked.secret)).status).toBe(401);

    const expiring = await createToken(t, coordinator, '3401', ['read'], {
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect((await readInternal(expiring.secret)).status).toBe(200);
    await t.database.db
      .update(apiTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(apiTokens.id, expiring.id));
    expect((await readInternal(expiring.secret)).status).toBe(401);

    const unknown = `${revoked.prefix}_${'A'.repeat(43)}`;
    expect((await readInternal(unknown)).status).toBe(401);
  });

  it('is accepted only in the Authorization header', async () => {
    const token = await createToken(t, coordinator, '3401', ['read']);
    // Anywhere else the caller stays anonymous.
    const inQuery = await call(t, 'GET', `/api/v1/municipalities/3401/users?access_token=${token.secret}`);
    expect(inQuery.status).toBe(401);
    const inCookie = await call(t, 'GET', '/api/v1/municipalities/3401/users', { headers: { cookie: `token=${token.secret}` } });
    expect(inCookie.status).toBe(401);
  });

  it('refuses a name holding a fødselsnummer, naming the field, and writes nothing', async () => {
    const tokensBefore = await t.database.db.select({ id: apiTokens.id }).from(apiTokens);
    const response = await call(t, 'POST', '/api/v1/municipalities/3401/api-tokens', {
      bearer: coordinator,
      body: { name: 'for 010190 12480', scopes: ['read'] },
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { name: string; detail: string }[] };
    expect(problem.errors).toEqual([expect.objectContaining({ name: 'name', detail: expect.stringMatching(/fødselsnummer/) as string })]);
    expect(await t.database.db.select({ id: apiTokens.id }).from(apiTokens)).toHaveLength(tokensBefore.length);
  });

  it('refuses an expiry in the past, naming the field, and writes nothing', async () => {
    const before = await t.database.db.select({ id: auditLog.id }).from(auditLog);
    const tokensBefore = await t.database.db.select({ id: apiTokens.id }).from(apiTokens);
    const response = await call(t, 'POST', '/api/v1/municipalities/3401/api-tokens', {
      bearer: coordinator,
      body: { name: 'late', scopes: ['read'], expiresAt: '2020-01-01T00:00:00Z' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { name: string }[] }).errors[0]?.name).toBe('expiresAt');
    expect(await t.database.db.select({ id: auditLog.id }).from(auditLog)).toHaveLength(before.length);
    expect(await t.database.db.select({ id: apiTokens.id }).from(apiTokens)).toHaveLength(tokensBefore.length);
  });
});
