import type { CreateGoal, CreateIndicator, CreateMeasurement, Goal, GoalList, UpdateGoal, UpdateIndicator } from '@slt/shared';
import type { Db, Executor } from '../../db/client.js';
import { found, recordChange } from '../../lib/audited.js';
import { ConflictError } from '../../lib/errors.js';
import { checkVersion, type ExpectedVersion } from '../../lib/etag.js';
import { checkReferences, requireOrdered } from '../../lib/references.js';
import { reportedValue } from '../../lib/small-groups.js';
import type { Scope } from '../../lib/scope.js';
import { createGoalsRepository, type GoalRow, type GoalTree, type IndicatorRow, type MeasurementRow } from './goals.repository.js';

/** A goal as the API shows it: measurements from groups under 5 persons are "<5", never exact. */
export function toGoal({ goal, indicators }: GoalTree): Goal {
  return {
    id: goal.id,
    kommunenummer: goal.kommunenummer,
    title: goal.title,
    description: goal.description,
    focusAreaId: goal.focusAreaId,
    displayOrder: goal.displayOrder,
    indicators: indicators.map(({ indicator, measurements }) => ({
      id: indicator.id,
      name: indicator.name,
      unit: indicator.unit,
      direction: indicator.direction,
      targetValue: indicator.targetValue,
      measurements: measurements.map((m) => ({
        id: m.id,
        periodStart: m.periodStart,
        periodEnd: m.periodEnd,
        value: reportedValue(indicator.unit, m.value, m.groupSize),
        source: m.source,
        caveat: m.caveat,
        origin: m.origin,
      })),
    })),
    createdAt: goal.createdAt.toISOString(),
    updatedAt: goal.updatedAt.toISOString(),
  };
}

const auditableGoal = (row: GoalRow | null) =>
  row ? { title: row.title, description: row.description, focusAreaId: row.focusAreaId, displayOrder: row.displayOrder } : null;
const auditableIndicator = (row: IndicatorRow | null) =>
  row ? { goalId: row.goalId, name: row.name, unit: row.unit, direction: row.direction, targetValue: row.targetValue } : null;
/** The audit log keeps the reported value too: an exact small number never leaves the measurements table. */
const auditableMeasurement = (unit: IndicatorRow['unit'], row: MeasurementRow | null) =>
  row
    ? {
        indicatorId: row.indicatorId,
        periodStart: row.periodStart,
        periodEnd: row.periodEnd,
        value: reportedValue(unit, row.value, row.groupSize),
        source: row.source,
        caveat: row.caveat,
      }
    : null;

