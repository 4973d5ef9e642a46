import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DEMO, signIn } from '../../test/auth.js';
import { expectProblem } from '../../test/problems.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ rateLimitAnonymousPerMinute: 5 });
});
afterAll(async () => {
  await t?.close();
});

describe('anonymous rate limit', () => {
  it('answers a 429 problem with Retry-After once an address has used its anonymous requests; authenticated callers and health checks go on', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await call(t, 'GET', '/api/v1/municipalities/3401');
      expect(response.status).toBe(200);
      expect(Number(response.headers.get('x-ratelimit-remaining'))).toBe(4 - i);
    }
    const limited = await call(t, 'GET', '/api/v1/municipalities/3401/slt');
    const problem = await expectProblem(limited, 429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(problem.detail).toContain('5 a minute');
    const { accessToken } = await signIn(t, DEMO.member3401);
    expect((await call(t, 'GET', '/api/v1/municipalities/3401/slt', { bearer: accessToken })).status).toBe(200);
    expect((await call(t, 'GET', '/api/health/ready')).status).toBe(200);
  });
});
