import { MEASURE_STATUSES, MEMBERSHIP_ROLES, type AnnualReport, type MeasureStatus, type SectionText } from '@slt/shared';
import { formatDate, type DocumentBlock, type DocumentLanguage, type DocumentModel } from '../../lib/documents/index.js';
import { COMMON_WORDS } from '../documents/words.js';

const nb = {
  title: (year: number) => `Årsrapport for SLT ${year}`,
  sections: {
    introduction: 'Innledning',
    organization: 'Organisering',
    meetings: 'Møter',
    decisions: 'Vedtak',
    measures: 'Tiltak',
    goals: 'Mål og indikatorer',
    plans: 'Handlingsplaner',
    summary: 'Oppsummering',
  },
  tier: 'Nivå',
  roles: { chair: 'Leder', secretary: 'Sekretær', member: 'Medlem', observer: 'Observatør' },
  levels: { strategic: 'Styringsnivå', coordinating: 'Koordineringsnivå', operational: 'Utøvende nivå' } as Record<string, string>,
  held: 'Holdt',
  required: 'Krav',
  cancelled: 'Avlyst',
  compliance: { met: 'Oppfylt', behind: 'Bak', at_risk: 'I fare', on_track: 'I rute' } as Record<string, string>,
  noRule: 'Ingen regel',
  decisionCount: (n: number) => `${n} vedtak i året.`,
  date: 'Dato',
  decision: 'Vedtak',
  measureFacts: (r: AnnualReport['measures']) =>
    [
      `Startet i året: ${r.started.value}`,
      `Fullført i året: ${r.completed.value}`,
      ...(r.evaluated ? [`Evaluert i året: ${r.evaluated.value}`] : []),
    ] as string[],
  byStatus: 'Alle tiltak etter status nå',
  allMeasures: 'Tiltakene',
  start: 'Start',
  end: 'Slutt',
  inYear: 'I året',
  startedMark: 'startet',
  completedMark: 'fullført',
  evaluatedMark: 'evaluert',
  goalFacts: (r: AnnualReport['goals']) => `${r.indicatorCount.value} indikatorer, ${r.measurementCount.value} målinger i året.`,
  measuresOfGoal: (n: number) => `${n} tiltak arbeider mot målet.`,
  indicator: 'Indikator',
  previous: 'Forrige',
  latest: 'Siste',
  target: 'Mål',
  trend: 'Utvikling',
  noPlans: 'Ingen handlingsplan gjaldt i året.',
};
type Words = typeof nb;
const nn: Words = {
  ...nb,
  sections: {
    introduction: 'Innleiing',
    organization: 'Organisering',
    meetings: 'Møte',
    decisions: 'Vedtak',
    measures: 'Tiltak',
    goals: 'Mål og indikatorar',
    plans: 'Handlingsplanar',
    summary: 'Oppsummering',
  },
  roles: { chair: 'Leiar', secretary: 'Sekretær', member: 'Medlem', observer: 'Observatør' },
  levels: { strategic: 'Styringsnivå', coordinating: 'Koordineringsnivå', operational: 'Utøvande nivå' },
  held: 'Halde',
  required: 'Krav',
  cancelled: 'Avlyst',
  compliance: { met: 'Oppfylt', behind: 'Bak', at_risk: 'I fare', on_track: 'I rute' },
  noRule: 'Ingen regel',
  decisionCount: (n) => `${n} vedtak i året.`,
  measureFacts: (r) => [
    `Starta i året: ${r.started.value}`,
    `Fullført i året: ${r.completed.value}`,
    ...(r.evaluated ? [`Evaluert i året: ${r.evaluated.value}`] : []),
  ],
  byStatus: 'Alle tiltak etter status no',
  allMeasures: 'Tiltaka',
  startedMark: 'starta',
  goalFacts: (r) => `${r.indicatorCount.value} indikatorar, ${r.measurementCount.value} målingar i året.`,
  measuresOfGoal: (n) => `${n} tiltak arbeider mot målet.`,
  trend: 'Utvikling',
  noPlans: 'Ingen handlingsplan galdt i året.',
};
const WORDS: Record<DocumentLanguage, Words> = { nb, nn };

/** A measure the report's view may show, for the table that names the records behind the status figures. */
export interface ReportMeasure {
  id: string;
  title: string;
  status: MeasureStatus;
  startDate: string | null;
  endDate: string | null;
}

const textBlock = (t: SectionText | null): DocumentBlock[] => (t ? [{ kind: 'paragraph', text: t.text }] : []);

/**
 * The annual report as a document: every figure as the JSON states it, the coordinator's text per
 * section, and a table of the measures the status figures count (the view's measures).
 */
