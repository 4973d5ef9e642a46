import type { Goal, IndicatorSource, PublicIndicatorSourceList, SourceImportResult } from '@slt/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, indicatorSourceValues } from '../../db/schema/index.js';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { expectProblem } from '../../../test/problems.js';
import { FIXTURES, startSourceServer } from '../../../test/statistics-sources.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let sources: Awaited<ReturnType<typeof startSourceServer>>;
let bearer: string;
const base = '/api/v1/municipalities/3401/goals';

beforeAll(async () => {
  sources = await startSourceServer();
  t = await createTestApp({ config: { ...sources.config, statsMaxRetryAfterSeconds: 5, statsTimeoutMs: 5000 } });
  bearer = (await signIn(t, DEMO.coordinator3401)).accessToken;
});
afterAll(async () => {
  await t?.close();
  await sources?.close();
});

/** A new goal with one indicator; returns the indicator's source path. */
async function newIndicator(unit: 'count' | 'percent' = 'count'): Promise<{ path: string; indicatorId: string }> {
  const created = await call(t, 'POST', base, { bearer, body: { title: `Statistikk ${Math.random()}` } });
  const goal = (await created.json()) as Goal;
  const step = await call(t, 'POST', `${base}/${goal.id}/indicators`, {
    bearer,
    body: { name: 'Anmeldte lovbrudd', unit, direction: 'decrease' },
    headers: { 'if-match': created.headers.get('etag')! },
  });
  const indicatorId = ((await step.json()) as Goal).indicators[0]!.id;
  return { path: `${base}/${goal.id}/indicators/${indicatorId}/source`, indicatorId };
}

const SSB_LINK = {
  provider: 'ssb',
  tableId: '08487',
  selection: [
    { dimension: 'Lovbruddsgruppe', values: ['*'] },
    { dimension: 'ContentsCode', values: ['Lovbrudd'] },
  ],
  periods: 4,
};

/** Links (or relinks) with the source's current ETag, or `*` the first time. */
async function link(path: string, body: unknown, bearerToken = bearer) {
  const current = await call(t, 'GET', path);
  return call(t, 'PUT', path, { bearer: bearerToken, body, headers: { 'if-match': current.headers.get('etag') ?? '*' } });
}

async function importNow(path: string) {
  const response = await call(t, 'POST', `${path}/import`, { bearer });
  return { response, result: response.ok ? ((await response.clone().json()) as SourceImportResult) : undefined };
}
const read = async (path: string) => (await (await call(t, 'GET', path)).json()) as IndicatorSource;
/** What a value is, whatever way it came in. */
const essence = (s: IndicatorSource) =>
  s.values.map(({ region, regionLevel, series, period, periodStart, periodEnd, value, status, symbol }) => ({
    region,
    regionLevel,
    series,
    period,
    periodStart,
    periodEnd,
    value,
    status,
    symbol,
  }));
const auditRows = (indicatorId: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'indicator_source'), eq(auditLog.entityId, indicatorId)));

