import type { CreateStatusAnalysis, Goal, StatusAnalysis, StatusAnalysisList, UpdateStatusAnalysis } from '@slt/shared';
import type { Db, Executor } from '../../db/client.js';
import { found, recordChange } from '../../lib/audited.js';
import { InvalidFieldError } from '../../lib/errors.js';
import { checkVersion, type ExpectedVersion } from '../../lib/etag.js';
import { checkReferences, requireOrdered } from '../../lib/references.js';
import type { Scope } from '../../lib/scope.js';
import { trendOf } from '../annual-report/annual-report.service.js';
import type { DocumentFormat } from '../../lib/documents/index.js';
import { documentNames } from '../documents/document-names.repository.js';
import { rendered } from '../documents/document-reply.js';
import { statusAnalysisDocument } from './status-analysis-document.js';
import { createGoalsRepository } from '../goals/goals.repository.js';
import { toGoal } from '../goals/goals.service.js';
import { createStatusAnalysesRepository, type PlanOfAnalysis, type StatusAnalysisRow } from './status-analyses.repository.js';

/** A kartlegging with the indicators of the goals as they stood at the period's end ("<5" for small groups). */
/** What a kartlegging is shown with: the municipality's goals, and the plans that build on a kartlegging. */
export interface StatusAnalysisContext {
  goals: readonly Goal[];
  plans: readonly PlanOfAnalysis[];
}