export function annualReportDocument(
  report: AnnualReport,
  { language, municipalityName, measures }: { language: DocumentLanguage; municipalityName: string; measures: readonly ReportMeasure[] },
): DocumentModel {
  const w = WORDS[language];
  const c = COMMON_WORDS[language];
  const s = w.sections;
  const blocks: DocumentBlock[] = [{ kind: 'paragraph', text: c.generatedOn(formatDate(report.generatedOn)) }];
  const heading = (text: string): DocumentBlock => ({ kind: 'heading', level: 1, text });

  blocks.push(heading(s.introduction), ...textBlock(report.introduction.text));

  blocks.push(heading(s.organization), ...textBlock(report.organization.text));
  blocks.push({
    kind: 'table',
    columns: [w.tier, ...MEMBERSHIP_ROLES.map((r) => w.roles[r])],
    rows: report.organization.tiers.map((t) => [
      `${t.name} (${w.levels[t.level] ?? t.level})`,
      ...MEMBERSHIP_ROLES.map((r) => String(t.roles[r].value)),
    ]),
  });

  blocks.push(heading(s.meetings), ...textBlock(report.meetings.text));
  blocks.push({
    kind: 'table',
    columns: [w.tier, w.held, w.required, w.cancelled, c.status],
    rows: report.meetings.tiers.map((t) => [
      t.name,
      String(t.held.value),
      t.periods.length > 0 ? t.periods.map((p) => String(p.required)).join(' + ') : c.empty,
      String(t.cancelled.value),
      t.status ? (w.compliance[t.status] ?? t.status) : w.noRule,
    ]),
  });

  if (report.decisions) {
    blocks.push(heading(s.decisions), ...textBlock(report.decisions.text));
    blocks.push({ kind: 'paragraph', text: w.decisionCount(report.decisions.count.value) });
    if (report.decisions.items.length > 0)
      blocks.push({
        kind: 'table',
        columns: [w.date, w.decision],
        rows: report.decisions.items.map((d) => [formatDate(d.date), d.text]),
      });
  }

  const m = report.measures;
  blocks.push(heading(s.measures), ...textBlock(m.text));
  blocks.push({ kind: 'list', items: w.measureFacts(m) });
  blocks.push({ kind: 'heading', level: 2, text: w.byStatus });
  blocks.push({
    kind: 'table',
    columns: [c.status, ...MEASURE_STATUSES.map((st) => c.measureStatuses[st])],
    rows: [[c.measures, ...MEASURE_STATUSES.map((st) => String(m.byStatus[st].value))]],
  });
  const started = new Set(m.started.records);
  const completed = new Set(m.completed.records);
  const evaluated = new Set(m.evaluated?.records ?? []);
  if (measures.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: w.allMeasures });
    blocks.push({
      kind: 'table',
      columns: [c.columns.measure, c.status, w.start, w.end, w.inYear],
      rows: measures.map((x) => [
        x.title,
        c.measureStatuses[x.status],
        x.startDate ? formatDate(x.startDate) : c.empty,
        x.endDate ? formatDate(x.endDate) : c.empty,
        [
          started.has(x.id) ? w.startedMark : null,
          completed.has(x.id) ? w.completedMark : null,
          evaluated.has(x.id) ? w.evaluatedMark : null,
        ]
          .filter(Boolean)
          .join(', ') || c.empty,
      ]),
    });
  }

  const g = report.goals;
  blocks.push(heading(s.goals), ...textBlock(g.text), { kind: 'paragraph', text: w.goalFacts(g) });
  for (const goal of g.items) {
    blocks.push({ kind: 'heading', level: 2, text: goal.title }, { kind: 'paragraph', text: w.measuresOfGoal(goal.measures.value) });
    if (goal.indicators.length > 0)
      blocks.push({
        kind: 'table',
        columns: [w.indicator, w.previous, w.latest, w.target, w.trend],
        rows: goal.indicators.map((i) => [
          i.name,
          i.previous ? `${String(i.previous.value)} (${formatDate(i.previous.periodEnd)})` : c.empty,
          i.latest ? `${String(i.latest.value)} (${formatDate(i.latest.periodEnd)})` : c.empty,
          i.targetValue === null ? c.empty : String(i.targetValue),
          i.trend ? (c.trends[i.trend] ?? i.trend) : c.empty,
        ]),
      });
  }

  blocks.push(heading(s.plans));
  if (report.plans.items.length === 0) blocks.push({ kind: 'paragraph', text: w.noPlans });
  for (const plan of report.plans.items) {
    blocks.push(
      { kind: 'heading', level: 2, text: plan.title },
      {
        kind: 'list',
        items: [`${c.period}: ${formatDate(plan.periodStart)}–${formatDate(plan.periodEnd)}`, `${c.status}: ${c.statuses[plan.status]}`],
      },
      { kind: 'paragraph', text: c.progressLine(plan.progress) },
    );
  }

  blocks.push(heading(s.summary), ...textBlock(report.summary.text));
  return {
    title: w.title(report.year),
    subtitle: `${c.municipality(municipalityName)} · ${report.view === 'internal' ? c.internal : c.public}`,
    language,
    blocks,
  };
}
