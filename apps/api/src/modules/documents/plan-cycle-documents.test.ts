import type {
  AnnualReport,
  AnnualReportTexts,
  GrantApplicationList,
  GrantReport,
  Meeting,
  MeetingPage,
  MeasurePage,
  Plan,
  PlanList,
  StatusAnalysisList,
} from '@slt/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaItems, measures as measuresTable, plans } from '../../db/schema/index.js';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { docxText, pdfText } from '../../../test/documents.js';
import { expectProblem } from '../../../test/problems.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

/**
 * The plan cycle's documents over HTTP: the annual report (internal and public), the grant report,
 * the kartlegging and a meeting's minutes, as DOCX (word/document.xml) and PDF (extracted text) in
 * bokmål (Kongsvinger) and nynorsk (Aukra).
 */
let t: TestApp;
const bearers: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  bearers['3401'] = (await signIn(t, DEMO.coordinator3401)).accessToken;
  bearers['1547'] = (await signIn(t, DEMO.coordinator1547)).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const YEAR = 2026;
const base = (k: string) => `/api/v1/municipalities/${k}`;
const json = async <T>(path: string, bearer?: string): Promise<T> => {
  const response = await call(t, 'GET', path, { bearer });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
};
/** Table cells wrap their text over lines in a PDF: compare without the whitespace. */
const squash = (text: string) => text.replace(/\s+/g, '');

/** The DOCX and PDF of a document path, as text, checked for type and language. */
async function documents(path: string, { bearer, language }: { bearer?: string; language: 'nb' | 'nn' }) {
  const docx = await call(t, 'GET', `${path}/docx`, { bearer });
  expect(docx.status, await docx.clone().text()).toBe(200);
  expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  expect(docx.headers.get('content-disposition')).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.docx"/);
  expect(docx.headers.get('content-language')).toBe(language);
  const word = docxText(new Uint8Array(await docx.arrayBuffer()));
  expect(word.styles).toContain(`w:val="${language}-NO"`);
  const pdf = await call(t, 'GET', `${path}/pdf`, { bearer });
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get('content-type')).toBe('application/pdf');
  expect(pdf.headers.get('content-language')).toBe(language);
  const extracted = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
  expect(extracted.language).toBe(`${language}-NO`);
  const html = await call(t, 'GET', `${path}/html`, { bearer });
  expect(html.status).toBe(200);
  expect(await html.text()).toContain(`<html lang="${language}">`);
  return {
    /** Every text is in both the DOCX and the PDF. */
    contains(texts: readonly string[]) {
      for (const text of texts) {
        expect(word.text, `DOCX of ${path}`).toContain(text);
        expect(squash(extracted.text), `PDF of ${path}`).toContain(squash(text));
      }
    },
    /** No text is in either. */
    lacks(texts: readonly string[]) {
      for (const text of texts) {
        expect(word.text, `DOCX of ${path}`).not.toContain(text);
        expect(squash(extracted.text), `PDF of ${path}`).not.toContain(squash(text));
      }
    },
    pages: extracted.pages,
  };
}

const CASES = [
  {
    k: '3401',
    language: 'nb',
    words: { introduction: 'Innledning', goals: 'Mål og indikatorer', plans: 'Handlingsplaner', started: 'Startet i året' },
  },
  {
    k: '1547',
    language: 'nn',
    words: { introduction: 'Innleiing', goals: 'Mål og indikatorar', plans: 'Handlingsplanar', started: 'Starta i året' },
  },
] as const;

