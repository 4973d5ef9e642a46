import type { CreateOrganization, Organization, OrganizationList, UpdateOrganization } from '@slt/shared';
import type { Db } from '../../db/client.js';
import { diffChanges } from '../../lib/audit-diff.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import { checkIfMatch, etagOf } from '../../lib/etag.js';
import { createAuditRepository, type Actor } from '../audit/audit.repository.js';
import { createMunicipalitiesRepository } from '../municipalities/municipalities.repository.js';
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

const auditable = (row: OrganizationRow | null) =>
  row ? { name: row.name, kind: row.kind, description: row.description } : null;

export function createOrganizationsService(deps: { db: Db }) {
  const { db } = deps;
  const organizations = createOrganizationsRepository(db);

  async function mustFind(repo: ReturnType<typeof createOrganizationsRepository>, k: string, id: string, forUpdate = false) {
    const row = await repo.find(k, id, { forUpdate });
    if (!row) throw new NotFoundError(`There is no organization ${id} in ${k}.`);
    return row;
  }

  return {
    async list(kommunenummer: string): Promise<OrganizationList> {
      const rows = await organizations.list(kommunenummer);
      if (rows.length === 0 && !(await createMunicipalitiesRepository(db).get(kommunenummer))) {
        throw new NotFoundError(`There is no municipality with kommunenummer ${kommunenummer}.`);
      }
      return { items: rows.map(toOrganization) };
    },

    get: async (kommunenummer: string, id: string) => toOrganization(await mustFind(organizations, kommunenummer, id)),

    async create(actor: Actor, kommunenummer: string, input: CreateOrganization): Promise<Organization> {
      return db.transaction(async (tx) => {
        const row = await createOrganizationsRepository(tx).insert(kommunenummer, {
          name: input.name,
          kind: input.kind,
          description: input.description ?? null,
        });
        if (!row) throw new ConflictError(`${kommunenummer} already has an organization named "${input.name}".`);
        await createAuditRepository(tx).record(actor, {
          kommunenummer,
          entity: 'organization',
          entityId: row.id,
          action: 'create',
          changes: diffChanges(null, auditable(row)),
        });
        return toOrganization(row);
      });
    },

    async update(
      actor: Actor,
      kommunenummer: string,
      id: string,
      patch: UpdateOrganization,
      ifMatch: string | undefined,
    ): Promise<Organization> {
      return db.transaction(async (tx) => {
        const repo = createOrganizationsRepository(tx);
        const before = await mustFind(repo, kommunenummer, id, true);
        checkIfMatch(ifMatch, etagOf(toOrganization(before)));
        if (patch.name !== undefined && (await repo.nameTaken(kommunenummer, patch.name, id))) {
          throw new ConflictError(`${kommunenummer} already has an organization named "${patch.name}".`);
        }
        const after = await repo.update(id, patch);
        const changes = diffChanges(auditable(before), auditable(after));
        if (Object.keys(changes).length > 0) {
          await createAuditRepository(tx).record(actor, {
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

    async remove(actor: Actor, kommunenummer: string, id: string, ifMatch: string | undefined): Promise<void> {
      await db.transaction(async (tx) => {
        const repo = createOrganizationsRepository(tx);
        const before = await mustFind(repo, kommunenummer, id, true);
        checkIfMatch(ifMatch, etagOf(toOrganization(before)));
        await repo.delete(id);
        await createAuditRepository(tx).record(actor, {
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
