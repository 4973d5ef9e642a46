import type { StatusAnalysis } from '@slt/shared';
import { formatDate, type DocumentBlock, type DocumentLanguage, type DocumentModel } from '../../lib/documents/index.js';
import type { DocumentNames } from '../documents/document-names.repository.js';
import { COMMON_WORDS } from '../documents/words.js';

const nb = {
  title: 'Kartlegging',
  summary: 'Sammendrag',
  indicators: 'Indikatorer',
  goal: 'Mål',
  indicator: 'Indikator',
  previous: 'Forrige',
  latest: 'Siste',
  trend: 'Utvikling',
  observations: 'Hva aktørene ser',
  organization: 'Aktør',
  observation: 'Observasjon',
  priorities: 'Foreslått prioritering',
  focusArea: 'Innsatsområde',
  plans: 'Handlingsplaner bygd på kartleggingen',
};
type Words = typeof nb;
const nn: Words = {
  ...nb,
  summary: 'Samandrag',
  indicators: 'Indikatorar',
  observations: 'Kva aktørane ser',
  priorities: 'Føreslått prioritering',
  plans: 'Handlingsplanar bygde på kartlegginga',
};
const WORDS: Record<DocumentLanguage, Words> = { nb, nn };

/** The kartlegging as a document: summary, indicators (small groups as "<5"), observations and the proposed priority order. */
export function statusAnalysisDocument(analysis: StatusAnalysis, names: DocumentNames): DocumentModel {
  const language = names.malform;
  const w = WORDS[language];
  const c = COMMON_WORDS[language];
  const period = `${formatDate(analysis.periodStart)}–${formatDate(analysis.periodEnd)}`;
  const blocks: DocumentBlock[] = [{ kind: 'list', items: [`${c.period}: ${period}`] }];
  if (analysis.summary) blocks.push({ kind: 'heading', level: 1, text: w.summary }, { kind: 'paragraph', text: analysis.summary });

  blocks.push({ kind: 'heading', level: 1, text: w.priorities });
  if (analysis.priorities.length === 0) blocks.push({ kind: 'paragraph', text: c.noData });
  else
    blocks.push({
      kind: 'list',
      ordered: true,
      items: analysis.priorities.map((p) =>
        [
          p.title,
          p.focusAreaId && names.focusAreas.has(p.focusAreaId) ? ` (${w.focusArea}: ${names.focusAreas.get(p.focusAreaId)})` : '',
          p.rationale ? `: ${p.rationale}` : '',
        ].join(''),
      ),
    });

  blocks.push({ kind: 'heading', level: 1, text: w.indicators });
  if (analysis.indicators.length === 0) blocks.push({ kind: 'paragraph', text: c.noData });
  else
    blocks.push({
      kind: 'table',
      columns: [w.goal, w.indicator, w.previous, w.latest, w.trend],
      rows: analysis.indicators.map((i) => [
        i.goalTitle,
        i.name,
        i.previous ? `${String(i.previous.value)} (${formatDate(i.previous.periodEnd)})` : c.empty,
        i.latest ? `${String(i.latest.value)} (${formatDate(i.latest.periodEnd)})` : c.empty,
        i.trend ? (c.trends[i.trend] ?? i.trend) : c.empty,
      ]),
    });

  blocks.push({ kind: 'heading', level: 1, text: w.observations });
  if (analysis.observations.length === 0) blocks.push({ kind: 'paragraph', text: c.noData });
  else
    blocks.push({
      kind: 'table',
      columns: [w.organization, w.observation],
      rows: analysis.observations.map((o) => [names.organizations.get(o.organizationId) ?? c.empty, o.text]),
    });

  if (analysis.plans.length > 0)
    blocks.push(
      { kind: 'heading', level: 1, text: w.plans },
      { kind: 'list', items: analysis.plans.map((p) => `${p.title} (${formatDate(p.periodStart)})`) },
    );
  return { title: `${w.title}: ${analysis.title}`, subtitle: `${c.municipality(names.municipalityName)} · ${period}`, language, blocks };
}