describe.each(CASES)('documents of $k ($language)', ({ k, language, words }) => {
  it('the annual report: every figure and the texts as the JSON states them, plans in force with their progress; the public version nothing internal', async () => {
    const bearer = bearers[k]!;
    // A plan in force in the year: the demo's draft, marked adopted for a period that covers it.
    const demoPlan = (await json<PlanList>(`${base(k)}/plans`, bearer)).items[0]!;
    await t.database.db
      .update(plans)
      .set({ status: 'adopted', periodStart: `${YEAR}-01-01` })
      .where(eq(plans.id, demoPlan.id));

    // An internal measure started in the year (the demo's nynorsk municipality has none).
    await t.database.db
      .insert(measuresTable)
      .values({ kommunenummer: k, title: `Internt tiltak ${k}`, status: 'active', startDate: `${YEAR}-02-01`, isPublic: false });
    const internal = await json<AnnualReport>(`${base(k)}/annual-reports/${YEAR}`, bearer);
    const open = await json<AnnualReport>(`${base(k)}/annual-reports/${YEAR}/public`);
    const texts = await json<AnnualReportTexts>(`${base(k)}/annual-reports/${YEAR}/texts`, bearer);

    // The plan's progress is the plan's own (GET …/plans/{id}), in each view.
    const plan = await json<Plan>(`${base(k)}/plans/${demoPlan.id}`, bearer);
    const publicPlan = await json<Plan>(`${base(k)}/plans/${demoPlan.id}`);
    const inReport = internal.plans.items.find((p) => p.planId === demoPlan.id)!;
    expect(inReport).toMatchObject({ title: plan.title, status: 'adopted' });
    expect(inReport.progress).toMatchObject({
      measures: plan.progress.measures,
      byStatus: plan.progress.byStatus,
      completedPercent: plan.progress.completedPercent,
    });
    expect(plan.progress.measures).toBeGreaterThan(0);
    expect(open.plans.items.find((p) => p.planId === demoPlan.id)!.progress.measures).toBe(publicPlan.progress.measures);

    const internalTexts = Object.values(texts.sections)
      .filter((s) => s !== null && !s.isPublic)
      .map((s) => s!.text);
    const publicTexts = Object.values(texts.sections)
      .filter((s) => s !== null && s.isPublic)
      .map((s) => s!.text);
    expect(internalTexts.length).toBeGreaterThan(0);
    expect(publicTexts.length).toBeGreaterThan(0);
    const decisions = internal.decisions!.items.map((d) => d.text);
    const measures = (await json<MeasurePage>(`${base(k)}/measures?limit=200`, bearer)).items;
    const internalMeasures = measures.filter((m) => !m.isPublic).map((m) => m.title);
    expect(internalMeasures.length).toBeGreaterThan(0);

    const doc = await documents(`${base(k)}/annual-reports/${YEAR}/document`, { bearer, language });
    doc.contains([
      words.introduction,
      words.goals,
      words.plans,
      `${words.started}: ${internal.measures.started.value}`,
      plan.title,
      `${plan.progress.completedPercent} %`,
      ...internalTexts,
      ...publicTexts,
      ...decisions,
      ...internalMeasures,
    ]);
    // Indicator values as the JSON has them, small groups included.
    const values = internal.goals.items.flatMap((g) => g.indicators.flatMap((i) => (i.latest ? [String(i.latest.value)] : [])));
    doc.contains(values);

    const pub = await documents(`${base(k)}/annual-reports/${YEAR}/public/document`, { language });
    pub.contains([words.introduction, ...publicTexts, `${words.started}: ${open.measures.started.value}`]);
    pub.lacks([...internalTexts, ...internalMeasures]);
    for (const decision of decisions) pub.lacks([decision]);
  });

  it('the grant report: goals, measures and budget against accounts', async () => {
    const bearer = bearers[k]!;
    const application = (await json<GrantApplicationList>(`${base(k)}/grant-applications`, bearer)).items[0]!;
    const report = await json<GrantReport>(`${base(k)}/grant-applications/${application.id}/report`, bearer);
    const doc = await documents(`${base(k)}/grant-applications/${application.id}/report/document`, { bearer, language });
    doc.contains([
      report.title,
      ...report.goals.map((g) => g.title),
      ...report.goals.flatMap((g) => g.measures.map((m) => m.title)),
      ...report.budget.lines.map((l) => l.label),
      language === 'nb' ? 'Budsjett og regnskap' : 'Budsjett og regnskap',
      language === 'nb' ? 'Egenfinansiering' : 'Eigenfinansiering',
    ]);
    if (report.warnings.length > 0) doc.contains([language === 'nb' ? 'Egenfinansieringen er under 20' : 'Eigenfinansieringa er under 20']);
  });

  it('the kartlegging: its summary, the proposed priority order and the indicators ("<5" for small groups)', async () => {
    const bearer = bearers[k]!;
    const analysis = (await json<StatusAnalysisList>(`${base(k)}/status-analyses`, bearer)).items[0]!;
    const doc = await documents(`${base(k)}/status-analyses/${analysis.id}/document`, { bearer, language });
    doc.contains([
      analysis.title,
      ...(analysis.summary ? [analysis.summary] : []),
      ...analysis.priorities.map((p) => p.title),
      ...analysis.observations.map((o) => o.text),
      ...analysis.indicators.map((i) => i.name),
      ...analysis.indicators.flatMap((i) => (i.latest ? [String(i.latest.value)] : [])),
      language === 'nb' ? 'Foreslått prioritering' : 'Føreslått prioritering',
    ]);
  });

  it('the minutes: the whole meeting to its coordinator, the public facts only to anonymous callers (never a closed item)', async () => {
    const bearer = bearers[k]!;
    const page = await json<MeetingPage>(`${base(k)}/meetings?limit=200`);
    // A closed item on the first meeting (beside any the demo has).
    await t.database.db.insert(agendaItems).values({ meetingId: page.items[0]!.id, position: 99, title: `Lukka sak ${k}`, closed: true });
    let meeting: Meeting | undefined;
    for (const facts of page.items) {
      const full = await json<Meeting>(`${base(k)}/meetings/${facts.id}`, bearer);
      if (full.agenda?.some((a) => a.closed)) {
        meeting = full;
        break;
      }
    }
    expect(meeting, 'a demo meeting with a closed agenda item').toBeDefined();
    const closed = meeting!.agenda!.filter((a) => a.closed).map((a) => a.title);
    const openItems = meeting!.agenda!.filter((a) => !a.closed).map((a) => a.title);
    const path = `${base(k)}/meetings/${meeting!.id}/minutes/document`;
    const full = await documents(path, { bearer, language });
    full.contains([meeting!.title, ...closed, ...openItems, ...(meeting!.minutes ? [meeting!.minutes] : [])]);
    full.contains((meeting!.decisions ?? []).map((d) => d.text));

    const anonymous = await documents(path, { language });
    anonymous.contains([meeting!.title]);
    anonymous.lacks([...closed, ...(meeting!.minutes ? [meeting!.minutes] : []), ...(meeting!.decisions ?? []).map((d) => d.text)]);
  });
});

