import type { EvaluationPlanType, MeasureStatus, Plan, PlanStatus } from '@slt/shared';
import { formatDate, formatKroner, type DocumentBlock, type DocumentLanguage, type DocumentModel } from '../../lib/documents/index.js';

interface Words {
  plan: string;
  municipality: (name: string) => string;
  period: string;
  status: string;
  statuses: Record<PlanStatus, string>;
  adoptedBy: (tier: string, date: string) => string;
  adoptingTier: string;
  basedOn: string;
  progress: string;
  progressLine: (p: Plan['progress']) => string;
  priorities: string;
  goal: string;
  indicators: string;
  indicatorLine: (name: string, latest: string, target: string) => string;
  measures: string;
  noMeasures: string;
  columns: { measure: string; status: string; owner: string; deadline: string; funding: string; evaluation: string };
  measureStatuses: Record<MeasureStatus, string>;
  evaluationTypes: Record<EvaluationPlanType, string>;
  none: string;
  empty: string;
}

const nb: Words = {
  plan: 'Handlingsplan',
  municipality: (name) => `${name} kommune`,
  period: 'Periode',
  status: 'Status',
  statuses: { draft: 'Utkast', consultation: 'På høring', adopted: 'Vedtatt', revised: 'Under revisjon', expired: 'Utløpt' },
  adoptedBy: (tier, date) => `Vedtatt av ${tier} ${date}.`,
  adoptingTier: 'Vedtas av',
  basedOn: 'Bygger på kartlegging',
  progress: 'Framdrift',
  progressLine: (p) =>
    `${p.measures} tiltak: ${p.byStatus.completed} fullført, ${p.byStatus.active} i gang, ${p.byStatus.planned} planlagt, ${p.byStatus.idea} idé, ${p.byStatus.discontinued} avsluttet (${p.completedPercent} % fullført). ${p.indicatorsOnTrack} av ${p.indicators} indikatorer går i ønsket retning.`,
  priorities: 'Innsatsområder, mål og tiltak',
  goal: 'Mål',
  indicators: 'Indikatorer',
  indicatorLine: (name, latest, target) => `${name}: siste verdi ${latest}${target ? `, mål ${target}` : ''}`,
  measures: 'Tiltak',
  noMeasures: 'Ingen tiltak er knyttet til dette målet.',
  columns: {
    measure: 'Tiltak',
    status: 'Status',
    owner: 'Ansvarlig',
    deadline: 'Frist',
    funding: 'Finansiering',
    evaluation: 'Evaluering',
  },
  measureStatuses: { idea: 'Idé', planned: 'Planlagt', active: 'Aktivt', completed: 'Fullført', discontinued: 'Avsluttet' },
  evaluationTypes: {
    none: 'Ingen',
    self_assessment: 'Egenvurdering',
    internal: 'Intern evaluering',
    external: 'Ekstern evaluering',
    research: 'Forskning',
  },
  none: 'ingen',
  empty: '–',
};

const nn: Words = {
  plan: 'Handlingsplan',
  municipality: (name) => `${name} kommune`,
  period: 'Periode',
  status: 'Status',
  statuses: { draft: 'Utkast', consultation: 'På høyring', adopted: 'Vedteken', revised: 'Under revisjon', expired: 'Utgått' },
  adoptedBy: (tier, date) => `Vedteken av ${tier} ${date}.`,
  adoptingTier: 'Vert vedteken av',
  basedOn: 'Byggjer på kartlegging',
  progress: 'Framdrift',
  progressLine: (p) =>
    `${p.measures} tiltak: ${p.byStatus.completed} fullførte, ${p.byStatus.active} i gang, ${p.byStatus.planned} planlagde, ${p.byStatus.idea} idé, ${p.byStatus.discontinued} avslutta (${p.completedPercent} % fullført). ${p.indicatorsOnTrack} av ${p.indicators} indikatorar går i ønskt retning.`,
  priorities: 'Innsatsområde, mål og tiltak',
  goal: 'Mål',
  indicators: 'Indikatorar',
  indicatorLine: (name, latest, target) => `${name}: siste verdi ${latest}${target ? `, mål ${target}` : ''}`,
  measures: 'Tiltak',
  noMeasures: 'Ingen tiltak er knytte til dette målet.',
  columns: {
    measure: 'Tiltak',
    status: 'Status',
    owner: 'Ansvarleg',
    deadline: 'Frist',
    funding: 'Finansiering',
    evaluation: 'Evaluering',
  },
  measureStatuses: { idea: 'Idé', planned: 'Planlagt', active: 'Aktivt', completed: 'Fullført', discontinued: 'Avslutta' },
  evaluationTypes: {
    none: 'Inga',
    self_assessment: 'Eigenvurdering',
    internal: 'Intern evaluering',
    external: 'Ekstern evaluering',
    research: 'Forsking',
  },
  none: 'ingen',
  empty: '–',
};

