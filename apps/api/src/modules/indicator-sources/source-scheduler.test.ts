import type { Goal } from '@slt/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorSources, indicatorSourceValues } from '../../db/schema/index.js';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { startSourceServer } from '../../../test/statistics-sources.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let first: TestApp;
let second: TestApp;
let sources: Awaited<ReturnType<typeof startSourceServer>>;

beforeAll(async () => {
  sources = await startSourceServer();
  const config = { ...sources.config, statsImportEveryDays: 7, statsSchedulerCheckSeconds: 1 };
  first = await createTestApp({ config });
  // A second replica on the same database, with its own scheduler.
  second = await createTestApp({ config, database: first.database });
});
afterAll(async () => {
  await second?.close();
  await first?.close();
  await sources?.close();
});

describe('the scheduled import', () => {
  it('imports a newly linked indicator once, whichever replica takes it, and schedules the next run a week on', async () => {
    const bearer = (await signIn(first, DEMO.coordinator3401)).accessToken;
    const base = '/api/v1/municipalities/3401/goals';
    const created = await call(first, 'POST', base, { bearer, body: { title: 'Planlagt import' } });
    const goal = (await created.json()) as Goal;
    const step = await call(first, 'POST', `${base}/${goal.id}/indicators`, {
      bearer,
      body: { name: 'Lovbrudd', unit: 'count', direction: 'decrease' },
      headers: { 'if-match': created.headers.get('etag')! },
    });
    const indicatorId = ((await step.json()) as Goal).indicators[0]!.id;
    const linked = await call(first, 'PUT', `${base}/${goal.id}/indicators/${indicatorId}/source`, {
      bearer,
      body: {
        provider: 'ssb',
        tableId: '08487',
        selection: [
          { dimension: 'Lovbruddsgruppe', values: ['VALLE'] },
          { dimension: 'ContentsCode', values: ['Lovbrudd'] },
        ],
        periods: 4,
      },
      headers: { 'if-match': '*' },
    });
    expect(linked.status).toBe(200);
    const db = first.database.db;
    const deadline = Date.now() + 20_000;
    let link;
    do {
      await new Promise((resolve) => setTimeout(resolve, 250));
      [link] = await db.select().from(indicatorSources).where(eq(indicatorSources.indicatorId, indicatorId));
    } while (link?.lastStatus !== 'ok' && Date.now() < deadline);
    expect(link?.lastStatus).toBe('ok');
    // Let both schedulers tick a few more times: the link is not due again, so nobody fetches it twice.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(sources.requests.filter((r) => r.url.startsWith('/ssb/tables/08487/data'))).toHaveLength(1);
    expect((await db.select().from(indicatorSourceValues).where(eq(indicatorSourceValues.indicatorId, indicatorId))).length).toBe(12);
    const [after] = await db.select().from(indicatorSources).where(eq(indicatorSources.indicatorId, indicatorId));
    const days = (after!.nextRunAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
  });
});
