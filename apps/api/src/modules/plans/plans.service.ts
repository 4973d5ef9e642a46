import {
  PLAN_EDITABLE_STATUSES,
  PLAN_TRANSITIONS,
  ProblemType,
  type ChangePlanStatus,
  type CreatePlan,
  type Plan,
  type PlanList,
  type PlanPriorityInput,
  type PlanVersion,
  type ProblemFieldError,
  type UpdatePlan,
} from '@slt/shared';
import type { Db, Executor } from '../../db/client.js';
import type { PlanContent } from '../../db/schema/plans.js';
import { found, recordChange } from '../../lib/audited.js';
import { attachmentName, renderDocument, type DocumentFormat } from '../../lib/documents/index.js';
import { AppError, ConflictError, InvalidDocumentError, NotFoundError } from '../../lib/errors.js';
import { checkVersion, type ExpectedVersion } from '../../lib/etag.js';
import { checkReferences, requireOrdered } from '../../lib/references.js';
import { isInternal, type Scope } from '../../lib/scope.js';
import { createGoalsRepository } from '../goals/goals.repository.js';
import { toGoal } from '../goals/goals.service.js';
import { planDocument } from './plan-document.js';
import { isPublicStatus, publicPlan, toPlan } from './plan-view.js';
import { createPlansRepository, type PlanRow } from './plans.repository.js';

/** Marking a plan adopted without a decision of a meeting of its adopting tier. */
export class PlanAdoptionNeedsDecisionError extends AppError {
  constructor(field: 'decisionId' | 'adoptingTierId', detail: string) {
    super(409, ProblemType.planAdoptionNeedsDecision, 'Adoption needs a decision', detail, [
      { in: 'body', pointer: `/${field}`, name: field, detail, code: field === 'decisionId' ? 'required' : 'invalid' },
    ]);
  }
}

const notFound = (k: string, id: string) => `There is no plan ${id} in ${k}.`;

/** The content as stored, from the request's priorities (omitted optional fields stored as null). */
const contentOf = (priorities: readonly PlanPriorityInput[]): PlanContent => ({
  priorities: priorities.map((p) => ({
    focusAreaId: p.focusAreaId,
    text: p.text ?? null,
    goals: p.goals.map((g) => ({
      goalId: g.goalId,
      measures: g.measures.map((m) => ({
        measureId: m.measureId,
        deadline: m.deadline ?? null,
        fundingAmount: m.fundingAmount ?? null,
        fundingSource: m.fundingSource ?? null,
        evaluationType: m.evaluationType ?? null,
        evaluationDue: m.evaluationDue ?? null,
      })),
    })),
  })),
});

/** A goal and a measure appear once in a plan: every repeat is a 422 with its pointer. */
function refuseRepeats(priorities: readonly PlanPriorityInput[]): void {
  const errors: ProblemFieldError[] = [];
  const seen = { focusAreaId: new Set<string>(), goalId: new Set<string>(), measureId: new Set<string>() };
  const once = (kind: keyof typeof seen, id: string, pointer: string) => {
    if (seen[kind].has(id))
      errors.push({ in: 'body', pointer, name: kind, detail: `${id} appears more than once in the plan.`, code: 'not_unique' });
    seen[kind].add(id);
  };
  priorities.forEach((p, i) => {
    once('focusAreaId', p.focusAreaId, `/priorities/${i}/focusAreaId`);
    p.goals.forEach((g, j) => {
      once('goalId', g.goalId, `/priorities/${i}/goals/${j}/goalId`);
      g.measures.forEach((m, k) => once('measureId', m.measureId, `/priorities/${i}/goals/${j}/measures/${k}/measureId`));
    });
  });
  if (errors.length > 0) throw new InvalidDocumentError(errors);
}

async function checkContent(tx: Executor, kommunenummer: string, priorities: readonly PlanPriorityInput[] | undefined): Promise<void> {
  if (!priorities) return;
  refuseRepeats(priorities);
  const goals = priorities.flatMap((p) => p.goals);
  await checkReferences(tx, kommunenummer, [
    { field: 'focusAreaId', table: 'focusAreas', ids: priorities.map((p) => p.focusAreaId) },
    { field: 'goalId', table: 'goals', ids: goals.map((g) => g.goalId) },
    { field: 'measureId', table: 'measures', ids: goals.flatMap((g) => g.measures.map((m) => m.measureId)) },
  ]);
}

