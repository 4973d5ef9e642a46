import { routes, type RouteContract } from '@slt/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupVersions } from '../db/schema/index.js';
import { call, DEMO, signIn } from '../../test/auth.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

/**
 * The setup version: every write of a municipality's setup moves it in its own transaction, so a
 * reader's cached copy (ETag) of `…/slt`, the calendars and the widget's meeting list is answered
 * with a 200 again; reads never move it; a 304 costs the scope's one statement.
 */
const B = '3401';
const base = `/api/v1/municipalities/${B}`;

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await signIn(t, DEMO.admin)).accessToken;
});
afterAll(async () => {
  await t?.close();
});

async function versionOf(kommunenummer: string): Promise<number> {
  const [row] = await t.database.db.select().from(setupVersions).where(eq(setupVersions.kommunenummer, kommunenummer));
  return row?.version ?? 0;
}
const read = (path: string, headers: Record<string, string> = {}) => call(t, 'GET', path, { headers });

/** Ids of what the walk creates, filled as it goes. */
const ids: Record<string, string> = {};
type Step = [
  operationId: string,
  method: string,
  path: () => string,
  body?: () => unknown,
  keep?: (answer: Record<string, unknown>) => void,
];
const keepId = (name: string) => (answer: Record<string, unknown>) => void (ids[name] = answer['id'] as string);
const keepFirst = (name: string, list: string) => (answer: Record<string, unknown>) =>
  void (ids[name] = (answer[list] as { id: string }[])[0]!.id);

