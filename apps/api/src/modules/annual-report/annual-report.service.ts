import {
  ANNUAL_REPORT_SECTIONS,
  MEASURE_STATUSES,
  MEMBERSHIP_ROLES,
  SMALL_GROUP,
  type AnnualReport,
  type AnnualReportSection,
  type AnnualReportTexts,
  type Figure,
  type Goal,
  type MeasureStatus,
  type SectionText,
  type Trend,
  type UpdateAnnualReportTexts,
} from '@slt/shared';
import type { Db } from '../../db/client.js';
import type { StoredSectionText } from '../../db/schema/index.js';
import { recordChange } from '../../lib/audited.js';
import { checkVersion, type ExpectedVersion } from '../../lib/etag.js';
import { osloDay } from '../../lib/oslo-time.js';
import type { Scope } from '../../lib/scope.js';
import type { PlanLookups, PlanRow } from '../plans/plans.repository.js';
import type { ComplianceService } from '../compliance/compliance.service.js';
import { createGoalsRepository } from '../goals/goals.repository.js';
import { toGoal } from '../goals/goals.service.js';
import type { DocumentFormat } from '../../lib/documents/index.js';
import { documentNames } from '../documents/document-names.repository.js';
import { rendered } from '../documents/document-reply.js';
import { toPlan } from '../plans/plan-view.js';
import { annualReportDocument, type ReportMeasure } from './annual-report-document.js';
import { createAnnualReportRepository, type AnnualReportTextsRow } from './annual-report.repository.js';

/** A figure from the records it counts. */
export const figure = (records: readonly string[]): Figure => ({ value: records.length, records: [...records] });

const inYear = (date: string | null, year: number): boolean => date !== null && date.startsWith(`${year}-`);

type Measurement = Goal['indicators'][number]['measurements'][number];
type Indicator = Goal['indicators'][number];

/** Latest against previous, judged by the wanted direction; null when either is missing or reported as "<5". */
export function trendOf(
  direction: Indicator['direction'],
  previous: Measurement | undefined,
  latest: Measurement | undefined,
): Trend | null {
  if (!previous || !latest || previous.value === SMALL_GROUP || latest.value === SMALL_GROUP) return null;
  const change = latest.value - previous.value;
  if (change === 0) return 'unchanged';
  if (direction === 'maintain') return 'worsening';
  return (direction === 'increase') === change > 0 ? 'improving' : 'worsening';
}

export function toTexts(kommunenummer: string, year: number, row: AnnualReportTextsRow | undefined): AnnualReportTexts {
  const stored = row?.sections ?? {};
  return {
    kommunenummer,
    year,
    sections: Object.fromEntries(ANNUAL_REPORT_SECTIONS.map((s) => [s, stored[s] ?? null])) as Record<
      AnnualReportSection,
      SectionText | null
    >,
    updatedAt: row ? row.updatedAt.toISOString() : null,
  };
}

/**
 * The plans in force with their progress, computed by the plan's own view (`toPlan`) from the
 * records the report already read: the measures it may show (public ones in the public version)
 * and the indicators' values up to the year's end.
 */
function plansOfYear({
  rows,
  areas,
  measureRows,
  goals,
  year,
}: {
  rows: PlanRow[];
  areas: { id: string; name: string }[];
  measureRows: { id: string; title: string; status: MeasureStatus }[];
  goals: Goal[];
  year: number;
}): AnnualReport['plans']['items'] {
  if (rows.length === 0) return [];
  const lookups: PlanLookups = {
    malform: 'nb',
    municipalityName: '',
    focusAreas: new Map(areas.map((a) => [a.id, { name: a.name }])),
    measures: new Map(
      measureRows.map((m) => [
        m.id,
        {
          title: m.title,
          status: m.status,
          isPublic: true,
          responsibleOrganizationId: null,
          responsibleOrganizationName: null,
          responsibleMemberId: null,
          responsibleMemberName: null,
        },
      ]),
    ),
    tiers: new Map(),
    statusAnalyses: new Map(),
  };
  const yearEnd = `${year}-12-31`;
  const goalsOfYear = goals.map((g) => ({
    ...g,
    indicators: g.indicators.map((i) => ({ ...i, measurements: i.measurements.filter((m) => m.periodEnd <= yearEnd) })),
  }));
  return rows.map((row) => {
    const plan = toPlan({ row, history: [], lookups, goals: goalsOfYear, decisions: new Map() });
    return {
      planId: plan.id,
      title: plan.title,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      status: plan.status,
      progress: plan.progress,
    };
  });
}