const auditable = (row: PlanRow | null) =>
  row
    ? {
        title: row.title,
        description: row.description,
        periodStart: row.periodStart,
        periodEnd: row.periodEnd,
        status: row.status,
        adoptingTierId: row.adoptingTierId,
        adoptedByDecisionId: row.adoptedByDecisionId,
        statusAnalysisId: row.statusAnalysisId,
        version: row.version,
        content: row.content,
      }
    : null;

export function createPlansService(deps: { db: Db }) {
  const { db } = deps;

  /** The internal view of a plan row, everything it names looked up in a fixed number of statements. */
  async function build(tx: Executor, row: PlanRow): Promise<Plan> {
    const repo = createPlansRepository(tx);
    const history = await repo.history(row.id);
    const decisionIds = [row.adoptedByDecisionId, ...history.map((h) => h.decisionId)].filter((id): id is string => id !== null);
    return toPlan({
      row,
      history,
      lookups: await repo.lookups(row.kommunenummer),
      goals: (await createGoalsRepository(tx).list(row.kommunenummer)).map(toGoal),
      decisions: await repo.decisions(row.kommunenummer, decisionIds),
    });
  }

  /** The plan as the caller may see it: a draft is a 404 to the public. */
  async function visible(scope: Scope, id: string): Promise<Plan> {
    const row = found(await createPlansRepository(db).find(scope.kommunenummer, id), notFound(scope.kommunenummer, id));
    if (!isInternal(scope) && !isPublicStatus(row.status)) throw new NotFoundError(notFound(scope.kommunenummer, id));
    const plan = await build(db, row);
    return isInternal(scope) ? plan : publicPlan(plan);
  }

  /** Every change of a plan: lock it, check If-Match against the internal view, change, audit, answer with the plan as it now is. */
  function change(
    { kommunenummer, actor }: Scope,
    { id, expected, action }: { id: string; expected: ExpectedVersion; action: string },
    apply: (tx: Executor, row: PlanRow) => Promise<PlanRow>,
  ): Promise<Plan> {
    return db.transaction(async (tx) => {
      const repo = createPlansRepository(tx);
      const row = found(await repo.find(kommunenummer, id, { forUpdate: true }), notFound(kommunenummer, id));
      checkVersion(expected, await build(tx, row));
      const after = await apply(tx, row);
      await recordChange(tx, actor, {
        kommunenummer,
        entity: 'plan',
        entityId: id,
        action,
        before: auditable(row),
        after: auditable(after),
      });
      return build(tx, after);
    });
  }

  return {
    async list(scope: Scope): Promise<PlanList> {
      const rows = await createPlansRepository(db).list(scope.kommunenummer);
      return {
        items: rows
          .filter((r) => isInternal(scope) || isPublicStatus(r.status))
          .map((r) => ({
            id: r.id,
            title: r.title,
            periodStart: r.periodStart,
            periodEnd: r.periodEnd,
            status: r.status,
            version: r.version,
            updatedAt: r.updatedAt.toISOString(),
          })),
      };
    },

    get: visible,

    async create({ kommunenummer, actor }: Scope, input: CreatePlan): Promise<Plan> {
      requireOrdered({ field: 'periodStart', value: input.periodStart }, { field: 'periodEnd', value: input.periodEnd });
      return db.transaction(async (tx) => {
        await checkReferences(tx, kommunenummer, [
          { field: 'adoptingTierId', table: 'tiers', ids: input.adoptingTierId },
          { field: 'statusAnalysisId', table: 'statusAnalyses', ids: input.statusAnalysisId },
        ]);
        await checkContent(tx, kommunenummer, input.priorities);
        const repo = createPlansRepository(tx);
        const row = await repo.insert(kommunenummer, {
          title: input.title,
          description: input.description ?? null,
          periodStart: input.periodStart,
          periodEnd: input.periodEnd,
          adoptingTierId: input.adoptingTierId ?? null,
          statusAnalysisId: input.statusAnalysisId ?? null,
          content: contentOf(input.priorities ?? []),
        });
        await repo.addStatusChange({ planId: row.id, status: 'draft' });
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'plan',
          entityId: row.id,
          action: 'create',
          before: null,
          after: auditable(row),
        });
        return build(tx, row);
      });
    },

    update(scope: Scope, { id, patch, expected }: { id: string; patch: UpdatePlan; expected: ExpectedVersion }): Promise<Plan> {
      return change(scope, { id, expected, action: 'update' }, async (tx, row) => {
        if (!PLAN_EDITABLE_STATUSES.includes(row.status)) {
          throw new ConflictError(`The plan is ${row.status}: revise it (status "revised") before changing it.`);
        }
        requireOrdered(
          { field: 'periodStart', value: patch.periodStart ?? row.periodStart },
          { field: 'periodEnd', value: patch.periodEnd ?? row.periodEnd },
        );
        await checkReferences(tx, scope.kommunenummer, [
          { field: 'adoptingTierId', table: 'tiers', ids: patch.adoptingTierId },
          { field: 'statusAnalysisId', table: 'statusAnalyses', ids: patch.statusAnalysisId },
        ]);
        await checkContent(tx, scope.kommunenummer, patch.priorities);
        const { priorities, ...fields } = patch;
        return createPlansRepository(tx).update(id, { ...fields, ...(priorities ? { content: contentOf(priorities) } : {}) });
      });
    },

    changeStatus(scope: Scope, { id, input, expected }: { id: string; input: ChangePlanStatus; expected: ExpectedVersion }): Promise<Plan> {
      return change(scope, { id, expected, action: `status:${input.status}` }, async (tx, row) => {
        if (!PLAN_TRANSITIONS[row.status].includes(input.status)) {
          throw new ConflictError(`A plan that is ${row.status} cannot become ${input.status}.`);
        }
        const repo = createPlansRepository(tx);
        if (input.status !== 'adopted') {
          await repo.addStatusChange({ planId: id, status: input.status, note: input.note ?? null });
          return repo.update(id, { status: input.status });
        }
        if (!row.adoptingTierId)
          throw new PlanAdoptionNeedsDecisionError('adoptingTierId', 'Name the tier that adopts the plan before marking it adopted.');
        if (!input.decisionId)
          throw new PlanAdoptionNeedsDecisionError('decisionId', 'Marking a plan adopted needs the decision that adopted it.');
        const decision = (await repo.decisions(scope.kommunenummer, [input.decisionId])).get(input.decisionId);
        if (!decision || decision.tierId !== row.adoptingTierId) {
          throw new PlanAdoptionNeedsDecisionError(
            'decisionId',
            `${input.decisionId} is not a decision of a meeting of the plan's adopting tier.`,
          );
        }
        await repo.addStatusChange({ planId: id, status: 'adopted', decisionId: decision.decisionId, note: input.note ?? null });
        const adopted = await repo.update(id, { status: 'adopted', adoptedByDecisionId: decision.decisionId, version: row.version + 1 });
        const snapshot = await build(tx, adopted);
        await repo.addVersion({
          planId: id,
          version: adopted.version,
          adoptedAt: snapshot.adoptedAt,
          decisionId: decision.decisionId,
          document: snapshot,
        });
        return adopted;
      });
    },

    async remove({ kommunenummer, actor }: Scope, { id, expected }: { id: string; expected: ExpectedVersion }): Promise<void> {
      await db.transaction(async (tx) => {
        const repo = createPlansRepository(tx);
        const row = found(await repo.find(kommunenummer, id, { forUpdate: true }), notFound(kommunenummer, id));
        checkVersion(expected, await build(tx, row));
        if (row.version > 0) throw new ConflictError('An adopted plan stays on record: mark it expired instead.');
        await repo.delete(id);
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'plan',
          entityId: id,
          action: 'delete',
          before: auditable(row),
          after: null,
        });
      });
    },

    async versions(scope: Scope, id: string) {
      await visible(scope, id);
      const rows = await createPlansRepository(db).versions(id);
      return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
    },

    async version(scope: Scope, { id, version }: { id: string; version: number }): Promise<PlanVersion> {
      await visible(scope, id);
      const row = found(await createPlansRepository(db).version(id, version), `Plan ${id} has no version ${version}.`);
      return {
        version: row.version,
        adoptedAt: row.adoptedAt,
        decisionId: row.decisionId,
        createdAt: row.createdAt.toISOString(),
        plan: isInternal(scope) ? row.document : publicPlan(row.document),
      };
    },

    /** The plan as a document in the municipality's målform (the caller's view decides what is in it). */
    async document(scope: Scope, { id, format }: { id: string; format: DocumentFormat }) {
      const plan = await visible(scope, id);
      const { municipalityName } = await createPlansRepository(db).lookups(scope.kommunenummer);
      const rendered = await renderDocument(planDocument(plan, municipalityName), format);
      const base = `handlingsplan-${plan.periodStart.slice(0, 4)}-${plan.periodEnd.slice(0, 4)}`;
      return { ...rendered, disposition: format === 'html' ? 'inline' : attachmentName(base, format), language: plan.language };
    },
  };
}

export type PlansService = ReturnType<typeof createPlansService>;
