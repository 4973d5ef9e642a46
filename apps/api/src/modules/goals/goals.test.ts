import type { Goal } from '@slt/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, measurements } from '../../db/schema/index.js';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { expectProblem, FNR } from '../../../test/problems.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let bearer: string;
beforeAll(async () => {
  t = await createTestApp();
  bearer = (await signIn(t, DEMO.coordinator3401)).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const base = '/api/v1/municipalities/3401/goals';
async function write(method: string, path: string, etag: string, body?: unknown) {
  const response = await call(t, method, `${base}${path}`, { bearer, body, headers: { 'if-match': etag } });
  return { response, goal: response.ok ? ((await response.clone().json()) as Goal) : undefined, etag: response.headers.get('etag') ?? '' };
}

describe('goals, indicators and measurements', () => {
  it('records measurements per period; values from fewer than 5 persons come back as "<5", never exact', async () => {
    const created = await call(t, 'POST', base, { bearer, body: { title: 'Færre unge debuterer med alkohol (test)' } });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as Goal;
    let step = await write('POST', `/${id}/indicators`, created.headers.get('etag')!, {
      name: 'Unge pågrepet for narkotika',
      unit: 'count',
      direction: 'decrease',
      targetValue: 10,
    });
    expect(step.response.status).toBe(201);
    const indicatorId = step.goal!.indicators[0]!.id;
    step = await write('POST', `/${id}/indicators/${indicatorId}/measurements`, step.etag, {
      periodStart: '2023-01-01',
      periodEnd: '2023-12-31',
      value: 3,
      source: 'Politiet',
    });
    expect(step.response.status).toBe(201);
    step = await write('POST', `/${id}/indicators/${indicatorId}/measurements`, step.etag, {
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      value: 12,
    });
    const values = step.goal!.indicators[0]!.measurements.map((m) => [m.periodStart, m.value]);
    expect(values).toEqual([
      ['2023-01-01', '<5'],
      ['2024-01-01', 12],
    ]);
    // Typed in by a coordinator: the values say so.
    expect(step.goal!.indicators[0]!.measurements.map((m) => m.origin)).toEqual(['manual', 'manual']);
    // The same in the public read, and in the audit log: the exact 3 never leaves the database.
    const read = (await (await call(t, 'GET', `${base}/${id}`)).json()) as Goal;
    expect(read.indicators[0]!.measurements[0]!.value).toBe('<5');
    const audit = await t.database.db.select({ changes: auditLog.changes }).from(auditLog);
    expect(JSON.stringify(audit)).not.toMatch(/"value":\{"before":null,"after":3\}/);

    // A second value for the same period is a conflict; a reversed period names periodEnd.
    const duplicate = await write('POST', `/${id}/indicators/${indicatorId}/measurements`, step.etag, {
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      value: 8,
    });
    await expectProblem(duplicate.response, 409);
    await expectProblem(
      (
        await write('POST', `/${id}/indicators/${indicatorId}/measurements`, step.etag, {
          periodStart: '2025-12-31',
          periodEnd: '2025-01-01',
          value: 8,
        })
      ).response,
      400,
      'periodEnd',
    );
    // A percentage from a group of 4 is "<5" too.
    step = await write('POST', `/${id}/indicators`, step.etag, { name: 'Andel', unit: 'percent', direction: 'increase' });
    const percent = step.goal!.indicators[1]!.id;
    step = await write('POST', `/${id}/indicators/${percent}/measurements`, step.etag, {
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      value: 50,
      groupSize: 4,
    });
    expect(step.goal!.indicators[1]!.measurements[0]!.value).toBe('<5');
  });

  it("indicator and measurement writes need the goal's current ETag; concurrent writes: one wins, one 412", async () => {
    const created = await call(t, 'POST', base, { bearer, body: { title: 'Samtidig mål (test)' } });
    const { id } = (await created.json()) as Goal;
    const etag = created.headers.get('etag')!;
    await expectProblem(
      await call(t, 'POST', `${base}/${id}/indicators`, { bearer, body: { name: 'X', unit: 'count', direction: 'decrease' } }),
      428,
    );
    const responses = await Promise.all(
      ['A', 'B'].map((name) =>
        call(t, 'POST', `${base}/${id}/indicators`, {
          bearer,
          body: { name, unit: 'count', direction: 'decrease' },
          headers: { 'if-match': etag },
        }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 412]);
    const goal = (await (await call(t, 'GET', `${base}/${id}`)).json()) as Goal;
    expect(goal.indicators).toHaveLength(1);
  });

  it('refuses a fødselsnummer in a caveat and a focus area of another municipality, writing nothing', async () => {
    const created = await call(t, 'POST', base, { bearer, body: { title: 'Feil-mål (test)' } });
    const goal = (await created.json()) as Goal;
    const step = await write('POST', `/${goal.id}/indicators`, created.headers.get('etag')!, {
      name: 'N',
      unit: 'count',
      direction: 'decrease',
    });
    const before = (await t.database.db.select().from(measurements)).length;
    await expectProblem(
      (
        await write('POST', `/${goal.id}/indicators/${step.goal!.indicators[0]!.id}/measurements`, step.etag, {
          periodStart: '2024-01-01',
          periodEnd: '2024-12-31',
          value: 9,
          caveat: `Gjelder ${FNR}`,
        })
      ).response,
      400,
      'caveat',
    );
    expect((await t.database.db.select().from(measurements)).length).toBe(before);
    const aukra = (await (await call(t, 'GET', '/api/v1/municipalities/1547/focus-areas')).json()) as { items: { id: string }[] };
    await expectProblem(await call(t, 'POST', base, { bearer, body: { title: 'X', focusAreaId: aukra.items[0]!.id } }), 400, 'focusAreaId');
  });
});
