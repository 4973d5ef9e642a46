import { and, asc, eq, gt, like, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { counties, municipalities } from '../../db/schema/index.js';

export interface MunicipalityFilter {
  countyNumber?: string;
  /** Already folded with `foldName`. */
  namePrefix?: string;
  /** Keyset: return rows after this kommunenummer. */
  after?: string;
  limit: number;
}

export interface CountyRow {
  number: string;
  name: string;
}

export interface MunicipalityRow {
  kommunenummer: string;
  name: string;
  countyNumber: string;
  countyName: string;
  policeDistrict: string | null;
  malform: 'nb' | 'nn';
}

export interface ReferenceMunicipality {
  kommunenummer: string;
  name: string;
  countyNumber: string;
}

/** Lower-cases a name the same way for stored names and search prefixes, whatever the DB locale. */
export const foldName = (name: string): string => name.normalize('NFC').toLocaleLowerCase('nb-NO');

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const columns = {
  kommunenummer: municipalities.kommunenummer,
  name: municipalities.name,
  countyNumber: municipalities.countyNumber,
  countyName: counties.name,
  policeDistrict: municipalities.policeDistrict,
  malform: municipalities.malform,
};

export function createMunicipalitiesRepository(db: Executor) {
  /** The list query, exposed so the benchmark can run the very same SQL on a bare handler. */
  function listQuery(filter: MunicipalityFilter) {
    const conditions: SQL[] = [];
    if (filter.countyNumber) conditions.push(eq(municipalities.countyNumber, filter.countyNumber));
    if (filter.namePrefix) conditions.push(like(municipalities.nameSearch, `${escapeLike(filter.namePrefix)}%`));
    if (filter.after) conditions.push(gt(municipalities.kommunenummer, filter.after));
    return db
      .select(columns)
      .from(municipalities)
      .innerJoin(counties, eq(counties.number, municipalities.countyNumber))
      .where(and(...conditions))
      .orderBy(asc(municipalities.kommunenummer))
      .limit(filter.limit);
  }

  return {
    listQuery,

    list: (filter: MunicipalityFilter): Promise<MunicipalityRow[]> => listQuery(filter),

    async get(kommunenummer: string): Promise<MunicipalityRow | undefined> {
      const [row] = await db
        .select(columns)
        .from(municipalities)
        .innerJoin(counties, eq(counties.number, municipalities.countyNumber))
        .where(eq(municipalities.kommunenummer, kommunenummer));
      return row;
    },

    listCounties: (): Promise<CountyRow[]> =>
      db.select({ number: counties.number, name: counties.name }).from(counties).orderBy(asc(counties.number)),

    /**
     * Inserts or renames counties and municipalities from the reference files, in one
     * transaction, two statements. Settings a municipality owns (police district, målform)
     * are never overwritten.
     */
    async upsertReferenceData(countyRows: CountyRow[], municipalityRows: ReferenceMunicipality[]): Promise<void> {
      await db.transaction(async (tx) => {
        await tx
          .insert(counties)
          .values(countyRows)
          .onConflictDoUpdate({ target: counties.number, set: { name: sql`excluded.name` } });
        await tx
          .insert(municipalities)
          .values(municipalityRows.map((m) => ({ ...m, nameSearch: foldName(m.name) })))
          .onConflictDoUpdate({
            target: municipalities.kommunenummer,
            set: {
              name: sql`excluded.name`,
              nameSearch: sql`excluded.name_search`,
              countyNumber: sql`excluded.county_number`,
              updatedAt: sql`case when (${municipalities.name}, ${municipalities.countyNumber}) is distinct from (excluded.name, excluded.county_number) then now() else ${municipalities.updatedAt} end`,
            },
          });
      });
    },

    /** Sets a municipality's own settings (demo data today; the admin API later). */
    async updateSettings(
      kommunenummer: string,
      settings: { policeDistrict?: string | null; malform?: 'nb' | 'nn' },
    ): Promise<void> {
      await db
        .update(municipalities)
        .set({
          ...(settings.policeDistrict !== undefined ? { policeDistrict: settings.policeDistrict } : {}),
          ...(settings.malform ? { malform: settings.malform } : {}),
          updatedAt: sql`now()`,
        })
        .where(eq(municipalities.kommunenummer, kommunenummer));
    },
  };
}

export type MunicipalitiesRepository = ReturnType<typeof createMunicipalitiesRepository>;
