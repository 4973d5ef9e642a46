import type { Goal, IndicatorSource } from '@slt/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, indicatorSourceValues } from '../../db/schema/index.js';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { expectProblem } from '../../../test/problems.js';
import { startSourceServer } from '../../../test/statistics-sources.js';
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

async function newIndicator(): Promise<{ path: string; indicatorId: string }> {
  const created = await call(t, 'POST', base, { bearer, body: { title: `Statistikk ${Math.random()}` } });
  const goal = (await created.json()) as Goal;
  const step = await call(t, 'POST', `${base}/${goal.id}/indicators`, {
    bearer,
    body: { name: 'Anmeldte lovbrudd', unit: 'count', direction: 'decrease' },
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
const RATE_LINK = { ...SSB_LINK, ratePer1000: { ageFrom: 15, ageTo: 17 } };

async function link(path: string, body: unknown, bearerToken = bearer) {
  const current = await call(t, 'GET', path);
  return call(t, 'PUT', path, { bearer: bearerToken, body, headers: { 'if-match': current.headers.get('etag') ?? '*' } });
}
const importNow = (path: string) => call(t, 'POST', `${path}/import`, { bearer });
const read = async (path: string) => (await (await call(t, 'GET', path)).json()) as IndicatorSource;
const stored = (indicatorId: string) =>
  t.database.db.select().from(indicatorSourceValues).where(eq(indicatorSourceValues.indicatorId, indicatorId));
const auditRows = (indicatorId: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'indicator_source'), eq(auditLog.entityId, indicatorId)));

describe('rates per 1,000 inhabitants (SSB 07459)', () => {
  it('stores each series also per 1,000 inhabitants of the ages, from the population of the same regions and years; withheld counts stay withheld', async () => {
    const { path, indicatorId } = await newIndicator();
    const linked = await link(path, RATE_LINK);
    expect(linked.status, await linked.clone().text()).toBe(200);
    expect(((await linked.json()) as IndicatorSource).ratePer1000).toEqual({ ageFrom: 15, ageTo: 17 });
    const before = sources.requests.length;
    const response = await importNow(path);
    expect(response.status, await response.clone().text()).toBe(200);
    // 48 counts and 48 rates; the two withheld counts make two withheld rates.
    expect(await response.json()).toMatchObject({ created: 96, suppressed: 4, missing: 0 });
    const requests = sources.requests.slice(before);
    const population = requests.find((r) => r.url.startsWith('/ssb/tables/07459/data'))!;
    expect(population.url).toContain('valueCodes[Region]=3401,0402,34,0');
    expect(population.url).toContain('valueCodes[Alder]=015,016,017');
    expect(population.url).toContain('valueCodes[Kjonn]=1,2');
    expect(population.url).toContain('valueCodes[ContentsCode]=Personer1');
    expect(population.url).toContain('valueCodes[Tid]=2017,2018,2019,2021,2022,2023');
    // Through the same queue as the data request, after it.
    expect(requests.findIndex((r) => r.url.startsWith('/ssb/tables/08487/data'))).toBeLessThan(requests.indexOf(population));

    const source = await read(path);
    const rate = (series: string, region: string, period: string) =>
      source.values.find((v) => v.series === `${series};per1000=Alder:15-17` && v.region === region && v.period === period);
    // 2017–2018: 1,200 offences; the mean of 600 (2017, as 0402) and 606 (2018) inhabitants aged 15–17.
    expect(rate('Lovbruddsgruppe=VALLE;ContentsCode=Lovbrudd', '3401', '2017-2018')).toMatchObject({
      value: Math.round((1200 / 603) * 100000) / 100,
      status: 'ok',
      origin: 'ssb',
      regionLevel: 'municipality',
    });
    expect(rate('Lovbruddsgruppe=VALLE;ContentsCode=Lovbrudd', '3401', '2017-2018')!.seriesLabel).toMatch(/per 1 000 innbyggere 15–17 år/);
    // The county and the country have rates of their own.
    expect(rate('Lovbruddsgruppe=VALLE;ContentsCode=Lovbrudd', '34', '2022-2023')!.status).toBe('ok');
    expect(rate('Lovbruddsgruppe=VALLE;ContentsCode=Lovbrudd', '0', '2022-2023')!.status).toBe('ok');
    const withheld = source.values.filter((v) => v.series.includes('per1000') && v.status === 'suppressed');
    expect(withheld.map((v) => [v.series.split(';')[0], v.period, v.value, v.symbol])).toEqual([
      ['Lovbruddsgruppe=V02', '2018-2019', null, ':'],
      ['Lovbruddsgruppe=V04', '2022-2023', null, ':'],
    ]);
    expect(source.values.filter((v) => v.value === 0)).toEqual([]);
    // Idempotent: the same answer again writes nothing.
    expect(await (await importNow(path)).json()).toMatchObject({ created: 0, updated: 0, unchanged: 96 });
    expect((await auditRows(indicatorId)).map((a) => a.action)).toEqual(['create', 'import']);
  });

  it('rates only of SSB, and the first age not after the last (400 naming ratePer1000)', async () => {
    const { path } = await newIndicator();
    await expectProblem(await link(path, { ...RATE_LINK, ratePer1000: { ageFrom: 18, ageTo: 15 } }), 400, 'ratePer1000');
    await expectProblem(await link(path, { ...RATE_LINK, provider: 'fhi', fhiSource: 'nokkel', tableId: '325' }), 400, 'ratePer1000');
  });
});

describe('an import failing half-way writes nothing', () => {
  it('the population request (the second) answering a broken body: no values, no audit, only the failure on the source', async () => {
    const { path, indicatorId } = await newIndicator();
    await link(path, RATE_LINK);
    sources.state.brokenPopulation = true;
    try {
      const problem = await expectProblem(await importNow(path), 502);
      expect(problem.type).toBe('urn:slt:problem:source-unavailable');
    } finally {
      sources.state.brokenPopulation = false;
    }
    expect(await stored(indicatorId)).toEqual([]);
    expect((await auditRows(indicatorId)).map((a) => a.action)).toEqual(['create']);
    const source = await read(path);
    expect(source).toMatchObject({ lastStatus: 'failed', lastSuccessAt: null, values: [] });
    expect(source.lastError).toMatch(/SSB/);

    // After a good import, a failing one leaves the values and the audit as they were.
    expect((await importNow(path)).status).toBe(200);
    const good = await stored(indicatorId);
    const audited = await auditRows(indicatorId);
    sources.state.brokenPopulation = true;
    try {
      await expectProblem(await importNow(path), 502);
    } finally {
      sources.state.brokenPopulation = false;
    }
    expect(await stored(indicatorId)).toEqual(good);
    expect(await auditRows(indicatorId)).toEqual(audited);
  });
});

describe('a selection larger than SSB answers (800,000 cells)', () => {
  it('is refused at the link with a 400 naming selection, before any request to the source', async () => {
    const { path } = await newIndicator();
    const before = sources.requests.length;
    const codes = Array.from({ length: 200 }, (_, i) => `K${i}`);
    const problem = await expectProblem(
      await link(path, {
        ...SSB_LINK,
        periods: 50,
        selection: [
          { dimension: 'Lovbruddsgruppe', values: codes },
          { dimension: 'ContentsCode', values: codes },
        ],
      }),
      400,
      'selection',
    );
    expect(problem.detail).toMatch(/800000/);
    expect(sources.requests.length).toBe(before);
  });

  it('a wildcard that makes too many: the import is refused with a 400 naming selection before the data request', async () => {
    const { path } = await newIndicator();
    const contents = Array.from({ length: 200 }, (_, i) => `C${i}`);
    // At the link a wildcard counts as one value (80,000 cells at least); the metadata says it selects 8 (over 880,000).
    const linked = await link(path, {
      ...SSB_LINK,
      periods: 50,
      peers: ['3403', '1508', '3405', '3407', '3411'],
      selection: [
        { dimension: 'Lovbruddsgruppe', values: ['*'] },
        { dimension: 'ContentsCode', values: contents },
      ],
    });
    expect(linked.status, await linked.clone().text()).toBe(200);
    const before = sources.requests.length;
    await expectProblem(await importNow(path), 400, 'selection');
    const asked = sources.requests.slice(before).map((r) => r.url);
    expect(asked.some((u) => u.startsWith('/ssb/tables/08487/metadata'))).toBe(true);
    expect(asked.some((u) => u.startsWith('/ssb/tables/08487/data'))).toBe(false);
    expect((await read(path)).lastStatus).toBe('failed');
  });
});

describe('unlinking a source', () => {
  it('needs If-Match and a coordinator; keeps the values with their origin; audited; nothing fetched after', async () => {
    const { path, indicatorId } = await newIndicator();
    await link(path, SSB_LINK);
    expect((await importNow(path)).status).toBe(200);
    const values = await stored(indicatorId);
    const member = (await signIn(t, DEMO.member3401)).accessToken;
    const etag = (await call(t, 'GET', path)).headers.get('etag')!;
    await expectProblem(await call(t, 'DELETE', path, { bearer: member, headers: { 'if-match': etag } }), 403);
    await expectProblem(await call(t, 'DELETE', path, { headers: { 'if-match': etag } }), 401);
    await expectProblem(await call(t, 'DELETE', path, { bearer }), 428);
    await expectProblem(await call(t, 'DELETE', path, { bearer, headers: { 'if-match': '"stale"' } }), 412);
    expect((await call(t, 'DELETE', path, { bearer, headers: { 'if-match': etag } })).status).toBe(204);

    const source = await read(path);
    expect(source.unlinkedAt).not.toBeNull();
    expect(source.values).toHaveLength(48);
    expect(source.values.every((v) => v.origin === 'ssb')).toBe(true);
    expect(await stored(indicatorId)).toEqual(values);
    expect((await auditRows(indicatorId)).map((a) => a.action)).toEqual(['create', 'import', 'unlink']);
    await expectProblem(await importNow(path), 409);
    await expectProblem(await call(t, 'DELETE', path, { bearer, headers: { 'if-match': '*' } }), 404);

    // Linked again (with the source's ETag): fetched again.
    const relinked = await link(path, SSB_LINK);
    expect(relinked.status).toBe(200);
    expect(((await relinked.json()) as IndicatorSource).unlinkedAt).toBeNull();
    expect(await (await importNow(path)).json()).toMatchObject({ unchanged: 48 });
  });
});
