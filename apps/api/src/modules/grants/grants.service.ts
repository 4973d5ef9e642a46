import {
  GRANT_RULES,
  type CreateGrantApplication,
  type GrantApplication,
  type GrantApplicationList,
  type GrantReport,
  type GrantWarning,
  type UpdateGrantApplication,
} from '@slt/shared';
import type { Db } from '../../db/client.js';
import type { StoredBudgetLine } from '../../db/schema/index.js';
import { found, recordChange } from '../../lib/audited.js';
import { InvalidFieldError } from '../../lib/errors.js';
import { checkVersion, type ExpectedVersion } from '../../lib/etag.js';
import { checkReferences, requireOrdered } from '../../lib/references.js';
import type { Scope } from '../../lib/scope.js';
import { trendOf } from '../annual-report/annual-report.service.js';
import type { DocumentFormat } from '../../lib/documents/index.js';
import { documentNames } from '../documents/document-names.repository.js';
import { rendered } from '../documents/document-reply.js';
import { grantReportDocument } from './grant-report-document.js';
import { createGoalsRepository } from '../goals/goals.repository.js';
import { toGoal } from '../goals/goals.service.js';
import { createGrantsRepository, type GrantApplicationTree } from './grants.repository.js';

const yearOf = (date: string) => Number(date.slice(0, 4));

/** The deadlines of a grant period: apply by 1 December the year before, report by 1 April after each year. */
export function grantDeadlines(periodStart: string, periodEnd: string): { apply: string; report: string[] } {
  const [first, last] = [yearOf(periodStart), yearOf(periodEnd)];
  const report: string[] = [];
  for (let year = first; year <= last; year += 1) report.push(`${year + 1}-${GRANT_RULES.reportBy}`);
  return { apply: `${first - 1}-${GRANT_RULES.applyBy}`, report };
}

/** Own funding as a share of the whole (own + granted, or applied while undecided), and the warnings it raises. */
export function ownFundingOf(row: { ownFunding: number; grantedAmount: number | null; appliedAmount: number }) {
  const whole = row.ownFunding + (row.grantedAmount ?? row.appliedAmount);
  const share = whole === 0 ? 0 : row.ownFunding / whole;
  const warnings: GrantWarning[] = share < GRANT_RULES.minOwnFundingShare ? ['own_funding_below_20_percent'] : [];
  return { share: Math.round(share * 10_000) / 10_000, warnings };
}

