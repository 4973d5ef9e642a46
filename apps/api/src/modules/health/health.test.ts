import { ProblemType } from '@slt/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { TEST_JWT_SECRET, openTestDatabase, createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('health probes', () => {
  it('live and ready answer ok while the database answers', async () => {
    for (const path of ['/api/health/live', '/api/health/ready']) {
      const response = await fetch(`${t.baseUrl}${path}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    }
  });

  it('ready is a 503 problem when the database is gone, while live stays ok', async () => {
    const { database, dispose } = await openTestDatabase();
    const app = await buildApp({ config: t.config, database, logger: t.app.log, jwtSecret: TEST_JWT_SECRET });
    await database.close();
    try {
      const ready = await app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(ready.json()).toMatchObject({ type: ProblemType.unavailable, status: 503 });
      const live = await app.inject({ method: 'GET', url: '/api/health/live' });
      expect(live.statusCode).toBe(200);
    } finally {
      await app.close();
      await dispose().catch(() => undefined);
    }
  });
});