export function toStatusAnalysis(row: StatusAnalysisRow, { goals, plans }: StatusAnalysisContext): StatusAnalysis {
  return {
    id: row.id,
    kommunenummer: row.kommunenummer,
    title: row.title,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    summary: row.summary,
    observations: row.observations.map((o) => ({ organizationId: o.organizationId, text: o.text })),
    priorities: row.priorities.map((p) => ({ title: p.title, focusAreaId: p.focusAreaId, rationale: p.rationale })),
    agendaItemId: row.agendaItemId,
    indicators: goals.flatMap((goal) =>
      goal.indicators.map((indicator) => {
        const until = indicator.measurements.filter((m) => m.periodEnd <= row.periodEnd);
        const [previous, latest] = [until.at(-2), until.at(-1)];
        const point = (m: typeof latest) => (m ? { measurementId: m.id, periodEnd: m.periodEnd, value: m.value } : null);
        return {
          goalId: goal.id,
          goalTitle: goal.title,
          indicatorId: indicator.id,
          name: indicator.name,
          unit: indicator.unit,
          direction: indicator.direction,
          previous: point(previous),
          latest: point(latest),
          trend: trendOf(indicator.direction, previous, latest),
        };
      }),
    ),
    plans: plans
      .filter((p) => p.statusAnalysisId === row.id)
      .map((p) => ({ planId: p.id, title: p.title, status: p.status, periodStart: p.periodStart })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const auditable = (row: StatusAnalysisRow | undefined) => {
  if (!row) return null;
  const { id: _i, kommunenummer: _k, createdAt: _c, updatedAt: _u, ...fields } = row;
  return fields;
};

type Input = Partial<Omit<CreateStatusAnalysis, 'summary' | 'agendaItemId'>> & {
  summary?: string | null;
  agendaItemId?: string | null;
};

/** The references of a body must be the municipality's: organizations, focus areas, the agenda item. */
async function checkInput(tx: Executor, kommunenummer: string, input: Input): Promise<void> {
  await checkReferences(tx, kommunenummer, [
    { field: 'organizationId', table: 'organizations', ids: input.observations?.map((o) => o.organizationId) },
    { field: 'focusAreaId', table: 'focusAreas', ids: input.priorities?.flatMap((p) => (p.focusAreaId ? [p.focusAreaId] : [])) },
  ]);
  if (input.agendaItemId && !(await createStatusAnalysesRepository(tx).agendaItemExists(kommunenummer, input.agendaItemId))) {
    throw new InvalidFieldError({
      in: 'body',
      name: 'agendaItemId',
      detail: `${input.agendaItemId} is not an agenda item of ${kommunenummer}.`,
    });
  }
}

const stored = (input: Input) => ({
  ...(input.observations ? { observations: input.observations.map((o) => ({ organizationId: o.organizationId, text: o.text })) } : {}),
  ...(input.priorities
    ? { priorities: input.priorities.map((p) => ({ title: p.title, focusAreaId: p.focusAreaId ?? null, rationale: p.rationale ?? null })) }
    : {}),
});

export function createStatusAnalysesService(deps: { db: Db }) {
  const { db } = deps;
  const notFound = (k: string, id: string) => `There is no kartlegging ${id} in ${k}.`;
  const contextOf = async (executor: Executor, k: string): Promise<StatusAnalysisContext> => ({
    goals: (await createGoalsRepository(executor).list(k)).map(toGoal),
    plans: await createStatusAnalysesRepository(executor).plansBuiltOn(k),
  });

  const service = {
    async list({ kommunenummer: k }: Scope): Promise<StatusAnalysisList> {
      const rows = await createStatusAnalysesRepository(db).list(k);
      const context = await contextOf(db, k);
      return { items: rows.map((row) => toStatusAnalysis(row, context)) };
    },

    async get({ kommunenummer: k }: Scope, id: string): Promise<StatusAnalysis> {
      const row = found(await createStatusAnalysesRepository(db).find(k, id), notFound(k, id));
      return toStatusAnalysis(row, await contextOf(db, k));
    },

    async create({ kommunenummer: k, actor }: Scope, input: CreateStatusAnalysis): Promise<StatusAnalysis> {
      requireOrdered({ field: 'periodStart', value: input.periodStart }, { field: 'periodEnd', value: input.periodEnd });
      return db.transaction(async (tx) => {
        await checkInput(tx, k, input);
        const row = await createStatusAnalysesRepository(tx).insert(k, {
          title: input.title,
          periodStart: input.periodStart,
          periodEnd: input.periodEnd,
          summary: input.summary ?? null,
          agendaItemId: input.agendaItemId ?? null,
          ...stored(input),
        });
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'status_analysis',
          entityId: row.id,
          action: 'create',
          before: null,
          after: auditable(row),
        });
        return toStatusAnalysis(row, await contextOf(tx, k));
      });
    },

    async update(
      { kommunenummer: k, actor }: Scope,
      { id, patch, expected }: { id: string; patch: UpdateStatusAnalysis; expected: ExpectedVersion },
    ): Promise<StatusAnalysis> {
      return db.transaction(async (tx) => {
        const repo = createStatusAnalysesRepository(tx);
        const before = found(await repo.find(k, id, { forUpdate: true }), notFound(k, id));
        const context = await contextOf(tx, k);
        checkVersion(expected, toStatusAnalysis(before, context));
        requireOrdered(
          { field: 'periodStart', value: patch.periodStart ?? before.periodStart },
          { field: 'periodEnd', value: patch.periodEnd ?? before.periodEnd },
        );
        await checkInput(tx, k, patch);
        const { observations: _o, priorities: _p, ...fields } = patch;
        const after = await repo.update(id, { ...fields, ...stored(patch) });
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'status_analysis',
          entityId: id,
          action: 'update',
          before: auditable(before),
          after: auditable(after),
        });
        return toStatusAnalysis(after, context);
      });
    },

    async remove({ kommunenummer: k, actor }: Scope, { id, expected }: { id: string; expected: ExpectedVersion }): Promise<void> {
      await db.transaction(async (tx) => {
        const repo = createStatusAnalysesRepository(tx);
        const before = found(await repo.find(k, id, { forUpdate: true }), notFound(k, id));
        checkVersion(expected, toStatusAnalysis(before, await contextOf(tx, k)));
        await repo.delete(id);
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'status_analysis',
          entityId: id,
          action: 'delete',
          before: auditable(before),
          after: null,
        });
      });
    },
  };

  return {
    ...service,
    /** The kartlegging as a document in the municipality's målform. */
    async document(scope: Scope, { id, format }: { id: string; format: DocumentFormat }) {
      const analysis = await service.get(scope, id);
      const names = await documentNames(db, scope.kommunenummer);
      return rendered(statusAnalysisDocument(analysis, names), { base: `kartlegging-${analysis.periodStart.slice(0, 4)}`, format });
    },
  };
}

export type StatusAnalysesService = ReturnType<typeof createStatusAnalysesService>;
