import { readFileSync } from 'node:fs';
import { ProblemType, routes, type Municipality, type MunicipalityPage } from '@slt/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { prepareDatabase } from '../../db/prepare.js';
import { auditLog } from '../../db/schema/index.js';
import { call, createToken, DEMO, signIn } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

/** Expectations come from the shipped reference file, not from the code under test. */
const referenceRows = readFileSync(new URL('../../../data/kommuner.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(';') as [string, string, string]);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const get = (path: string) => fetch(`${t.baseUrl}${path}`);

async function expectProblem(path: string, status: number, type: string) {
  const response = await get(path);
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = (await response.json()) as {
    type: string;
    status: number;
    title: string;
    errors?: { in: string; name: string; pointer: string }[];
  };
  expect(problem.type).toBe(type);
  expect(problem.status).toBe(status);
  return problem;
}

describe('GET /api/v1/municipalities', () => {
  it('serves all 357 municipalities in one page of 500, ordered by kommunenummer', async () => {
    const response = await get('/api/v1/municipalities?limit=500');
    expect(response.status).toBe(200);
    const page = (await response.json()) as MunicipalityPage;
    expect(page.items).toHaveLength(357);
    expect(referenceRows).toHaveLength(357);
    expect(page.nextCursor).toBeNull();
    const numbers = page.items.map((m) => m.kommunenummer);
    expect(numbers).toEqual([...numbers].sort());
    expect(new Set(numbers)).toEqual(new Set(referenceRows.map(([k]) => k)));
  });

  it('pages through exactly 357 municipalities with cursors', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await t.client.call(routes.listMunicipalities, {
        query: { limit: 100, ...(cursor ? { cursor } : {}) },
      });
      seen.push(...page.items.map((m) => m.kommunenummer));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen).toHaveLength(357);
    expect(new Set(seen).size).toBe(357);
  });

  it('defaults to pages of 50', async () => {
    const page = await t.client.call(routes.listMunicipalities, { query: {} });
    expect(page.items).toHaveLength(50);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('filters by county', async () => {
    const page = await t.client.call(routes.listMunicipalities, { query: { county: '34', limit: 500 } });
    const expected = referenceRows.filter(([, , county]) => county === 'Innlandet').map(([k]) => k);
    expect(page.items.map((m) => m.kommunenummer)).toEqual(expected);
    expect(page.items.every((m) => m.county.name === 'Innlandet' && m.county.number === '34')).toBe(true);
  });

  it('searches by name prefix, case-insensitively, Norwegian letters included', async () => {
    const kongs = await t.client.call(routes.listMunicipalities, { query: { q: 'kONGS' } });
    expect(kongs.items.map((m) => m.name)).toEqual(['Kongsberg', 'Kongsvinger']);

    const aa = await t.client.call(routes.listMunicipalities, { query: { q: 'ål', limit: 500 } });
    const expected = referenceRows.filter(([, name]) => name.toLocaleLowerCase('nb').startsWith('ål')).map(([, n]) => n);
    expect(expected.length).toBeGreaterThan(0);
    expect(aa.items.map((m) => m.name).sort()).toEqual(expected.sort());
  });

  it('treats LIKE wildcards in the search as literal text', async () => {
    const page = await t.client.call(routes.listMunicipalities, { query: { q: '%' } });
    expect(page.items).toEqual([]);
    const underscore = await t.client.call(routes.listMunicipalities, { query: { q: '_ongsvinger' } });
    expect(underscore.items).toEqual([]);
  });

  it('refuses a bad limit, naming the parameter', async () => {
    for (const limit of ['0', '501', 'ten', '1.5']) {
      const problem = await expectProblem(`/api/v1/municipalities?limit=${limit}`, 400, ProblemType.validation);
      expect(problem.errors).toEqual([expect.objectContaining({ in: 'query', name: 'limit', pointer: '/limit' })]);
    }
  });

  it('refuses an unknown query parameter, naming it', async () => {
    const problem = await expectProblem('/api/v1/municipalities?foo=1', 400, ProblemType.validation);
    expect(problem.errors).toEqual([expect.objectContaining({ in: 'query', name: 'foo', pointer: '/foo' })]);
  });

  it('lists every bad field at once', async () => {
    const problem = await expectProblem('/api/v1/municipalities?limit=0&county=x&bar=2', 400, ProblemType.validation);
    expect(problem.errors?.map((e) => e.name).sort()).toEqual(['bar', 'county', 'limit']);
  });

  it('refuses a cursor it did not issue', async () => {
    const forged = Buffer.from('{"k":"x"}').toString('base64url');
    for (const cursor of ['abc', forged]) {
      const problem = await expectProblem(`/api/v1/municipalities?cursor=${cursor}`, 400, ProblemType.validation);
      expect(problem.errors).toEqual([expect.objectContaining({ name: 'cursor' })]);
    }
  });
});

describe('GET /api/v1/municipalities/{kommunenummer}', () => {
  it('returns Kongsvinger in Innlandet', async () => {
    const response = await get('/api/v1/municipalities/3401');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const municipality = (await response.json()) as Municipality;
    expect(municipality).toEqual({
      kommunenummer: '3401',
      name: 'Kongsvinger',
      county: { number: '34', name: 'Innlandet' },
      policeDistrict: { code: 'innlandet', name: 'Innlandet' },
      malform: 'nb',
    });
  });

  it('gives Oslo county number 03 and Aukra nynorsk (demo data)', async () => {
    const oslo = await t.client.call(routes.getMunicipality, { params: { kommunenummer: '0301' } });
    expect(oslo.county).toEqual({ number: '03', name: 'Oslo' });
    const aukra = await t.client.call(routes.getMunicipality, { params: { kommunenummer: '1547' } });
    expect(aukra).toMatchObject({ name: 'Aukra', malform: 'nn', policeDistrict: { code: 'more-og-romsdal' } });
  });

  it('is a 404 problem for an unknown kommunenummer', async () => {
    const problem = await expectProblem('/api/v1/municipalities/9999', 404, ProblemType.notFound);
    expect(problem.title).toBe('Not found');
  });

  it('is a 400 problem naming kommunenummer when it is not four digits', async () => {
    for (const bad of ['34x1', '340', '34011']) {
      const problem = await expectProblem(`/api/v1/municipalities/${bad}`, 400, ProblemType.validation);
      expect(problem.errors).toEqual([expect.objectContaining({ in: 'path', name: 'kommunenummer' })]);
    }
  });

  it('refuses unknown query parameters on routes that take none', async () => {
    const problem = await expectProblem('/api/v1/municipalities/3401?foo=1', 400, ProblemType.validation);
    expect(problem.errors).toEqual([expect.objectContaining({ name: 'foo' })]);
  });
});

describe('GET /api/v1/counties', () => {
  it('lists the 15 counties', async () => {
    const { items } = await t.client.call(routes.listCounties, {});
    expect(items).toHaveLength(15);
    expect(items[0]).toEqual({ number: '03', name: 'Oslo' });
  });
});

describe('reference data sync', () => {
  it('is idempotent and keeps what a municipality set for itself', async () => {
    await prepareDatabase(t.database, { demoData: false });
    const page = await t.client.call(routes.listMunicipalities, { query: { limit: 500 } });
    expect(page.items).toHaveLength(357);
    const kongsvinger = page.items.find((m) => m.kommunenummer === '3401');
    expect(kongsvinger?.policeDistrict?.code).toBe('innlandet');
  });
});

describe('PATCH /api/v1/municipalities/{kommunenummer}', () => {
  const patch = (body: unknown, headers: Record<string, string>) =>
    fetch(`${t.baseUrl}/api/v1/municipalities/4206`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('serves an ETag and answers 304 to a current If-None-Match', async () => {
    const first = await get('/api/v1/municipalities/3401');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await fetch(`${t.baseUrl}/api/v1/municipalities/3401`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('lets a coordinator token with write scope set police district and målform, with If-Match, audited', async () => {
    const admin = await signIn(t, DEMO.admin);
    // Farsund (4206) gets a coordinator for this test.
    const coordinator = await call(t, 'POST', '/api/v1/users', {
      bearer: admin.accessToken,
      body: { email: 'koordinator.4206@demo.invalid', name: 'Frida Farsund', password: 'farsund-password-1' },
    });
    const { id } = (await coordinator.json()) as { id: string };
    await call(t, 'PUT', `/api/v1/users/${id}/roles/4206`, { bearer: admin.accessToken, body: { role: 'coordinator' } });
    const session = await signIn(t, 'koordinator.4206@demo.invalid', 'farsund-password-1');
    const token = await createToken(t, session.accessToken, '4206', ['write']);
    const auth = { authorization: `Bearer ${token.secret}` };

    const read = await get('/api/v1/municipalities/4206');
    const etag = read.headers.get('etag')!;

    const missing = await patch({ malform: 'nn' }, auth);
    expect(missing.status).toBe(428);
    expect(((await missing.json()) as { type: string }).type).toBe(ProblemType.preconditionRequired);

    const updated = await patch({ malform: 'nn', policeDistrict: null }, { ...auth, 'if-match': etag });
    expect(updated.status).toBe(200);
    const body = (await updated.json()) as Municipality;
    expect(body).toMatchObject({ kommunenummer: '4206', malform: 'nn', policeDistrict: null });
    expect(updated.headers.get('etag')).not.toBe(etag);

    const stale = await patch({ malform: 'nb' }, { ...auth, 'if-match': etag });
    expect(stale.status).toBe(412);
    expect((await t.client.call(routes.getMunicipality, { params: { kommunenummer: '4206' } })).malform).toBe('nn');

    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, '4206'));
    expect(rows.map((r) => [r.entity, r.action, r.actorType, r.changes])).toEqual([
      ['municipality', 'update', 'token', { malform: { before: 'nb', after: 'nn' }, policeDistrict: { before: 'agder', after: null } }],
    ]);
  });

  it('refuses an unknown district and an empty patch, naming the field; a read token cannot write', async () => {
    const coordinator = await signIn(t, DEMO.coordinator3401);
    const etag = (await get('/api/v1/municipalities/3401')).headers.get('etag')!;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${coordinator.accessToken}`, 'if-match': etag };
    const bad = await fetch(`${t.baseUrl}/api/v1/municipalities/3401`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ policeDistrict: 'atlantis' }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { name: string }[] }).errors.map((e) => e.name)).toContain('policeDistrict');
    const empty = await fetch(`${t.baseUrl}/api/v1/municipalities/3401`, { method: 'PATCH', headers, body: '{}' });
    expect(empty.status).toBe(400);

    const read = await createToken(t, coordinator.accessToken, '3401', ['read']);
    const denied = await fetch(`${t.baseUrl}/api/v1/municipalities/3401`, {
      method: 'PATCH',
      headers: { ...headers, authorization: `Bearer ${read.secret}` },
      body: JSON.stringify({ malform: 'nn' }),
    });
    expect(denied.status).toBe(403);
  });
});
