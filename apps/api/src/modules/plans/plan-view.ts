import { MEASURE_STATUSES, type Goal, type Indicator, type MeasureStatus, type Plan, type PlanMeasure, type PlanStatus } from '@slt/shared';
import type { PlanContent } from '../../db/schema/plans.js';
import type { DecisionOfMeeting, PlanLookups, PlanRow, PlanStatusChangeRow } from './plans.repository.js';

type PlanIndicator = Plan['priorities'][number]['goals'][number]['indicators'][number];
type Priority = Plan['priorities'][number];

const osloDate = (at: Date) => at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });

function planIndicator(indicator: Indicator): PlanIndicator {
  const point = (m: Indicator['measurements'][number] | undefined) =>
    m ? { periodStart: m.periodStart, periodEnd: m.periodEnd, value: m.value } : null;
  return {
    id: indicator.id,
    name: indicator.name,
    unit: indicator.unit,
    direction: indicator.direction,
    targetValue: indicator.targetValue,
    latest: point(indicator.measurements.at(-1)),
    previous: point(indicator.measurements.at(-2)),
  };
}

/** An indicator is on track when its latest value met the target or moved the wanted way since the one before ("<5" tells nothing). */
function onTrack(i: PlanIndicator): boolean {
  const latest = i.latest?.value;
  if (typeof latest !== 'number') return false;
  if (i.targetValue !== null) {
    if (i.direction === 'increase' && latest >= i.targetValue) return true;
    if (i.direction === 'decrease' && latest <= i.targetValue) return true;
  }
  const previous = i.previous?.value;
  if (typeof previous !== 'number') return false;
  return i.direction === 'increase' ? latest > previous : i.direction === 'decrease' ? latest < previous : latest === previous;
}

/** Progress from the measures' statuses and the indicators' values of the content shown. */
export function progressOf(priorities: Priority[]): Plan['progress'] {
  const measures = priorities.flatMap((p) => p.goals.flatMap((g) => g.measures));
  const indicators = priorities.flatMap((p) => p.goals.flatMap((g) => g.indicators));
  const byStatus = Object.fromEntries(MEASURE_STATUSES.map((s) => [s, 0])) as Record<MeasureStatus, number>;
  for (const m of measures) byStatus[m.status]++;
  const counted = measures.length - byStatus.discontinued;
  return {
    measures: measures.length,
    byStatus,
    completedPercent: counted === 0 ? 0 : Math.round((byStatus.completed / counted) * 100),
    indicators: indicators.length,
    indicatorsOnTrack: indicators.filter(onTrack).length,
  };
}

export interface PlanParts {
  row: PlanRow;
  history: PlanStatusChangeRow[];
  lookups: PlanLookups;
  goals: Goal[];
  decisions: Map<string, DecisionOfMeeting>;
}

/**
 * The internal view of a plan: its content resolved against what exists now (a focus area, goal or
 * measure that is gone is left out), with progress and what is not in it.
 */
export function toPlan({ row, history, lookups, goals, decisions }: PlanParts): Plan {
  const goalsById = new Map(goals.map((g) => [g.id, g]));
  const content: PlanContent = row.content;
  const priorities: Priority[] = content.priorities.flatMap((p) => {
    const area = lookups.focusAreas.get(p.focusAreaId);
    if (!area) return [];
    return [
      {
        focusAreaId: p.focusAreaId,
        name: area.name,
        text: p.text,
        goals: p.goals.flatMap((g) => {
          const goal = goalsById.get(g.goalId);
          if (!goal) return [];
          return [
            {
              goalId: goal.id,
              title: goal.title,
              indicators: goal.indicators.map(planIndicator),
              measures: g.measures.flatMap((m): PlanMeasure[] => {
                const measure = lookups.measures.get(m.measureId);
                if (!measure) return [];
                return [
                  {
                    measureId: m.measureId,
                    title: measure.title,
                    status: measure.status,
                    isPublic: measure.isPublic,
                    responsibleOrganizationId: measure.responsibleOrganizationId,
                    responsibleOrganizationName: measure.responsibleOrganizationName,
                    responsibleMemberId: measure.responsibleMemberId,
                    responsibleMemberName: measure.responsibleMemberName,
                    deadline: m.deadline,
                    fundingAmount: m.fundingAmount,
                    fundingSource: m.fundingSource,
                    evaluationType: m.evaluationType,
                    evaluationDue: m.evaluationDue,
                  },
                ];
              }),
            },
          ];
        }),
      },
    ];
  });
  const goalIds = new Set(priorities.flatMap((p) => p.goals.map((g) => g.goalId)));
  const measureIds = new Set(priorities.flatMap((p) => p.goals.flatMap((g) => g.measures.map((m) => m.measureId))));
  const adoption = row.adoptedByDecisionId ? decisions.get(row.adoptedByDecisionId) : undefined;
  return {
    id: row.id,
    kommunenummer: row.kommunenummer,
    title: row.title,
    description: row.description,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    status: row.status,
    language: lookups.malform,
    adoptingTierId: row.adoptingTierId,
    adoptingTierName: row.adoptingTierId ? (lookups.tiers.get(row.adoptingTierId)?.name ?? null) : null,
    adoptedByDecisionId: row.adoptedByDecisionId,
    adoptedByMeetingId: adoption?.meetingId ?? null,
    adoptedAt: adoption ? osloDate(adoption.startsAt) : null,
    statusAnalysisId: row.statusAnalysisId,
    statusAnalysisTitle: row.statusAnalysisId ? (lookups.statusAnalyses.get(row.statusAnalysisId)?.title ?? null) : null,
    version: row.version,
    priorities,
    progress: progressOf(priorities),
    notInPlan: {
      goals: goals.filter((g) => !goalIds.has(g.id)).map((g) => ({ id: g.id, title: g.title })),
      measures: [...lookups.measures.entries()]
        .filter(([id, m]) => !measureIds.has(id) && m.status !== 'completed' && m.status !== 'discontinued')
        .map(([id, m]) => ({ id, title: m.title, status: m.status })),
    },
    statusHistory: history.map((h) => ({ status: h.status, at: h.at.toISOString(), decisionId: h.decisionId, note: h.note })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What anyone may see of a plan: public measures only, no funding, no notes, no flags; progress of what is shown. */
export function publicPlan(plan: Plan): Plan {
  const priorities = plan.priorities.map((p) => ({
    ...p,
    goals: p.goals.map((g) => ({
      ...g,
      measures: g.measures
        .filter((m) => m.isPublic)
        .map(({ fundingAmount: _a, fundingSource: _s, ...m }) => ({ ...m, responsibleMemberId: null, responsibleMemberName: null })),
    })),
  }));
  return {
    ...plan,
    priorities,
    progress: progressOf(priorities),
    notInPlan: { goals: [], measures: [] },
    // The kartlegging is internal.
    statusAnalysisId: null,
    statusAnalysisTitle: null,
    statusHistory: plan.statusHistory.map(({ note: _n, ...h }) => h),
  };
}

export const isPublicStatus = (status: PlanStatus): boolean => status !== 'draft';
