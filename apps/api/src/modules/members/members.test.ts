import type { Member, Membership, Tier } from '@slt/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, members, memberships, tiers } from '../../db/schema/index.js';
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
const post = async <T>(path: string, body: unknown) => {
  const response = await call(t, 'POST', `${base}${path}`, { bearer, body });
  expect(response.status, await response.clone().text()).toBe(201);
  return { body: (await response.json()) as T, etag: response.headers.get('etag')! };
};
const counts = async () => ({
  members: (await t.database.db.select().from(members)).length,
  tiers: (await t.database.db.select().from(tiers)).length,
  memberships: (await t.database.db.select().from(memberships)).length,
  audit: (await t.database.db.select().from(auditLog)).length,
});

describe('members', () => {
  it('anonymous callers see e-mail and phone only where flagged public; members of the municipality see them all', async () => {
    const { body: created } = await post<Member>('/members', {
      name: 'Kari Testesen',
      roleTitle: 'Helsesykepleier',
      email: 'kari.testesen@demo.invalid',
      emailPublic: true,
      phone: '+47 400 12 345',
    });
    const anonymous = (await (await call(t, 'GET', `${base}/members/${created.id}`)).json()) as Member;
    expect(anonymous).toMatchObject({ name: 'Kari Testesen', email: 'kari.testesen@demo.invalid', phone: null, phonePublic: false });
    const member = await signIn(t, DEMO.member3401);
    const internal = (await (await call(t, 'GET', `${base}/members/${created.id}`, { bearer: member.accessToken })).json()) as Member;
    expect(internal.phone).toBe('+47 400 12 345');
    const other = await signIn(t, DEMO.coordinator1547);
    const list = (await (await call(t, 'GET', `${base}/members`, { bearer: other.accessToken })).json()) as { items: Member[] };
    expect(list.items.find((m) => m.id === created.id)?.phone).toBeNull();
  });

  it('refuses a fødselsnummer in the name or role title and an organization of another municipality, naming the field', async () => {
    const before = await counts();
    await expectProblem(await call(t, 'POST', `${base}/members`, { bearer, body: { name: `Person ${FNR}` } }), 400, 'name');
    await expectProblem(
      await call(t, 'POST', `${base}/members`, { bearer, body: { name: 'P', roleTitle: `Rådgiver ${FNR.slice(0, 6)} ${FNR.slice(6)}` } }),
      400,
      'roleTitle',
    );
    const aukra = (await (await call(t, 'GET', '/api/v1/municipalities/1547/organizations')).json()) as { items: { id: string }[] };
    await expectProblem(
      await call(t, 'POST', `${base}/members`, { bearer, body: { name: 'P', organizationId: aukra.items[0]!.id } }),
      400,
      'organizationId',
    );
    await expectProblem(await call(t, 'POST', `${base}/members`, { bearer, body: { name: 'P', nickname: 'x' } }), 400);
    await expectProblem(await call(t, 'POST', `${base}/members`, { bearer, body: { name: 'P', email: 'not-an-email' } }), 400, 'email');
    expect(await counts()).toEqual(before);
  });

  it('two concurrent updates with the same If-Match: exactly one succeeds, the other gets 412', async () => {
    const { body, etag } = await post<Member>('/members', { name: 'Ola Samtidig' });
    const url = `${base}/members/${body.id}`;
    const responses = await Promise.all(
      ['Rektor', 'Lærer'].map((roleTitle) => call(t, 'PATCH', url, { bearer, body: { roleTitle }, headers: { 'if-match': etag } })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 412]);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, body.id));
    expect(audit.map((r) => r.action)).toEqual(['create', 'update']);
  });

  it('a member on a tier cannot be deleted (409) but an admin can erase them: identity gone, memberships kept, audit scrubbed', async () => {
    const { body: person } = await post<Member>('/members', {
      name: 'Per Slettesen',
      email: 'per.slettesen@demo.invalid',
      roleTitle: 'Miljøarbeider',
    });
    const { body: tier } = await post<Tier>('/tiers', { level: 'operational', name: 'Slettegruppa' });
    const { body: seat } = await post<Membership>(`/tiers/${tier.id}/memberships`, {
      memberId: person.id,
      role: 'member',
      startDate: '2024-08-01',
    });
    const current = await call(t, 'GET', `${base}/members/${person.id}`, { bearer });
    await expectProblem(
      await call(t, 'DELETE', `${base}/members/${person.id}`, { bearer, headers: { 'if-match': current.headers.get('etag')! } }),
      409,
    );

    const erase = `${base}/members/${person.id}/erase`;
    expect((await call(t, 'POST', erase, { bearer })).status).toBe(403); // coordinators cannot erase
    const admin = await signIn(t, DEMO.admin);
    const erased = await call(t, 'POST', erase, { bearer: admin.accessToken });
    expect(erased.status).toBe(200);
    expect((await erased.json()) as Member).toMatchObject({
      name: null,
      email: null,
      roleTitle: null,
      erasedAt: expect.any(String) as string,
    });
    expect((await call(t, 'POST', erase, { bearer: admin.accessToken })).status).toBe(200); // idempotent

    const seats = (await (await call(t, 'GET', `${base}/tiers/${tier.id}/memberships`)).json()) as { items: Membership[] };
    expect(seats.items.map((s) => s.id)).toEqual([seat.id]);
    const audit = JSON.stringify(
      await t.database.db.select({ changes: auditLog.changes }).from(auditLog).where(eq(auditLog.entityId, person.id)),
    );
    expect(audit).not.toContain('Slettesen');
    expect(audit).not.toContain('Miljøarbeider');
    // An erased person cannot be seated or made chair.
    await expectProblem(
      await call(t, 'POST', `${base}/tiers/${tier.id}/memberships`, {
        bearer,
        body: { memberId: person.id, role: 'member', startDate: '2030-01-01' },
      }),
      400,
      'memberId',
    );
    await expectProblem(
      await call(t, 'POST', `${base}/tiers`, { bearer, body: { level: 'strategic', name: 'X', chairMemberId: person.id } }),
      400,
      'chairMemberId',
    );
  });
});