export function createGoalsService(deps: { db: Db }) {
  const { db } = deps;
  const goals = createGoalsRepository(db);
  const notFound = (k: string, id: string) => `There is no goal ${id} in ${k}.`;

  /**
   * Every change to a goal, its indicators or measurements: lock the goal, check If-Match against
   * the goal's ETag, change, audit, and answer with the whole goal as it now is.
   */
  async function changeGoal(
    { kommunenummer }: Pick<Scope, 'kommunenummer'>,
    { goalId, expected }: { goalId: string; expected: ExpectedVersion },
    change: (tx: Executor, tree: GoalTree) => Promise<void>,
  ): Promise<Goal> {
    return db.transaction(async (tx) => {
      const repo = createGoalsRepository(tx);
      const tree = found(await repo.find(kommunenummer, goalId, { forUpdate: true }), notFound(kommunenummer, goalId));
      checkVersion(expected, toGoal(tree));
      await change(tx, tree);
      await repo.update(goalId, {});
      return toGoal((await repo.find(kommunenummer, goalId))!);
    });
  }

  const indicatorOf = (tree: GoalTree, indicatorId: string) =>
    found(
      tree.indicators.find((i) => i.indicator.id === indicatorId),
      `There is no indicator ${indicatorId} on goal ${tree.goal.id}.`,
    );

  return {
    async list({ kommunenummer }: Scope): Promise<GoalList> {
      const trees = await goals.list(kommunenummer);
      return { items: trees.map(toGoal) };
    },

    get: async ({ kommunenummer }: Scope, id: string) => toGoal(found(await goals.find(kommunenummer, id), notFound(kommunenummer, id))),

    async create({ kommunenummer, actor }: Scope, input: CreateGoal): Promise<Goal> {
      return db.transaction(async (tx) => {
        await checkReferences(tx, kommunenummer, [{ field: 'focusAreaId', table: 'focusAreas', ids: input.focusAreaId }]);
        const row = await createGoalsRepository(tx).insert(kommunenummer, {
          title: input.title,
          description: input.description ?? null,
          focusAreaId: input.focusAreaId ?? null,
          displayOrder: input.displayOrder ?? 0,
        });
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'goal',
          entityId: row.id,
          action: 'create',
          before: null,
          after: auditableGoal(row),
        });
        return toGoal({ goal: row, indicators: [] });
      });
    },

    async update(
      { kommunenummer, actor }: Scope,
      { id, patch, expected }: { id: string; patch: UpdateGoal; expected: ExpectedVersion },
    ): Promise<Goal> {
      return changeGoal({ kommunenummer }, { goalId: id, expected }, async (tx, tree) => {
        await checkReferences(tx, kommunenummer, [{ field: 'focusAreaId', table: 'focusAreas', ids: patch.focusAreaId }]);
        await createGoalsRepository(tx).update(id, patch);
        const after = { ...tree.goal, ...patch };
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'goal',
          entityId: id,
          action: 'update',
          before: auditableGoal(tree.goal),
          after: auditableGoal(after),
        });
      });
    },

    async remove({ kommunenummer, actor }: Scope, { id, expected }: { id: string; expected: ExpectedVersion }): Promise<void> {
      await db.transaction(async (tx) => {
        const repo = createGoalsRepository(tx);
        const tree = found(await repo.find(kommunenummer, id, { forUpdate: true }), notFound(kommunenummer, id));
        checkVersion(expected, toGoal(tree));
        await repo.delete(id);
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'goal',
          entityId: id,
          action: 'delete',
          before: auditableGoal(tree.goal),
          after: null,
        });
      });
    },

    addIndicator: (
      { kommunenummer, actor }: Scope,
      { goalId, input, expected }: { goalId: string; input: CreateIndicator; expected: ExpectedVersion },
    ) => {
      return changeGoal({ kommunenummer }, { goalId, expected }, async (tx) => {
        const row = await createGoalsRepository(tx).insertIndicator(goalId, {
          name: input.name,
          unit: input.unit,
          direction: input.direction,
          targetValue: input.targetValue ?? null,
        });
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'indicator',
          entityId: row.id,
          action: 'create',
          before: null,
          after: auditableIndicator(row),
        });
      });
    },

    updateIndicator: (
      { kommunenummer, actor }: Scope,
      { goalId, indicatorId, patch, expected }: { goalId: string; indicatorId: string; patch: UpdateIndicator; expected: ExpectedVersion },
    ) => {
      return changeGoal({ kommunenummer }, { goalId, expected }, async (tx, tree) => {
        const { indicator } = indicatorOf(tree, indicatorId);
        const after = await createGoalsRepository(tx).updateIndicator(indicatorId, patch);
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'indicator',
          entityId: indicatorId,
          action: 'update',
          before: auditableIndicator(indicator),
          after: auditableIndicator(after),
        });
      });
    },

    removeIndicator: (
      { kommunenummer, actor }: Scope,
      { goalId, indicatorId, expected }: { goalId: string; indicatorId: string; expected: ExpectedVersion },
    ) =>
      changeGoal({ kommunenummer }, { goalId, expected }, async (tx, tree) => {
        const { indicator } = indicatorOf(tree, indicatorId);
        await createGoalsRepository(tx).deleteIndicator(indicatorId);
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'indicator',
          entityId: indicatorId,
          action: 'delete',
          before: auditableIndicator(indicator),
          after: null,
        });
      }),

    addMeasurement: (
      { kommunenummer, actor }: Scope,
      {
        goalId,
        indicatorId,
        input,
        expected,
      }: { goalId: string; indicatorId: string; input: CreateMeasurement; expected: ExpectedVersion },
    ) => {
      requireOrdered({ field: 'periodStart', value: input.periodStart }, { field: 'periodEnd', value: input.periodEnd });
      return changeGoal({ kommunenummer }, { goalId, expected }, async (tx, tree) => {
        const { indicator } = indicatorOf(tree, indicatorId);
        const row = await createGoalsRepository(tx).insertMeasurement(indicatorId, {
          periodStart: input.periodStart,
          periodEnd: input.periodEnd,
          value: input.value,
          groupSize: input.groupSize ?? null,
          source: input.source ?? null,
          caveat: input.caveat ?? null,
        });
        if (!row) throw new ConflictError(`The indicator already has a measurement for ${input.periodStart}–${input.periodEnd}.`);
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'measurement',
          entityId: row.id,
          action: 'create',
          before: null,
          after: auditableMeasurement(indicator.unit, row),
        });
      });
    },

    removeMeasurement: (
      { kommunenummer, actor }: Scope,
      {
        goalId,
        indicatorId,
        measurementId,
        expected,
      }: { goalId: string; indicatorId: string; measurementId: string; expected: ExpectedVersion },
    ) =>
      changeGoal({ kommunenummer }, { goalId, expected }, async (tx, tree) => {
        const { indicator, measurements } = indicatorOf(tree, indicatorId);
        const measurement = found(
          measurements.find((m) => m.id === measurementId),
          `There is no measurement ${measurementId} on indicator ${indicatorId}.`,
        );
        await createGoalsRepository(tx).deleteMeasurement(measurementId);
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'measurement',
          entityId: measurementId,
          action: 'delete',
          before: auditableMeasurement(indicator.unit, measurement),
          after: null,
        });
      }),
  };
}

export type GoalsService = ReturnType<typeof createGoalsService>;
