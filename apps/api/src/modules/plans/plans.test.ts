import type { Meeting, Plan, PlanList, PlanVersion } from '@slt/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, focusAreas, goals, measures, meetings, plans, tiers } from '../../db/schema/index.js';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { docxText, pdfText } from '../../../test/documents.js';
import { expectProblem, FNR } from '../../../test/problems.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let bearer: string;
let bearer1547: string;
beforeAll(async () => {
  t = await createTestApp();
  bearer = (await signIn(t, DEMO.coordinator3401)).accessToken;
  bearer1547 = (await signIn(t, DEMO.coordinator1547)).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const base = (k: string) => `/api/v1/municipalities/${k}/plans`;
const json = async <T>(response: Response) => (await response.json()) as T;

/** Ids of the demo's rows by name, straight from the database. */
function ids(k: string) {
  const db = t.database.db;
  const area = async (name: string) =>
    (
      await db
        .select()
        .from(focusAreas)
        .where(and(eq(focusAreas.kommunenummer, k), eq(focusAreas.name, name)))
    )[0]!.id;
  const goal = async (title: string) =>
    (
      await db
        .select()
        .from(goals)
        .where(and(eq(goals.kommunenummer, k), eq(goals.title, title)))
    )[0]!.id;
  const measure = async (title: string) =>
    (
      await db
        .select()
        .from(measures)
        .where(and(eq(measures.kommunenummer, k), eq(measures.title, title)))
    )[0]!.id;
  const tier = async (name: string) =>
    (
      await db
        .select()
        .from(tiers)
        .where(and(eq(tiers.kommunenummer, k), eq(tiers.name, name)))
    )[0]!.id;
  return { area, goal, measure, tier };
}

/** Records a decision in a meeting of the tier (the next one) through the API; returns its id. */
async function decide(k: string, token: string, tierId: string, text: string): Promise<string> {
  const [meeting] = await t.database.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.kommunenummer, k), eq(meetings.tierId, tierId)));
  const url = `/api/v1/municipalities/${k}/meetings/${meeting!.id}`;
  const read = await call(t, 'GET', url, { bearer: token });
  const decided = await call(t, 'POST', `${url}/decisions`, {
    bearer: token,
    body: { text },
    headers: { 'if-match': read.headers.get('etag')! },
  });
  expect(decided.status, await decided.clone().text()).toBe(201);
  return (await json<Meeting>(decided)).decisions!.find((d) => d.text === text)!.id;
}

