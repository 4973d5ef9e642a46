import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DEMO, signIn } from '../../test/auth.js';
import { expectProblem } from '../../test/problems.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let leased: TestApp;
beforeAll(async () => {
  t = await createTestApp({ rateLimitAnonymousPerMinute: 5 });
  // 40 a minute: counts taken from the database two at a time (lib/counters.ts).
  leased = await createTestApp({ rateLimitAnonymousPerMinute: 40 });
});
afterAll(async () => {
  await t?.close();
  await leased?.close();
});

describe('anonymous rate limit', () => {
  it('answers a 429 problem with Retry-After once an address has used its anonymous requests; authenticated callers and health checks go on', async () => {
    // A conditional read answered 304 counts as much as any other.
    let etag = '';
    for (let i = 0; i < 5; i++) {
      const path = i === 0 || i === 4 ? '/api/v1/municipalities/3401/slt' : '/api/v1/municipalities/3401';
      const response = await call(t, 'GET', path, { headers: i === 4 ? { 'if-none-match': etag } : {} });
      expect(response.status).toBe(i === 4 ? 304 : 200);
      if (i === 0) etag = response.headers.get('etag')!;
      expect(Number(response.headers.get('x-ratelimit-remaining'))).toBe(4 - i);
    }
    await expectProblem(await call(t, 'GET', '/api/v1/municipalities/3401/slt', { headers: { 'if-none-match': etag } }), 429);
    const limited = await call(t, 'GET', '/api/v1/municipalities/3401/slt');
    const problem = await expectProblem(limited, 429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(problem.detail).toContain('5 a minute');
    const { accessToken } = await signIn(t, DEMO.member3401);
    expect((await call(t, 'GET', '/api/v1/municipalities/3401/slt', { bearer: accessToken })).status).toBe(200);
    expect((await call(t, 'GET', '/api/health/ready')).status).toBe(200);
  });

  it('counts exactly when the counts are taken in leases: the 41st of 40 is refused', async () => {
    const remaining = [];
    for (let i = 0; i < 40; i++) {
      const response = await call(leased, 'GET', '/api/v1/municipalities/3401');
      expect(response.status).toBe(200);
      remaining.push(Number(response.headers.get('x-ratelimit-remaining')));
    }
    expect(remaining).toEqual(Array.from({ length: 40 }, (_, i) => 39 - i));
    await expectProblem(await call(leased, 'GET', '/api/v1/municipalities/3401'), 429);
  });
});