describe('indicator sources: SSB 08487 for Kongsvinger (3401)', () => {
  let ssb: { path: string; indicatorId: string };

  it('imports every offence group with its period, keeps suppressed cells suppressed, maps 0402 to 3401, and a second import changes nothing', async () => {
    ssb = await newIndicator();
    const linked = await link(ssb.path, SSB_LINK);
    expect(linked.status, await linked.clone().text()).toBe(200);
    expect(((await linked.json()) as IndicatorSource).lastStatus).toBe('never');

    const first = await importNow(ssb.path);
    expect(first.response.status, await first.response.clone().text()).toBe(200);
    // 4 offence groups × 4 periods × (Kongsvinger, Innlandet, the country); two cells withheld by SSB.
    expect(first.result).toMatchObject({ origin: 'ssb', created: 48, updated: 0, unchanged: 0, suppressed: 2, missing: 0 });
    // The request: today's number and the old one from KLASS, the county and the country, the latest 4 periods.
    const data = sources.requests.find((r) => r.url.startsWith('/ssb/tables/08487/data'))!;
    expect(data.url).toContain('valueCodes[Region]=3401,0402,34,0');
    expect(data.url).toContain('valueCodes[Tid]=top(4)');
    expect(data.url).toContain('valueCodes[Lovbruddsgruppe]=*');
    expect(data.url).toContain('outputFormat=json-stat2');
    expect(sources.requests.some((r) => r.url.startsWith('/ssb/tables/08487/metadata'))).toBe(true);
    expect(sources.requests.some((r) => r.url.startsWith('/klass/classifications/131/changes'))).toBe(true);

    const source = await read(ssb.path);
    expect(source.attribution).toBe('Kilde: Statistisk sentralbyrå (SSB), tabell 08487, CC BY 4.0');
    expect(source.licence).toBe('CC BY 4.0');
    expect(source.lastStatus).toBe('ok');
    // Every value names where it came from: the provider, the table and the licence.
    expect(new Set(source.values.map((v) => `${v.origin} ${v.provider} ${v.tableId} ${v.licence}`))).toEqual(
      new Set(['ssb ssb 08487 CC BY 4.0']),
    );
    const kongsvinger = source.values.filter((v) => v.regionLevel === 'municipality');
    expect(new Set(kongsvinger.map((v) => v.region))).toEqual(new Set(['3401']));
    expect(new Set(kongsvinger.map((v) => v.series)).size).toBe(4);
    // 2017–2018 came as 0402 in the answer and is stored under 3401.
    expect(kongsvinger.find((v) => v.series === 'Lovbruddsgruppe=VALLE;ContentsCode=Lovbrudd' && v.period === '2017-2018')).toMatchObject({
      value: 1200,
      periodStart: '2017-01-01',
      periodEnd: '2018-12-31',
      status: 'ok',
      origin: 'ssb',
    });
    const suppressed = source.values.filter((v) => v.status === 'suppressed');
    expect(suppressed.map((v) => [v.series.split(';')[0], v.period])).toEqual([
      ['Lovbruddsgruppe=V02', '2018-2019'],
      ['Lovbruddsgruppe=V04', '2022-2023'],
    ]);
    for (const v of suppressed) expect(v).toMatchObject({ value: null, symbol: ':' });
    // Never a 0 where SSB wrote none, in the API or in the database.
    expect(source.values.filter((v) => v.value === 0)).toEqual([]);
    const stored = await t.database.db.select().from(indicatorSourceValues).where(eq(indicatorSourceValues.indicatorId, ssb.indicatorId));
    expect(stored.filter((v) => v.status === 'suppressed').every((v) => v.value === null)).toBe(true);
    expect(stored.every((v) => v.sourceUrl.includes('/tables/08487/data') && v.licence === 'CC BY 4.0')).toBe(true);
    expect(await auditRows(ssb.indicatorId)).toHaveLength(2); // the link, and the import

    const second = await importNow(ssb.path);
    expect(second.result).toMatchObject({ created: 0, updated: 0, unchanged: 48 });
    const again = await t.database.db.select().from(indicatorSourceValues).where(eq(indicatorSourceValues.indicatorId, ssb.indicatorId));
    expect(again).toEqual(stored);
    expect(await auditRows(ssb.indicatorId)).toHaveLength(2);
  });

  it("anyone reads every source of the municipality at once: the values with provider, table and licence, not the link's workings", async () => {
    const response = await call(t, 'GET', '/api/v1/municipalities/3401/indicator-sources');
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as PublicIndicatorSourceList;
    const listed = items.find((s) => s.indicatorId === ssb.indicatorId)!;
    const single = await read(ssb.path);
    expect(listed.values).toEqual(single.values);
    expect(listed.attribution).toBe('Kilde: Statistisk sentralbyrå (SSB), tabell 08487, CC BY 4.0');
    expect(Object.keys(listed)).not.toContain('selection');
    expect(Object.keys(listed)).not.toContain('lastError');
    // Another municipality's list has none of 3401's.
    const other = (await (await call(t, 'GET', '/api/v1/municipalities/1547/indicator-sources')).json()) as PublicIndicatorSourceList;
    expect(other.items.some((s) => s.indicatorId === ssb.indicatorId)).toBe(false);
  });

  it('waits out a 429 with Retry-After, then succeeds', async () => {
    const before = sources.requests.length;
    sources.state.reject429 = 1;
    const started = Date.now();
    const { response, result } = await importNow(ssb.path);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(result).toMatchObject({ unchanged: 48 });
    const data = sources.requests.slice(before).filter((r) => r.url.startsWith('/ssb/tables/08487/data'));
    expect(data).toHaveLength(2);
    expect(data[1]!.at - data[0]!.at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('a source that is down: a 502 problem, the last values kept, the failure shown on the source', async () => {
    sources.state.down = true;
    try {
      const { response } = await importNow(ssb.path);
      const problem = await expectProblem(response, 502);
      expect(problem.type).toBe('urn:slt:problem:source-unavailable');
      expect(problem.detail).toMatch(/SSB/);
    } finally {
      sources.state.down = false;
    }
    const source = await read(ssb.path);
    expect(source.lastStatus).toBe('failed');
    expect(source.lastError).toMatch(/SSB \(PxWebApi\) failed \(503\)/);
    expect(source.values).toHaveLength(48);
    // An answer that is not JSON-stat is the same kind of failure, never a 500.
    sources.state.malformed = true;
    try {
      await expectProblem((await importNow(ssb.path)).response, 502);
    } finally {
      sources.state.malformed = false;
    }
    expect((await importNow(ssb.path)).result).toMatchObject({ unchanged: 48 });
    expect((await read(ssb.path)).lastStatus).toBe('ok');
  });

  it('a downloaded JSON-stat 2.0 file and SSB CSV file import the same values as the API', async () => {
    const fromApi = essence(await read(ssb.path));
    for (const file of [
      { format: 'json-stat2', content: FIXTURES.ssbData },
      { format: 'csv', content: FIXTURES.ssbCsv },
    ]) {
      const other = await newIndicator();
      expect((await link(other.path, SSB_LINK)).status).toBe(200);
      const response = await call(t, 'POST', `${other.path}/file`, { bearer, body: file });
      expect(response.status, await response.clone().text()).toBe(200);
      expect(await response.json()).toMatchObject({ origin: 'file', created: 48, suppressed: 2 });
      const source = await read(other.path);
      expect(essence(source), file.format).toEqual(fromApi);
      expect(source.values.every((v) => v.origin === 'file')).toBe(true);
      // Again: nothing changes.
      expect(await (await call(t, 'POST', `${other.path}/file`, { bearer, body: file })).json()).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: 48,
      });
    }
  });

  it('a file with a bad row is refused whole (422 naming the content); nothing is written', async () => {
    const other = await newIndicator();
    await link(other.path, SSB_LINK);
    const broken = FIXTURES.ssbCsv.trimEnd() + '\r\n"3401 Kongsvinger";"VALLE Alle lovbruddsgrupper";"Lovbrudd x";"sometime";12\r\n';
    const problem = await expectProblem(
      await call(t, 'POST', `${other.path}/file`, { bearer, body: { format: 'csv', content: broken } }),
      422,
      'content',
    );
    expect(JSON.stringify(problem)).toContain('sometime');
    expect(
      await t.database.db.select().from(indicatorSourceValues).where(eq(indicatorSourceValues.indicatorId, other.indicatorId)),
    ).toEqual([]);
    expect((await auditRows(other.indicatorId)).map((a) => a.action)).toEqual(['create']);
    await expectProblem(
      await call(t, 'POST', `${other.path}/file`, { bearer, body: { format: 'json-stat2', content: '{"class":"dataset"' } }),
      422,
      'content',
    );
  });
});

describe('indicator sources: FHI (Ungdata, cannabis use)', () => {
  it('imports a table with flagged values: withheld cells stay suppressed, never 0; a second import changes nothing', async () => {
    const fhi = await newIndicator('percent');
    const fhiLink = {
      provider: 'fhi',
      fhiSource: 'nokkel',
      tableId: '325',
      selection: [
        { dimension: 'KJONN', values: ['0'] },
        { dimension: 'TRINN', values: ['U'] },
        { dimension: 'MEASURE_TYPE', values: ['ANDEL'] },
      ],
      periods: 3,
    };
    expect((await link(fhi.path, fhiLink)).status).toBe(200);
    const first = await importNow(fhi.path);
    expect(first.response.status, await first.response.clone().text()).toBe(200);
    expect(first.result).toMatchObject({ origin: 'fhi', created: 9, suppressed: 1, missing: 0 });
    const post = sources.requests.find((r) => r.method === 'POST' && r.url === '/fhi/nokkel/Table/325/data')!;
    const query = JSON.parse(post.body) as { dimensions: unknown[]; response: { format: string } };
    expect(query.response.format).toBe('json-stat2');
    expect(query.dimensions).toContainEqual({ code: 'GEO', filter: 'item', values: ['3401', '0402', '34', '0'] });
    expect(query.dimensions).toContainEqual({ code: 'AAR', filter: 'top', values: ['3'] });
    const source = await read(fhi.path);
    const municipality = source.values.filter((v) => v.regionLevel === 'municipality');
    expect(municipality.map((v) => [v.period, v.value, v.status])).toEqual([
      ['2015_2017', 4.2, 'ok'],
      ['2018_2020', null, 'suppressed'],
      ['2021_2023', 6.4, 'ok'],
    ]);
    expect(source.attribution).toMatch(/Folkehelseinstituttet/);
    expect((await importNow(fhi.path)).result).toMatchObject({ created: 0, updated: 0, unchanged: 9 });
  });
});

describe('indicator sources: who may do what', () => {
  it('members and anonymous callers may read but not link or import; bad links name the field', async () => {
    const { path } = await newIndicator();
    const member = (await signIn(t, DEMO.member3401)).accessToken;
    await expectProblem(await link(path, SSB_LINK, member), 403);
    await expectProblem(await call(t, 'PUT', path, { body: SSB_LINK, headers: { 'if-match': '*' } }), 401);
    await link(path, SSB_LINK);
    await expectProblem(await call(t, 'POST', `${path}/import`, { bearer: member }), 403);
    expect((await call(t, 'GET', path)).status).toBe(200);
    await expectProblem(await link(path, { ...SSB_LINK, provider: 'fhi' }), 400, 'fhiSource');
    // A relink needs the source's current ETag: a stale one is a 412, a missing one a 428.
    const stale = (await call(t, 'GET', path)).headers.get('etag')!;
    expect((await link(path, { ...SSB_LINK, periods: 2 })).status).toBe(200);
    await expectProblem(await call(t, 'PUT', path, { bearer, body: SSB_LINK, headers: { 'if-match': stale } }), 412);
    await expectProblem(await call(t, 'PUT', path, { bearer, body: SSB_LINK }), 428);
    expect((await read(path)).periods).toBe(2);
    await expectProblem(await link(path, { ...SSB_LINK, selection: [{ dimension: 'Region', values: ['3401'] }] }), 400, 'selection');
    const unlinked = await newIndicator();
    await expectProblem(await call(t, 'POST', `${unlinked.path}/import`, { bearer }), 409);
    await expectProblem(await call(t, 'GET', unlinked.path), 404);
  });
});
