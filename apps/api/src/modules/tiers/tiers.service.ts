import type { CreateMembership, CreateTier, Membership, MembershipList, Tier, TierList, UpdateMembership, UpdateTier } from '@slt/shared';
import type { Db, Executor } from '../../db/client.js';
import { found, recordChange } from '../../lib/audited.js';
import { ConflictError, InvalidFieldError } from '../../lib/errors.js';
import { checkVersion, type ExpectedVersion } from '../../lib/etag.js';
import { checkReferences, requireOrdered } from '../../lib/references.js';
import type { Scope } from '../../lib/scope.js';
import { createTiersRepository, type MembershipRow, type TierRow } from './tiers.repository.js';

export function toTier(row: TierRow): Tier {
  return {
    id: row.id,
    kommunenummer: row.kommunenummer,
    level: row.level,
    name: row.name,
    mandate: row.mandate,
    responsibilities: row.responsibilities,
    chairMemberId: row.chairMemberId,
    secretaryMemberId: row.secretaryMemberId,
    individualCases: row.individualCases,
    displayOrder: row.displayOrder,
    meetingRule: row.meetingRule ?? null,
    mailRule: row.mailRule ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toMembership(row: MembershipRow): Membership {
  return {
    id: row.id,
    tierId: row.tierId,
    memberId: row.memberId,
    role: row.role,
    startDate: row.startDate,
    endDate: row.endDate,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const auditableTier = (row: TierRow | null) => {
  if (!row) return null;
  const { id: _id, kommunenummer: _k, createdAt: _c, updatedAt: _u, ...fields } = row;
  return fields;
};
const auditableMembership = (row: MembershipRow | null) =>
  row ? { tierId: row.tierId, memberId: row.memberId, role: row.role, startDate: row.startDate, endDate: row.endDate } : null;

/** Chair and secretary must be members of the municipality, and not erased persons. */
async function checkOfficers(tx: Executor, kommunenummer: string, input: CreateTier | UpdateTier) {
  const officers = [
    { field: 'chairMemberId', table: 'members' as const, ids: input.chairMemberId },
    { field: 'secretaryMemberId', table: 'members' as const, ids: input.secretaryMemberId },
  ];
  await checkReferences(tx, kommunenummer, officers);
  const ids = officers.flatMap((o) => (o.ids ? [o.ids] : []));
  const erased = await createTiersRepository(tx).erasedAmong(ids);
  for (const officer of officers) {
    if (officer.ids && erased.has(officer.ids)) {
      throw new InvalidFieldError({ in: 'body', name: officer.field, detail: `${officer.ids} is an erased member.` });
    }
  }
}

export function createTiersService(deps: { db: Db }) {
  const { db } = deps;
  const tiers = createTiersRepository(db);
  const tierNotFound = (k: string, id: string) => `There is no tier ${id} in ${k}.`;
  const membershipNotFound = (id: string) => `There is no membership ${id} on this tier.`;

  async function lockedTier(tx: Executor, kommunenummer: string, tierId: string) {
    return found(await createTiersRepository(tx).find(kommunenummer, tierId, { forUpdate: true }), tierNotFound(kommunenummer, tierId));
  }

  return {
    async list({ kommunenummer }: Scope): Promise<TierList> {
      const rows = await tiers.list(kommunenummer);
      return { items: rows.map(toTier) };
    },

    get: async ({ kommunenummer }: Scope, id: string) =>
      toTier(found(await tiers.find(kommunenummer, id), tierNotFound(kommunenummer, id))),

    async create({ kommunenummer, actor }: Scope, input: CreateTier): Promise<Tier> {
      return db.transaction(async (tx) => {
        await checkOfficers(tx, kommunenummer, input);
        const row = await createTiersRepository(tx).insert(kommunenummer, {
          level: input.level,
          name: input.name,
          mandate: input.mandate ?? null,
          responsibilities: input.responsibilities ?? null,
          chairMemberId: input.chairMemberId ?? null,
          secretaryMemberId: input.secretaryMemberId ?? null,
          individualCases: input.individualCases ?? false,
          displayOrder: input.displayOrder ?? 0,
          meetingRule: input.meetingRule ?? null,
          mailRule: input.mailRule ?? null,
        });
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'tier',
          entityId: row.id,
          action: 'create',
          before: null,
          after: auditableTier(row),
        });
        return toTier(row);
      });
    },

    async update(
      { kommunenummer, actor }: Scope,
      { id, patch, expected }: { id: string; patch: UpdateTier; expected: ExpectedVersion },
    ): Promise<Tier> {
      return db.transaction(async (tx) => {
        const before = await lockedTier(tx, kommunenummer, id);
        checkVersion(expected, toTier(before));
        await checkOfficers(tx, kommunenummer, patch);
        const after = await createTiersRepository(tx).update(id, patch);
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'tier',
          entityId: id,
          action: 'update',
          before: auditableTier(before),
          after: auditableTier(after),
        });
        return toTier(after);
      });
    },

    async remove({ kommunenummer, actor }: Scope, { id, expected }: { id: string; expected: ExpectedVersion }): Promise<void> {
      await db.transaction(async (tx) => {
        const repo = createTiersRepository(tx);
        const before = await lockedTier(tx, kommunenummer, id);
        checkVersion(expected, toTier(before));
        if (await repo.hasMemberships(id)) {
          throw new ConflictError('The tier has memberships (current or past): remove them first, so that no history is lost by accident.');
        }
        await repo.delete(id);
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'tier',
          entityId: id,
          action: 'delete',
          before: auditableTier(before),
          after: null,
        });
      });
    },

    async listMemberships(
      { kommunenummer }: Scope,
      { tierId, currentOnly }: { tierId: string; currentOnly: boolean },
    ): Promise<MembershipList> {
      found(await tiers.find(kommunenummer, tierId), tierNotFound(kommunenummer, tierId));
      return { items: (await tiers.listMemberships(tierId, currentOnly)).map(toMembership) };
    },

    async getMembership({ kommunenummer }: Scope, { tierId, id }: { tierId: string; id: string }): Promise<Membership> {
      found(await tiers.find(kommunenummer, tierId), tierNotFound(kommunenummer, tierId));
      return toMembership(found(await tiers.findMembership(tierId, id), membershipNotFound(id)));
    },

    async createMembership(
      { kommunenummer, actor }: Scope,
      { tierId, input }: { tierId: string; input: CreateMembership },
    ): Promise<Membership> {
      requireOrdered({ field: 'startDate', value: input.startDate }, { field: 'endDate', value: input.endDate });
      return db.transaction(async (tx) => {
        const repo = createTiersRepository(tx);
        // The tier's lock serializes seatings on it, so two overlapping ones cannot both pass the check.
        await lockedTier(tx, kommunenummer, tierId);
        await checkReferences(tx, kommunenummer, [{ field: 'memberId', table: 'members', ids: input.memberId }]);
        if ((await repo.erasedAmong([input.memberId])).size > 0) {
          throw new InvalidFieldError({ in: 'body', name: 'memberId', detail: `${input.memberId} is an erased member.` });
        }
        if (await repo.overlapping({ tierId, memberId: input.memberId, start: input.startDate, end: input.endDate ?? null })) {
          throw new ConflictError('The member already has a membership on this tier in that period.');
        }
        const row = await repo.insertMembership(tierId, input.memberId, {
          role: input.role,
          startDate: input.startDate,
          endDate: input.endDate ?? null,
        });
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'membership',
          entityId: row.id,
          action: 'create',
          before: null,
          after: auditableMembership(row),
        });
        return toMembership(row);
      });
    },

    async updateMembership(
      { kommunenummer, actor }: Scope,
      { tierId, id, patch, expected }: { tierId: string; id: string; patch: UpdateMembership; expected: ExpectedVersion },
    ): Promise<Membership> {
      return db.transaction(async (tx) => {
        const repo = createTiersRepository(tx);
        await lockedTier(tx, kommunenummer, tierId);
        const before = found(await repo.findMembership(tierId, id, { forUpdate: true }), membershipNotFound(id));
        checkVersion(expected, toMembership(before));
        const startDate = patch.startDate ?? before.startDate;
        const endDate = patch.endDate === undefined ? before.endDate : patch.endDate;
        requireOrdered({ field: 'startDate', value: startDate }, { field: 'endDate', value: endDate });
        if (await repo.overlapping({ tierId, memberId: before.memberId, start: startDate, end: endDate }, id)) {
          throw new ConflictError('The member already has another membership on this tier in that period.');
        }
        const after = await repo.updateMembership(id, patch);
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'membership',
          entityId: id,
          action: 'update',
          before: auditableMembership(before),
          after: auditableMembership(after),
        });
        return toMembership(after);
      });
    },

    async removeMembership(
      { kommunenummer, actor }: Scope,
      { tierId, id, expected }: { tierId: string; id: string; expected: ExpectedVersion },
    ): Promise<void> {
      await db.transaction(async (tx) => {
        const repo = createTiersRepository(tx);
        await lockedTier(tx, kommunenummer, tierId);
        const before = found(await repo.findMembership(tierId, id, { forUpdate: true }), membershipNotFound(id));
        checkVersion(expected, toMembership(before));
        await repo.deleteMembership(id);
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'membership',
          entityId: id,
          action: 'delete',
          before: auditableMembership(before),
          after: null,
        });
      });
    },
  };
}

export type TiersService = ReturnType<typeof createTiersService>;
