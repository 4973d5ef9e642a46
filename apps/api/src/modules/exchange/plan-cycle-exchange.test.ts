import type { ImportResult, SetupDocument } from '@slt/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, grantApplications, plans, planStatusChanges, statusAnalyses } from '../../db/schema/index.js';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { expectProblem } from '../../../test/problems.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { rowsOf } from './import-tables.js';

/**
 * The plan cycle in the setup document: a kartlegging, a handlingsplan (content, adopting tier,
 * adoption decision, status history) and a grant application made through the API in Kongsvinger
 * come back the same in an empty municipality, a repeated import writes nothing, and a bad
 * reference is a 400 naming its place with nothing written.
 */
let t: TestApp;
let admin: string;
const SOURCE = '3401';
const TARGET = '3415';
beforeAll(async () => {
  t = await createTestApp();
  admin = (await signIn(t, DEMO.admin)).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const response = await call(t, method, `/api/v1/municipalities/${path}`, { bearer: admin, body });
  const text = await response.text();
  expect(response.status, `${method} ${path}: ${text}`).toBeLessThan(300);
  return (text ? JSON.parse(text) : undefined) as T;
};
/** A status change, sent with the ETag of a fresh read like the web client does. */
const changeStatus = async (k: string, planId: string, body: unknown) => {
  const read = await call(t, 'GET', `/api/v1/municipalities/${k}/plans/${planId}`, { bearer: admin });
  const etag = read.headers.get('etag')!;
  const response = await call(t, 'POST', `/api/v1/municipalities/${k}/plans/${planId}/status`, {
    bearer: admin,
    body,
    headers: { 'if-match': etag },
  });
  expect(response.status, await response.text()).toBeLessThan(300);
};
const exportOf = (k: string) => api<SetupDocument>('GET', `${k}/export`);
const importInto = (k: string, body: unknown, query = '') =>
  call(t, 'POST', `/api/v1/municipalities/${k}/import${query}`, { bearer: admin, body });
const result = async (response: Response) => {
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as ImportResult;
};
const rows = <T>(query: ReturnType<typeof sql>) => rowsOf<T>(t.database.db, query);
const planCycleRows = async (k: string) => ({
  statusAnalyses: (await t.database.db.select().from(statusAnalyses).where(eq(statusAnalyses.kommunenummer, k))).length,
  plans: (await t.database.db.select().from(plans).where(eq(plans.kommunenummer, k))).length,
  history: (
    await t.database.db
      .select()
      .from(planStatusChanges)
      .innerJoin(plans, eq(plans.id, planStatusChanges.planId))
      .where(eq(plans.kommunenummer, k))
  ).length,
  grants: (await t.database.db.select().from(grantApplications).where(eq(grantApplications.kommunenummer, k))).length,
  audit: (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n,
});
/** What a reader of a plan sees, without the ids and times that differ between municipalities. */
const readable = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(readable)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([key]) => !/(^id$|Ids?$|^createdAt$|^updatedAt$|^kommunenummer$|^version$)/.test(key))
            .map(([key, v]) => [key, readable(v)]),
        )
      : value;