/** Every write of the setup, in an order where each succeeds: creates and changes, then removals. */
const walk: Step[] = [
  ['updateMunicipality', 'PATCH', () => base, () => ({ malform: 'nn' })],
  ['createOrganization', 'POST', () => `${base}/organizations`, () => ({ name: 'Versjonsskolen', kind: 'school' }), keepId('organization')],
  ['updateOrganization', 'PATCH', () => `${base}/organizations/${ids.organization}`, () => ({ name: 'Versjonsskolen 2' })],
  [
    'createMember',
    'POST',
    () => `${base}/members`,
    () => ({ name: 'Versjon Testperson', organizationId: ids.organization }),
    keepId('member'),
  ],
  ['updateMember', 'PATCH', () => `${base}/members/${ids.member}`, () => ({ roleTitle: 'Rådgiver' })],
  ['createTier', 'POST', () => `${base}/tiers`, () => ({ level: 'operational', name: 'Versjonsgruppa' }), keepId('tier')],
  ['updateTier', 'PATCH', () => `${base}/tiers/${ids.tier}`, () => ({ name: 'Versjonsgruppa 2' })],
  [
    'createMembership',
    'POST',
    () => `${base}/tiers/${ids.tier}/memberships`,
    () => ({ memberId: ids.member, role: 'member', startDate: '2025-01-01' }),
    keepId('membership'),
  ],
  ['updateMembership', 'PATCH', () => `${base}/tiers/${ids.tier}/memberships/${ids.membership}`, () => ({ endDate: '2040-01-01' })],
  ['createTargetGroup', 'POST', () => `${base}/target-groups`, () => ({ name: 'Versjonsungdom' }), keepId('targetGroup')],
  ['updateTargetGroup', 'PATCH', () => `${base}/target-groups/${ids.targetGroup}`, () => ({ ageFrom: 12 })],
  ['createFocusArea', 'POST', () => `${base}/focus-areas`, () => ({ name: 'Versjonssatsing' }), keepId('focusArea')],
  ['updateFocusArea', 'PATCH', () => `${base}/focus-areas/${ids.focusArea}`, () => ({ name: 'Versjonssatsing 2' })],
  ['createGoal', 'POST', () => `${base}/goals`, () => ({ title: 'Versjonsmål' }), keepId('goal')],
  ['updateGoal', 'PATCH', () => `${base}/goals/${ids.goal}`, () => ({ title: 'Versjonsmål 2' })],
  [
    'createIndicator',
    'POST',
    () => `${base}/goals/${ids.goal}/indicators`,
    () => ({ name: 'Andel', unit: 'percent', direction: 'increase' }),
    keepFirst('indicator', 'indicators'),
  ],
  ['updateIndicator', 'PATCH', () => `${base}/goals/${ids.goal}/indicators/${ids.indicator}`, () => ({ name: 'Andel 2' })],
  [
    'createMeasurement',
    'POST',
    () => `${base}/goals/${ids.goal}/indicators/${ids.indicator}/measurements`,
    () => ({ periodStart: '2024-01-01', periodEnd: '2024-12-31', value: 42 }),
    (answer) => void (ids.measurement = (answer['indicators'] as { measurements: { id: string }[] }[])[0]!.measurements[0]!.id),
  ],
  [
    'linkIndicatorSource',
    'PUT',
    () => `${base}/goals/${ids.goal}/indicators/${ids.indicator}/source`,
    () => ({ provider: 'ssb', tableId: '08487', selection: [] }),
  ],
  ['unlinkIndicatorSource', 'DELETE', () => `${base}/goals/${ids.goal}/indicators/${ids.indicator}/source`],
  [
    'createGrantApplication',
    'POST',
    () => `${base}/grant-applications`,
    () => ({
      title: 'Versjonstilskudd',
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      appliedAmount: 100,
      ownFunding: 25,
      goalIds: [ids.goal],
    }),
    keepId('grantApplication'),
  ],
  ['updateGrantApplication', 'PATCH', () => `${base}/grant-applications/${ids.grantApplication}`, () => ({ grantedAmount: 80 })],
  [
    'createPlan',
    'POST',
    () => `${base}/plans`,
    () => ({ title: 'Versjonsplan', periodStart: '2027-01-01', periodEnd: '2030-12-31' }),
    keepId('plan'),
  ],
  ['updatePlan', 'PATCH', () => `${base}/plans/${ids.plan}`, () => ({ title: 'Versjonsplan 2' })],
  ['changePlanStatus', 'POST', () => `${base}/plans/${ids.plan}/status`, () => ({ status: 'consultation' })],
  [
    'createStatusAnalysis',
    'POST',
    () => `${base}/status-analyses`,
    () => ({ title: 'Versjonskartlegging', periodStart: '2026-01-01', periodEnd: '2026-12-31' }),
    keepId('statusAnalysis'),
  ],
  ['updateStatusAnalysis', 'PATCH', () => `${base}/status-analyses/${ids.statusAnalysis}`, () => ({ summary: 'Oppsummert' })],
  [
    'updateAnnualReportTexts',
    'PATCH',
    () => `${base}/annual-reports/2026/texts`,
    () => ({ summary: { text: 'Et godt år', isPublic: true } }),
  ],
  ['createMeasure', 'POST', () => `${base}/measures`, () => ({ title: 'Versjonstiltak', isPublic: true }), keepId('measure')],
  ['updateMeasure', 'PATCH', () => `${base}/measures/${ids.measure}`, () => ({ title: 'Versjonstiltak 2' })],
  [
    'createEvaluation',
    'POST',
    () => `${base}/measures/${ids.measure}/evaluations`,
    () => ({ date: '2025-06-01', outcome: 'achieved' }),
    keepFirst('evaluation', 'evaluations'),
  ],
  [
    'createMeeting',
    'POST',
    () => `${base}/meetings`,
    () => ({ tierId: ids.tier, title: 'Versjonsmøte', startsAt: '2026-03-05T18:00:00+01:00', endsAt: '2026-03-05T20:00:00+01:00' }),
    keepId('meeting'),
  ],
  ['updateMeeting', 'PATCH', () => `${base}/meetings/${ids.meeting}`, () => ({ place: 'Rådhuset' })],
  [
    'createAgendaItem',
    'POST',
    () => `${base}/meetings/${ids.meeting}/agenda-items`,
    () => ({ title: 'Sak 1' }),
    keepFirst('agendaItem', 'agenda'),
  ],
  ['updateAgendaItem', 'PATCH', () => `${base}/meetings/${ids.meeting}/agenda-items/${ids.agendaItem}`, () => ({ title: 'Sak 1 endret' })],
  [
    'setAttendance',
    'PUT',
    () => `${base}/meetings/${ids.meeting}/attendance`,
    () => ({ attendance: [{ memberId: ids.member, status: 'present' }] }),
  ],
  [
    'createDecision',
    'POST',
    () => `${base}/meetings/${ids.meeting}/decisions`,
    () => ({ text: 'Vedtak' }),
    keepFirst('decision', 'decisions'),
  ],
  ['updateDecision', 'PATCH', () => `${base}/meetings/${ids.meeting}/decisions/${ids.decision}`, () => ({ text: 'Vedtak endret' })],
  [
    'createActionItem',
    'POST',
    () => `${base}/action-items`,
    () => ({ meetingId: ids.meeting, description: 'Oppgave' }),
    keepId('actionItem'),
  ],
  ['updateActionItem', 'PATCH', () => `${base}/action-items/${ids.actionItem}`, () => ({ status: 'done' })],
  ['createKeyDate', 'POST', () => `${base}/key-dates`, () => ({ title: 'Frist', date: '2026-12-01', isPublic: true }), keepId('keyDate')],
  ['updateKeyDate', 'PATCH', () => `${base}/key-dates/${ids.keyDate}`, () => ({ title: 'Frist 2' })],
  ['putSetupProfile', 'PUT', () => `${base}/profile`, () => ({ purpose: 'Samordne det forebyggende arbeidet.' })],
  ['addPartner', 'PUT', () => `${base}/partners/3403`],
  ['removePartner', 'DELETE', () => `${base}/partners/3403`],
  [
    'importSetup',
    'POST',
    () => `${base}/import`,
    () => ({ format: 'slt-setup/1', members: [{ externalId: 'versjon-1', name: 'Importert Person' }] }),
  ],
  ['deleteKeyDate', 'DELETE', () => `${base}/key-dates/${ids.keyDate}`],
  ['deleteActionItem', 'DELETE', () => `${base}/action-items/${ids.actionItem}`],
  ['deleteDecision', 'DELETE', () => `${base}/meetings/${ids.meeting}/decisions/${ids.decision}`],
  ['deleteAgendaItem', 'DELETE', () => `${base}/meetings/${ids.meeting}/agenda-items/${ids.agendaItem}`],
  ['deleteMeeting', 'DELETE', () => `${base}/meetings/${ids.meeting}`],
  ['deleteEvaluation', 'DELETE', () => `${base}/measures/${ids.measure}/evaluations/${ids.evaluation}`],
  ['deleteMeasure', 'DELETE', () => `${base}/measures/${ids.measure}`],
  ['deleteMeasurement', 'DELETE', () => `${base}/goals/${ids.goal}/indicators/${ids.indicator}/measurements/${ids.measurement}`],
  ['deleteIndicator', 'DELETE', () => `${base}/goals/${ids.goal}/indicators/${ids.indicator}`],
  ['deleteStatusAnalysis', 'DELETE', () => `${base}/status-analyses/${ids.statusAnalysis}`],
  ['deletePlan', 'DELETE', () => `${base}/plans/${ids.plan}`],
  ['deleteGrantApplication', 'DELETE', () => `${base}/grant-applications/${ids.grantApplication}`],
  ['deleteGoal', 'DELETE', () => `${base}/goals/${ids.goal}`],
  ['deleteFocusArea', 'DELETE', () => `${base}/focus-areas/${ids.focusArea}`],
  ['deleteTargetGroup', 'DELETE', () => `${base}/target-groups/${ids.targetGroup}`],
  ['deleteMembership', 'DELETE', () => `${base}/tiers/${ids.tier}/memberships/${ids.membership}`],
  ['deleteTier', 'DELETE', () => `${base}/tiers/${ids.tier}`],
  ['eraseMember', 'POST', () => `${base}/members/${ids.member}/erase`],
  ['deleteMember', 'DELETE', () => `${base}/members/${ids.member}`],
  ['deleteOrganization', 'DELETE', () => `${base}/organizations/${ids.organization}`],
];

