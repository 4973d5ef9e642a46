import { POPULATION_MAX_AGE, SSB_MAX_CELLS, SSB_POPULATION_TABLE, type DimensionSelection, type RatePer1000 } from '@slt/shared';
import { readJsonStat, readJsonStatDimensions, StatFormatError, type StatTable } from './json-stat.js';
import { matchesSelection } from './source-csv.js';
import { jsonOf, requestSource, SourceError, type SourceHttpOptions } from './source-http.js';

export interface SsbQuery {
  tableId: string;
  regionDimension: string;
  timeDimension: string;
  selection: DimensionSelection[];
  periods: number;
  regions: string[];
}

const NAME = 'SSB (PxWebApi)';

/** A selection of more cells than SSB answers in one request: refused before the data is asked for. */
export class TooManyCellsError extends SourceError {
  constructor(readonly cells: number) {
    super(`The selection makes ${cells} cells; SSB answers at most ${SSB_MAX_CELLS} a request: select fewer values or periods.`);
  }
}

/** The age codes of table 07459 from one age to another (`000`…`104`, `105+`). */
export const populationAgeCodes = ({ ageFrom, ageTo }: RatePer1000): string[] =>
  Array.from({ length: Math.max(0, ageTo - ageFrom + 1) }, (_, i) => {
    const age = ageFrom + i;
    return age === POPULATION_MAX_AGE ? `${age}+` : String(age).padStart(3, '0');
  });

/**
 * Statistics Norway's PxWebApi v2: `GET {base}/tables/{id}/data?lang=no&outputFormat=json-stat2`
 * with `valueCodes[Dimension]=a,b` per dimension and `top(n)` for the latest periods; the table's
 * dimensions from `GET {base}/tables/{id}/metadata?lang=no&outputFormat=json-stat2`. A request
 * may hold at most 800,000 cells: counted before it is sent (the metadata tells how many values a
 * wildcard selects), so a too-large selection is refused here, not by SSB.
 */
export function createSsbClient(baseUrl: string, http: SourceHttpOptions) {
  const tableUrl = (tableId: string) => `${baseUrl}/tables/${encodeURIComponent(tableId)}`;

  async function data(url: string): Promise<StatTable> {
    const document = await jsonOf(NAME, await requestSource(NAME, { url, accept: 'application/json' }, http));
    try {
      return readJsonStat(document);
    } catch (error) {
      if (error instanceof StatFormatError) throw new SourceError(`${NAME} answered data that is not JSON-stat 2.0: ${error.message}`);
      throw error;
    }
  }

  async function cellCount(query: SsbQuery): Promise<number> {
    let counts = query.selection.map((s) => (s.values.some((v) => /[*?]/.test(v)) ? -1 : s.values.length));
    if (counts.includes(-1)) {
      const url = `${tableUrl(query.tableId)}/metadata?lang=no&outputFormat=json-stat2`;
      let dimensions;
      try {
        dimensions = readJsonStatDimensions(await jsonOf(NAME, await requestSource(NAME, { url, accept: 'application/json' }, http)));
      } catch (error) {
        if (error instanceof StatFormatError)
          throw new SourceError(`${NAME} answered metadata that is not JSON-stat 2.0: ${error.message}`);
        throw error;
      }
      counts = query.selection.map((s, i) => {
        if (counts[i] !== -1) return counts[i]!;
        const dimension = dimensions.find((d) => d.id === s.dimension);
        if (!dimension) throw new SourceError(`Table ${query.tableId} of ${NAME} has no dimension "${s.dimension}".`);
        return dimension.codes.filter((code) => matchesSelection(s.values, code)).length;
      });
    }
    return counts.reduce((n, c) => n * c, query.regions.length * query.periods);
  }

  return {
    /** The page people read the table on. */
    tableUrl: (tableId: string) => `https://www.ssb.no/statbank/table/${tableId}/`,

    dataUrl(query: SsbQuery): string {
      const params = new URLSearchParams({ lang: 'no', outputFormat: 'json-stat2' });
      params.set(`valueCodes[${query.regionDimension}]`, query.regions.join(','));
      params.set(`valueCodes[${query.timeDimension}]`, `top(${query.periods})`);
      for (const s of query.selection) params.set(`valueCodes[${s.dimension}]`, s.values.join(','));
      return `${tableUrl(query.tableId)}/data?${params.toString()}`;
    },

    async fetch(query: SsbQuery): Promise<{ table: StatTable; url: string; cells: number }> {
      const cells = await cellCount(query);
      if (cells > SSB_MAX_CELLS) throw new TooManyCellsError(cells);
      const url = this.dataUrl(query);
      return { table: await data(url), url, cells };
    },

    /**
     * Inhabitants of table 07459 (1 January) by region, both sexes and the given one-year ages,
     * for the given years: the denominator of rates per 1,000. Same limiter as every SSB request.
     */
    async fetchPopulation(query: { regions: string[]; years: string[]; ages: RatePer1000 }): Promise<{ table: StatTable; url: string }> {
      const params = new URLSearchParams({ lang: 'no', outputFormat: 'json-stat2' });
      params.set('valueCodes[Region]', query.regions.join(','));
      params.set('valueCodes[Kjonn]', '1,2');
      params.set('valueCodes[Alder]', populationAgeCodes(query.ages).join(','));
      params.set('valueCodes[ContentsCode]', 'Personer1');
      params.set('valueCodes[Tid]', query.years.join(','));
      const url = `${tableUrl(SSB_POPULATION_TABLE)}/data?${params.toString()}`;
      return { table: await data(url), url };
    },
  };
}
export type SsbClient = ReturnType<typeof createSsbClient>;
