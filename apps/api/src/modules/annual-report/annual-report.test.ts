import type { AnnualReport, AnnualReportTexts, Compliance, GoalList, Measure, MeasurePage } from '@slt/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annualReportTexts, auditLog, measures } from '../../db/schema/index.js';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { expectProblem, FNR } from '../../../test/problems.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { trendOf } from './annual-report.service.js';

let t: TestApp;
let coordinator: string;
let member: string;
const base = '/api/v1/municipalities/3401';
const YEAR = 2026;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = (await signIn(t, DEMO.coordinator3401)).accessToken;
  member = (await signIn(t, DEMO.member3401)).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const report = async (path: string, bearer?: string) => {
  const response = await call(t, 'GET', `${base}/annual-reports/${YEAR}${path}`, { bearer });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as AnnualReport;
};

async function allMeasures(bearer?: string): Promise<Measure[]> {
  const out: Measure[] = [];
  let cursor: string | null = null;
  do {
    const page = (await (
      await call(t, 'GET', `${base}/measures?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { bearer })
    ).json()) as MeasurePage;
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

const sorted = (ids: readonly string[]) => [...ids].sort();

describe('the annual report (årsrapport)', () => {
  it('trend follows the wanted direction and is unknown for "<5"', () => {
    const m = (value: number | '<5') => ({
      id: 'x',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      value,
      source: null,
      caveat: null,
      origin: 'manual' as const,
    });
    expect(trendOf('decrease', m(20), m(12))).toBe('improving');
    expect(trendOf('increase', m(20), m(12))).toBe('worsening');
    expect(trendOf('maintain', m(20), m(20))).toBe('unchanged');
    expect(trendOf('decrease', m('<5'), m(12))).toBeNull();
    expect(trendOf('decrease', undefined, m(12))).toBeNull();
  });

  it(`Kongsvinger ${YEAR}: meetings held vs required exactly as the compliance report; measure and indicator counts equal the API's`, async () => {
    // Records of the year beyond the demo's, so that every figure has something to count.
    const created = await call(t, 'POST', `${base}/measures`, {
      bearer: coordinator,
      body: { title: 'Årsrapport-tiltak (test)', status: 'active', startDate: `${YEAR}-02-01`, isPublic: true },
    });
    expect(created.status).toBe(201);
    const measure = (await created.json()) as Measure;
    expect(
      (
        await call(t, 'POST', `${base}/measures/${measure.id}/evaluations`, {
          bearer: coordinator,
          body: { date: `${YEAR}-10-01`, outcome: 'achieved' },
          headers: { 'if-match': created.headers.get('etag')! },
        })
      ).status,
    ).toBe(201);
    const goals0 = (await (await call(t, 'GET', `${base}/goals`)).json()) as GoalList;
    const goal = goals0.items.find((g) => g.indicators.length > 0)!;
    const goalRead = await call(t, 'GET', `${base}/goals/${goal.id}`);
    const small = await call(t, 'POST', `${base}/goals/${goal.id}/indicators/${goal.indicators[0]!.id}/measurements`, {
      bearer: coordinator,
      body: { periodStart: `${YEAR}-01-01`, periodEnd: `${YEAR}-06-30`, value: 3 },
      headers: { 'if-match': goalRead.headers.get('etag')! },
    });
    expect(small.status, await small.clone().text()).toBe(201);

    const internal = await report('', coordinator);
    const compliance = (await (await call(t, 'GET', `${base}/compliance?year=${YEAR}`, { bearer: coordinator })).json()) as Compliance;
    expect(internal.meetings.tiers.map(({ tierId, name, level, status, periods }) => ({ tierId, name, level, status, periods }))).toEqual(
      compliance.tiers.map(({ tierId, name, level, status, periods }) => ({ tierId, name, level, status, periods })),
    );
    expect(compliance.tiers.some((tier) => tier.periods.some((p) => p.held > 0))).toBe(true);
    for (const tier of internal.meetings.tiers) {
      // The ids behind "held": as many as the compliance report counts in the tier's periods.
      const heldByRule = tier.periods.reduce((sum, p) => sum + p.held, 0);
      if (tier.periods.length > 0) expect(tier.held.value).toBe(heldByRule);
      expect(tier.held.records).toHaveLength(tier.held.value);
    }

    // Measures: the same figures as counted from GET …/measures.
    const listed = await allMeasures(coordinator);
    const inYear = (d: string | null) => d?.startsWith(`${YEAR}-`) ?? false;
    expect(sorted(internal.measures.started.records)).toEqual(sorted(listed.filter((m) => inYear(m.startDate)).map((m) => m.id)));
    expect(internal.measures.started.records).toContain(measure.id);
    expect(sorted(internal.measures.completed.records)).toEqual(
      sorted(listed.filter((m) => m.status === 'completed' && inYear(m.endDate)).map((m) => m.id)),
    );
    expect(sorted(internal.measures.evaluated!.records)).toEqual(
      sorted(listed.filter((m) => m.evaluations!.some((e) => inYear(e.date))).map((m) => m.id)),
    );
    expect(internal.measures.evaluated!.records).toContain(measure.id);
    const total = Object.values(internal.measures.byStatus).reduce((sum, f) => sum + f.value, 0);
    expect(total).toBe(listed.length);
    expect(internal.measures.byStatus.active.value).toBe(listed.filter((m) => m.status === 'active').length);

    // Goals and indicators: the same indicators and values as GET …/goals, small values "<5".
    const goals = (await (await call(t, 'GET', `${base}/goals`)).json()) as GoalList;
    const indicators = goals.items.flatMap((g) => g.indicators);
    expect(internal.goals.indicatorCount.value).toBe(indicators.length);
    expect(sorted(internal.goals.indicatorCount.records)).toEqual(sorted(indicators.map((i) => i.id)));
    expect(internal.goals.measurementCount.value).toBe(
      indicators.flatMap((i) => i.measurements.filter((m) => m.periodEnd.startsWith(`${YEAR}-`))).length,
    );
    const reported = internal.goals.items.find((g) => g.goalId === goal.id)!.indicators[0]!;
    expect(reported.latest).toMatchObject({ periodEnd: `${YEAR}-06-30`, value: '<5' });
    expect(reported.trend).toBeNull();
    for (const g of internal.goals.items) {
      const apiGoal = goals.items.find((x) => x.id === g.goalId)!;
      expect(g.indicators.map((i) => i.indicatorId)).toEqual(apiGoal.indicators.map((i) => i.id));
      expect(g.measures.records.every((id) => listed.some((m) => m.id === id && m.goalIds.includes(g.goalId)))).toBe(true);
    }

    // Organization: seats by role, every one a membership of that tier.
    const seats = internal.organization.tiers.flatMap((tier) => Object.values(tier.roles).flatMap((f) => f.records));
    expect(seats.length).toBeGreaterThan(0);
    expect(internal.decisions).not.toBeNull();
    expect(internal.decisions!.count.value).toBe(internal.decisions!.items.length);

    // A member of the municipality reads it too; another municipality's coordinator does not.
    expect((await call(t, 'GET', `${base}/annual-reports/${YEAR}`, { bearer: member })).status).toBe(200);
    const aukra = (await signIn(t, DEMO.coordinator1547)).accessToken;
    await expectProblem(await call(t, 'GET', `${base}/annual-reports/${YEAR}`, { bearer: aukra }), 404);
    await expectProblem(await call(t, 'GET', `${base}/annual-reports/${YEAR}`), 401);
  });

  it('texts: written with If-Match, audited, refused with a national id naming the field; nothing half-written', async () => {
    const path = `${base}/annual-reports/${YEAR}/texts`;
    const read = await call(t, 'GET', path, { bearer: coordinator });
    expect(read.status).toBe(200);
    const etag = read.headers.get('etag')!;
    // The demo's texts for the year (fictional), then ours over them.
    expect(((await read.json()) as AnnualReportTexts).sections.introduction?.isPublic).toBe(true);
    const stored = () => t.database.db.select().from(annualReportTexts).where(eq(annualReportTexts.kommunenummer, '3401'));
    const before = await stored();
    const body = {
      introduction: { text: 'Et godt år for SLT i Kongsvinger.', isPublic: true },
      summary: { text: 'Intern vurdering: koordineringsgruppa trenger flere skoler.' },
    };
    await expectProblem(await call(t, 'PATCH', path, { bearer: coordinator, body }), 428);
    await expectProblem(await call(t, 'PATCH', path, { bearer: coordinator, body, headers: { 'if-match': '"stale"' } }), 412);
    const refused = await expectProblem(
      await call(t, 'PATCH', path, {
        bearer: coordinator,
        body: { ...body, measures: { text: `Gjelder ${FNR}` } },
        headers: { 'if-match': etag },
      }),
      400,
      'text',
    );
    expect(JSON.stringify(refused)).toContain('/measures/text');
    expect(await stored()).toEqual(before);
    await expectProblem(await call(t, 'PATCH', path, { bearer: member, body, headers: { 'if-match': etag } }), 403);

    const written = await call(t, 'PATCH', path, { bearer: coordinator, body, headers: { 'if-match': etag } });
    expect(written.status).toBe(200);
    const texts = (await written.json()) as AnnualReportTexts;
    expect(texts.sections.introduction).toEqual({ text: body.introduction.text, isPublic: true });
    expect(texts.sections.summary).toEqual({ text: body.summary.text, isPublic: false });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'annual_report'), eq(auditLog.entityId, `3401:${YEAR}`)));
    expect(audit).toHaveLength(1);
    // The old ETag is stale now; removing a text with the new one works.
    await expectProblem(await call(t, 'PATCH', path, { bearer: coordinator, body, headers: { 'if-match': etag } }), 412);

    const internal = await report('', coordinator);
    expect(internal.introduction.text?.text).toBe(body.introduction.text);
    expect(internal.summary.text?.text).toBe(body.summary.text);
  });

  it('the public version: only public facts, the same for everyone; internal sections never appear', async () => {
    const internal = await report('', coordinator);
    const anonymousResponse = await call(t, 'GET', `${base}/annual-reports/${YEAR}/public`);
    const anonymousText = await anonymousResponse.text();
    const anonymous = JSON.parse(anonymousText) as AnnualReport;
    expect(anonymous.view).toBe('public');
    expect(anonymous.decisions).toBeNull();
    expect(anonymous.measures.evaluated).toBeNull();
    expect(anonymous.summary.text).toBeNull();
    expect(anonymous.introduction.text?.text).toBe('Et godt år for SLT i Kongsvinger.');
    expect(anonymousText).not.toContain('Intern vurdering');
    for (const d of internal.decisions!.items) expect(anonymousText).not.toContain(d.text);
    // Only public measures are counted or named.
    const publicIds = new Set((await allMeasures()).map((m) => m.id));
    const internalOnly = (await t.database.db.select({ id: measures.id }).from(measures).where(eq(measures.isPublic, false))).map(
      (m) => m.id,
    );
    expect(internalOnly.length).toBeGreaterThan(0);
    for (const id of internalOnly) expect(anonymousText).not.toContain(id);
    const counted = Object.values(anonymous.measures.byStatus).flatMap((f) => f.records);
    expect(sorted(counted)).toEqual(sorted([...publicIds]));
    // Meetings held vs required: public facts, the same as internally.
    expect(anonymous.meetings).toEqual({ ...internal.meetings, text: anonymous.meetings.text });
    // Every caller gets the same public version, the municipality's own coordinator included.
    const own = await call(t, 'GET', `${base}/annual-reports/${YEAR}/public`, { bearer: coordinator });
    expect(await own.text()).toBe(anonymousText);
  });

  it('its SQL statement count does not grow with the number of measures', async () => {
    const count = async () => {
      return t.statementsOf(() => report('', coordinator));
    };
    const small = await count();
    const goals = (await (await call(t, 'GET', `${base}/goals`)).json()) as GoalList;
    await t.database.db.execute(
      `insert into measures (kommunenummer, title, status, start_date, is_public)
       select '3401', 'Vekst ' || g, (array['idea','planned','active','completed']::measure_status[])[1 + g % 4], '${YEAR}-03-01', g % 2 = 0
       from generate_series(1, 500) g`,
    );
    await t.database.db.execute(
      `insert into measure_goals (measure_id, goal_id) select id, '${goals.items[0]!.id}' from measures where title like 'Vekst %'`,
    );
    await t.database.db.execute(
      `insert into measure_evaluations (measure_id, date, outcome) select id, '${YEAR}-11-01', 'achieved' from measures where title like 'Vekst %'`,
    );
    const grown = await count();
    expect(grown).toBe(small);
    expect(small).toBeLessThanOrEqual(15);
    const after = await report('', coordinator);
    expect(after.measures.started.value).toBeGreaterThanOrEqual(500);
  });
});
