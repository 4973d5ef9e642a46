import type { FocusArea, Measure, MeasurePage, Organization, TargetGroup } from '@slt/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, measures } from '../../db/schema/index.js';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { expectProblem, FNR } from '../../../test/problems.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let bearer: string;
let youth: TargetGroup;
let area: FocusArea;
let school: Organization;
beforeAll(async () => {
  t = await createTestApp();
  bearer = (await signIn(t, DEMO.coordinator3401)).accessToken;
  const post = async <T>(path: string, body: unknown) => (await (await call(t, 'POST', `${base}${path}`, { bearer, body })).json()) as T;
  youth = await post<TargetGroup>('/target-groups', { name: 'Register-ungdom', ageFrom: 13, ageTo: 16 });
  area = await post<FocusArea>('/focus-areas', { name: 'Register-satsing' });
  school = await post<Organization>('/organizations', { name: 'Register-skolen', kind: 'school' });
});
afterAll(async () => {
  await t?.close();
});

const base = '/api/v1/municipalities/3401';
const create = async (body: Record<string, unknown>) => {
  const response = await call(t, 'POST', `${base}/measures`, { bearer, body });
  expect(response.status, await response.clone().text()).toBe(201);
  return { measure: (await response.json()) as Measure, etag: response.headers.get('etag')! };
};
const list = async (query: string, token?: string) =>
  (await (await call(t, 'GET', `${base}/measures?${query}`, { bearer: token })).json()) as MeasurePage;

