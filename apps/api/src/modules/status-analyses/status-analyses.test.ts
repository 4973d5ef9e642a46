import type { GoalList, Meeting, MeetingPage, OrganizationList, StatusAnalysis } from '@slt/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusAnalyses } from '../../db/schema/index.js';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { expectProblem, FNR } from '../../../test/problems.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let coordinator: string;
const base = '/api/v1/municipalities/3401';

beforeAll(async () => {
  t = await createTestApp();
  coordinator = (await signIn(t, DEMO.coordinator3401)).accessToken;
});
afterAll(async () => {
  await t?.close();
});

describe('the kartlegging (status analysis)', () => {
  it("holds the goals' indicators with latest values and trend, each organization's observations, priorities; links an agenda item", async () => {
    const organizations = (await (await call(t, 'GET', `${base}/organizations`)).json()) as OrganizationList;
    const goals = (await (await call(t, 'GET', `${base}/goals`)).json()) as GoalList;
    const meetings = (await (await call(t, 'GET', `${base}/meetings?limit=20`, { bearer: coordinator })).json()) as MeetingPage;
    let meeting: Meeting | undefined;
    for (const item of meetings.items) {
      const detail = (await (await call(t, 'GET', `${base}/meetings/${item.id}`, { bearer: coordinator })).json()) as Meeting;
      if ((detail.agenda ?? []).length > 0) {
        meeting = detail;
        break;
      }
    }
    if (!meeting) throw new Error('the demo has a meeting with an agenda');
    const response = await call(t, 'POST', `${base}/status-analyses`, {
      bearer: coordinator,
      body: {
        title: 'Kartlegging 2026 (test)',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        summary: 'Flere unge samles i sentrum på kveldstid.',
        observations: [{ organizationId: organizations.items[0]!.id, text: 'Økt fravær på ungdomstrinnet.' }],
        priorities: [{ title: 'Tidlig innsats i ungdomsskolen' }, { title: 'Rus i helgene', rationale: 'Ungdata 2026' }],
        agendaItemId: meeting.agenda![0]!.id,
      },
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const analysis = (await response.json()) as StatusAnalysis;
    expect(analysis.indicators.map((i) => i.indicatorId).sort()).toEqual(
      goals.items
        .flatMap((g) => g.indicators)
        .map((i) => i.id)
        .sort(),
    );
    expect(analysis.priorities.map((p) => p.title)).toEqual(['Tidlig innsats i ungdomsskolen', 'Rus i helgene']);
    expect(analysis.agendaItemId).toBe(meeting.agenda![0]!.id);

    // A small count recorded for the period is reported as "<5" in the kartlegging.
    const goal = goals.items.find((g) => g.indicators.length > 0)!;
    const goalRead = await call(t, 'GET', `${base}/goals/${goal.id}`);
    await call(t, 'POST', `${base}/goals/${goal.id}/indicators/${goal.indicators[0]!.id}/measurements`, {
      bearer: coordinator,
      body: { periodStart: '2026-07-01', periodEnd: '2026-11-30', value: 4 },
      headers: { 'if-match': goalRead.headers.get('etag')! },
    });
    const read = await call(t, 'GET', `${base}/status-analyses/${analysis.id}`, { bearer: coordinator });
    const latest = ((await read.json()) as StatusAnalysis).indicators.find((i) => i.indicatorId === goal.indicators[0]!.id)!;
    expect(latest.latest).toMatchObject({ periodEnd: '2026-11-30', value: '<5' });
    expect(latest.trend).toBeNull();

    // Changes need If-Match; bad input names the field and writes nothing.
    const path = `${base}/status-analyses/${analysis.id}`;
    await expectProblem(await call(t, 'PATCH', path, { bearer: coordinator, body: { summary: 'Ny' } }), 428);
    const etag = read.headers.get('etag')!;
    await expectProblem(
      await call(t, 'PATCH', path, {
        bearer: coordinator,
        body: { observations: [{ organizationId: organizations.items[0]!.id, text: `Gjelder ${FNR}` }] },
        headers: { 'if-match': etag },
      }),
      400,
      'text',
    );
    const aukra = (await (await call(t, 'GET', '/api/v1/municipalities/1547/organizations')).json()) as OrganizationList;
    await expectProblem(
      await call(t, 'PATCH', path, {
        bearer: coordinator,
        body: { observations: [{ organizationId: aukra.items[0]!.id, text: 'X' }] },
        headers: { 'if-match': etag },
      }),
      400,
      'organizationId',
    );
    const [row] = await t.database.db.select().from(statusAnalyses).where(eq(statusAnalyses.id, analysis.id));
    expect(row!.observations).toEqual([{ organizationId: organizations.items[0]!.id, text: 'Økt fravær på ungdomstrinnet.' }]);
    const changed = await call(t, 'PATCH', path, { bearer: coordinator, body: { summary: null }, headers: { 'if-match': etag } });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as StatusAnalysis).summary).toBeNull();
    await expectProblem(await call(t, 'GET', path), 401);
  });
});
