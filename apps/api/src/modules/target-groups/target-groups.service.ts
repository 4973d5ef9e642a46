import type {
  CreateFocusArea,
  CreateTargetGroup,
  FocusArea,
  FocusAreaList,
  TargetGroup,
  TargetGroupList,
  UpdateFocusArea,
  UpdateTargetGroup,
} from '@slt/shared';
import type { Db } from '../../db/client.js';
import { found, recordChange } from '../../lib/audited.js';
import { checkVersion, type ExpectedVersion } from '../../lib/etag.js';
import { requireOrdered } from '../../lib/references.js';
import type { Scope } from '../../lib/scope.js';
import { createTargetGroupsRepository, type FocusAreaRow, type TargetGroupRow } from './target-groups.repository.js';

export function toTargetGroup(row: TargetGroupRow): TargetGroup {
  return {
    id: row.id,
    kommunenummer: row.kommunenummer,
    name: row.name,
    description: row.description,
    ageFrom: row.ageFrom,
    ageTo: row.ageTo,
    riskCriteria: row.riskCriteria,
    displayOrder: row.displayOrder,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toFocusArea(row: FocusAreaRow): FocusArea {
  return {
    id: row.id,
    kommunenummer: row.kommunenummer,
    name: row.name,
    description: row.description,
    decisionReference: row.decisionReference,
    decisionDate: row.decisionDate,
    displayOrder: row.displayOrder,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const fieldsOf = <R extends { id: string; kommunenummer: string; createdAt: Date; updatedAt: Date }>(row: R | null) => {
  if (!row) return null;
  const { id: _id, kommunenummer: _k, createdAt: _c, updatedAt: _u, ...fields } = row;
  return fields;
};

export function createTargetGroupsService(deps: { db: Db }) {
  const { db } = deps;
  const repo = createTargetGroupsRepository(db);
  const tgNotFound = (k: string, id: string) => `There is no target group ${id} in ${k}.`;
  const faNotFound = (k: string, id: string) => `There is no focus area ${id} in ${k}.`;

  return {
    async listTargetGroups({ kommunenummer }: Scope): Promise<TargetGroupList> {
      const rows = await repo.listTargetGroups(kommunenummer);
      return { items: rows.map(toTargetGroup) };
    },

    getTargetGroup: async ({ kommunenummer }: Scope, id: string) =>
      toTargetGroup(found(await repo.findTargetGroup(kommunenummer, id), tgNotFound(kommunenummer, id))),

    async createTargetGroup({ kommunenummer, actor }: Scope, input: CreateTargetGroup): Promise<TargetGroup> {
      requireOrdered({ field: 'ageFrom', value: input.ageFrom }, { field: 'ageTo', value: input.ageTo });
      return db.transaction(async (tx) => {
        const row = await createTargetGroupsRepository(tx).insertTargetGroup(kommunenummer, {
          name: input.name,
          description: input.description ?? null,
          ageFrom: input.ageFrom ?? null,
          ageTo: input.ageTo ?? null,
          riskCriteria: input.riskCriteria ?? [],
          displayOrder: input.displayOrder ?? 0,
        });
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'target_group',
          entityId: row.id,
          action: 'create',
          before: null,
          after: fieldsOf(row),
        });
        return toTargetGroup(row);
      });
    },

    async updateTargetGroup(
      { kommunenummer, actor }: Scope,
      { id, patch, expected }: { id: string; patch: UpdateTargetGroup; expected: ExpectedVersion },
    ): Promise<TargetGroup> {
      return db.transaction(async (tx) => {
        const txRepo = createTargetGroupsRepository(tx);
        const before = found(await txRepo.findTargetGroup(kommunenummer, id, { forUpdate: true }), tgNotFound(kommunenummer, id));
        checkVersion(expected, toTargetGroup(before));
        requireOrdered(
          { field: 'ageFrom', value: patch.ageFrom === undefined ? before.ageFrom : patch.ageFrom },
          { field: 'ageTo', value: patch.ageTo === undefined ? before.ageTo : patch.ageTo },
        );
        const after = await txRepo.updateTargetGroup(id, patch);
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'target_group',
          entityId: id,
          action: 'update',
          before: fieldsOf(before),
          after: fieldsOf(after),
        });
        return toTargetGroup(after);
      });
    },

    async removeTargetGroup({ kommunenummer, actor }: Scope, { id, expected }: { id: string; expected: ExpectedVersion }): Promise<void> {
      await db.transaction(async (tx) => {
        const txRepo = createTargetGroupsRepository(tx);
        const before = found(await txRepo.findTargetGroup(kommunenummer, id, { forUpdate: true }), tgNotFound(kommunenummer, id));
        checkVersion(expected, toTargetGroup(before));
        await txRepo.deleteTargetGroup(id);
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'target_group',
          entityId: id,
          action: 'delete',
          before: fieldsOf(before),
          after: null,
        });
      });
    },

    async listFocusAreas({ kommunenummer }: Scope): Promise<FocusAreaList> {
      const rows = await repo.listFocusAreas(kommunenummer);
      return { items: rows.map(toFocusArea) };
    },

    getFocusArea: async ({ kommunenummer }: Scope, id: string) =>
      toFocusArea(found(await repo.findFocusArea(kommunenummer, id), faNotFound(kommunenummer, id))),

    async createFocusArea({ kommunenummer, actor }: Scope, input: CreateFocusArea): Promise<FocusArea> {
      return db.transaction(async (tx) => {
        const row = await createTargetGroupsRepository(tx).insertFocusArea(kommunenummer, {
          name: input.name,
          description: input.description ?? null,
          decisionReference: input.decisionReference ?? null,
          decisionDate: input.decisionDate ?? null,
          displayOrder: input.displayOrder ?? 0,
        });
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'focus_area',
          entityId: row.id,
          action: 'create',
          before: null,
          after: fieldsOf(row),
        });
        return toFocusArea(row);
      });
    },

    async updateFocusArea(
      { kommunenummer, actor }: Scope,
      { id, patch, expected }: { id: string; patch: UpdateFocusArea; expected: ExpectedVersion },
    ): Promise<FocusArea> {
      return db.transaction(async (tx) => {
        const txRepo = createTargetGroupsRepository(tx);
        const before = found(await txRepo.findFocusArea(kommunenummer, id, { forUpdate: true }), faNotFound(kommunenummer, id));
        checkVersion(expected, toFocusArea(before));
        const after = await txRepo.updateFocusArea(id, patch);
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'focus_area',
          entityId: id,
          action: 'update',
          before: fieldsOf(before),
          after: fieldsOf(after),
        });
        return toFocusArea(after);
      });
    },

    async removeFocusArea({ kommunenummer, actor }: Scope, { id, expected }: { id: string; expected: ExpectedVersion }): Promise<void> {
      await db.transaction(async (tx) => {
        const txRepo = createTargetGroupsRepository(tx);
        const before = found(await txRepo.findFocusArea(kommunenummer, id, { forUpdate: true }), faNotFound(kommunenummer, id));
        checkVersion(expected, toFocusArea(before));
        await txRepo.deleteFocusArea(id);
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'focus_area',
          entityId: id,
          action: 'delete',
          before: fieldsOf(before),
          after: null,
        });
      });
    },
  };
}

export type TargetGroupsService = ReturnType<typeof createTargetGroupsService>;
