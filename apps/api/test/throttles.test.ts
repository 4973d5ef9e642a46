import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts.js';
import { THROTTLE } from '../src/modules/auth/auth.service.js';
import { call, createToken, DEMO, signIn } from './auth.js';
import { expectProblem } from './problems.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * Issue 15, acceptance 8 and the throttles of item 9: an attacker cannot lock the owner out;
 * failed credentials are limited per address; imports and exports have a quota per caller; two
 * API instances on one database share one anonymous limit; the address is the one the trusted
 * proxy hop saw, not one a client wrote into X-Forwarded-For.
 */
let t: TestApp;
let replica: TestApp;
beforeAll(async () => {
  // One trusted proxy in front (here the test itself, on loopback), as docker-compose runs it.
  const options = {
    trustProxy: '127.0.0.1',
    rateLimitAnonymousPerMinute: 6,
    failedCredentialsPerMinute: 5,
    exchangePerCallerPerMinute: 3,
    config: { apiTokensPerMunicipality: 3, calendarFeedsPerUser: 2 },
  };
  t = await createTestApp(options);
  replica = await createTestApp({ ...options, database: t.database });
});
afterAll(async () => {
  await replica?.close();
  await t?.close();
});

const from = (address: string) => ({ 'x-forwarded-for': address });
const login = (app: TestApp, email: string, password: string, address: string) =>
  call(app, 'POST', '/api/v1/auth/login', { body: { email, password }, headers: from(address) });

describe('throttles', () => {
  it('the owner signs in from their own address after 10 wrong passwords from another address; that address stays blocked', async () => {
    const email = DEMO.coordinator1547;
    for (let i = 0; i < THROTTLE.perAccountAndAddress; i++) expect((await login(t, email, `gjett-${i}`, '203.0.113.66')).status).toBe(401);
    const attacker = await login(t, email, DEMO_PASSWORD, '203.0.113.66');
    await expectProblem(attacker, 429);
    expect(Number(attacker.headers.get('retry-after'))).toBeGreaterThan(0);
    const owner = await login(t, email, DEMO_PASSWORD, '198.51.100.23');
    expect(owner.status).toBe(200);
  }, 60_000);

  it('invalid credentials are limited per address (429 before any lookup); other addresses go on', async () => {
    const { accessToken } = await signIn(t, DEMO.coordinator3401);
    const token = (await createToken(t, accessToken, '3401', ['read'])).secret;
    for (let i = 0; i < 5; i++) {
      const r = await call(t, 'GET', '/api/v1/municipalities/3401/members', { bearer: `slt_gjettet${i}`, headers: from('192.0.2.44') });
      expect(r.status).toBe(401);
    }
    const blocked = await call(t, 'GET', '/api/v1/municipalities/3401/members', { bearer: token, headers: from('192.0.2.44') });
    await expectProblem(blocked, 429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(t, 'GET', '/api/v1/municipalities/3401/members', { bearer: token, headers: from('192.0.2.45') })).status).toBe(200);
  });

  it('imports and exports have a quota per token or user, shared by the replicas', async () => {
    const { accessToken } = await signIn(t, DEMO.coordinator3401);
    const token = (await createToken(t, accessToken, '3401', ['read'])).secret;
    const other = (await createToken(t, accessToken, '3401', ['read'])).secret;
    const exportWith = (app: TestApp, bearer: string) => call(app, 'GET', '/api/v1/municipalities/3401/export', { bearer });
    expect((await exportWith(t, token)).status).toBe(200);
    expect((await exportWith(replica, token)).status).toBe(200);
    expect((await exportWith(t, token)).status).toBe(200);
    const over = await exportWith(replica, token);
    const problem = await expectProblem(over, 429);
    expect(problem.detail).toContain('3 a minute');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await exportWith(replica, other)).status).toBe(200);
  });

  it('two API instances on one database share one anonymous limit; rotating X-Forwarded-For before the trusted hop does not help', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const app = i % 2 === 0 ? t : replica;
      // What a client wrote, then the address the proxy saw (the only one the API believes).
      const r = await call(app, 'GET', '/api/v1/municipalities/3401', { headers: from(`10.${i}.0.1, 198.18.0.9`) });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
    // Another address behind the same proxy has its own budget.
    expect((await call(replica, 'GET', '/api/v1/municipalities/3401', { headers: from('198.18.0.10') })).status).toBe(200);
  });

  it('caps API tokens per municipality and calendar feeds per user (409 problem; revoking one frees a place)', async () => {
    const { accessToken } = await signIn(t, DEMO.admin);
    const tokens = [];
    for (let i = 0; i < 3; i++) tokens.push(await createToken(t, accessToken, '3403', ['read']));
    const fourth = await call(t, 'POST', '/api/v1/municipalities/3403/api-tokens', {
      bearer: accessToken,
      body: { name: 'fjerde', scopes: ['read'] },
    });
    const problem = await expectProblem(fourth, 409);
    expect(problem.detail).toContain('at most 3 active API tokens');
    expect((await call(t, 'DELETE', `/api/v1/municipalities/3403/api-tokens/${tokens[0]!.id}`, { bearer: accessToken })).status).toBe(204);
    expect(
      (await call(t, 'POST', '/api/v1/municipalities/3403/api-tokens', { bearer: accessToken, body: { name: 'ny', scopes: ['read'] } }))
        .status,
    ).toBe(201);

    const feed = () => call(t, 'POST', '/api/v1/me/calendar-feeds', { bearer: accessToken, body: {} });
    expect((await feed()).status).toBe(201);
    expect((await feed()).status).toBe(201);
    expect((await expectProblem(await feed(), 409)).detail).toContain('at most 2 calendar feeds');
  });
});
