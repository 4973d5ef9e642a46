import {
  MEASURE_TRANSITIONS,
  type CreateEvaluation,
  type CreateMeasure,
  type Measure,
  type MeasureListQuery,
  type UpdateMeasure,
} from '@slt/shared';
import type { Database, Db, Executor } from '../../db/client.js';
import { found, recordChange } from '../../lib/audited.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { InvalidFieldError, NotFoundError } from '../../lib/errors.js';
import { checkVersion, type ExpectedVersion } from '../../lib/etag.js';
import { checkReferences, requireOrdered, type Reference } from '../../lib/references.js';
import type { Scope } from '../../lib/scope.js';
import { createMeasuresRepository, listMeasureDocs, type MeasureTree } from './measures.repository.js';

/** A measure as a caller sees it: evaluations are internal (absent in the public view). */
export function toMeasure(tree: MeasureTree, internal: boolean): Measure {
  const { measure: m } = tree;
  return {
    id: m.id,
    kommunenummer: m.kommunenummer,
    title: m.title,
    description: m.description,
    status: m.status,
    startDate: m.startDate,
    endDate: m.endDate,
    responsibleOrganizationId: m.responsibleOrganizationId,
    responsibleMemberId: m.responsibleMemberId,
    decidedByTierId: m.decidedByTierId,
    evidenceLevel: m.evidenceLevel,
    isPublic: m.isPublic,
    targetGroupIds: tree.targetGroupIds,
    focusAreaIds: tree.focusAreaIds,
    goalIds: tree.goalIds,
    ...(internal ? { evaluations: tree.evaluations.map((e) => ({ id: e.id, date: e.date, outcome: e.outcome, text: e.text })) } : {}),
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

const auditable = (tree: MeasureTree | null) => {
  if (!tree) return null;
  const { id: _id, kommunenummer: _k, createdAt: _c, updatedAt: _u, ...fields } = tree.measure;
  return { ...fields, targetGroupIds: tree.targetGroupIds, focusAreaIds: tree.focusAreaIds, goalIds: tree.goalIds };
};

const references = (input: CreateMeasure | UpdateMeasure): Reference[] => [
  { field: 'responsibleOrganizationId', table: 'organizations', ids: input.responsibleOrganizationId },
  { field: 'responsibleMemberId', table: 'members', ids: input.responsibleMemberId },
  { field: 'decidedByTierId', table: 'tiers', ids: input.decidedByTierId },
  { field: 'targetGroupIds', table: 'targetGroups', ids: input.targetGroupIds },
  { field: 'focusAreaIds', table: 'focusAreas', ids: input.focusAreaIds },
  { field: 'goalIds', table: 'goals', ids: input.goalIds },
];

export function createMeasuresService(deps: { db: Db; database: Database }) {
  const { db, database } = deps;
  const measures = createMeasuresRepository(db);
  const notFound = (k: string, id: string) => `There is no measure ${id} in ${k}.`;

  /** Lock the measure, check If-Match against its ETag, change, and answer with the measure as it now is. */
  async function changeMeasure(
    { kommunenummer }: Pick<Scope, 'kommunenummer'>,
    { id, expected }: { id: string; expected: ExpectedVersion },
    change: (tx: Executor, before: MeasureTree) => Promise<void>,
  ): Promise<Measure> {
    return db.transaction(async (tx) => {
      const repo = createMeasuresRepository(tx);
      const before = found(await repo.find(kommunenummer, id, { forUpdate: true }), notFound(kommunenummer, id));
      checkVersion(expected, toMeasure(before, true));
      await change(tx, before);
      return toMeasure((await repo.find(kommunenummer, id))!, true);
    });
  }

  return {
    /**
     * A page of the register as JSON text, straight from PostgreSQL (one statement per page):
     * ordered by title, filtered, public measures only unless the caller sees the internal view.
     */
    async list({ kommunenummer, caller: { internal } }: Scope, query: MeasureListQuery): Promise<string> {
      const limit = query.limit ?? 50;
      let after: { title: string; id: string } | undefined;
      if (query.cursor !== undefined) {
        const key = decodeCursor(query.cursor, ['t', 'i']);
        if (!key || !/^[0-9a-f-]{36}$/.test(key.i)) {
          throw new InvalidFieldError({ in: 'query', name: 'cursor', detail: 'is not a cursor this API issued' });
        }
        after = { title: key.t, id: key.i };
      }
      const rows = await listMeasureDocs(database, kommunenummer, {
        internal,
        status: query.status,
        focusAreaId: query.focusAreaId,
        targetGroupId: query.targetGroupId,
        organizationId: query.organizationId,
        q: query.q,
        after,
        limit,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const nextCursor = rows.length > limit && last ? JSON.stringify(encodeCursor({ t: last.title, i: last.id })) : 'null';
      return `{"items":[${page.map((r) => r.json).join(',')}],"nextCursor":${nextCursor}}`;
    },

    /** Anonymous callers and other municipalities see public measures only: any other is "not found". */
    async get({ kommunenummer, caller: { internal } }: Scope, id: string): Promise<Measure> {
      const tree = await measures.find(kommunenummer, id);
      if (!tree || (!internal && !tree.measure.isPublic)) throw new NotFoundError(notFound(kommunenummer, id));
      return toMeasure(tree, internal);
    },

    async create({ kommunenummer, actor }: Scope, input: CreateMeasure): Promise<Measure> {
      requireOrdered({ field: 'startDate', value: input.startDate }, { field: 'endDate', value: input.endDate });
      return db.transaction(async (tx) => {
        const repo = createMeasuresRepository(tx);
        await checkReferences(tx, kommunenummer, references(input));
        const row = await repo.insert(kommunenummer, {
          title: input.title,
          description: input.description ?? null,
          status: input.status ?? 'idea',
          startDate: input.startDate ?? null,
          endDate: input.endDate ?? null,
          responsibleOrganizationId: input.responsibleOrganizationId ?? null,
          responsibleMemberId: input.responsibleMemberId ?? null,
          decidedByTierId: input.decidedByTierId ?? null,
          evidenceLevel: input.evidenceLevel ?? 'not_assessed',
          isPublic: input.isPublic ?? false,
        });
        await repo.setLinks(row.id, {
          targetGroupIds: input.targetGroupIds ?? [],
          focusAreaIds: input.focusAreaIds ?? [],
          goalIds: input.goalIds ?? [],
        });
        const tree = (await repo.find(kommunenummer, row.id))!;
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'measure',
          entityId: row.id,
          action: 'create',
          before: null,
          after: auditable(tree),
        });
        return toMeasure(tree, true);
      });
    },

    update: ({ kommunenummer, actor }: Scope, { id, patch, expected }: { id: string; patch: UpdateMeasure; expected: ExpectedVersion }) => {
      return changeMeasure({ kommunenummer }, { id, expected }, async (tx, before) => {
        const from = before.measure.status;
        if (patch.status !== undefined && patch.status !== from && !MEASURE_TRANSITIONS[from].includes(patch.status)) {
          const allowed = MEASURE_TRANSITIONS[from];
          throw new InvalidFieldError({
            in: 'body',
            name: 'status',
            detail: `a measure cannot go from ${from} to ${patch.status}${allowed.length ? ` (from ${from}: ${allowed.join(', ')})` : ` (${from} is final)`}`,
          });
        }
        requireOrdered(
          { field: 'startDate', value: patch.startDate === undefined ? before.measure.startDate : patch.startDate },
          { field: 'endDate', value: patch.endDate === undefined ? before.measure.endDate : patch.endDate },
        );
        await checkReferences(tx, kommunenummer, references(patch));
        const { targetGroupIds, focusAreaIds, goalIds, ...fields } = patch;
        const repo = createMeasuresRepository(tx);
        await repo.update(id, fields);
        await repo.setLinks(id, { targetGroupIds, focusAreaIds, goalIds });
        const after = (await repo.find(kommunenummer, id))!;
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'measure',
          entityId: id,
          action: 'update',
          before: auditable(before),
          after: auditable(after),
        });
      });
    },

    async remove({ kommunenummer, actor }: Scope, { id, expected }: { id: string; expected: ExpectedVersion }): Promise<void> {
      await db.transaction(async (tx) => {
        const repo = createMeasuresRepository(tx);
        const before = found(await repo.find(kommunenummer, id, { forUpdate: true }), notFound(kommunenummer, id));
        checkVersion(expected, toMeasure(before, true));
        await repo.delete(id);
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'measure',
          entityId: id,
          action: 'delete',
          before: auditable(before),
          after: null,
        });
      });
    },

    addEvaluation: (
      { kommunenummer, actor }: Scope,
      { id, input, expected }: { id: string; input: CreateEvaluation; expected: ExpectedVersion },
    ) => {
      return changeMeasure({ kommunenummer }, { id, expected }, async (tx) => {
        const repo = createMeasuresRepository(tx);
        const row = await repo.insertEvaluation(id, { date: input.date, outcome: input.outcome, text: input.text ?? null });
        await repo.update(id, {});
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'evaluation',
          entityId: row.id,
          action: 'create',
          before: null,
          after: { measureId: id, date: row.date, outcome: row.outcome, text: row.text },
        });
      });
    },

    removeEvaluation: (
      { kommunenummer, actor }: Scope,
      { id, evaluationId, expected }: { id: string; evaluationId: string; expected: ExpectedVersion },
    ) =>
      changeMeasure({ kommunenummer }, { id, expected }, async (tx, before) => {
        const evaluation = found(
          before.evaluations.find((e) => e.id === evaluationId),
          `There is no evaluation ${evaluationId} of measure ${id}.`,
        );
        const repo = createMeasuresRepository(tx);
        await repo.deleteEvaluation(evaluationId);
        await repo.update(id, {});
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'evaluation',
          entityId: evaluationId,
          action: 'delete',
          before: { measureId: id, date: evaluation.date, outcome: evaluation.outcome, text: evaluation.text },
          after: null,
        });
      }),
  };
}

export type MeasuresService = ReturnType<typeof createMeasuresService>;