export function toGrantApplication({ row, goalIds }: GrantApplicationTree): GrantApplication {
  const { share, warnings } = ownFundingOf(row);
  return {
    id: row.id,
    kommunenummer: row.kommunenummer,
    title: row.title,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    appliedAmount: row.appliedAmount,
    grantedAmount: row.grantedAmount,
    ownFunding: row.ownFunding,
    ownFundingShare: share,
    warnings,
    goalIds,
    budgetLines: row.budgetLines.map((l) => ({ label: l.label, budget: l.budget, accounts: l.accounts })),
    description: row.description,
    deadlines: grantDeadlines(row.periodStart, row.periodEnd),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const auditable = (tree: GrantApplicationTree | undefined) => {
  if (!tree) return null;
  const { id: _i, kommunenummer: _k, createdAt: _c, updatedAt: _u, ...fields } = tree.row;
  return { ...fields, goalIds: tree.goalIds };
};

/** A period within the grant's rules: ordered, and at most 3 years long. */
function checkPeriod(start: string, end: string): void {
  requireOrdered({ field: 'periodStart', value: start }, { field: 'periodEnd', value: end });
  if (end >= `${yearOf(start) + GRANT_RULES.maxYears}${start.slice(4)}`) {
    throw new InvalidFieldError({
      in: 'body',
      name: 'periodEnd',
      detail: `A grant period spans at most ${GRANT_RULES.maxYears} years.`,
      code: 'too_long',
    });
  }
}

const budgetLines = (lines: CreateGrantApplication['budgetLines']): StoredBudgetLine[] =>
  (lines ?? []).map((l) => ({ label: l.label, budget: l.budget, accounts: l.accounts ?? null }));

export function createGrantsService(deps: { db: Db }) {
  const { db } = deps;
  const notFound = (k: string, id: string) => `There is no grant application ${id} in ${k}.`;

  const service = {
    async list({ kommunenummer }: Scope): Promise<GrantApplicationList> {
      return { items: (await createGrantsRepository(db).list(kommunenummer)).map(toGrantApplication) };
    },

    get: async ({ kommunenummer: k }: Scope, id: string) =>
      toGrantApplication(found(await createGrantsRepository(db).find(k, id), notFound(k, id))),

    async create({ kommunenummer: k, actor }: Scope, input: CreateGrantApplication): Promise<GrantApplication> {
      checkPeriod(input.periodStart, input.periodEnd);
      return db.transaction(async (tx) => {
        await checkReferences(tx, k, [{ field: 'goalIds', table: 'goals', ids: input.goalIds }]);
        const repo = createGrantsRepository(tx);
        const row = await repo.insert(k, {
          title: input.title,
          periodStart: input.periodStart,
          periodEnd: input.periodEnd,
          appliedAmount: input.appliedAmount,
          grantedAmount: input.grantedAmount ?? null,
          ownFunding: input.ownFunding,
          budgetLines: budgetLines(input.budgetLines),
          description: input.description ?? null,
        });
        await repo.setGoals(row.id, input.goalIds ?? []);
        const tree = (await repo.find(k, row.id))!;
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'grant_application',
          entityId: row.id,
          action: 'create',
          before: null,
          after: auditable(tree),
        });
        return toGrantApplication(tree);
      });
    },

    async update(
      { kommunenummer: k, actor }: Scope,
      { id, patch, expected }: { id: string; patch: UpdateGrantApplication; expected: ExpectedVersion },
    ): Promise<GrantApplication> {
      return db.transaction(async (tx) => {
        const repo = createGrantsRepository(tx);
        const before = found(await repo.find(k, id, { forUpdate: true }), notFound(k, id));
        checkVersion(expected, toGrantApplication(before));
        checkPeriod(patch.periodStart ?? before.row.periodStart, patch.periodEnd ?? before.row.periodEnd);
        await checkReferences(tx, k, [{ field: 'goalIds', table: 'goals', ids: patch.goalIds }]);
        const { goalIds, budgetLines: lines, ...fields } = patch;
        await repo.update(id, { ...fields, ...(lines ? { budgetLines: budgetLines(lines) } : {}) });
        if (goalIds) await repo.setGoals(id, goalIds);
        const after = (await repo.find(k, id))!;
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'grant_application',
          entityId: id,
          action: 'update',
          before: auditable(before),
          after: auditable(after),
        });
        return toGrantApplication(after);
      });
    },

    async remove({ kommunenummer: k, actor }: Scope, { id, expected }: { id: string; expected: ExpectedVersion }): Promise<void> {
      await db.transaction(async (tx) => {
        const repo = createGrantsRepository(tx);
        const before = found(await repo.find(k, id, { forUpdate: true }), notFound(k, id));
        checkVersion(expected, toGrantApplication(before));
        await repo.delete(id);
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'grant_application',
          entityId: id,
          action: 'delete',
          before: auditable(before),
          after: null,
        });
      });
    },

    /**
     * The grant report: per goal of the application, its measures that ran in the period (with the
     * evaluations dated in it) and its indicators from the last value before the period to the last
     * in it ("<5" for small groups); budget lines against the accounts entered. Fixed statement count.
     */
    async report({ kommunenummer: k }: Scope, id: string): Promise<GrantReport> {
      const repo = createGrantsRepository(db);
      const tree = found(await repo.find(k, id), notFound(k, id));
      const { row } = tree;
      const period = { start: row.periodStart, end: row.periodEnd };
      const goals = (await createGoalsRepository(db).list(k)).map(toGoal);
      const runs = await repo.measuresOfGoals(tree.goalIds, period);
      const evaluations = await repo.evaluations([...new Set(runs.map((m) => m.id))], period);
      const lines = row.budgetLines;
      return {
        grantApplicationId: row.id,
        kommunenummer: k,
        title: row.title,
        periodStart: row.periodStart,
        periodEnd: row.periodEnd,
        goals: tree.goalIds
          .map((goalId) => goals.find((g) => g.id === goalId))
          .filter((g) => g !== undefined)
          .map((goal) => ({
            goalId: goal.id,
            title: goal.title,
            measures: runs
              .filter((m) => m.goalId === goal.id)
              .map((m) => ({
                measureId: m.id,
                title: m.title,
                status: m.status,
                startDate: m.startDate,
                endDate: m.endDate,
                evaluations: evaluations
                  .filter((e) => e.measureId === m.id)
                  .map((e) => ({ evaluationId: e.id, date: e.date, outcome: e.outcome })),
              })),
            indicators: goal.indicators.map((indicator) => {
              const before = indicator.measurements.filter((m) => m.periodEnd < period.start).at(-1);
              const during = indicator.measurements.filter((m) => m.periodEnd >= period.start && m.periodEnd <= period.end).at(-1);
              const point = (m: typeof before) => (m ? { measurementId: m.id, periodEnd: m.periodEnd, value: m.value } : null);
              return {
                indicatorId: indicator.id,
                name: indicator.name,
                unit: indicator.unit,
                direction: indicator.direction,
                targetValue: indicator.targetValue,
                baseline: point(before),
                latest: point(during),
                trend: trendOf(indicator.direction, before, during),
              };
            }),
          })),
        budget: {
          lines: lines.map((l) => ({
            label: l.label,
            budget: l.budget,
            accounts: l.accounts,
            difference: l.accounts === null ? null : l.accounts - l.budget,
          })),
          totalBudget: lines.reduce((sum, l) => sum + l.budget, 0),
          totalAccounts: lines.reduce((sum, l) => sum + (l.accounts ?? 0), 0),
          grantedAmount: row.grantedAmount,
          ownFunding: row.ownFunding,
        },
        warnings: ownFundingOf(row).warnings,
      };
    },
  };

  return {
    ...service,
    /** The grant report as a document in the municipality's målform. */
    async reportDocument(scope: Scope, { id, format }: { id: string; format: DocumentFormat }) {
      const report = await service.report(scope, id);
      const names = await documentNames(db, scope.kommunenummer);
      const model = grantReportDocument(report, { language: names.malform, municipalityName: names.municipalityName });
      return rendered(model, { base: `tilskuddsrapport-${report.periodStart.slice(0, 4)}-${report.periodEnd.slice(0, 4)}`, format });
    },
  };
}

export type GrantsService = ReturnType<typeof createGrantsService>;