describe('export and import: the plan cycle', () => {
  it('a kartlegging, an adopted plan and a grant application come back the same in an empty municipality', async () => {
    const [decision] = await rows<{ decision_id: string; tier_id: string; agenda_item_id: string }>(sql`
      select d.id as decision_id, m.tier_id, (select a.id from agenda_items a where a.meeting_id = m.id order by a.position limit 1) as agenda_item_id
      from decisions d join meetings m on m.id = d.meeting_id
      where m.kommunenummer = ${SOURCE} and exists (select 1 from agenda_items a where a.meeting_id = m.id)
      order by m.starts_at, d.created_at limit 1`);
    const [organization, other] = await rows<{ id: string }>(
      sql`select id from organizations where kommunenummer = ${SOURCE} order by name limit 2`,
    );
    // A second goal for the plan's second priority (the demo municipality has one).
    await result(
      await importInto(SOURCE, { format: 'slt-setup/1', goals: [{ externalId: 'mal-fritid', title: 'Flere unge i organisert fritid' }] }),
    );
    const areas = await rows<{ id: string }>(sql`select id from focus_areas where kommunenummer = ${SOURCE} order by name limit 2`);
    const goalIds = await rows<{ id: string }>(sql`select id from goals where kommunenummer = ${SOURCE} order by title limit 2`);
    const measureIds = await rows<{ id: string }>(sql`select id from measures where kommunenummer = ${SOURCE} order by title limit 2`);
    const chain = [0, 1].map((i) => ({ focus_area_id: areas[i]!.id, goal_id: goalIds[i]!.id, measure_id: measureIds[i]!.id }));
    expect(decision && organization && other).toBeTruthy();

    const analysis = await api<{ id: string }>('POST', `${SOURCE}/status-analyses`, {
      title: 'Kartlegging våren 2026',
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      summary: 'Færre ungdommer rapporterer rus; flere melder om ensomhet.',
      observations: [
        { organizationId: other!.id, text: 'Skolene ser mer fravær.' },
        { organizationId: organization!.id, text: 'Politiet ser mindre vold i sentrum.' },
      ],
      priorities: [
        { title: 'Psykisk helse', focusAreaId: chain[1]!.focus_area_id, rationale: 'Ensomhet øker.' },
        { title: 'Fritid for alle' },
      ],
      agendaItemId: decision!.agenda_item_id,
    });
    const plan = await api<{ id: string }>('POST', `${SOURCE}/plans`, {
      title: 'Handlingsplan for rusforebygging 2027–2030',
      description: 'Plan for det rusforebyggende arbeidet.',
      periodStart: '2027-01-01',
      periodEnd: '2030-12-31',
      adoptingTierId: decision!.tier_id,
      statusAnalysisId: analysis.id,
      priorities: chain.map((c, i) => ({
        focusAreaId: c.focus_area_id,
        text: i === 0 ? 'Tidlig innsats' : undefined,
        goals: [
          {
            goalId: c.goal_id,
            measures: [
              i === 0
                ? {
                    measureId: c.measure_id,
                    deadline: '2027-06-30',
                    fundingAmount: 150000,
                    fundingSource: 'Rammebudsjett',
                    evaluationType: 'internal',
                    evaluationDue: '2027-12-31',
                  }
                : { measureId: c.measure_id },
            ],
          },
        ],
      })),
    });
    await changeStatus(SOURCE, plan.id, { status: 'consultation', note: 'Sendt på høring.' });
    await changeStatus(SOURCE, plan.id, { status: 'adopted', decisionId: decision!.decision_id });
    await api('POST', `${SOURCE}/grant-applications`, {
      title: 'Søknad om SLT-tilskudd for 2027 (test)',
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      appliedAmount: 400000,
      grantedAmount: 350000,
      ownFunding: 120000,
      goalIds: [chain[1]!.goal_id, chain[0]!.goal_id],
      budgetLines: [
        { label: 'Lønn SLT-koordinator', budget: 380000, accounts: 379500 },
        { label: 'Kurs', budget: 20000 },
      ],
      description: 'Koordinatorstilling i 50 %.',
    });

    const document = await exportOf(SOURCE);
    const exported = document.plans!.find((p) => p.title === 'Handlingsplan for rusforebygging 2027–2030')!;
    const exportedAnalysis = document.statusAnalyses!.find((s) => s.title === 'Kartlegging våren 2026')!;
    const exportedGrant = document.grantApplications!.find((g) => g.title === 'Søknad om SLT-tilskudd for 2027 (test)')!;
    expect(exported.status).toBe('adopted');
    expect(exported.statusAnalysis).toBe(exportedAnalysis.externalId);
    expect(exportedAnalysis.observations).toHaveLength(2);
    expect(exportedAnalysis.presentedAt).toMatchObject({ agendaItem: expect.any(Number) as number });
    expect(exported.adoptedBy).toMatchObject({ decision: expect.any(Number) as number });
    expect(exported.statusHistory!.map((h) => h.status)).toEqual(['draft', 'consultation', 'adopted']);
    expect(exported.priorities![0]!.goals[0]!.measures[0]).toMatchObject({ deadline: '2027-06-30', fundingAmount: 150000 });
    expect(exportedGrant.goals).toHaveLength(2);
    expect(exportedGrant.budgetLines).toEqual([
      { label: 'Lønn SLT-koordinator', budget: 380000, accounts: 379500 },
      { label: 'Kurs', budget: 20000, accounts: null },
    ]);

    const dryRun = await result(await importInto(TARGET, document, '?dryRun=true'));
    expect(dryRun.counts['statusAnalyses']).toEqual({ created: document.statusAnalyses!.length, updated: 0, unchanged: 0 });
    expect(dryRun.counts['plans']).toEqual({ created: document.plans!.length, updated: 0, unchanged: 0 });
    expect(dryRun.counts['grantApplications']).toEqual({ created: document.grantApplications!.length, updated: 0, unchanged: 0 });
    expect(dryRun.changes.filter((c) => c.section === 'plans').map((c) => c.externalId)).toContain(exported.externalId);
    expect((await planCycleRows(TARGET)).plans).toBe(0);

    await result(await importInto(TARGET, document));
    const again = await exportOf(TARGET);
    expect({ ...again, kommunenummer: SOURCE }).toEqual(document);

    // What a reader sees: the same plan, kartlegging and application, names resolved in the new municipality.
    const [imported] = await rows<{ id: string }>(sql`select id from plans where kommunenummer = ${TARGET} and title = ${exported.title}`);
    const sourcePlan = await api<Record<string, unknown>>('GET', `${SOURCE}/plans/${plan.id}`);
    const targetPlan = await api<Record<string, unknown>>('GET', `${TARGET}/plans/${imported!.id}`);
    expect(readable(targetPlan)).toEqual(readable(sourcePlan));
    expect(targetPlan['adoptedByDecisionId']).not.toBeNull();
    expect(targetPlan['statusAnalysisTitle']).toBe('Kartlegging våren 2026');
    const [sa] = await rows<{ id: string }>(
      sql`select id from status_analyses where kommunenummer = ${TARGET} and title = ${exportedAnalysis.title}`,
    );
    const sourceAnalysis = await api<Record<string, unknown>>('GET', `${SOURCE}/status-analyses/${analysis.id}`);
    const targetAnalysis = await api<Record<string, unknown>>('GET', `${TARGET}/status-analyses/${sa!.id}`);
    expect(readable(targetAnalysis)).toEqual(readable(sourceAnalysis));
    expect(targetAnalysis['agendaItemId']).not.toBeNull();
    const grants = (m: string) => api<{ items: Record<string, unknown>[] }>('GET', `${m}/grant-applications`);
    expect(readable((await grants(TARGET)).items)).toEqual(readable((await grants(SOURCE)).items));
  });

  it('a repeated import into the same municipality writes nothing and duplicates nothing', async () => {
    for (const k of [SOURCE, TARGET]) {
      const document = await exportOf(k);
      const before = await planCycleRows(k);
      const again = await result(await importInto(k, document));
      expect(again.changes, k).toEqual([]);
      expect(again.counts['plans'], k).toEqual({ created: 0, updated: 0, unchanged: document.plans!.length });
      expect(again.counts['statusAnalyses'], k).toEqual({ created: 0, updated: 0, unchanged: document.statusAnalyses!.length });
      expect(await planCycleRows(k), k).toEqual(before);
      expect(await exportOf(k)).toEqual(document);
    }
  });

  it('an edit of the plan in the document updates it and its history; a bad reference is a 422 naming the path, nothing written', async () => {
    const document = await exportOf(TARGET);
    const plan = document.plans!.find((p) => p.title === 'Handlingsplan for rusforebygging 2027–2030')!;
    const changed: SetupDocument = {
      ...document,
      plans: [
        {
          ...plan,
          title: 'Handlingsplan 2027–2031',
          statusHistory: [...plan.statusHistory!, { status: 'revised', at: '2028-01-15T10:00:00.000Z' }],
          status: 'revised',
        },
      ],
    };
    const applied = await result(await importInto(TARGET, changed));
    expect(applied.changes).toEqual([
      { section: 'plans', externalId: plan.externalId, action: 'updated', fields: ['status', 'statusHistory', 'title'] },
    ]);
    const after = await exportOf(TARGET);
    const edited = after.plans!.find((p) => p.externalId === plan.externalId)!;
    const grant = after.grantApplications!.find((g) => g.title === 'Søknad om SLT-tilskudd for 2027 (test)')!;
    expect(edited.statusHistory!.map((h) => h.status)).toEqual(['draft', 'consultation', 'adopted', 'revised']);
    expect(edited.adoptedBy).toEqual(plan.adoptedBy);

    const before = await planCycleRows(TARGET);
    const bad: SetupDocument = {
      ...after,
      grantApplications: [{ ...grant, title: 'Endret', goals: ['finnes-ikke'] }],
      plans: [
        {
          ...edited,
          title: 'Endret',
          priorities: [
            {
              ...edited.priorities![0]!,
              goals: [{ goal: edited.priorities![0]!.goals[0]!.goal, measures: [{ measure: 'ukjent-tiltak' }] }],
            },
          ],
          adoptedBy: { meeting: edited.adoptedBy!.meeting, decision: 99 },
        },
      ],
    };
    const problem = await expectProblem(await importInto(TARGET, bad), 422, 'decision');
    expect(problem.errors!.map((e) => e.pointer)).toEqual([
      '/plans/0/adoptedBy/decision',
      '/plans/0/priorities/0/goals/0/measures/0/measure',
      '/grantApplications/0/goals/0',
    ]);
    expect(await planCycleRows(TARGET)).toEqual(before);
    expect(await exportOf(TARGET)).toEqual(after);
  });
});
