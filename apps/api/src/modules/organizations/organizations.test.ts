import { ProblemType, type Organization } from '@slt/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organizations } from '../../db/schema/index.js';
import { call, DEMO, signIn } from '../../../test/auth.js';
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

const base = '/api/v1/municipalities/3401/organizations';
const create = (body: unknown) => call(t, 'POST', base, { bearer, body });

describe('organizations', () => {
  it('a coordinator adds one; anyone lists and reads it (with an ETag)', async () => {
    const created = await create({ name: 'Kongsvinger kulturskole', kind: 'municipal_unit', description: 'Kulturtilbud for unge' });
    expect(created.status).toBe(201);
    const organization = (await created.json()) as Organization;
    expect(organization).toMatchObject({ kommunenummer: '3401', name: 'Kongsvinger kulturskole', kind: 'municipal_unit' });
    expect(created.headers.get('location')).toBe(`${base}/${organization.id}`);

    const list = (await (await call(t, 'GET', base)).json()) as { items: Organization[] };
    expect(list.items.map((o) => o.name)).toContain('Kongsvinger kulturskole');
    const one = await call(t, 'GET', `${base}/${organization.id}`);
    expect(one.status).toBe(200);
    expect(one.headers.get('etag')).toBe(created.headers.get('etag'));
    const notModified = await call(t, 'GET', `${base}/${organization.id}`, { headers: { 'if-none-match': one.headers.get('etag')! } });
    expect(notModified.status).toBe(304);
  });

  it('refuses a duplicate name (409), an unknown kind and a fødselsnummer (400 naming the field); writes nothing', async () => {
    await create({ name: 'Utekontakten', kind: 'municipal_unit' });
    const before = await t.database.db.select().from(organizations).where(eq(organizations.kommunenummer, '3401'));
    const audit = await t.database.db.select().from(auditLog);

    expect((await create({ name: 'Utekontakten', kind: 'municipal_unit' })).status).toBe(409);
    const kind = await create({ name: 'X', kind: 'ministry' });
    expect(kind.status).toBe(400);
    expect(((await kind.json()) as { errors: { name: string }[] }).errors[0]?.name).toBe('kind');
    const fnr = await create({ name: 'Y', kind: 'other', description: 'Gjelder 01019012480' });
    expect(fnr.status).toBe(400);
    expect(((await fnr.json()) as { errors: { name: string }[] }).errors[0]?.name).toBe('description');
    const long = await create({ name: 'x'.repeat(201), kind: 'other' });
    expect(long.status).toBe(400);

    expect(await t.database.db.select().from(organizations).where(eq(organizations.kommunenummer, '3401'))).toEqual(before);
    expect(await t.database.db.select().from(auditLog)).toHaveLength(audit.length);
  });

  it('updates and deletes only with a current If-Match, one audit row each', async () => {
    const created = await create({ name: 'Frivilligsentralen', kind: 'volunteer' });
    const { id } = (await created.json()) as Organization;
    const etag = created.headers.get('etag')!;
    const url = `${base}/${id}`;

    expect((await call(t, 'PATCH', url, { bearer, body: { kind: 'municipal_unit' } })).status).toBe(428);
    const updated = await call(t, 'PATCH', url, { bearer, body: { description: 'Møteplass' }, headers: { 'if-match': etag } });
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as Organization).description).toBe('Møteplass');
    const stale = await call(t, 'PATCH', url, { bearer, body: { description: 'Annet' }, headers: { 'if-match': etag } });
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { type: string }).type).toBe(ProblemType.preconditionFailed);

    expect((await call(t, 'DELETE', url, { bearer, headers: { 'if-match': etag } })).status).toBe(412);
    const deleted = await call(t, 'DELETE', url, { bearer, headers: { 'if-match': updated.headers.get('etag')! } });
    expect(deleted.status).toBe(204);
    expect((await call(t, 'GET', url)).status).toBe(404);

    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id);
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
    expect(rows[1]!.changes).toEqual({ description: { before: null, after: 'Møteplass' } });
  });

  it('a member cannot write, and an unknown municipality is a 404', async () => {
    const member = await signIn(t, DEMO.member3401);
    const response = await call(t, 'POST', base, { bearer: member.accessToken, body: { name: 'Z', kind: 'other' } });
    expect(response.status).toBe(403);
    expect((await call(t, 'GET', '/api/v1/municipalities/9999/organizations')).status).toBe(404);
  });
});

describe('demo organizations', () => {
  it("hold the seed pages' actors, Aukra's in nynorsk, and loading them twice adds nothing", async () => {
    const aukra = (await (await call(t, 'GET', '/api/v1/municipalities/1547/organizations')).json()) as { items: Organization[] };
    expect(aukra.items.map((o) => o.name)).toEqual(expect.arrayContaining(['Barnevernsvakta', 'Konfliktrådet', 'Trussamfunn']));
    expect(aukra.items.find((o) => o.name === 'Trussamfunn')?.kind).toBe('faith_community');
    const { prepareDatabase } = await import('../../db/prepare.js');
    await prepareDatabase(t.database, { demoData: true });
    const again = (await (await call(t, 'GET', '/api/v1/municipalities/1547/organizations')).json()) as { items: Organization[] };
    expect(again.items).toHaveLength(aukra.items.length);
  });
});
