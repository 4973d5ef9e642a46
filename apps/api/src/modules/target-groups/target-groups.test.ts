import type { FocusArea, TargetGroup } from '@slt/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, focusAreas, targetGroups } from '../../db/schema/index.js';
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

const base = '/api/v1/municipalities/3401';
const counts = async () => ({
  targetGroups: (await t.database.db.select().from(targetGroups)).length,
  focusAreas: (await t.database.db.select().from(focusAreas)).length,
  audit: (await t.database.db.select().from(auditLog)).length,
});

describe('target groups', () => {
  it('keeps an age range and risk criteria; a PATCH with If-Match checks the merged range', async () => {
    const created = await call(t, 'POST', `${base}/target-groups`, {
      bearer,
      body: { name: 'Ungdom i risiko (test)', ageFrom: 12, ageTo: 18, riskCriteria: ['Skolefravær', 'Rus'] },
    });
    expect(created.status).toBe(201);
    const group = (await created.json()) as TargetGroup;
    expect(group).toMatchObject({ ageFrom: 12, ageTo: 18, riskCriteria: ['Skolefravær', 'Rus'] });
    const url = `${base}/target-groups/${group.id}`;
    // ageFrom 19 with the stored ageTo 18 is reversed: refused, naming ageTo.
    await expectProblem(
      await call(t, 'PATCH', url, { bearer, body: { ageFrom: 19 }, headers: { 'if-match': created.headers.get('etag')! } }),
      400,
      'ageTo',
    );
    const ok = await call(t, 'PATCH', url, { bearer, body: { ageTo: 24 }, headers: { 'if-match': created.headers.get('etag')! } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as TargetGroup).ageTo).toBe(24);
    expect((await call(t, 'GET', url)).headers.get('etag')).toBe(ok.headers.get('etag'));
  });

  it('refuses an age range 18–12, a fødselsnummer in a risk criterion and an unknown field, writing nothing', async () => {
    const before = await counts();
    const post = (body: unknown) => call(t, 'POST', `${base}/target-groups`, { bearer, body });
    await expectProblem(await post({ name: 'Feil', ageFrom: 18, ageTo: 12 }), 400, 'ageTo');
    const fnr = await expectProblem(await post({ name: 'Feil', riskCriteria: ['Rus', `Gjelder ${FNR}`] }), 400);
    expect(fnr.errors?.[0]).toMatchObject({ pointer: '/riskCriteria/1', code: 'national_id' });
    await expectProblem(await post({ name: 'Feil', description: `Elev ${FNR}` }), 400, 'description');
    await expectProblem(await post({ name: 'Feil', ages: '12-18' }), 400);
    await expectProblem(await post({ name: 'Feil', ageFrom: -1 }), 400, 'ageFrom');
    expect(await counts()).toEqual(before);
  });

  it('two concurrent updates with the same If-Match: one 200, one 412', async () => {
    const created = await call(t, 'POST', `${base}/target-groups`, { bearer, body: { name: 'Samtidig (test)' } });
    const { id } = (await created.json()) as TargetGroup;
    const etag = created.headers.get('etag')!;
    const responses = await Promise.all(
      ['A', 'B'].map((description) =>
        call(t, 'PATCH', `${base}/target-groups/${id}`, { bearer, body: { description }, headers: { 'if-match': etag } }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 412]);
  });
});

describe('focus areas', () => {
  it('keep the political decision reference and date, and are deleted with If-Match only', async () => {
    const created = await call(t, 'POST', `${base}/focus-areas`, {
      bearer,
      body: { name: 'Rusforebygging (test)', decisionReference: 'Kommunestyrevedtak 004/14', decisionDate: '2014-02-13' },
    });
    expect(created.status).toBe(201);
    const area = (await created.json()) as FocusArea;
    expect(area).toMatchObject({ decisionReference: 'Kommunestyrevedtak 004/14', decisionDate: '2014-02-13' });
    await expectProblem(
      await call(t, 'POST', `${base}/focus-areas`, { bearer, body: { name: 'X', decisionDate: '2014-13-45' } }),
      400,
      'decisionDate',
    );
    await expectProblem(
      await call(t, 'POST', `${base}/focus-areas`, { bearer, body: { name: 'X', decisionReference: `Sak ${FNR}` } }),
      400,
      'decisionReference',
    );
    const url = `${base}/focus-areas/${area.id}`;
    await expectProblem(await call(t, 'DELETE', url, { bearer }), 428);
    expect((await call(t, 'DELETE', url, { bearer, headers: { 'if-match': created.headers.get('etag')! } })).status).toBe(204);
    expect((await call(t, 'GET', url)).status).toBe(404);
  });
});