describe('measures', () => {
  it('walks idea → planned → active → completed; an unknown transition is a 400 naming status', async () => {
    const created = await create({ title: 'Natteravn (test)' });
    const { measure } = created;
    let { etag } = created;
    expect(measure.status).toBe('idea');
    const url = `${base}/measures/${measure.id}`;
    const patch = (body: unknown) => call(t, 'PATCH', url, { bearer, body, headers: { 'if-match': etag } });
    await expectProblem(await patch({ status: 'active' }), 400, 'status');
    await expectProblem(await patch({ status: 'paused' }), 400, 'status');
    for (const status of ['planned', 'active', 'completed'] as const) {
      const response = await patch({ status });
      expect(response.status).toBe(200);
      etag = response.headers.get('etag')!;
    }
    const final = await expectProblem(await patch({ status: 'active' }), 400, 'status');
    expect(final.detail).toContain('completed');
  });

  it('refuses a fødselsnummer, a reversed period and links to another municipality, naming the field; writes nothing', async () => {
    const before = {
      measures: (await t.database.db.select().from(measures)).length,
      audit: (await t.database.db.select().from(auditLog)).length,
    };
    const post = (body: unknown) => call(t, 'POST', `${base}/measures`, { bearer, body });
    await expectProblem(await post({ title: 'X', description: `Gjelder eleven ${FNR}` }), 400, 'description');
    await expectProblem(await post({ title: `X ${FNR}` }), 400, 'title');
    await expectProblem(await post({ title: 'X', startDate: '2025-08-01', endDate: '2025-06-30' }), 400, 'endDate');
    const aukraGroups = (await (await call(t, 'GET', '/api/v1/municipalities/1547/target-groups')).json()) as { items: { id: string }[] };
    await expectProblem(await post({ title: 'X', targetGroupIds: [youth.id, aukraGroups.items[0]!.id] }), 400, 'targetGroupIds');
    const aukraMembers = (await (await call(t, 'GET', '/api/v1/municipalities/1547/members')).json()) as { items: { id: string }[] };
    await expectProblem(await post({ title: 'X', responsibleMemberId: aukraMembers.items[0]!.id }), 400, 'responsibleMemberId');
    await expectProblem(await post({ title: 'X', budget: 1000 }), 400);
    expect({
      measures: (await t.database.db.select().from(measures)).length,
      audit: (await t.database.db.select().from(auditLog)).length,
    }).toEqual(before);
  });

  it('the register filters by status, focus area, target group, organization and text, and pages with a cursor', async () => {
    const { measure: match } = await create({
      title: 'Register-tiltak Alfa',
      description: 'Leksehjelp på fritidsklubben',
      status: 'active',
      targetGroupIds: [youth.id],
      focusAreaIds: [area.id],
      responsibleOrganizationId: school.id,
    });
    await create({ title: 'Register-tiltak Beta', status: 'planned', targetGroupIds: [youth.id] });
    await create({ title: 'Register-tiltak Gamma', status: 'active' });
    const titles = (page: MeasurePage) => page.items.map((m) => m.title).filter((x) => x.startsWith('Register-'));
    expect(titles(await list(`targetGroupId=${youth.id}`, bearer))).toEqual(['Register-tiltak Alfa', 'Register-tiltak Beta']);
    expect(titles(await list(`focusAreaId=${area.id}`, bearer))).toEqual(['Register-tiltak Alfa']);
    expect(titles(await list(`organizationId=${school.id}`, bearer))).toEqual(['Register-tiltak Alfa']);
    expect(titles(await list('status=active&q=Register-', bearer))).toEqual(['Register-tiltak Alfa', 'Register-tiltak Gamma']);
    expect(titles(await list('q=leksehjelp', bearer))).toEqual(['Register-tiltak Alfa']);
    expect(titles(await list('q=100%25', bearer))).toEqual([]); // % is a literal, not a wildcard
    const found = (await list(`focusAreaId=${area.id}`, bearer)).items[0]!;
    expect(found).toEqual((await (await call(t, 'GET', `${base}/measures/${match.id}`, { bearer })).json()) as Measure);

    const first = await list('q=Register-tiltak&limit=2', bearer);
    expect(first.items).toHaveLength(2);
    const second = await list(`q=Register-tiltak&limit=2&cursor=${first.nextCursor}`, bearer);
    expect([...first.items, ...second.items].map((m) => m.title)).toEqual([
      'Register-tiltak Alfa',
      'Register-tiltak Beta',
      'Register-tiltak Gamma',
    ]);
    expect(second.nextCursor).toBeNull();
    await expectProblem(await call(t, 'GET', `${base}/measures?cursor=bogus`), 400, 'cursor');
    await expectProblem(await call(t, 'GET', `${base}/measures?status=paused`), 400, 'status');
  });

  it('anonymous callers see public measures only, without evaluations; marking one public shows it', async () => {
    const { measure, etag } = await create({ title: 'Offentlig-tiltak (test)' });
    const url = `${base}/measures/${measure.id}`;
    const evaluated = await call(t, 'POST', `${url}/evaluations`, {
      bearer,
      body: { date: '2025-06-01', outcome: 'partly_achieved', text: 'Intern vurdering' },
      headers: { 'if-match': etag },
    });
    expect(evaluated.status).toBe(201);
    expect(((await evaluated.json()) as Measure).evaluations).toEqual([
      expect.objectContaining({ outcome: 'partly_achieved', text: 'Intern vurdering' }),
    ]);
    expect((await call(t, 'GET', url)).status).toBe(404);
    expect((await list('q=Offentlig-tiltak')).items).toEqual([]);

    const published = await call(t, 'PATCH', url, {
      bearer,
      body: { isPublic: true },
      headers: { 'if-match': evaluated.headers.get('etag')! },
    });
    expect(published.status).toBe(200);
    const anonymous = (await (await call(t, 'GET', url)).json()) as Measure;
    expect(anonymous.isPublic).toBe(true);
    expect(anonymous).not.toHaveProperty('evaluations');
    const page = await list('q=Offentlig-tiltak');
    expect(page.items.map((m) => m.id)).toEqual([measure.id]);
    expect(page.items[0]).not.toHaveProperty('evaluations');
    // The public setup counts it and links the register, where the public finds it as read above.
    const setup = (await (await call(t, 'GET', `${base}/slt`)).json()) as { measures: { count: number; href: string } };
    expect(setup.measures.href).toBe(`${base}/measures`);
    const publicList = (await (await call(t, 'GET', `${base}/measures?limit=100`)).json()) as { items: Measure[] };
    expect(setup.measures.count).toBe(publicList.items.length);
    expect(publicList.items.find((m) => m.id === measure.id)).toEqual(anonymous);
  });

  it('two concurrent updates with the same If-Match: exactly one succeeds, the other gets 412', async () => {
    const { measure, etag } = await create({ title: 'Samtidig-tiltak (test)' });
    const responses = await Promise.all(
      ['planned', 'discontinued'].map((status) =>
        call(t, 'PATCH', `${base}/measures/${measure.id}`, { bearer, body: { status }, headers: { 'if-match': etag } }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 412]);
  });
});
