import type { RatePer1000 } from '@slt/shared';
import type { ValueRow } from './cells.js';
import { StatFormatError, type StatTable } from './json-stat.js';

/** The series key suffix of a rate: `;per1000=Alder:15-24`. */
export const rateSuffix = ({ ageFrom, ageTo }: RatePer1000) => `;per1000=Alder:${ageFrom}-${ageTo}`;
export const isRateSeries = (series: string) => series.includes(';per1000=');

/** The calendar years a stored period covers (`2022-2023` → 2022, 2023; `2023K1` → 2023). */
export function yearsOf(row: Pick<ValueRow, 'periodStart' | 'periodEnd'>): string[] {
  const from = Number(row.periodStart.slice(0, 4));
  const to = Number(row.periodEnd.slice(0, 4));
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

/**
 * The population of table 07459 summed over sex and age, per region (old municipality numbers
 * mapped to today's) and year. A region and year with any cell missing has no population; of an
 * old and a new number, the complete one counts.
 */
export function populationByRegionYear(table: StatTable, renamed: ReadonlyMap<string, string>): Map<string, number> {
  const dimension = (id: string, role: string[]) => {
    let i = table.dimensions.findIndex((d) => d.id === id);
    if (i < 0 && role.length === 1) i = table.dimensions.findIndex((d) => d.id === role[0]);
    if (i < 0) throw new StatFormatError(`The population data has no dimension "${id}".`);
    return i;
  };
  const region = dimension('Region', table.roles.geo);
  const time = dimension('Tid', table.roles.time);
  const sums = new Map<string, { total: number; complete: boolean }>();
  for (const cell of table.cells) {
    const key = `${cell.codes[region]}|${cell.codes[time]}`;
    const sum = sums.get(key) ?? { total: 0, complete: true };
    if (cell.value === null) sum.complete = false;
    else sum.total += cell.value;
    sums.set(key, sum);
  }
  const population = new Map<string, number>();
  for (const [key, sum] of sums) {
    if (!sum.complete || sum.total <= 0) continue;
    const [code, year] = key.split('|') as [string, string];
    population.set(`${renamed.get(code) ?? code}|${year}`, sum.total);
  }
  return population;
}

/**
 * Each count as a rate per 1,000 inhabitants of the age group: the count divided by the mean
 * population of the period's years, times 1,000, to two decimals. A withheld count stays withheld
 * (its symbol kept); a count or population that is missing makes the rate missing. Never 0 for
 * either.
 */
export function ratesPer1000(rows: readonly ValueRow[], population: ReadonlyMap<string, number>, ages: RatePer1000): ValueRow[] {
  const label = ages.ageTo === ages.ageFrom ? `${ages.ageFrom} år` : `${ages.ageFrom}–${ages.ageTo} år`;
  return rows.map((row) => {
    const years = yearsOf(row).map((year) => population.get(`${row.region}|${year}`));
    const known = years.filter((n): n is number => n !== undefined);
    const inhabitants = known.length === years.length ? known.reduce((a, n) => a + n, 0) / known.length : null;
    const rate = row.status === 'ok' && row.value !== null && inhabitants ? Math.round((row.value / inhabitants) * 1000 * 100) / 100 : null;
    return {
      ...row,
      series: row.series + rateSuffix(ages),
      seriesLabel: `${row.seriesLabel} · per 1 000 innbyggere ${label}`,
      value: rate,
      status: row.status === 'suppressed' ? 'suppressed' : rate === null ? 'missing' : 'ok',
      symbol: rate === null ? row.symbol : null,
    };
  });
}
