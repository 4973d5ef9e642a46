import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DEMO, signIn } from '../../test/auth.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('caching of public reads', () => {
  it('anonymous answers are public with stale-while-revalidate; authenticated ones private and revalidated; both vary on Authorization', async () => {
    const { accessToken } = await signIn(t, DEMO.member3401);
    const paths = [
      '/api/v1/municipalities/3401',
      '/api/v1/municipalities/3401/tiers',
      '/api/v1/municipalities/3401/slt',
      '/api/v1/municipalities/3401/meetings',
    ];
    for (const path of paths) {
      const anonymous = await call(t, 'GET', path);
      expect(anonymous.headers.get('cache-control'), path).toBe('public, max-age=60, stale-while-revalidate=300');
      expect(anonymous.headers.get('vary'), path).toMatch(/Authorization/);
      const member = await call(t, 'GET', path, { bearer: accessToken });
      expect(member.headers.get('cache-control'), path).toBe('private, no-cache');
    }
    const feed = await call(t, 'GET', '/api/v1/municipalities/3401/calendar.ics');
    expect(feed.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=3600');
  });
});
