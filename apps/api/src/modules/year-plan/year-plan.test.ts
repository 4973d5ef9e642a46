import type { KeyDate, YearPlan } from '@slt/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { expectProblem, FNR } from '../../../test/problems.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { dateInYear } from './year-plan.service.js';

let t: TestApp;
let coordinator: string;
const base = '/api/v1/municipalities/3401';

beforeAll(async () => {
  t = await createTestApp();
  coordinator = (await signIn(t, DEMO.coordinator3401)).accessToken;
});
afterAll(async () => {
  await t?.close();
});

describe('the year plan (årshjul)', () => {
  it('places yearly key dates in every year from their first, and 29 February on the 28th in other years', () => {
    expect(dateInYear({ date: '2024-12-01', yearly: true }, 2027)).toBe('2027-12-01');
    expect(dateInYear({ date: '2024-12-01', yearly: true }, 2023)).toBeNull();
    expect(dateInYear({ date: '2024-02-29', yearly: true }, 2025)).toBe('2025-02-28');
    expect(dateInYear({ date: '2024-05-01', yearly: false }, 2025)).toBeNull();
  });

  it("holds all tiers' meetings of the year and the key dates; anonymous callers see public dates only", async () => {
    const year = new Date().getUTCFullYear();
    const internal = (await (await call(t, 'GET', `${base}/year-plan?year=${year}`, { bearer: coordinator })).json()) as YearPlan;
    expect(new Set(internal.meetings.map((m) => m.tierId)).size).toBeGreaterThanOrEqual(2);
    expect(internal.meetings.every((m) => m.startsAt.slice(0, 4) === String(year) || m.startsAt.startsWith(`${year - 1}-12-31`))).toBe(
      true,
    );
    expect(internal.meetings[0]!.agenda).toBeUndefined();
    const titles = internal.keyDates.map((d) => [d.date, d.title]);
    expect(titles).toContainEqual([`${year}-12-01`, 'Søknadsfrist SLT-tilskudd']);
    expect(titles).toContainEqual([`${year}-04-01`, 'Rapportering SLT-tilskudd']);
    expect(titles).toContainEqual([`${year}-09-15`, 'Budsjettinnspill til kommunedirektøren']);
    expect(internal.keyDates.map((d) => d.date)).toEqual([...internal.keyDates.map((d) => d.date)].sort());

    const anonymous = (await (await call(t, 'GET', `${base}/year-plan?year=${year}`)).json()) as YearPlan;
    expect(anonymous.meetings).toEqual(internal.meetings);
    expect(anonymous.keyDates.every((d) => d.isPublic)).toBe(true);
    expect(anonymous.keyDates.map((d) => d.title)).not.toContain('Budsjettinnspill til kommunedirektøren');
  });

  it('key dates: create, change with If-Match, delete; bad input names the field', async () => {
    const created = await call(t, 'POST', `${base}/key-dates`, {
      bearer: coordinator,
      body: { title: 'Ungdata-resultater', kind: 'ungdata', date: '2027-06-01', isPublic: true },
    });
    expect(created.status).toBe(201);
    const keyDate = (await created.json()) as KeyDate;
    const url = `${base}/key-dates/${keyDate.id}`;
    expect((await call(t, 'GET', url)).status).toBe(200);
    await expectProblem(await call(t, 'PATCH', url, { bearer: coordinator, body: { isPublic: false } }), 428);
    const changed = await call(t, 'PATCH', url, {
      bearer: coordinator,
      body: { isPublic: false },
      headers: { 'if-match': created.headers.get('etag')! },
    });
    expect(changed.status).toBe(200);
    await expectProblem(await call(t, 'GET', url), 404);
    await expectProblem(
      await call(t, 'POST', `${base}/key-dates`, { bearer: coordinator, body: { title: 'X', date: '2027-13-01' } }),
      400,
      'date',
    );
    await expectProblem(
      await call(t, 'POST', `${base}/key-dates`, { bearer: coordinator, body: { title: 'X', date: '2027-01-01', kind: 'party' } }),
      400,
      'kind',
    );
    await expectProblem(
      await call(t, 'POST', `${base}/key-dates`, { bearer: coordinator, body: { title: 'X', date: '2027-01-01', description: FNR } }),
      400,
      'description',
    );
    expect((await call(t, 'DELETE', url, { bearer: coordinator, headers: { 'if-match': changed.headers.get('etag')! } })).status).toBe(204);
    await expectProblem(await call(t, 'GET', url, { bearer: coordinator }), 404);
  });
});