export const PLAN_WORDS: Record<DocumentLanguage, Words> = { nb, nn };

/** The plan as a document in its municipality's målform: the view it is given (internal or public) decides what is in it. */
export function planDocument(plan: Plan, municipalityName: string): DocumentModel {
  const w = PLAN_WORDS[plan.language];
  const period = `${formatDate(plan.periodStart)}–${formatDate(plan.periodEnd)}`;
  const blocks: DocumentBlock[] = [];
  const facts = [`${w.period}: ${period}`, `${w.status}: ${w.statuses[plan.status]}`];
  if (plan.adoptingTierName) facts.push(`${w.adoptingTier}: ${plan.adoptingTierName}`);
  if (plan.statusAnalysisTitle) facts.push(`${w.basedOn}: ${plan.statusAnalysisTitle}`);
  blocks.push({ kind: 'list', items: facts });
  if (plan.adoptedAt && plan.adoptingTierName)
    blocks.push({ kind: 'paragraph', text: w.adoptedBy(plan.adoptingTierName, formatDate(plan.adoptedAt)) });
  if (plan.description) blocks.push({ kind: 'paragraph', text: plan.description });
  blocks.push({ kind: 'heading', level: 1, text: w.progress }, { kind: 'paragraph', text: w.progressLine(plan.progress) });
  blocks.push({ kind: 'heading', level: 1, text: w.priorities });
  const funded = plan.priorities.some((p) => p.goals.some((g) => g.measures.some((m) => m.fundingAmount !== undefined)));
  for (const priority of plan.priorities) {
    blocks.push({ kind: 'heading', level: 2, text: priority.name });
    if (priority.text) blocks.push({ kind: 'paragraph', text: priority.text });
    for (const goal of priority.goals) {
      blocks.push({ kind: 'heading', level: 3, text: `${w.goal}: ${goal.title}` });
      if (goal.indicators.length > 0) {
        blocks.push({
          kind: 'list',
          items: goal.indicators.map((i) =>
            w.indicatorLine(
              i.name,
              i.latest ? `${i.latest.value} (${formatDate(i.latest.periodEnd)})` : w.empty,
              i.targetValue === null ? '' : String(i.targetValue),
            ),
          ),
        });
      }
      if (goal.measures.length === 0) {
        blocks.push({ kind: 'paragraph', text: w.noMeasures });
        continue;
      }
      const c = w.columns;
      blocks.push({
        kind: 'table',
        columns: [c.measure, c.status, c.owner, c.deadline, ...(funded ? [c.funding] : []), c.evaluation],
        rows: goal.measures.map((m) => [
          m.title,
          w.measureStatuses[m.status],
          [m.responsibleOrganizationName, m.responsibleMemberName].filter(Boolean).join(', ') || w.empty,
          m.deadline ? formatDate(m.deadline) : w.empty,
          ...(funded
            ? [[m.fundingAmount == null ? null : formatKroner(m.fundingAmount), m.fundingSource].filter(Boolean).join(', ') || w.empty]
            : []),
          m.evaluationType
            ? [w.evaluationTypes[m.evaluationType], m.evaluationDue ? formatDate(m.evaluationDue) : null].filter(Boolean).join(', ')
            : w.empty,
        ]),
      });
    }
  }
  return { title: plan.title, subtitle: `${w.municipality(municipalityName)} · ${w.plan} ${period}`, language: plan.language, blocks };
}
