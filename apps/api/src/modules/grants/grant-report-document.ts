import type { GrantReport } from '@slt/shared';
import { formatDate, formatKroner, type DocumentBlock, type DocumentLanguage, type DocumentModel } from '../../lib/documents/index.js';
import { COMMON_WORDS } from '../documents/words.js';

const nb = {
  title: 'Rapport om bruk av tilskudd',
  goals: 'Mål og måloppnåelse',
  measuresRan: 'Tiltak i perioden',
  noMeasures: 'Ingen tiltak under dette målet i perioden.',
  start: 'Start',
  end: 'Slutt',
  evaluations: 'Evalueringer',
  indicators: 'Indikatorer',
  indicator: 'Indikator',
  baseline: 'Før perioden',
  latest: 'Siste i perioden',
  target: 'Mål',
  trend: 'Utvikling',
  budget: 'Budsjett og regnskap',
  line: 'Post',
  budgetColumn: 'Budsjett',
  accounts: 'Regnskap',
  difference: 'Avvik',
  total: 'Sum',
  granted: 'Innvilget',
  ownFunding: 'Egenfinansiering',
  warnings: { own_funding_below_20_percent: 'Egenfinansieringen er under 20 % av helheten.' } as Record<string, string>,
};
type Words = typeof nb;
const nn: Words = {
  ...nb,
  title: 'Rapport om bruk av tilskot',
  goals: 'Mål og måloppnåing',
  noMeasures: 'Ingen tiltak under dette målet i perioden.',
  evaluations: 'Evalueringar',
  indicators: 'Indikatorar',
  ownFunding: 'Eigenfinansiering',
  warnings: { own_funding_below_20_percent: 'Eigenfinansieringa er under 20 % av heilskapen.' },
};
const WORDS: Record<DocumentLanguage, Words> = { nb, nn };

/** The grant report (to the county governor) as a document: goals against what was achieved, budget against accounts. */
export function grantReportDocument(
  report: GrantReport,
  { language, municipalityName }: { language: DocumentLanguage; municipalityName: string },
): DocumentModel {
  const w = WORDS[language];
  const c = COMMON_WORDS[language];
  const kr = (n: number | null) => (n === null ? c.empty : formatKroner(n));
  const period = `${formatDate(report.periodStart)}–${formatDate(report.periodEnd)}`;
  const blocks: DocumentBlock[] = [{ kind: 'list', items: [`${c.period}: ${period}`] }];
  for (const warning of report.warnings) blocks.push({ kind: 'paragraph', text: w.warnings[warning] ?? warning });

  blocks.push({ kind: 'heading', level: 1, text: w.goals });
  for (const goal of report.goals) {
    blocks.push({ kind: 'heading', level: 2, text: `${c.goal}: ${goal.title}` });
    blocks.push({ kind: 'heading', level: 3, text: w.measuresRan });
    if (goal.measures.length === 0) blocks.push({ kind: 'paragraph', text: w.noMeasures });
    else
      blocks.push({
        kind: 'table',
        columns: [c.columns.measure, c.status, w.start, w.end, w.evaluations],
        rows: goal.measures.map((m) => [
          m.title,
          c.measureStatuses[m.status],
          m.startDate ? formatDate(m.startDate) : c.empty,
          m.endDate ? formatDate(m.endDate) : c.empty,
          m.evaluations.map((e) => `${formatDate(e.date)}: ${c.outcomes[e.outcome] ?? e.outcome}`).join('\n') || c.empty,
        ]),
      });
    if (goal.indicators.length > 0) {
      blocks.push({ kind: 'heading', level: 3, text: w.indicators });
      blocks.push({
        kind: 'table',
        columns: [w.indicator, w.baseline, w.latest, w.target, w.trend],
        rows: goal.indicators.map((i) => [
          i.name,
          i.baseline ? `${String(i.baseline.value)} (${formatDate(i.baseline.periodEnd)})` : c.empty,
          i.latest ? `${String(i.latest.value)} (${formatDate(i.latest.periodEnd)})` : c.empty,
          i.targetValue === null ? c.empty : String(i.targetValue),
          i.trend ? (c.trends[i.trend] ?? i.trend) : c.empty,
        ]),
      });
    }
  }

  const b = report.budget;
  blocks.push({ kind: 'heading', level: 1, text: w.budget });
  blocks.push({
    kind: 'table',
    columns: [w.line, w.budgetColumn, w.accounts, w.difference],
    rows: [
      ...b.lines.map((l) => [l.label, kr(l.budget), kr(l.accounts), kr(l.difference)]),
      [w.total, kr(b.totalBudget), kr(b.totalAccounts), kr(b.totalAccounts - b.totalBudget)],
    ],
  });
  blocks.push({ kind: 'list', items: [`${w.granted}: ${kr(b.grantedAmount)}`, `${w.ownFunding}: ${kr(b.ownFunding)}`] });
  return { title: `${w.title}: ${report.title}`, subtitle: `${c.municipality(municipalityName)} · ${period}`, language, blocks };
}
