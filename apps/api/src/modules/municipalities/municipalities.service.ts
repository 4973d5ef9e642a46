import {
  POLICE_DISTRICTS,
  type CountyList,
  type Municipality,
  type MunicipalityListQuery,
  type MunicipalityPage,
  type PoliceDistrictCode,
  type UpdateMunicipality,
} from '@slt/shared';
import type { Db } from '../../db/client.js';
import { diffChanges } from '../../lib/audit-diff.js';
import { checkVersion, type ExpectedVersion } from '../../lib/etag.js';
import { found, recordAudit } from '../../lib/audited.js';
import type { Scope } from '../../lib/scope.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { InvalidFieldError } from '../../lib/errors.js';
import {
  createMunicipalitiesRepository,
  foldName,
  type MunicipalitiesRepository,
  type MunicipalityRow,
} from './municipalities.repository.js';

export const DEFAULT_PAGE_SIZE = 50;

const policeDistrictNames = new Map<string, string>(POLICE_DISTRICTS.map((d) => [d.code, d.name]));

export function toMunicipality(row: MunicipalityRow): Municipality {
  const districtName = row.policeDistrict ? policeDistrictNames.get(row.policeDistrict) : undefined;
  return {
    kommunenummer: row.kommunenummer,
    name: row.name,
    county: { number: row.countyNumber, name: row.countyName },
    policeDistrict: row.policeDistrict && districtName ? { code: row.policeDistrict as PoliceDistrictCode, name: districtName } : null,
    malform: row.malform,
  };
}

export function createMunicipalitiesService(deps: { db: Db; repository: Pick<MunicipalitiesRepository, 'list' | 'get' | 'listCounties'> }) {
  const { db, repository } = deps;
  return {
    /** Sets the municipality's own settings, if the caller's copy (If-Match) is current. */
    async update(scope: Scope, input: { patch: UpdateMunicipality; expected: ExpectedVersion }): Promise<Municipality> {
      const { kommunenummer, actor } = scope;
      const { patch } = input;
      return db.transaction(async (tx) => {
        const repo = createMunicipalitiesRepository(tx);
        const before = found(await repo.get(kommunenummer, { forUpdate: true }), `${kommunenummer} is gone.`);
        checkVersion(input.expected, toMunicipality(before));
        await repo.updateSettings(kommunenummer, patch);
        const after = (await repo.get(kommunenummer))!;
        const changes = diffChanges(
          { policeDistrict: before.policeDistrict, malform: before.malform },
          { policeDistrict: after.policeDistrict, malform: after.malform },
        );
        if (Object.keys(changes).length > 0) {
          await recordAudit(tx, actor, {
            kommunenummer,
            entity: 'municipality',
            entityId: kommunenummer,
            action: 'update',
            changes,
          });
        }
        return toMunicipality(after);
      });
    },

    async list(query: MunicipalityListQuery): Promise<MunicipalityPage> {
      const limit = query.limit ?? DEFAULT_PAGE_SIZE;
      let after: string | undefined;
      if (query.cursor) {
        const key = decodeCursor(query.cursor, ['k']);
        if (!key || !/^[0-9]{4}$/.test(key.k)) {
          throw new InvalidFieldError({ in: 'query', name: 'cursor', detail: 'is not a cursor this API issued' });
        }
        after = key.k;
      }
      // One row more than asked tells whether another page exists, without a count query.
      const rows = await repository.list({
        ...(query.county ? { countyNumber: query.county } : {}),
        ...(query.q ? { namePrefix: foldName(query.q) } : {}),
        ...(after ? { after } : {}),
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(toMunicipality),
        nextCursor: rows.length > limit && last ? encodeCursor({ k: last.kommunenummer }) : null,
      };
    },

    get: async (scope: Scope): Promise<Municipality> =>
      toMunicipality(found(await repository.get(scope.kommunenummer), `${scope.kommunenummer} is gone.`)),

    async listCounties(): Promise<CountyList> {
      return { items: await repository.listCounties() };
    },
  };
}

export type MunicipalitiesService = ReturnType<typeof createMunicipalitiesService>;
