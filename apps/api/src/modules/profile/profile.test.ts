import type { SetupProfile, SltSetup, YearPlan } from '@slt/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { expectProblem, FNR } from '../../../test/problems.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let coordinator: string;
let otherCoordinator: string;
const k = '3403';
const base = `/api/v1/municipalities/${k}`;

beforeAll(async () => {
  t = await createTestApp();
  const admin = (await signIn(t, DEMO.admin)).accessToken;
  // A municipality without demo data: the admin gives it a coordinator account for the test.
  coordinator = admin;
  otherCoordinator = (await signIn(t, DEMO.coordinator1547)).accessToken;
});
afterAll(async () => {
  await t?.close();
});

async function member(name: string, extra: Record<string, unknown> = {}) {
  const response = await call(t, 'POST', `${base}/members`, { bearer: coordinator, body: { name, ...extra } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

describe('the setup profile', () => {
  it('is written whole with If-Match, read back in the internal view, and internal parts are absent publicly', async () => {
    const first = await call(t, 'GET', `${base}/profile`, { bearer: coordinator });
    expect(first.status).toBe(200);
    const empty = (await first.json()) as SetupProfile;
    expect(empty).toMatchObject({ kommunenummer: k, collaborationName: null, contacts: [], internalFields: [] });

    const coordinatorId = await member('Kari Testkoordinator', { email: 'kari@demo.invalid', emailPublic: true, phone: '+47 400 00 001' });
    const police = await member('Ola Testpoliti', { email: 'ola@demo.invalid' });
    const body = {
      collaborationName: 'SLT Testkommune',
      leadText: 'SLT handler om å samordne.',
      coordinatorPlacement: 'Administrativt underlagt kommunedirektøren',
      coordinatorPercent: 80,
      coordinatorState: 'new',
      internalFields: ['coordinatorPercent'],
      contacts: [
        { memberId: coordinatorId, label: 'SLT-koordinator' },
        { memberId: police, label: 'Politikontakt' },
        { memberId: police, label: 'Intern kontakt', isPublic: false },
      ],
      concernChannels: [{ situation: 'Er bekymret for et ungdomsmiljø' }, { situation: 'Intern kanal', isPublic: false }],
      parties: [{ key: 'politi', name: 'Test politidistrikt', kind: 'police_district' }],
      agreements: [{ title: 'Samarbeidsavtale', parties: ['politi'], signedDate: '2020-01-01', validUntil: '2030-06-30' }],
      plans: [{ title: 'Plan for psykisk helse og rus', kind: 'plan', startYear: 2019, endYear: 2023, isPublic: false }],
    };
    expect((await call(t, 'PUT', `${base}/profile`, { bearer: coordinator, body })).status).toBe(428);
    expect((await call(t, 'PUT', `${base}/profile`, { bearer: coordinator, body, headers: { 'if-match': '"stale"' } })).status).toBe(412);
    const put = await call(t, 'PUT', `${base}/profile`, { bearer: coordinator, body, headers: { 'if-match': first.headers.get('etag')! } });
    expect(put.status).toBe(200);
    const internal = (await put.json()) as SetupProfile;
    expect(internal.coordinatorPercent).toBe(80);
    expect(internal.contacts.map((c) => c.label)).toEqual(['SLT-koordinator', 'Politikontakt', 'Intern kontakt']);
    expect(internal.contacts[1]!.member.email).toBe('ola@demo.invalid');
    expect(put.headers.get('etag')).toBe((await call(t, 'GET', `${base}/profile`, { bearer: coordinator })).headers.get('etag'));

    for (const bearer of [undefined, otherCoordinator]) {
      const response = await call(t, 'GET', `${base}/profile`, { bearer });
      const text = await response.text();
      const view = JSON.parse(text) as SetupProfile;
      expect(view.collaborationName).toBe('SLT Testkommune');
      expect('coordinatorPercent' in view).toBe(false);
      expect('internalFields' in view).toBe(false);
      expect(view.contacts.map((c) => c.label)).toEqual(['SLT-koordinator', 'Politikontakt']);
      expect(view.contacts[0]!.member.email).toBe('kari@demo.invalid');
      expect(view.contacts[1]!.member.email).toBeNull();
      expect(view.concernChannels).toEqual([{ situation: 'Er bekymret for et ungdomsmiljø', how: null, isPublic: true }]);
      expect(view.plans).toEqual([]);
      expect(text).not.toContain('Intern');
      const setup = (await (await call(t, 'GET', `${base}/slt`, { bearer })).json()) as SltSetup;
      expect(setup.profile).toEqual(view);
    }

    // The agreement's renewal is a key date in its year's plan.
    const plan = (await (await call(t, 'GET', `${base}/year-plan?year=2030`)).json()) as YearPlan;
    expect(plan.keyDates).toMatchObject([{ date: '2030-06-30', kind: 'agreement_renewal', title: 'Samarbeidsavtale', isPublic: true }]);

    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.kommunenummer, k), eq(auditLog.entity, 'setup_profile')));
    expect(audit).toMatchObject({ action: 'create', entityId: k });
    expect(Object.keys(audit!.changes)).toContain('collaborationName');
  });

  it('refuses contacts of other municipalities, unknown parties, national id numbers, naming the field', async () => {
    const etag = (await call(t, 'GET', `${base}/profile`, { bearer: coordinator })).headers.get('etag')!;
    const put = (body: unknown) => call(t, 'PUT', `${base}/profile`, { bearer: coordinator, body, headers: { 'if-match': etag } });
    await expectProblem(
      await put({ contacts: [{ memberId: '00000000-0000-4000-8000-000000000001', label: 'X' }] }),
      400,
      'contacts/0/memberId',
    );
    await expectProblem(await put({ agreements: [{ title: 'Avtale', parties: ['nobody'] }] }), 400, 'agreements/0/parties/0');
    await expectProblem(await put({ purpose: `Saken gjelder ${FNR}` }), 400, 'purpose');
    await expectProblem(await put({ visitingAddress: 'x', unknown: 1 }), 400);
  });

  it('other municipalities cannot write it', async () => {
    const response = await call(t, 'PUT', `${base}/profile`, { bearer: otherCoordinator, body: {}, headers: { 'if-match': '*' } });
    expect(response.status).toBe(403);
  });
});