/** Writes under a municipality that change no part of its setup (users, roles, tokens): not walked. */
const outsideTheSetup = [
  'createApiToken',
  'revokeApiToken',
  'inviteUser',
  'setMunicipalityUserRole',
  'removeMunicipalityUser',
  'setUserRole',
  'removeUserRole',
];

/**
 * Writes under a municipality whose data no versioned read shows: the values imported from a
 * statistics source (read with a content ETag of their own, beside the goal) and a meeting's
 * notice (it queues mail). Not walked: they need an outside source or a mail recipient, and a
 * stale copy of `…/slt` or a calendar cannot follow from them.
 */
const outsideTheVersionedReads = ['importIndicatorSource', 'importIndicatorSourceFile', 'sendMeetingNotice'];

/** The versioned reads a caller may hold a copy of. */
const versionedReads = [`${base}/slt`, `${base}/calendar.ics`, `${base}/meetings?limit=20`];

describe('the setup version', () => {
  it('the walk covers every write under a municipality in the contract', () => {
    const writes = (Object.values(routes) as RouteContract[])
      .filter((r) => r.method !== 'GET' && r.path.includes(':kommunenummer'))
      .map((r) => r.operationId);
    expect([...walk.map(([operationId]) => operationId), ...outsideTheSetup, ...outsideTheVersionedReads].sort()).toEqual(writes.sort());
  });

  it('moves with every kind of setup write, in its transaction: a cached copy is a 200 again', async () => {
    for (const [operationId, method, path, body, keep] of walk) {
      const before = await versionOf(B);
      const tags = await Promise.all(versionedReads.map(async (url) => (await read(url)).headers.get('etag')!));
      const response = await call(t, method, path(), { bearer: admin, body: body?.(), headers: { 'if-match': '*' } });
      expect(response.status, `${operationId}: ${await response.clone().text()}`).toBeLessThan(300);
      if (keep) keep((await response.json()) as Record<string, unknown>);
      expect(await versionOf(B), operationId).toBeGreaterThan(before);
      for (const [index, url] of versionedReads.entries()) {
        const again = await read(url, { 'if-none-match': tags[index]! });
        expect(again.status, `${operationId}: ${url}`).toBe(200);
        expect(again.headers.get('etag')).not.toBe(tags[index]);
      }
    }
  }, 300_000);

  it('does not move on reads; an unchanged setup is a 304 that costs the one statement of the scope', async () => {
    const before = await versionOf(B);
    const reads = [
      ...versionedReads,
      `${base}`,
      `${base}/measures`,
      `${base}/tiers`,
      `${base}/members`,
      `${base}/goals`,
      `${base}/year-plan?year=2026`,
      `${base}/compliance?year=2026`,
      `${base}/export`,
    ];
    for (const url of reads) await call(t, 'GET', url, { bearer: admin });
    for (const url of reads) await read(url);
    expect(await versionOf(B)).toBe(before);

    for (const url of versionedReads) {
      const first = await read(url);
      const tag = first.headers.get('etag')!;
      let cached!: Response;
      const statements = await t.statementsOf(async () => {
        cached = await read(url, { 'if-none-match': tag });
      });
      expect(statements, url).toBe(1);
      expect(cached.status).toBe(304);
      expect(cached.headers.get('etag')).toBe(tag);
      expect(await cached.text()).toBe('');
    }
  });

  it("a partner's reads follow its host's version", async () => {
    const tag = (await read('/api/v1/municipalities/3911/slt')).headers.get('etag')!;
    expect((await read('/api/v1/municipalities/3911/slt', { 'if-none-match': tag })).status).toBe(304);
    const created = await call(t, 'POST', '/api/v1/municipalities/3905/target-groups', { bearer: admin, body: { name: 'Vertsendring' } });
    expect(created.status).toBe(201);
    expect((await read('/api/v1/municipalities/3911/slt', { 'if-none-match': tag })).status).toBe(200);
  });
});
