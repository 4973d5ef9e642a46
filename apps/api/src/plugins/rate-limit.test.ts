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
  it('answers a 429 problem with Retry-After once an address has used its anonymous requests; a 304 does not count; authenticated callers and health checks go on', async () => {
    const first = await call(t, 'GET', '/api/v1/municipalities/3401/slt');
    expect(Number(first.headers.get('x-ratelimit-remaining'))).toBe(4);
    const etag = { 'if-none-match': first.headers.get('etag')! };
    // A conditional read answered 304 does not count (as on GitHub's API): revalidating is free.
    for (let i = 0; i < 8; i++) expect((await call(t, 'GET', '/api/v1/municipalities/3401/slt', { headers: etag })).status).toBe(304);
    for (let i = 0; i < 4; i++) {
      const response = await call(t, 'GET', '/api/v1/municipalities/3401');
      expect(response.status).toBe(200);
      expect(Number(response.headers.get('x-ratelimit-remaining'))).toBe(3 - i);
    }
    const limited = await call(t, 'GET', '/api/v1/municipalities/3401/slt');
    const problem = await expectProblem(limited, 429);
    // Over the limit, a reader may still revalidate its copy.
    expect((await call(t, 'GET', '/api/v1/municipalities/3401/slt', { headers: etag })).status).toBe(304);
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
