import { describe, expect, it } from 'vitest';
import { periodOf, toValueRows } from './cells.js';
import { parseJsonStat, readJsonStat, StatFormatError } from './json-stat.js';
import { parseSourceCsv } from './source-csv.js';
import { RequestLimiter } from './source-http.js';

/** The JSON-stat 2.0 spec's own small forms: array index, status as a string, sparse values as an object. */
const dataset = (over: Record<string, unknown> = {}) => ({
  class: 'dataset',
  version: '2.0',
  id: ['Region', 'Tid'],
  size: [2, 2],
  dimension: {
    Region: { label: 'region', category: { index: ['3401', '0'], label: { '3401': 'Kongsvinger', '0': 'Hele landet' } } },
    Tid: { category: { index: { '2023': 0, '2024': 1 } } },
  },
  value: [1, null, 3, 4],
  status: { '1': ':' },
  ...over,
});

describe('JSON-stat 2.0', () => {
  it('reads cells in row-major order (the last dimension fastest) with values and statuses', () => {
    const table = readJsonStat(dataset());
    expect(table.cells.map((c) => [...c.codes, c.value, c.status])).toEqual([
      ['3401', '2023', 1, null],
      ['3401', '2024', null, ':'],
      ['0', '2023', 3, null],
      ['0', '2024', 4, null],
    ]);
    expect(table.dimensions[0]!.labels.get('3401')).toBe('Kongsvinger');
  });

  it('accepts values as a sparse object and status as one string or an array', () => {
    const sparse = readJsonStat(dataset({ value: { '0': 7, '3': 9 }, status: 'p' }));
    expect(sparse.cells.map((c) => [c.value, c.status])).toEqual([
      [7, 'p'],
      [null, 'p'],
      [null, 'p'],
      [9, 'p'],
    ]);
    const array = readJsonStat(dataset({ status: [null, '..', null, null] }));
    expect(array.cells[1]!.status).toBe('..');
  });

  it('refuses what is not a dataset, and sizes that do not add up, with a reason', () => {
    expect(() => parseJsonStat('[1,2')).toThrow(StatFormatError);
    expect(() => readJsonStat({ class: 'collection' })).toThrow(/dataset/);
    expect(() => readJsonStat(dataset({ size: [2, 3] }))).toThrow(/"size" says 3/);
    expect(() => readJsonStat(dataset({ value: [1, 2, 3] }))).toThrow(/3 values/);
    expect(() => readJsonStat(dataset({ value: [1, 'x', 3, 4] }))).toThrow(/not a number/);
  });
});

describe('cells to stored values', () => {
  const link = { regionDimension: 'Region', timeDimension: 'Tid', selection: [] };
  const regions = { kommunenummer: '3401', county: '34', country: '0', peers: [], renamed: new Map([['0402', '3401']]) };

  it('marks a withheld cell suppressed by its symbol, an empty one missing, never 0', () => {
    const rows = toValueRows(readJsonStat(dataset({ value: [1, null, null, 4], status: { '1': ':', '2': '..' } })), link, {
      regions,
      suppressedSymbols: new Set([':']),
    });
    expect(rows.map((r) => [r.region, r.regionLevel, r.period, r.value, r.status])).toEqual([
      ['3401', 'municipality', '2023', 1, 'ok'],
      ['3401', 'municipality', '2024', null, 'suppressed'],
      ['0', 'country', '2023', null, 'missing'],
      ['0', 'country', '2024', 4, 'ok'],
    ]);
  });

  it('reads periods as the sources write them, and refuses others', () => {
    expect(periodOf('2022-2023')).toEqual({ start: '2022-01-01', end: '2023-12-31' });
    expect(periodOf('2020_2022')).toEqual({ start: '2020-01-01', end: '2022-12-31' });
    expect(periodOf('2024K2')).toEqual({ start: '2024-04-01', end: '2024-06-30' });
    expect(periodOf('2024M02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(() => periodOf('2024-2023')).toThrow(StatFormatError);
  });

  it('reads a Norwegian-Excel CSV (BOM, ;, decimal comma, symbols)', () => {
    const table = parseSourceCsv(
      '\uFEFF"region";"år";"Andel"\r\n"3401 Kongsvinger";"2023";"12,5"\r\n"3401 Kongsvinger";"2024";":"\r\n',
      link,
    );
    expect(table.cells.map((c) => [...c.codes, c.value, c.status])).toEqual([
      ['3401', '2023', 12.5, null],
      ['3401', '2024', null, ':'],
    ]);
  });
});

describe('the request limiter', () => {
  it('lets at most N requests through per window; the next waits for the window', async () => {
    const limiter = new RequestLimiter(3, 400);
    const started = Date.now();
    const times: number[] = [];
    await Promise.all([1, 2, 3, 4].map(() => limiter.acquire().then(() => times.push(Date.now() - started))));
    expect(times.slice(0, 3).every((t) => t < 200)).toBe(true);
    expect(times[3]).toBeGreaterThanOrEqual(395);
  });
});