describe('document access', () => {
  it('other municipalities get 404 on the internal documents; a format that does not exist is a 400 naming format', async () => {
    const k = '3401';
    const own = bearers[k]!;
    const other = bearers['1547']!;
    const application = (await json<GrantApplicationList>(`${base(k)}/grant-applications`, own)).items[0]!;
    const analysis = (await json<StatusAnalysisList>(`${base(k)}/status-analyses`, own)).items[0]!;
    const internalPaths = [
      `${base(k)}/annual-reports/${YEAR}/document`,
      `${base(k)}/grant-applications/${application.id}/report/document`,
      `${base(k)}/status-analyses/${analysis.id}/document`,
    ];
    for (const path of internalPaths) {
      expect((await call(t, 'GET', `${path}/pdf`, { bearer: other })).status, path).toBe(404);
      expect((await call(t, 'GET', `${path}/docx`)).status, path).toBe(401);
      await expectProblem(await call(t, 'GET', `${path}/odt`, { bearer: own }), 400, 'format');
    }
    const meeting = (await json<MeetingPage>(`${base(k)}/meetings?limit=1`)).items[0]!;
    await expectProblem(await call(t, 'GET', `${base(k)}/meetings/${meeting.id}/minutes/document/rtf`), 400, 'format');
    await expectProblem(await call(t, 'GET', `${base(k)}/annual-reports/${YEAR}/public/document/txt`), 400, 'format');
  });
});

describe('kartlegging → plan', () => {
  it('a plan names the kartlegging it builds on (of its own municipality); both show the link, and so do their documents', async () => {
    const bearer = bearers['3401']!;
    const analysis = (await json<StatusAnalysisList>(`${base('3401')}/status-analyses`, bearer)).items[0]!;
    const foreign = (await json<StatusAnalysisList>(`${base('1547')}/status-analyses`, bearers['1547'])).items[0]!;
    const body = { title: 'Plan bygd på kartleggingen', periodStart: '2027-01-01', periodEnd: '2028-12-31' };
    await expectProblem(
      await call(t, 'POST', `${base('3401')}/plans`, { bearer, body: { ...body, statusAnalysisId: foreign.id } }),
      400,
      'statusAnalysisId',
    );
    const created = await call(t, 'POST', `${base('3401')}/plans`, { bearer, body: { ...body, statusAnalysisId: analysis.id } });
    expect(created.status, await created.clone().text()).toBe(201);
    const plan = (await created.json()) as Plan;
    expect(plan).toMatchObject({ statusAnalysisId: analysis.id, statusAnalysisTitle: analysis.title });

    const read = await json<{ plans: { planId: string; title: string }[] }>(`${base('3401')}/status-analyses/${analysis.id}`, bearer);
    expect(read.plans).toContainEqual(expect.objectContaining({ planId: plan.id, title: body.title }));
    (await documents(`${base('3401')}/status-analyses/${analysis.id}/document`, { bearer, language: 'nb' })).contains([
      'Handlingsplaner bygd på kartleggingen',
      body.title,
    ]);
    (await documents(`${base('3401')}/plans/${plan.id}/document`, { bearer, language: 'nb' })).contains([
      `Bygger på kartlegging: ${analysis.title}`,
    ]);
  });
});
