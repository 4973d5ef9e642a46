import type { DimensionSelection } from '@slt/shared';
import { readJsonStat, StatFormatError, type StatTable } from './json-stat.js';
import { jsonOf, requestSource, SourceError, type SourceHttpOptions } from './source-http.js';

export interface FhiQuery {
  source: string;
  tableId: string;
  regionDimension: string;
  timeDimension: string;
  selection: DimensionSelection[];
  periods: number;
  regions: string[];
}

const NAME = 'FHI Statistikk';
/** A flag whose text says this: the value is withheld for privacy (suppressed), not merely missing. */
const PRIVACY = /anonym|personvern|skjerm|prikk|konfidens|f[åa] (tilfeller|personer)|for f[åa]|privacy|confidential|suppress/i;

/**
 * FHI's open statistics API: `POST {base}/{source}/Table/{id}/data` with
 * `{ dimensions: [{ code, filter: 'item'|'all'|'top', values }], response: { format: 'json-stat2' } }`,
 * and `GET {base}/{source}/Table/{id}/flag` for the symbols of withheld values
 * (`[{ "title": ":", "text": "Anonymisert…" }]`, FHI's FlagOpenResponse).
 */
export function createFhiClient(baseUrl: string, http: SourceHttpOptions) {
  const tableUrl = (source: string, tableId: string) => `${baseUrl}/${encodeURIComponent(source)}/Table/${encodeURIComponent(tableId)}`;
  return {
    tableUrl: (source: string, tableId: string) => `https://statistikk.fhi.no/${source}/${tableId}`,
    dataUrl: (source: string, tableId: string) => `${tableUrl(source, tableId)}/data`,

    /** The symbols FHI uses for values withheld for privacy in this table. */
    async suppressedSymbols(source: string, tableId: string): Promise<Set<string>> {
      const list = await jsonOf(
        NAME,
        await requestSource(NAME, { url: `${tableUrl(source, tableId)}/flag`, accept: 'application/json' }, http),
      );
      if (!Array.isArray(list)) throw new SourceError(`${NAME} answered flags that are not a list.`);
      const symbols = new Set<string>();
      for (const flag of list as { title?: unknown; text?: unknown }[])
        if (typeof flag.title === 'string' && typeof flag.text === 'string' && PRIVACY.test(flag.text)) symbols.add(flag.title);
      return symbols;
    },

    async fetch(query: FhiQuery): Promise<{ table: StatTable; url: string; cells: number }> {
      const wild = (values: string[]) => values.some((v) => v.includes('*'));
      const body = {
        dimensions: [
          { code: query.regionDimension, filter: 'item', values: query.regions },
          { code: query.timeDimension, filter: 'top', values: [String(query.periods)] },
          ...query.selection.map((s) => ({ code: s.dimension, filter: wild(s.values) ? 'all' : 'item', values: s.values })),
        ],
        response: { format: 'json-stat2', maxRowCount: 50_000 },
      };
      const url = `${tableUrl(query.source, query.tableId)}/data`;
      const document = await jsonOf(NAME, await requestSource(NAME, { url, method: 'POST', body, accept: 'application/json' }, http));
      try {
        const table = readJsonStat(document);
        return { table, url, cells: table.cells.length };
      } catch (error) {
        if (error instanceof StatFormatError) throw new SourceError(`${NAME} answered data that is not JSON-stat 2.0: ${error.message}`);
        throw error;
      }
    },
  };
}
export type FhiClient = ReturnType<typeof createFhiClient>;
