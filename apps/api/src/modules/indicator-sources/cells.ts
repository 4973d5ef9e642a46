import type { DimensionSelection, RegionLevel, SourceValueStatus } from '@slt/shared';
import { StatFormatError, type StatTable } from './json-stat.js';
import { matchesSelection } from './source-csv.js';

/** One cell of a source as it is stored: its series, region, period, value and status. */
export interface ValueRow {
  region: string;
  regionLevel: RegionLevel;
  regionLabel: string | null;
  series: string;
  seriesLabel: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  value: number | null;
  status: SourceValueStatus;
  symbol: string | null;
}

const RANK: Record<SourceValueStatus, number> = { ok: 2, suppressed: 1, missing: 0 };

export interface Regions {
  kommunenummer: string;
  county: string | null;
  country: string | null;
  peers: readonly string[];
  /** Old municipality numbers and the number each became (KLASS 131). */
  renamed: ReadonlyMap<string, string>;
}

/**
 * The period a source's time code covers: `2023`, SSB's two-year `2022-2023`, FHI's `2020_2022`,
 * quarters `2023K1`, halves `2023H1` and months `2023M01`.
 */
export function periodOf(code: string): { start: string; end: string } {
  let m: RegExpMatchArray | null;
  if ((m = /^(\d{4})$/.exec(code))) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  if ((m = /^(\d{4})[-_](\d{4})$/.exec(code)) && m[1]! <= m[2]!) return { start: `${m[1]}-01-01`, end: `${m[2]}-12-31` };
  if ((m = /^(\d{4})K([1-4])$/.exec(code))) {
    const q = Number(m[2]);
    const endMonth = q * 3;
    return {
      start: `${m[1]}-${String(endMonth - 2).padStart(2, '0')}-01`,
      end: `${m[1]}-${String(endMonth).padStart(2, '0')}-${q === 1 || q === 4 ? 31 : 30}`,
    };
  }
  if ((m = /^(\d{4})H([12])$/.exec(code)))
    return m[2] === '1' ? { start: `${m[1]}-01-01`, end: `${m[1]}-06-30` } : { start: `${m[1]}-07-01`, end: `${m[1]}-12-31` };
  if ((m = /^(\d{4})M(0[1-9]|1[0-2])$/.exec(code))) {
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${last}` };
  }
  throw new StatFormatError(`The period "${code}" is not one this importer knows (a year, years, a quarter, a half or a month).`);
}

/**
 * A dataset's cells as stored values: old municipality numbers mapped to today's, regions other
 * than the municipality and its comparisons left out, each withheld cell marked suppressed (the
 * source's symbol says so) or missing, never 0.
 */
export function toValueRows(
  table: StatTable,
  link: { regionDimension: string; timeDimension: string; selection: DimensionSelection[] },
  only: { regions: Regions; suppressedSymbols: ReadonlySet<string> },
): ValueRow[] {
  const { regions, suppressedSymbols } = only;
  const indexOf = (id: string, role: string[]) => {
    let i = table.dimensions.findIndex((d) => d.id === id);
    if (i < 0 && role.length === 1) i = table.dimensions.findIndex((d) => d.id === role[0]);
    if (i < 0) throw new StatFormatError(`The data has no dimension "${id}".`);
    return i;
  };
  const region = indexOf(link.regionDimension, table.roles.geo);
  const time = indexOf(link.timeDimension, table.roles.time);
  const series = link.selection.map((s) => {
    const i = table.dimensions.findIndex((d) => d.id === s.dimension);
    if (i < 0) throw new StatFormatError(`The data has no dimension "${s.dimension}" of the selection.`);
    return i;
  });
  const known = new Set([region, time, ...series]);
  const stray = table.dimensions.findIndex((d, i) => !known.has(i) && d.codes.length > 1);
  if (stray >= 0)
    throw new StatFormatError(`The data has several values of "${table.dimensions[stray]!.id}", which the selection does not name.`);

  const levelOf = (code: string): { code: string; level: RegionLevel } | null => {
    const current = regions.renamed.get(code) ?? code;
    if (current === regions.kommunenummer) return { code: current, level: 'municipality' };
    if (code === regions.county) return { code, level: 'county' };
    if (code === regions.country) return { code, level: 'country' };
    if (regions.peers.includes(current)) return { code: current, level: 'peer' };
    return null;
  };
  const rows = new Map<string, ValueRow>();
  for (const cell of table.cells) {
    const where = levelOf(cell.codes[region]!);
    // A downloaded file may hold more than the link selects: only the selected values are kept.
    if (!where || !link.selection.every((s, i) => matchesSelection(s.values, cell.codes[series[i]!]!))) continue;
    const periodCode = cell.codes[time]!;
    const { start, end } = periodOf(periodCode);
    const seriesKey = series.map((d) => `${table.dimensions[d]!.id}=${cell.codes[d]}`).join(';');
    const seriesLabel = series.map((d) => table.dimensions[d]!.labels.get(cell.codes[d]!) ?? cell.codes[d]!).join(' · ');
    const status: SourceValueStatus =
      cell.value !== null ? 'ok' : cell.status !== null && suppressedSymbols.has(cell.status) ? 'suppressed' : 'missing';
    const row: ValueRow = {
      region: where.code,
      regionLevel: where.level,
      regionLabel: table.dimensions[region]!.labels.get(where.code) ?? table.dimensions[region]!.labels.get(cell.codes[region]!) ?? null,
      series: seriesKey,
      seriesLabel,
      period: periodCode,
      periodStart: start,
      periodEnd: end,
      value: cell.value,
      status,
      symbol: cell.status,
    };
    const key = `${seriesKey}|${where.code}|${periodCode}`;
    const earlier = rows.get(key);
    // An old and a new number for the same period: a value wins over a withheld one, which wins over none.
    if (!earlier || RANK[row.status] > RANK[earlier.status]) rows.set(key, row);
  }
  return [...rows.values()];
}
