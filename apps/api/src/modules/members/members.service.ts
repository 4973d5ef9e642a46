import type { CreateMember, Member, MemberList, UpdateMember } from '@slt/shared';
import type { Db } from '../../db/client.js';
import { found, recordChange } from '../../lib/audited.js';
import { ConflictError } from '../../lib/errors.js';
import { checkVersion, type ExpectedVersion } from '../../lib/etag.js';
import { checkReferences } from '../../lib/references.js';
import { isInternal, type Scope } from '../../lib/scope.js';
import { createMembersRepository, type MemberRow } from './members.repository.js';

/**
 * A member as a caller sees them: e-mail and phone are internal unless flagged public, so the
 * public view (anonymous callers, other municipalities) has them only where the flag is set.
 */
export function toMember(row: MemberRow, internal: boolean): Member {
  return {
    id: row.id,
    kommunenummer: row.kommunenummer,
    name: row.name,
    roleTitle: row.roleTitle,
    organizationId: row.organizationId,
    email: internal || row.emailPublic ? row.email : null,
    emailPublic: row.emailPublic,
    phone: internal || row.phonePublic ? row.phone : null,
    phonePublic: row.phonePublic,
    isCoordinator: row.isCoordinator,
    erasedAt: row.erasedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const auditable = (row: MemberRow | null) =>
  row
    ? {
        name: row.name,
        roleTitle: row.roleTitle,
        organizationId: row.organizationId,
        email: row.email,
        emailPublic: row.emailPublic,
        phone: row.phone,
        phonePublic: row.phonePublic,
        isCoordinator: row.isCoordinator,
      }
    : null;

export function createMembersService(deps: { db: Db }) {
  const { db } = deps;
  const members = createMembersRepository(db);
  const notFound = (k: string, id: string) => `There is no member ${id} in ${k}.`;

  return {
    async list(scope: Scope): Promise<MemberList> {
      const rows = await members.list(scope.kommunenummer);
      return { items: rows.map((row) => toMember(row, isInternal(scope))) };
    },

    get: async (scope: Scope, id: string) =>
      toMember(found(await members.find(scope.kommunenummer, id), notFound(scope.kommunenummer, id)), isInternal(scope)),

    async create(scope: Scope, input: CreateMember): Promise<Member> {
      const { kommunenummer, actor } = scope;
      return db.transaction(async (tx) => {
        await checkReferences(tx, kommunenummer, [{ field: 'organizationId', table: 'organizations', ids: input.organizationId }]);
        const row = await createMembersRepository(tx).insert(kommunenummer, {
          name: input.name,
          roleTitle: input.roleTitle ?? null,
          organizationId: input.organizationId ?? null,
          email: input.email ?? null,
          emailPublic: input.emailPublic ?? false,
          phone: input.phone ?? null,
          phonePublic: input.phonePublic ?? false,
          isCoordinator: input.isCoordinator ?? false,
        });
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'member',
          entityId: row.id,
          action: 'create',
          before: null,
          after: auditable(row),
        });
        return toMember(row, true);
      });
    },

    async update(scope: Scope, input: { id: string; patch: UpdateMember; expected: ExpectedVersion }): Promise<Member> {
      const { kommunenummer, actor } = scope;
      const { id, patch } = input;
      return db.transaction(async (tx) => {
        const repo = createMembersRepository(tx);
        const before = found(await repo.find(kommunenummer, id, { forUpdate: true }), notFound(kommunenummer, id));
        checkVersion(input.expected, toMember(before, true));
        if (before.erasedAt) throw new ConflictError('The member has been erased and cannot be changed.');
        await checkReferences(tx, kommunenummer, [{ field: 'organizationId', table: 'organizations', ids: patch.organizationId }]);
        const after = await repo.update(id, patch);
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'member',
          entityId: id,
          action: 'update',
          before: auditable(before),
          after: auditable(after),
        });
        return toMember(after, true);
      });
    },

    async remove(scope: Scope, input: { id: string; expected: ExpectedVersion }): Promise<void> {
      const { kommunenummer, actor } = scope;
      const { id } = input;
      await db.transaction(async (tx) => {
        const repo = createMembersRepository(tx);
        const before = found(await repo.find(kommunenummer, id, { forUpdate: true }), notFound(kommunenummer, id));
        checkVersion(input.expected, toMember(before, true));
        if (await repo.isReferenced(id)) {
          throw new ConflictError(
            'Tier memberships, a tier or a measure refer to this member: end the memberships instead (history is kept), or erase the person.',
          );
        }
        await repo.delete(id);
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'member',
          entityId: id,
          action: 'delete',
          before: auditable(before),
          after: null,
        });
      });
    },

    /**
     * GDPR erasure: the person's identity leaves the row and the audit log; the row and every
     * record referring to it stay. Erasing an erased member changes nothing.
     */
    async erase(scope: Scope, id: string): Promise<Member> {
      const { kommunenummer, actor } = scope;
      return db.transaction(async (tx) => {
        const repo = createMembersRepository(tx);
        const before = found(await repo.find(kommunenummer, id, { forUpdate: true }), notFound(kommunenummer, id));
        if (before.erasedAt) return toMember(before, true);
        const after = await repo.update(id, {
          name: null,
          roleTitle: null,
          email: null,
          emailPublic: false,
          phone: null,
          phonePublic: false,
          isCoordinator: false,
          erasedAt: new Date(),
        });
        await repo.scrubAudit(id);
        await recordChange(tx, actor, {
          kommunenummer,
          entity: 'member',
          entityId: id,
          action: 'erase',
          before: { erasedAt: null },
          after: { erasedAt: after.erasedAt },
        });
        return toMember(after, true);
      });
    },
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
