import type { GoalList, GrantApplication, GrantReport, Measure, YearPlan } from '@slt/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, grantApplications } from '../../db/schema/index.js';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { expectProblem, FNR } from '../../../test/problems.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { grantDeadlines, ownFundingOf } from './grants.service.js';

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

const create = (body: unknown) => call(t, 'POST', `${base}/grant-applications`, { bearer: coordinator, body });

describe('grant (tilskudd) applications', () => {
  it('deadlines: apply by 1 December the year before, report by 1 April after each year; own funding share', () => {
    expect(grantDeadlines('2027-01-01', '2029-12-31')).toEqual({ apply: '2026-12-01', report: ['2028-04-01', '2029-04-01', '2030-04-01'] });
    expect(ownFundingOf({ ownFunding: 150_000, appliedAmount: 850_000, grantedAmount: null }).warnings).toEqual([
      'own_funding_below_20_percent',
    ]);
    expect(ownFundingOf({ ownFunding: 200_000, appliedAmount: 900_000, grantedAmount: 800_000 })).toEqual({ share: 0.2, warnings: [] });
  });

  it('an application with own funding under 20 % is flagged; its deadlines appear in the year plan (internal only)', async () => {
    const goals = (await (await call(t, 'GET', `${base}/goals`)).json()) as GoalList;
    const response = await create({
      title: 'SLT-tilskudd 2027–2029 (test)',
      periodStart: '2027-01-01',
      periodEnd: '2029-12-31',
      appliedAmount: 900_000,
      ownFunding: 150_000,
      goalIds: [goals.items[0]!.id],
    });
    expect(response.status, await response.clone().text()).toBe(201);
    expect(response.headers.get('location')).toMatch(/\/grant-applications\/[0-9a-f-]{36}$/);
    const application = (await response.json()) as GrantApplication;
    expect(application.warnings).toEqual(['own_funding_below_20_percent']);
    expect(application.ownFundingShare).toBeCloseTo(0.1429, 3);

    const plan = async (year: number, bearer?: string) =>
      ((await (await call(t, 'GET', `${base}/year-plan?year=${year}`, { bearer })).json()) as YearPlan).keyDates;
    expect((await plan(2026, coordinator)).filter((d) => d.title.includes('SLT-tilskudd 2027–2029 (test)'))).toEqual([
      expect.objectContaining({ kind: 'grant_application', date: '2026-12-01', isPublic: false }),
    ]);
    expect((await plan(2028, coordinator)).filter((d) => d.title.includes('(test)'))).toEqual([
      expect.objectContaining({ kind: 'grant_report', date: '2028-04-01' }),
    ]);
    expect((await plan(2026)).some((d) => d.title.includes('(test)'))).toBe(false);

    // Granted less than applied: the share is computed on what was granted; 20 % is enough.
    const read = await call(t, 'GET', `${base}/grant-applications/${application.id}`, { bearer: coordinator });
    const path = `${base}/grant-applications/${application.id}`;
    await expectProblem(await call(t, 'PATCH', path, { bearer: coordinator, body: { grantedAmount: 600_000 } }), 428);
    const updated = await call(t, 'PATCH', path, {
      bearer: coordinator,
      body: { grantedAmount: 600_000 },
      headers: { 'if-match': read.headers.get('etag')! },
    });
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as GrantApplication).warnings).toEqual([]);
    await expectProblem(
      await call(t, 'PATCH', path, { bearer: coordinator, body: { ownFunding: 1 }, headers: { 'if-match': read.headers.get('etag')! } }),
      412,
    );
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, application.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
  });

  it("the grant report lists each of the application's goals with what was achieved, and budget against accounts", async () => {
    const goals = ((await (await call(t, 'GET', `${base}/goals`)).json()) as GoalList).items;
    const withIndicator = goals.find((g) => g.indicators.length > 0)!;
    const other = (await (
      await call(t, 'POST', `${base}/goals`, { bearer: coordinator, body: { title: 'Flere unge i fritidsaktiviteter (test)' } })
    ).json()) as GoalList['items'][number];
    const measure = await call(t, 'POST', `${base}/measures`, {
      bearer: coordinator,
      body: { title: 'Tilskuddstiltak (test)', status: 'active', startDate: '2026-02-01', goalIds: [withIndicator.id] },
    });
    const measureId = ((await measure.json()) as Measure).id;
    await call(t, 'POST', `${base}/measures/${measureId}/evaluations`, {
      bearer: coordinator,
      body: { date: '2026-09-01', outcome: 'partly_achieved' },
      headers: { 'if-match': measure.headers.get('etag')! },
    });
    const goalRead = await call(t, 'GET', `${base}/goals/${withIndicator.id}`);
    const indicator = withIndicator.indicators[0]!;
    expect(
      (
        await call(t, 'POST', `${base}/goals/${withIndicator.id}/indicators/${indicator.id}/measurements`, {
          bearer: coordinator,
          body: { periodStart: '2026-01-01', periodEnd: '2026-06-30', value: 2 },
          headers: { 'if-match': goalRead.headers.get('etag')! },
        })
      ).status,
    ).toBe(201);

    const created = await create({
      title: 'SLT-tilskudd 2026 (test)',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      appliedAmount: 500_000,
      grantedAmount: 400_000,
      ownFunding: 200_000,
      goalIds: [withIndicator.id, other.id],
      budgetLines: [
        { label: 'Lønn SLT-koordinator', budget: 550_000, accounts: 560_000 },
        { label: 'Kurs og samlinger', budget: 50_000 },
      ],
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as GrantApplication;
    const report = (await (await call(t, 'GET', `${base}/grant-applications/${id}/report`, { bearer: coordinator })).json()) as GrantReport;
    expect(report.goals.map((g) => g.goalId)).toEqual([withIndicator.id, other.id]);
    const first = report.goals[0]!;
    expect(first.measures).toContainEqual(
      expect.objectContaining({ measureId, status: 'active', evaluations: [expect.objectContaining({ outcome: 'partly_achieved' })] }),
    );
    expect(first.indicators.find((i) => i.indicatorId === indicator.id)!.latest).toMatchObject({ periodEnd: '2026-06-30', value: '<5' });
    expect(report.budget).toEqual({
      lines: [
        { label: 'Lønn SLT-koordinator', budget: 550_000, accounts: 560_000, difference: 10_000 },
        { label: 'Kurs og samlinger', budget: 50_000, accounts: null, difference: null },
      ],
      totalBudget: 600_000,
      totalAccounts: 560_000,
      grantedAmount: 400_000,
      ownFunding: 200_000,
    });
    expect(report.warnings).toEqual([]);
  });

  it('refuses a period over 3 years, a goal of another municipality and a national id, naming the field; nothing written', async () => {
    const before = (await t.database.db.select().from(grantApplications)).length;
    const valid = { title: 'Feil (test)', periodStart: '2027-01-01', periodEnd: '2027-12-31', appliedAmount: 1, ownFunding: 1 };
    await expectProblem(await create({ ...valid, periodEnd: '2030-01-01' }), 400, 'periodEnd');
    await expectProblem(await create({ ...valid, periodEnd: '2026-12-31' }), 400, 'periodEnd');
    const aukra = (await (await call(t, 'GET', '/api/v1/municipalities/1547/goals')).json()) as GoalList;
    await expectProblem(await create({ ...valid, goalIds: [aukra.items[0]!.id] }), 400, 'goalIds');
    await expectProblem(await create({ ...valid, description: `Gjelder ${FNR}` }), 400, 'description');
    await expectProblem(await create({ ...valid, budgetLines: [{ label: FNR, budget: 1 }] }), 400, 'label');
    await expectProblem(await create({ ...valid, appliedAmount: -1 }), 400, 'appliedAmount');
    expect((await t.database.db.select().from(grantApplications)).length).toBe(before);
    // Internal: anonymous callers and members of other municipalities do not see them.
    await expectProblem(await call(t, 'GET', `${base}/grant-applications`), 401);
  });
});
