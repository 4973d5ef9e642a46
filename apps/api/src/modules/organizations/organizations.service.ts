import type { CreateOrganization, Organization, OrganizationList, UpdateOrganization } from '@slt/shared';
import type { Db } from '../../db/client.js';
import { diffChanges } from '../../lib/audit-diff.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import { checkVersion, type ExpectedVersion } from '../../lib/etag.js';
import { recordAudit } from '../../lib/audited.js';
import type { Scope } from '../../lib/scope.js';
import { createOrganizationsRepository, type OrganizationRow } from './organizations.repository.js';

export function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    kommunenummer: row.kommunenummer,
    name: row.name,
    kind: row.kind,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const auditable = (row: OrganizationRow | null) => (row ? { name: row.name, kind: row.kind, description: row.description } : null);

export function createOrganizationsService(deps: { db: Db }) {
  const { db } = deps;
  const organizations = createOrganizationsRepository(db);

  async function mustFind(
    repo: ReturnType<typeof createOrganizationsRepository>,
    at: { kommunenummer: string; id: string },
    forUpdate = false,
  ) {
    const row = await repo.find(at.kommunenummer, at.id, { forUpdate });
    if (!row) throw new NotFoundError(`There is no organization ${at.id} in ${at.kommunenummer}.`);
    return row;
  }

  return {
    list: async (scope: Scope): Promise<OrganizationList> => ({
      items: (await organizations.list(scope.kommunenummer)).map(toOrganization),
    }),

    get: async (scope: Scope, id: string) => toOrganization(await mustFind(organizations, { kommunenummer: scope.kommunenummer, id })),

    async create(scope: Scope, input: CreateOrganization): Promise<Organization> {
      const { kommunenummer, actor } = scope;
      return db.transaction(async (tx) => {
        const row = await createOrganizationsRepository(tx).insert(kommunenummer, {
          name: input.name,
          kind: input.kind,
          description: input.description ?? null,
        });
        if (!row) throw new ConflictError(`${kommunenummer} already has an organization named "${input.name}".`);
        await recordAudit(tx, actor, {
          kommunenummer,
          entity: 'organization',
          entityId: row.id,
          action: 'create',
          changes: diffChanges(null, auditable(row)),
        });
        return toOrganization(row);
      });
    },

    async update(scope: Scope, input: { id: string; patch: UpdateOrganization; expected: ExpectedVersion }): Promise<Organization> {
      const { kommunenummer, actor } = scope;
      const { id, patch } = input;
      return db.transaction(async (tx) => {
        const repo = createOrganizationsRepository(tx);
        const before = await mustFind(repo, { kommunenummer, id }, true);
        checkVersion(input.expected, toOrganization(before));
        if (patch.name !== undefined && (await repo.nameTaken(kommunenummer, patch.name, id))) {
          throw new ConflictError(`${kommunenummer} already has an organization named "${patch.name}".`);
        }
        const after = await repo.update(id, patch);
        const changes = diffChanges(auditable(before), auditable(after));
        if (Object.keys(changes).length > 0) {
          await recordAudit(tx, actor, {
            kommunenummer,
            entity: 'organization',
            entityId: id,
            action: 'update',
            changes,
          });
        }
        return toOrganization(after);
      });
    },

    async remove(scope: Scope, input: { id: string; expected: ExpectedVersion }): Promise<void> {
      const { kommunenummer, actor } = scope;
      const { id } = input;
      await db.transaction(async (tx) => {
        const repo = createOrganizationsRepository(tx);
        const before = await mustFind(repo, { kommunenummer, id }, true);
        checkVersion(input.expected, toOrganization(before));
        await repo.delete(id);
        await recordAudit(tx, actor, {
          kommunenummer,
          entity: 'organization',
          entityId: id,
          action: 'delete',
          changes: diffChanges(auditable(before), null),
        });
      });
    },
  };
}

export type OrganizationsService = ReturnType<typeof createOrganizationsService>;