export function createAnnualReportService(deps: { db: Db; compliance: Pick<ComplianceService, 'ofYear'> }) {
  const { db, compliance } = deps;

  /**
   * The report for a year from the records, in a fixed number of SQL statements whatever the
   * number of measures, meetings or members. `view: 'public'` leaves out everything internal.
   * Also answers the measures the view may show (the records behind the status figures).
   */
  async function assemble(
    scope: Scope,
    year: number,
    view: 'public' | 'internal',
  ): Promise<{ report: AnnualReport; measures: ReportMeasure[] }> {
    const { kommunenummer: k } = scope;
    const internal = view === 'internal';
    const repo = createAnnualReportRepository(db);
    // Held vs required: exactly what GET …/compliance answers (the same service).
    const ofRule = await compliance.ofYear(scope, year);
    const textsRow = await repo.texts(k, year);
    const seats = await repo.membershipsOfYear(k, year);
    const meetingRows = await repo.meetingsOfYear(k, year);
    const decisionRows = internal ? await repo.decisionsOfYear(k, year) : [];
    const measureRows = await repo.measures(k, year, { publicOnly: !internal });
    const goals = (await createGoalsRepository(db).list(k)).map(toGoal);
    const links = await repo.measureGoals(goals.map((g) => g.id));
    const planRows = await repo.plansInForce(k, year);
    const areas = await repo.focusAreas(k);

    const texts = toTexts(k, year, textsRow).sections;
    const text = (section: AnnualReportSection) => {
      const t = texts[section];
      return t && (internal || t.isPublic) ? t : null;
    };

    const seatsOf = new Map<string, typeof seats>();
    for (const seat of seats) seatsOf.set(seat.tierId, [...(seatsOf.get(seat.tierId) ?? []), seat]);
    const meetingsOf = new Map<string, typeof meetingRows>();
    for (const m of meetingRows) meetingsOf.set(m.tierId, [...(meetingsOf.get(m.tierId) ?? []), m]);
    const ids = <R extends { id: string }>(rows: readonly R[] | undefined, keep: (r: R) => boolean) =>
      (rows ?? []).filter(keep).map((r) => r.id);

    const started = measureRows.filter((m) => inYear(m.startDate, year));
    const completed = measureRows.filter((m) => m.status === 'completed' && inYear(m.endDate, year));
    const evaluated = measureRows.filter((m) => m.evaluated);
    const reported = new Set([...started, ...completed, ...(internal ? evaluated : [])].map((m) => m.id));
    const visibleMeasures = new Set(measureRows.map((m) => m.id));
    const decisionsShown = decisionRows.filter((d) => !d.closed || scope.caller.allClosed);

    const indicators = goals.flatMap((g) => g.indicators);
    const untilYearEnd = (i: Indicator) => i.measurements.filter((m) => m.periodEnd <= `${year}-12-31`);

    const report: AnnualReport = {
      kommunenummer: k,
      year,
      view,
      generatedOn: osloDay(),
      introduction: { text: text('introduction') },
      organization: {
        text: text('organization'),
        tiers: ofRule.tiers.map((tier) => ({
          tierId: tier.tierId,
          name: tier.name,
          level: tier.level,
          roles: Object.fromEntries(
            MEMBERSHIP_ROLES.map((role) => [role, figure(ids(seatsOf.get(tier.tierId), (s) => s.role === role))]),
          ) as AnnualReport['organization']['tiers'][number]['roles'],
        })),
      },
      meetings: {
        text: text('meetings'),
        tiers: ofRule.tiers.map((tier) => ({
          tierId: tier.tierId,
          name: tier.name,
          level: tier.level,
          status: tier.status,
          periods: tier.periods,
          held: figure(ids(meetingsOf.get(tier.tierId), (m) => m.status === 'held')),
          cancelled: figure(ids(meetingsOf.get(tier.tierId), (m) => m.status === 'cancelled')),
        })),
      },
      decisions: internal
        ? {
            text: text('decisions'),
            count: figure(decisionsShown.map((d) => d.id)),
            items: decisionsShown.map((d) => ({
              decisionId: d.id,
              meetingId: d.meetingId,
              tierId: d.tierId,
              date: d.date,
              text: d.text,
              measureId: d.measureId,
            })),
          }
        : null,
      measures: {
        text: text('measures'),
        started: figure(started.map((m) => m.id)),
        completed: figure(completed.map((m) => m.id)),
        evaluated: internal ? figure(evaluated.map((m) => m.id)) : null,
        byStatus: Object.fromEntries(
          MEASURE_STATUSES.map((status) => [status, figure(ids(measureRows, (m) => m.status === status))]),
        ) as AnnualReport['measures']['byStatus'],
        items: measureRows
          .filter((m) => reported.has(m.id))
          .map((m) => ({ measureId: m.id, title: m.title, status: m.status, startDate: m.startDate, endDate: m.endDate })),
      },
      goals: {
        text: text('goals'),
        indicatorCount: figure(indicators.map((i) => i.id)),
        measurementCount: figure(indicators.flatMap((i) => i.measurements.filter((m) => inYear(m.periodEnd, year)).map((m) => m.id))),
        items: goals.map((goal) => ({
          goalId: goal.id,
          title: goal.title,
          measures: figure(links.filter((l) => l.goalId === goal.id && visibleMeasures.has(l.measureId)).map((l) => l.measureId)),
          indicators: goal.indicators.map((indicator) => {
            const until = untilYearEnd(indicator);
            const [previous, latest] = [until.at(-2), until.at(-1)];
            const point = (m: Measurement | undefined) => (m ? { measurementId: m.id, periodEnd: m.periodEnd, value: m.value } : null);
            return {
              indicatorId: indicator.id,
              name: indicator.name,
              unit: indicator.unit,
              direction: indicator.direction,
              targetValue: indicator.targetValue,
              previous: point(previous),
              latest: point(latest),
              trend: trendOf(indicator.direction, previous, latest),
            };
          }),
        })),
      },
      plans: { items: plansOfYear({ rows: planRows, areas, measureRows, goals, year }) },
      summary: { text: text('summary') },
    };
    return {
      report,
      measures: measureRows.map((m) => ({ id: m.id, title: m.title, status: m.status, startDate: m.startDate, endDate: m.endDate })),
    };
  }

  return {
    async generate(scope: Scope, year: number, view: 'public' | 'internal'): Promise<AnnualReport> {
      return (await assemble(scope, year, view)).report;
    },

    /** The report as a document in the municipality's målform, with a table of the measures its figures count. */
    async document(scope: Scope, { year, view, format }: { year: number; view: 'public' | 'internal'; format: DocumentFormat }) {
      const { report, measures } = await assemble(scope, year, view);
      const names = await documentNames(db, scope.kommunenummer);
      const model = annualReportDocument(report, { language: names.malform, municipalityName: names.municipalityName, measures });
      return rendered(model, { base: `arsrapport-${year}${view === 'public' ? '-offentlig' : ''}`, format });
    },

    async texts({ kommunenummer }: Scope, year: number): Promise<AnnualReportTexts> {
      return toTexts(kommunenummer, year, await createAnnualReportRepository(db).texts(kommunenummer, year));
    },

    /** Writes or removes section texts under the row's lock, checked against If-Match, audited. */
    async updateTexts(
      { kommunenummer: k, actor }: Scope,
      { year, patch, expected }: { year: number; patch: UpdateAnnualReportTexts; expected: ExpectedVersion },
    ): Promise<AnnualReportTexts> {
      return db.transaction(async (tx) => {
        const repo = createAnnualReportRepository(tx);
        const existing = await repo.texts(k, year, { forUpdate: true });
        checkVersion(expected, toTexts(k, year, existing));
        if (!existing) await repo.ensureTexts(k, year);
        const before = existing?.sections ?? {};
        const after: Record<string, StoredSectionText> = { ...before };
        for (const section of ANNUAL_REPORT_SECTIONS) {
          const change = patch[section];
          if (change === undefined) continue;
          if (change === null) delete after[section];
          else after[section] = { text: change.text, isPublic: change.isPublic ?? false };
        }
        const row = await repo.saveTexts(k, year, after);
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'annual_report',
          entityId: `${k}:${year}`,
          action: existing ? 'update' : 'create',
          before: existing ? before : null,
          after,
        });
        return toTexts(k, year, row);
      });
    },
  };
}

export type AnnualReportService = ReturnType<typeof createAnnualReportService>;