describe('handlingsplaner', () => {
  it('the demo gives each of the five seed municipalities a draft plan built from its own setup', async () => {
    const rows = await t.database.db
      .select({ kommunenummer: plans.kommunenummer, status: plans.status, content: plans.content })
      .from(plans);
    expect(rows.map((r) => r.kommunenummer).sort()).toEqual(['1547', '3212', '3401', '3905', '4206']);
    for (const row of rows) {
      expect(row.status).toBe('draft');
      expect(row.content.priorities.length).toBeGreaterThan(0);
    }
  });

  it('drafts a plan from existing focus areas, goals and measures; adoption needs the adopting tier’s decision; versions stay readable', async () => {
    const k = ids('3401');
    const politirad = await k.tier('Politirådet');
    const kusk = await k.measure('Oppfølging av ungdom i risiko ved KUSK');
    const tryggBy = await k.measure('Trygg by – samarbeid med utelivsbransjen');
    const goal = await k.goal('Færre unge som begår lovbrudd');
    const priorities = [
      {
        focusAreaId: await k.area('Barn og ungdomskriminalitet'),
        text: 'Tidlig innsats.',
        goals: [
          {
            goalId: goal,
            measures: [
              {
                measureId: kusk,
                deadline: '2027-06-30',
                fundingAmount: 150000,
                fundingSource: 'Kommunebudsjettet',
                evaluationType: 'internal',
              },
              { measureId: tryggBy, deadline: '2028-12-31', evaluationType: 'external', evaluationDue: '2029-03-01' },
            ],
          },
        ],
      },
    ];
    const body = {
      title: 'Handlingsplan 2027–2030 (test)',
      periodStart: '2027-01-01',
      periodEnd: '2030-12-31',
      adoptingTierId: politirad,
      priorities,
    };

    // Refused input names the field and leaves nothing behind.
    const before = (await t.database.db.select().from(plans)).length;
    await expectProblem(
      await call(t, 'POST', base('3401'), { bearer, body: { ...body, description: `Gjelder ${FNR}` } }),
      400,
      'description',
    );
    await expectProblem(await call(t, 'POST', base('3401'), { bearer, body: { ...body, periodEnd: '2026-12-31' } }), 400, 'periodEnd');
    const aukraGoal = await ids('1547').goal('Samordne det rus- og kriminalitetsførebyggande arbeidet kring barn og unge i Aukra');
    await expectProblem(
      await call(t, 'POST', base('3401'), {
        bearer,
        body: { ...body, priorities: [{ ...priorities[0]!, goals: [{ goalId: aukraGoal, measures: [] }] }] },
      }),
      400,
      'goalId',
    );
    const twice = await expectProblem(
      await call(t, 'POST', base('3401'), {
        bearer,
        body: {
          ...body,
          priorities: [{ ...priorities[0]!, goals: [{ goalId: goal, measures: [{ measureId: kusk }, { measureId: kusk }] }] }],
        },
      }),
      422,
      'measureId',
    );
    expect(twice.errors![0]!.pointer).toBe('/priorities/0/goals/0/measures/1/measureId');
    await expectProblem(
      await call(t, 'POST', base('3401'), { bearer, body: { ...body, priorities: [{ ...priorities[0]!, text: `Se ${FNR}` }] } }),
      400,
      'text',
    );
    expect((await t.database.db.select().from(plans)).length).toBe(before);

    const created = await call(t, 'POST', base('3401'), { bearer, body });
    expect(created.status, await created.clone().text()).toBe(201);
    let plan = await json<Plan>(created);
    let etag = created.headers.get('etag')!;
    expect(created.headers.get('location')).toBe(`${base('3401')}/${plan.id}`);
    expect(plan).toMatchObject({ status: 'draft', version: 0, language: 'nb', adoptingTierName: 'Politirådet' });
    expect(plan.priorities[0]!.goals[0]!.measures.map((m) => [m.title, m.responsibleOrganizationName, m.deadline])).toEqual([
      ['Oppfølging av ungdom i risiko ved KUSK', 'Kongsvinger kommune', '2027-06-30'],
      ['Trygg by – samarbeid med utelivsbransjen', 'Kongsvinger politistasjon', '2028-12-31'],
    ]);
    expect(plan.priorities[0]!.goals[0]!.indicators[0]!.latest).toMatchObject({ periodEnd: '2024-12-31', value: 26 });
    expect(plan.progress).toMatchObject({ measures: 2, byStatus: { active: 1, planned: 1 }, indicators: 1, indicatorsOnTrack: 1 });
    expect(plan.notInPlan.measures).toEqual([]);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, plan.id));
    expect(audit.map((a) => a.action)).toEqual(['create']);

    // A draft is internal: anonymous callers and other municipalities do not see it.
    expect((await call(t, 'GET', `${base('3401')}/${plan.id}`)).status).toBe(404);
    expect((await call(t, 'GET', `${base('3401')}/${plan.id}`, { bearer: bearer1547 })).status).toBe(404);
    expect((await json<PlanList>(await call(t, 'GET', base('3401')))).items.map((p) => p.id)).not.toContain(plan.id);

    // If-Match: required, and a stale one is refused.
    await expectProblem(await call(t, 'PATCH', `${base('3401')}/${plan.id}`, { bearer, body: { title: 'X' } }), 428);
    await expectProblem(
      await call(t, 'PATCH', `${base('3401')}/${plan.id}`, { bearer, body: { title: 'X' }, headers: { 'if-match': '"stale"' } }),
      412,
    );

    // Dropping a measure from the plan flags it as not in the plan.
    const dropped = await call(t, 'PATCH', `${base('3401')}/${plan.id}`, {
      bearer,
      body: { priorities: [{ ...priorities[0]!, goals: [{ goalId: goal, measures: [priorities[0]!.goals[0]!.measures[0]!] }] }] },
      headers: { 'if-match': etag },
    });
    expect(dropped.status, await dropped.clone().text()).toBe(200);
    etag = dropped.headers.get('etag')!;
    plan = await json<Plan>(dropped);
    expect(plan.notInPlan.measures.map((m) => m.title)).toEqual(['Trygg by – samarbeid med utelivsbransjen']);

    const status = async (input: Record<string, unknown>) => {
      const response = await call(t, 'POST', `${base('3401')}/${plan.id}/status`, { bearer, body: input, headers: { 'if-match': etag } });
      if (response.ok) {
        etag = response.headers.get('etag')!;
        plan = await json<Plan>(response.clone());
      }
      return response;
    };
    expect((await status({ status: 'consultation', note: 'Sendt på høring til tjenestene' })).status).toBe(200);

    // On consultation the public sees it: public measures only, no funding, no notes.
    const anonymous = await json<Plan>(await call(t, 'GET', `${base('3401')}/${plan.id}`));
    expect(anonymous.priorities[0]!.goals[0]!.measures).toEqual([]);
    expect(JSON.stringify(anonymous)).not.toMatch(/fundingAmount|Sendt på høring|KUSK/);

    // Adoption: refused without a decision, with a decision of another tier, or of another municipality.
    const needs = await expectProblem(await status({ status: 'adopted' }), 409, 'decisionId');
    expect(needs.type).toBe('urn:slt:problem:plan-adoption-needs-decision');
    const otherTier = await decide('3401', bearer, await k.tier('SLT – koordinerende gruppe'), 'Koordineringsgruppen støtter planen.');
    expect((await expectProblem(await status({ status: 'adopted', decisionId: otherTier }), 409, 'decisionId')).type).toBe(
      'urn:slt:problem:plan-adoption-needs-decision',
    );
    const aukraDecision = await decide('1547', bearer1547, await ids('1547').tier('Politirådet'), 'Politirådet i Aukra vedtek planen.');
    await expectProblem(await status({ status: 'adopted', decisionId: aukraDecision }), 409, 'decisionId');
    expect((await t.database.db.select().from(plans).where(eq(plans.id, plan.id)))[0]).toMatchObject({
      status: 'consultation',
      version: 0,
    });

    const decision = await decide('3401', bearer, politirad, 'Politirådet vedtar handlingsplan 2027–2030.');
    const adopted = await status({ status: 'adopted', decisionId: decision });
    expect(adopted.status, await adopted.clone().text()).toBe(200);
    expect(plan).toMatchObject({ status: 'adopted', version: 1, adoptedByDecisionId: decision });
    expect(plan.adoptedByMeetingId).not.toBeNull();
    expect(plan.statusHistory.map((h) => h.status)).toEqual(['draft', 'consultation', 'adopted']);

    // An adopted plan is not changed in place: revise it, change it, adopt again; version 1 stays as it was.
    await expectProblem(
      await call(t, 'PATCH', `${base('3401')}/${plan.id}`, { bearer, body: { title: 'Ny' }, headers: { 'if-match': etag } }),
      409,
    );
    await expectProblem(await status({ status: 'draft' }), 409);
    expect((await status({ status: 'revised' })).status).toBe(200);
    const renamed = await call(t, 'PATCH', `${base('3401')}/${plan.id}`, {
      bearer,
      body: { title: 'Revidert plan (test)' },
      headers: { 'if-match': etag },
    });
    expect(renamed.status).toBe(200);
    etag = renamed.headers.get('etag')!;
    expect((await status({ status: 'adopted', decisionId: decision })).status).toBe(200);
    expect(plan.version).toBe(2);
    const versions = await json<{ items: { version: number }[] }>(await call(t, 'GET', `${base('3401')}/${plan.id}/versions`, { bearer }));
    expect(versions.items.map((v) => v.version)).toEqual([1, 2]);
    const first = await json<PlanVersion>(await call(t, 'GET', `${base('3401')}/${plan.id}/versions/1`, { bearer }));
    expect(first.plan.title).toBe('Handlingsplan 2027–2030 (test)');
    expect(first.plan.priorities[0]!.goals[0]!.measures[0]!.fundingAmount).toBe(150000);
    const firstPublic = await json<PlanVersion>(await call(t, 'GET', `${base('3401')}/${plan.id}/versions/1`));
    expect(JSON.stringify(firstPublic)).not.toMatch(/fundingAmount|KUSK/);

    // An adopted plan stays on record.
    await expectProblem(await call(t, 'DELETE', `${base('3401')}/${plan.id}`, { bearer, headers: { 'if-match': etag } }), 409);
    expect((await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, plan.id))).map((a) => a.action)).toEqual([
      'create',
      'update',
      'status:consultation',
      'status:adopted',
      'status:revised',
      'update',
      'status:adopted',
    ]);
  });

  it.each([
    ['3401', 'nb', 'Oppfølging av ungdom i risiko ved KUSK', 'Kongsvinger kommune', '30.06.2027', 'Ansvarlig', 'Kommunalt budsjett (SLT)'],
    ['1547', 'nn', 'Felles foreldremøte om hat-ytringar på nett', 'Barne- og ungdomsskulane', '31.10.2027', 'Ansvarleg', 'SLT-tilskot'],
  ] as const)(
    'the demo plan of %s as DOCX and PDF in %s: measures, owners and deadlines',
    async (kommunenummer, language, measure, owner, deadline, ownerWord, funding) => {
      const token = kommunenummer === '3401' ? bearer : bearer1547;
      const list = await json<PlanList>(await call(t, 'GET', base(kommunenummer), { bearer: token }));
      const demo = list.items.find((p) => p.title.startsWith('Handlingsplan for SLT'))!;
      expect(demo).toMatchObject({ status: 'draft', periodStart: '2027-01-01', periodEnd: '2030-12-31' });

      const docx = await call(t, 'GET', `${base(kommunenummer)}/${demo.id}/document/docx`, { bearer: token });
      expect(docx.status).toBe(200);
      expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(docx.headers.get('content-disposition')).toMatch(/^attachment; filename="handlingsplan-2027-2030\.docx"/);
      expect(docx.headers.get('content-language')).toBe(language);
      const word = docxText(new Uint8Array(await docx.arrayBuffer()));
      expect(word.styles).toContain(`w:val="${language}-NO"`);
      for (const text of [measure, owner, deadline, ownerWord, funding]) expect(word.text).toContain(text);

      const pdf = await call(t, 'GET', `${base(kommunenummer)}/${demo.id}/document/pdf`, { bearer: token });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const extracted = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
      expect(extracted.language).toBe(`${language}-NO`);
      // Table cells wrap their text over lines: compare without the whitespace.
      const squash = (text: string) => text.replace(/\s+/g, '');
      for (const text of [measure, owner, deadline, ownerWord]) expect(squash(extracted.text)).toContain(squash(text));

      const html = await call(t, 'GET', `${base(kommunenummer)}/${demo.id}/document/html`, { bearer: token });
      expect(html.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await html.text()).toContain(`<html lang="${language}">`);

      // Another municipality cannot read a draft's document; a format that does not exist is a 400.
      expect((await call(t, 'GET', `${base(kommunenummer)}/${demo.id}/document/pdf`)).status).toBe(404);
      await expectProblem(await call(t, 'GET', `${base(kommunenummer)}/${demo.id}/document/odt`, { bearer: token }), 400, 'format');
    },
  );
});