describe('tiers and memberships', () => {
  it('a tier keeps its local name, frequency rule and chair; tiers list by level then display order', async () => {
    const { body: chair } = await post<Member>('/members', { name: 'Liv Leder' });
    const { body: tier, etag } = await post<Tier>('/tiers', {
      level: 'coordinating',
      name: 'Arbeidsutvalget (test)',
      mandate: 'Følger opp handlingsplanen',
      chairMemberId: chair.id,
      individualCases: false,
      displayOrder: 7,
      meetingRule: { kind: 'spring_autumn', spring: 3, autumn: 2 },
    });
    expect(tier).toMatchObject({
      name: 'Arbeidsutvalget (test)',
      chairMemberId: chair.id,
      meetingRule: { kind: 'spring_autumn', spring: 3, autumn: 2 },
    });
    const list = (await (await call(t, 'GET', `${base}/tiers`)).json()) as { items: Tier[] };
    const levels = list.items.map((x) => ['strategic', 'coordinating', 'operational'].indexOf(x.level));
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    const patched = await call(t, 'PATCH', `${base}/tiers/${tier.id}`, {
      bearer,
      body: { meetingRule: { kind: 'per_half_year', count: 2 }, chairMemberId: null },
      headers: { 'if-match': etag },
    });
    expect(patched.status).toBe(200);
    expect((await patched.json()) as Tier).toMatchObject({ meetingRule: { kind: 'per_half_year', count: 2 }, chairMemberId: null });
  });

  it('refuses a member of another municipality as chair, a fødselsnummer in the mandate and a bad rule, naming the field', async () => {
    const aukraMembers = (await (await call(t, 'GET', '/api/v1/municipalities/1547/members')).json()) as { items: Member[] };
    expect(aukraMembers.items.length).toBeGreaterThan(0);
    const before = await counts();
    const tier = (body: unknown) => call(t, 'POST', `${base}/tiers`, { bearer, body });
    await expectProblem(
      await tier({ level: 'strategic', name: 'Politirådet (test)', chairMemberId: aukraMembers.items[0]!.id }),
      400,
      'chairMemberId',
    );
    await expectProblem(await tier({ level: 'strategic', name: 'P', mandate: `Sak om ${FNR}` }), 400, 'mandate');
    await expectProblem(await tier({ level: 'strategic', name: 'P', responsibilities: `Sak om ${FNR}` }), 400, 'responsibilities');
    await expectProblem(await tier({ level: 'tactical', name: 'P' }), 400, 'level');
    await expectProblem(await tier({ level: 'strategic', name: 'P', meetingRule: { kind: 'per_year', count: -1 } }), 400);
    expect(await counts()).toEqual(before);
  });

  it('seats a member for a period, refuses a reversed or overlapping period, and leaving keeps the history', async () => {
    const { body: person } = await post<Member>('/members', { name: 'Siri Sete' });
    const { body: tier } = await post<Tier>('/tiers', { level: 'operational', name: 'Utøvergruppa (test)' });
    const seats = `${base}/tiers/${tier.id}/memberships`;
    await expectProblem(
      await call(t, 'POST', seats, {
        bearer,
        body: { memberId: person.id, role: 'member', startDate: '2025-01-01', endDate: '2024-12-31' },
      }),
      400,
      'endDate',
    );
    const { body: seat, etag } = await post<Membership>(`/tiers/${tier.id}/memberships`, {
      memberId: person.id,
      role: 'secretary',
      startDate: '2024-01-01',
    });
    await expectProblem(
      await call(t, 'POST', seats, { bearer, body: { memberId: person.id, role: 'member', startDate: '2025-06-01' } }),
      409,
    );

    const left = await call(t, 'PATCH', `${seats}/${seat.id}`, { bearer, body: { endDate: '2025-05-31' }, headers: { 'if-match': etag } });
    expect(left.status).toBe(200);
    const again = await post<Membership>(`/tiers/${tier.id}/memberships`, { memberId: person.id, role: 'member', startDate: '2025-06-01' });
    const all = (await (await call(t, 'GET', seats)).json()) as { items: Membership[] };
    expect(all.items.map((s) => [s.role, s.startDate, s.endDate])).toEqual([
      ['secretary', '2024-01-01', '2025-05-31'],
      ['member', '2025-06-01', null],
    ]);
    const current = (await (await call(t, 'GET', `${seats}?current=true`)).json()) as { items: Membership[] };
    expect(current.items.map((s) => s.id)).toEqual([again.body.id]);
    // A tier with history cannot be deleted by accident.
    const tierNow = await call(t, 'GET', `${base}/tiers/${tier.id}`);
    await expectProblem(
      await call(t, 'DELETE', `${base}/tiers/${tier.id}`, { bearer, headers: { 'if-match': tierNow.headers.get('etag')! } }),
      409,
    );
  });

  it("the new seat shows on the tier in GET …/slt's internal view", async () => {
    const { body: person } = await post<Member>('/members', { name: 'Synne Synlig' });
    const { body: tier } = await post<Tier>('/tiers', { level: 'operational', name: 'Synlig-gruppa' });
    await post(`/tiers/${tier.id}/memberships`, { memberId: person.id, role: 'observer', startDate: '2024-01-01' });
    const setup = (await (await call(t, 'GET', `${base}/slt`, { bearer })).json()) as {
      tiers: { id: string; seats: { role: string; member: { name: string } }[] }[];
    };
    expect(setup.tiers.find((x) => x.id === tier.id)?.seats).toEqual([
      expect.objectContaining({ role: 'observer', member: expect.objectContaining({ name: 'Synne Synlig' }) as unknown }),
    ]);
  });
});
