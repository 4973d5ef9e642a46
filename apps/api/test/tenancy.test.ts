import { routes, type RouteContract } from '@slt/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionItems,
  agendaItems,
  annualReportTexts,
  apiTokens,
  attendance,
  auditLog,
  decisions,
  focusAreas,
  goals,
  grantApplicationGoals,
  grantApplications,
  keyDates,
  mailOutbox,
  mailPreferences,
  measures,
  meetings,
  members,
  memberships,
  municipalities,
  organizations,
  partnerships,
  plans,
  planStatusChanges,
  planVersions,
  setupProfiles,
  statusAnalyses,
  targetGroups,
  tiers,
  userRoles,
  users,
  indicatorSources,
  indicatorSourceValues,
} from '../src/db/schema/index.js';
import { call, createToken, DEMO, signIn } from './auth.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * The cross-tenant matrix: callers from municipality A (Aukra, 1547) against every route that
 * takes a municipality (B: Kongsvinger, 3401) or an id, and non-admins against admin routes.
 * Reads of B's internal data are 404, writes are 403, and B's data is unchanged afterwards.
 */
const A = '1547';
const B = '3401';
const SSB_LINK = { provider: 'ssb', tableId: '08487', selection: [{ dimension: 'ContentsCode', values: ['Lovbrudd'] }] };

let t: TestApp;
let callers: { name: string; bearer: string }[];
let bTokenId: string;
let bUserId: string;
let bOrganizationId: string;
let internalReader: string;
/** B's SLT setup rows the matrix aims at (created by B's coordinator). */
const b = {
  tier: '',
  member: '',
  membership: '',
  targetGroup: '',
  focusArea: '',
  goal: '',
  indicator: '',
  measurement: '',
  measure: '',
  evaluation: '',
  meeting: '',
  agendaItem: '',
  decision: '',
  actionItem: '',
  keyDate: '',
  plan: '',
  grantApplication: '',
  statusAnalysis: '',
};

beforeAll(async () => {
  t = await createTestApp();
  const coordinatorA = await signIn(t, DEMO.coordinator1547);
  const coordinatorB = await signIn(t, DEMO.coordinator3401);
  const tokenA = await createToken(t, coordinatorA.accessToken, A, ['read', 'write', 'import']);
  bTokenId = (await createToken(t, coordinatorB.accessToken, B, ['read'])).id;
  const memberB = await signIn(t, DEMO.member3401);
  bUserId = memberB.userId;
  internalReader = memberB.accessToken;
  const organization = await call(t, 'POST', `/api/v1/municipalities/${B}/organizations`, {
    bearer: coordinatorB.accessToken,
    body: { name: 'Kongsvinger ungdomsskole', kind: 'school' },
  });
  bOrganizationId = ((await organization.json()) as { id: string }).id;
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await call(t, 'POST', `/api/v1/municipalities/${B}${path}`, { bearer: coordinatorB.accessToken, body, headers });
    expect(response.status, path).toBe(201);
    return { body: (await response.json()) as Record<string, unknown> & { id: string }, etag: response.headers.get('etag')! };
  };
  b.member = (await post('/members', { name: 'Tenancy Testperson', email: 'tenancy@demo.invalid', phone: '+47 400 00 000' })).body.id;
  b.tier = (await post('/tiers', { level: 'operational', name: 'Tenancy-gruppa', chairMemberId: b.member })).body.id;
  b.membership = (await post(`/tiers/${b.tier}/memberships`, { memberId: b.member, role: 'chair', startDate: '2025-01-01' })).body.id;
  b.targetGroup = (await post('/target-groups', { name: 'Tenancy-ungdom', ageFrom: 13, ageTo: 17 })).body.id;
  b.focusArea = (await post('/focus-areas', { name: 'Tenancy-satsing' })).body.id;
  const goal = await post('/goals', { title: 'Tenancy-mål' });
  b.goal = goal.body.id;
  const withIndicator = await post(
    `/goals/${b.goal}/indicators`,
    { name: 'Andel', unit: 'percent', direction: 'increase' },
    { 'if-match': goal.etag },
  );
  b.indicator = (withIndicator.body.indicators as { id: string }[])[0]!.id;
  const withMeasurement = await post(
    `/goals/${b.goal}/indicators/${b.indicator}/measurements`,
    { periodStart: '2024-01-01', periodEnd: '2024-12-31', value: 42 },
    { 'if-match': withIndicator.etag },
  );
  b.measurement = (withMeasurement.body.indicators as { measurements: { id: string }[] }[])[0]!.measurements[0]!.id;
  const linked = await call(t, 'PUT', `/api/v1/municipalities/${B}/goals/${b.goal}/indicators/${b.indicator}/source`, {
    bearer: coordinatorB.accessToken,
    body: SSB_LINK,
    headers: { 'if-match': '*' },
  });
  expect(linked.status).toBe(200);
  const measure = await post('/measures', { title: 'Tenancy-tiltak', isPublic: true, targetGroupIds: [b.targetGroup] });
  b.measure = measure.body.id;
  const evaluated = await post(
    `/measures/${b.measure}/evaluations`,
    { date: '2025-06-01', outcome: 'achieved', text: 'Internt' },
    { 'if-match': measure.etag },
  );
  b.evaluation = (evaluated.body.evaluations as { id: string }[])[0]!.id;
  const meeting = await post('/meetings', {
    tierId: b.tier,
    title: 'Tenancy-møte',
    startsAt: '2026-03-05T18:00:00+01:00',
    endsAt: '2026-03-05T20:00:00+01:00',
    minutes: 'Interne notater',
  });
  b.meeting = meeting.body.id;
  const withAgenda = await post(
    `/meetings/${b.meeting}/agenda-items`,
    { title: 'Lukket sak', closed: true, visibleToMemberIds: [b.member] },
    { 'if-match': meeting.etag },
  );
  b.agendaItem = (withAgenda.body.agenda as { id: string }[])[0]!.id;
  const withDecision = await post(
    `/meetings/${b.meeting}/decisions`,
    { text: 'Internt vedtak', agendaItemId: b.agendaItem },
    { 'if-match': withAgenda.etag },
  );
  b.decision = (withDecision.body.decisions as { id: string }[])[0]!.id;
  b.actionItem = (
    await post('/action-items', {
      meetingId: b.meeting,
      description: 'Intern oppgave',
      responsibleMemberId: b.member,
      dueDate: '2026-01-01',
    })
  ).body.id;
  b.keyDate = (await post('/key-dates', { title: 'Tenancy-frist', date: '2026-12-01', isPublic: true })).body.id;
  // A plan adopted by the tier's decision (so its public reads, version 1 included, answer), with funding (internal).
  const plan = await post('/plans', {
    title: 'Tenancy-plan',
    periodStart: '2027-01-01',
    periodEnd: '2030-12-31',
    adoptingTierId: b.tier,
    priorities: [{ focusAreaId: b.focusArea, goals: [{ goalId: b.goal, measures: [{ measureId: b.measure, fundingAmount: 5000 }] }] }],
  });
  b.plan = plan.body.id;
  const adopted = await call(t, 'POST', `/api/v1/municipalities/${B}/plans/${b.plan}/status`, {
    bearer: coordinatorB.accessToken,
    body: { status: 'adopted', decisionId: b.decision },
    headers: { 'if-match': plan.etag },
  });
  expect(adopted.status).toBe(200);
  b.grantApplication = (
    await post('/grant-applications', {
      title: 'Tenancy-tilskudd',
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      appliedAmount: 100,
      ownFunding: 10,
      goalIds: [b.goal],
    })
  ).body.id;
  b.statusAnalysis = (
    await post('/status-analyses', { title: 'Tenancy-kartlegging', periodStart: '2026-01-01', periodEnd: '2026-12-31' })
  ).body.id;
  callers = [
    { name: `coordinator of ${A}`, bearer: coordinatorA.accessToken },
    { name: `token of ${A} (all scopes)`, bearer: tokenA.secret },
  ];
});
afterAll(async () => {
  await t?.close();
});

/** Every route that takes a municipality, with what a request needs. Adding a route without an entry fails the test. */
const municipalityRequests: Record<string, () => { params: Record<string, string>; body?: unknown; query?: string }> = {
  updateMunicipality: () => ({ params: { kommunenummer: B }, body: { malform: 'nn' } }),
  listMunicipalityUsers: () => ({ params: { kommunenummer: B } }),
  inviteUser: () => ({ params: { kommunenummer: B }, body: { email: 'intruder@example.invalid', name: 'Intruder', role: 'coordinator' } }),
  setMunicipalityUserRole: () => ({
    params: { kommunenummer: B, userId: '00000000-0000-4000-8000-000000000001' },
    body: { role: 'coordinator' },
  }),
  removeMunicipalityUser: () => ({ params: { kommunenummer: B, userId: '00000000-0000-4000-8000-000000000001' } }),
  createOrganization: () => ({ params: { kommunenummer: B }, body: { name: 'Intruder', kind: 'other' } }),
  updateOrganization: () => ({ params: { kommunenummer: B, organizationId: bOrganizationId }, body: { name: 'Hijacked' } }),
  deleteOrganization: () => ({ params: { kommunenummer: B, organizationId: bOrganizationId } }),
  listApiTokens: () => ({ params: { kommunenummer: B } }),
  createApiToken: () => ({ params: { kommunenummer: B }, body: { name: 'intruder', scopes: ['read'] } }),
  revokeApiToken: () => ({ params: { kommunenummer: B, tokenId: bTokenId } }),
  listAuditEntries: () => ({ params: { kommunenummer: B } }),
  createTier: () => ({ params: { kommunenummer: B }, body: { level: 'strategic', name: 'Intruder' } }),
  updateTier: () => ({ params: { kommunenummer: B, tierId: b.tier }, body: { name: 'Hijacked' } }),
  deleteTier: () => ({ params: { kommunenummer: B, tierId: b.tier } }),
  createMembership: () => ({
    params: { kommunenummer: B, tierId: b.tier },
    body: { memberId: b.member, role: 'member', startDate: '2020-01-01', endDate: '2020-12-31' },
  }),
  updateMembership: () => ({ params: { kommunenummer: B, tierId: b.tier, membershipId: b.membership }, body: { endDate: '2025-02-01' } }),
  deleteMembership: () => ({ params: { kommunenummer: B, tierId: b.tier, membershipId: b.membership } }),
  createMember: () => ({ params: { kommunenummer: B }, body: { name: 'Intruder' } }),
  updateMember: () => ({ params: { kommunenummer: B, memberId: b.member }, body: { emailPublic: true } }),
  deleteMember: () => ({ params: { kommunenummer: B, memberId: b.member } }),
  createTargetGroup: () => ({ params: { kommunenummer: B }, body: { name: 'Intruder' } }),
  updateTargetGroup: () => ({ params: { kommunenummer: B, targetGroupId: b.targetGroup }, body: { name: 'Hijacked' } }),
  deleteTargetGroup: () => ({ params: { kommunenummer: B, targetGroupId: b.targetGroup } }),
  createFocusArea: () => ({ params: { kommunenummer: B }, body: { name: 'Intruder' } }),
  updateFocusArea: () => ({ params: { kommunenummer: B, focusAreaId: b.focusArea }, body: { name: 'Hijacked' } }),
  deleteFocusArea: () => ({ params: { kommunenummer: B, focusAreaId: b.focusArea } }),
  createGoal: () => ({ params: { kommunenummer: B }, body: { title: 'Intruder' } }),
  updateGoal: () => ({ params: { kommunenummer: B, goalId: b.goal }, body: { title: 'Hijacked' } }),
  deleteGoal: () => ({ params: { kommunenummer: B, goalId: b.goal } }),
  createIndicator: () => ({
    params: { kommunenummer: B, goalId: b.goal },
    body: { name: 'Intruder', unit: 'count', direction: 'decrease' },
  }),
  updateIndicator: () => ({ params: { kommunenummer: B, goalId: b.goal, indicatorId: b.indicator }, body: { name: 'Hijacked' } }),
  deleteIndicator: () => ({ params: { kommunenummer: B, goalId: b.goal, indicatorId: b.indicator } }),
  createMeasurement: () => ({
    params: { kommunenummer: B, goalId: b.goal, indicatorId: b.indicator },
    body: { periodStart: '2023-01-01', periodEnd: '2023-12-31', value: 1 },
  }),
  deleteMeasurement: () => ({ params: { kommunenummer: B, goalId: b.goal, indicatorId: b.indicator, measurementId: b.measurement } }),
  linkIndicatorSource: () => ({
    params: { kommunenummer: B, goalId: b.goal, indicatorId: b.indicator },
    body: { ...SSB_LINK, tableId: '07459' },
  }),
  unlinkIndicatorSource: () => ({ params: { kommunenummer: B, goalId: b.goal, indicatorId: b.indicator } }),
  importIndicatorSource: () => ({ params: { kommunenummer: B, goalId: b.goal, indicatorId: b.indicator } }),
  importIndicatorSourceFile: () => ({
    params: { kommunenummer: B, goalId: b.goal, indicatorId: b.indicator },
    body: { format: 'csv', content: '"region";"år";"x"\r\n"3401 Kongsvinger";"2024";0\r\n' },
  }),
  createMeasure: () => ({ params: { kommunenummer: B }, body: { title: 'Intruder' } }),
  updateMeasure: () => ({ params: { kommunenummer: B, measureId: b.measure }, body: { isPublic: false } }),
  deleteMeasure: () => ({ params: { kommunenummer: B, measureId: b.measure } }),
  createEvaluation: () => ({ params: { kommunenummer: B, measureId: b.measure }, body: { date: '2025-01-01', outcome: 'achieved' } }),
  deleteEvaluation: () => ({ params: { kommunenummer: B, measureId: b.measure, evaluationId: b.evaluation } }),
  createMeeting: () => ({
    params: { kommunenummer: B },
    body: { tierId: b.tier, title: 'Intruder', startsAt: '2026-01-01T10:00:00Z', endsAt: '2026-01-01T11:00:00Z' },
  }),
  updateMeeting: () => ({ params: { kommunenummer: B, meetingId: b.meeting }, body: { status: 'cancelled' } }),
  deleteMeeting: () => ({ params: { kommunenummer: B, meetingId: b.meeting } }),
  createAgendaItem: () => ({ params: { kommunenummer: B, meetingId: b.meeting }, body: { title: 'Intruder' } }),
  updateAgendaItem: () => ({ params: { kommunenummer: B, meetingId: b.meeting, agendaItemId: b.agendaItem }, body: { closed: false } }),
  deleteAgendaItem: () => ({ params: { kommunenummer: B, meetingId: b.meeting, agendaItemId: b.agendaItem } }),
  setAttendance: () => ({
    params: { kommunenummer: B, meetingId: b.meeting },
    body: { attendance: [{ memberId: b.member, status: 'absent' }] },
  }),
  createDecision: () => ({ params: { kommunenummer: B, meetingId: b.meeting }, body: { text: 'Intruder' } }),
  updateDecision: () => ({ params: { kommunenummer: B, meetingId: b.meeting, decisionId: b.decision }, body: { text: 'Hijacked' } }),
  deleteDecision: () => ({ params: { kommunenummer: B, meetingId: b.meeting, decisionId: b.decision } }),
  listActionItems: () => ({ params: { kommunenummer: B } }),
  getActionItem: () => ({ params: { kommunenummer: B, actionItemId: b.actionItem } }),
  createActionItem: () => ({ params: { kommunenummer: B }, body: { meetingId: b.meeting, description: 'Intruder' } }),
  updateActionItem: () => ({ params: { kommunenummer: B, actionItemId: b.actionItem }, body: { status: 'done' } }),
  deleteActionItem: () => ({ params: { kommunenummer: B, actionItemId: b.actionItem } }),
  getCompliance: () => ({ params: { kommunenummer: B }, query: 'year=2026' }),
  listGrantApplications: () => ({ params: { kommunenummer: B } }),
  getGrantApplication: () => ({ params: { kommunenummer: B, grantApplicationId: b.grantApplication } }),
  getGrantReport: () => ({ params: { kommunenummer: B, grantApplicationId: b.grantApplication } }),
  getGrantReportDocument: () => ({ params: { kommunenummer: B, grantApplicationId: b.grantApplication, format: 'pdf' } }),
  createGrantApplication: () => ({
    params: { kommunenummer: B },
    body: { title: 'Intruder', periodStart: '2027-01-01', periodEnd: '2027-12-31', appliedAmount: 1, ownFunding: 1 },
  }),
  updateGrantApplication: () => ({ params: { kommunenummer: B, grantApplicationId: b.grantApplication }, body: { grantedAmount: 1 } }),
  deleteGrantApplication: () => ({ params: { kommunenummer: B, grantApplicationId: b.grantApplication } }),
  listStatusAnalyses: () => ({ params: { kommunenummer: B } }),
  getStatusAnalysis: () => ({ params: { kommunenummer: B, statusAnalysisId: b.statusAnalysis } }),
  getStatusAnalysisDocument: () => ({ params: { kommunenummer: B, statusAnalysisId: b.statusAnalysis, format: 'docx' } }),
  createStatusAnalysis: () => ({
    params: { kommunenummer: B },
    body: { title: 'Intruder', periodStart: '2026-01-01', periodEnd: '2026-12-31' },
  }),
  updateStatusAnalysis: () => ({ params: { kommunenummer: B, statusAnalysisId: b.statusAnalysis }, body: { summary: 'Hijacked' } }),
  deleteStatusAnalysis: () => ({ params: { kommunenummer: B, statusAnalysisId: b.statusAnalysis } }),
  getAnnualReport: () => ({ params: { kommunenummer: B, year: '2026' } }),
  getAnnualReportDocument: () => ({ params: { kommunenummer: B, year: '2026', format: 'html' } }),
  getAnnualReportTexts: () => ({ params: { kommunenummer: B, year: '2026' } }),
  updateAnnualReportTexts: () => ({ params: { kommunenummer: B, year: '2026' }, body: { summary: { text: 'Hijacked' } } }),
  createKeyDate: () => ({ params: { kommunenummer: B }, body: { title: 'Intruder', date: '2026-01-01' } }),
  updateKeyDate: () => ({ params: { kommunenummer: B, keyDateId: b.keyDate }, body: { isPublic: false } }),
  deleteKeyDate: () => ({ params: { kommunenummer: B, keyDateId: b.keyDate } }),
  importSetup: () => ({
    params: { kommunenummer: B },
    body: { format: 'slt-setup/1', members: [{ externalId: b.member, name: 'Hijacked' }] },
  }),
  exportSetup: () => ({ params: { kommunenummer: B } }),
  exportMembersCsv: () => ({ params: { kommunenummer: B } }),
  exportMeasuresCsv: () => ({ params: { kommunenummer: B } }),
  putSetupProfile: () => ({ params: { kommunenummer: B }, body: { collaborationName: 'Hijacked' } }),
  createPlan: () => ({ params: { kommunenummer: B }, body: { title: 'Intruder', periodStart: '2027-01-01', periodEnd: '2027-12-31' } }),
  updatePlan: () => ({ params: { kommunenummer: B, planId: b.plan }, body: { title: 'Hijacked' } }),
  changePlanStatus: () => ({ params: { kommunenummer: B, planId: b.plan }, body: { status: 'expired' } }),
  deletePlan: () => ({ params: { kommunenummer: B, planId: b.plan } }),
  sendMeetingNotice: () => ({ params: { kommunenummer: B, meetingId: b.meeting } }),
  listMail: () => ({ params: { kommunenummer: B } }),
};

const adminRequests: Record<string, () => { params: Record<string, string>; body?: unknown }> = {
  listUsers: () => ({ params: {} }),
  createUser: () => ({ params: {}, body: { email: 'intruder@demo.invalid', name: 'I', password: 'intruder-password' } }),
  getUser: () => ({ params: { userId: bUserId } }),
  updateUser: () => ({ params: { userId: bUserId }, body: { active: false } }),
  setUserRole: () => ({ params: { userId: bUserId, kommunenummer: B }, body: { role: 'coordinator' } }),
  removeUserRole: () => ({ params: { userId: bUserId, kommunenummer: B } }),
  addPartner: () => ({ params: { kommunenummer: B, partnerKommunenummer: '3403' } }),
  removePartner: () => ({ params: { kommunenummer: '3905', partnerKommunenummer: '3911' } }),
  eraseMember: () => ({ params: { kommunenummer: B, memberId: b.member } }),
  listOidcProviders: () => ({ params: {} }),
  createOidcProvider: () => ({
    params: {},
    body: {
      kommunenummer: B,
      label: 'Intruder',
      issuer: 'https://idp.invalid',
      clientId: 'x',
      clientSecret: 'y',
      allowedDomains: ['intruder.invalid'],
    },
  }),
  deleteOidcProvider: () => ({ params: { providerId: '00000000-0000-4000-8000-000000000000' } }),
};

/**
 * Every public read of a municipality's data. Callers from A must get exactly what an anonymous
 * caller gets (the public view), never B's internal view.
 */
const publicReads: Record<string, () => { params: Record<string, string>; query?: string }> = {
  getMunicipality: () => ({ params: { kommunenummer: B } }),
  listOrganizations: () => ({ params: { kommunenummer: B } }),
  getOrganization: () => ({ params: { kommunenummer: B, organizationId: bOrganizationId } }),
  getSltSetup: () => ({ params: { kommunenummer: B } }),
  listPartners: () => ({ params: { kommunenummer: '3905' } }),
  listTiers: () => ({ params: { kommunenummer: B } }),
  getTier: () => ({ params: { kommunenummer: B, tierId: b.tier } }),
  listMemberships: () => ({ params: { kommunenummer: B, tierId: b.tier } }),
  getMembership: () => ({ params: { kommunenummer: B, tierId: b.tier, membershipId: b.membership } }),
  listMembers: () => ({ params: { kommunenummer: B } }),
  getMember: () => ({ params: { kommunenummer: B, memberId: b.member } }),
  listTargetGroups: () => ({ params: { kommunenummer: B } }),
  getTargetGroup: () => ({ params: { kommunenummer: B, targetGroupId: b.targetGroup } }),
  listFocusAreas: () => ({ params: { kommunenummer: B } }),
  getFocusArea: () => ({ params: { kommunenummer: B, focusAreaId: b.focusArea } }),
  listGoals: () => ({ params: { kommunenummer: B } }),
  getGoal: () => ({ params: { kommunenummer: B, goalId: b.goal } }),
  getIndicatorSource: () => ({ params: { kommunenummer: B, goalId: b.goal, indicatorId: b.indicator } }),
  listIndicatorSources: () => ({ params: { kommunenummer: B } }),
  listMeasures: () => ({ params: { kommunenummer: B } }),
  getMeasure: () => ({ params: { kommunenummer: B, measureId: b.measure } }),
  listMeetings: () => ({ params: { kommunenummer: B } }),
  getMeeting: () => ({ params: { kommunenummer: B, meetingId: b.meeting } }),
  getYearPlan: () => ({ params: { kommunenummer: B }, query: 'year=2026' }),
  getPublicAnnualReport: () => ({ params: { kommunenummer: B, year: '2026' } }),
  listKeyDates: () => ({ params: { kommunenummer: B } }),
  getKeyDate: () => ({ params: { kommunenummer: B, keyDateId: b.keyDate } }),
  getMunicipalityCalendar: () => ({ params: { kommunenummer: B } }),
  getTierCalendar: () => ({ params: { kommunenummer: B, tierId: b.tier } }),
  getSetupProfile: () => ({ params: { kommunenummer: B } }),
  listPlans: () => ({ params: { kommunenummer: B } }),
  getPlan: () => ({ params: { kommunenummer: B, planId: b.plan } }),
  listPlanVersions: () => ({ params: { kommunenummer: B, planId: b.plan } }),
  getPlanVersion: () => ({ params: { kommunenummer: B, planId: b.plan, version: '1' } }),
  // The printable page: DOCX and PDF carry their creation time, so equal answers are compared on the HTML.
  getPlanDocument: () => ({ params: { kommunenummer: B, planId: b.plan, format: 'html' } }),
  getPublicAnnualReportDocument: () => ({ params: { kommunenummer: B, year: '2026', format: 'html' } }),
  getMinutesDocument: () => ({ params: { kommunenummer: B, meetingId: b.meeting, format: 'html' } }),
};

const allRoutes = Object.values(routes) as RouteContract[];
const pathOf = (route: RouteContract, params: Record<string, string>, query?: string) =>
  route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => params[name] ?? `missing-${name}`) + (query ? `?${query}` : '');

async function snapshotOfB() {
  const db = t.database.db;
  return {
    tokens: await db.select().from(apiTokens).where(eq(apiTokens.kommunenummer, B)),
    audit: await db.select().from(auditLog).where(eq(auditLog.kommunenummer, B)),
    roles: await db.select().from(userRoles).where(eq(userRoles.kommunenummer, B)),
    municipality: await db.select().from(municipalities).where(eq(municipalities.kommunenummer, B)),
    organizations: await db.select().from(organizations).where(eq(organizations.kommunenummer, B)),
    users: await db.select().from(users),
    partnerships: await db.select().from(partnerships),
    tiers: await db.select().from(tiers).where(eq(tiers.kommunenummer, B)),
    members: await db.select().from(members).where(eq(members.kommunenummer, B)),
    memberships: await db.select().from(memberships),
    targetGroups: await db.select().from(targetGroups).where(eq(targetGroups.kommunenummer, B)),
    focusAreas: await db.select().from(focusAreas).where(eq(focusAreas.kommunenummer, B)),
    goals: await db.select().from(goals).where(eq(goals.kommunenummer, B)),
    indicatorSources: await db.select().from(indicatorSources).where(eq(indicatorSources.kommunenummer, B)),
    indicatorSourceValues: await db.select().from(indicatorSourceValues),
    measures: await db.select().from(measures).where(eq(measures.kommunenummer, B)),
    meetings: await db.select().from(meetings).where(eq(meetings.kommunenummer, B)),
    agendaItems: await db.select().from(agendaItems),
    attendance: await db.select().from(attendance),
    decisions: await db.select().from(decisions),
    actionItems: await db.select().from(actionItems).where(eq(actionItems.kommunenummer, B)),
    keyDates: await db.select().from(keyDates).where(eq(keyDates.kommunenummer, B)),
    grantApplications: await db.select().from(grantApplications).where(eq(grantApplications.kommunenummer, B)),
    grantApplicationGoals: await db.select().from(grantApplicationGoals),
    statusAnalyses: await db.select().from(statusAnalyses).where(eq(statusAnalyses.kommunenummer, B)),
    annualReportTexts: await db.select().from(annualReportTexts).where(eq(annualReportTexts.kommunenummer, B)),
    profile: await db.select().from(setupProfiles).where(eq(setupProfiles.kommunenummer, B)),
    plans: await db.select().from(plans).where(eq(plans.kommunenummer, B)),
    planStatusChanges: await db.select().from(planStatusChanges),
    planVersions: await db.select().from(planVersions),
    mailPreferences: await db.select().from(mailPreferences),
    mail: await db.select().from(mailOutbox).where(eq(mailOutbox.kommunenummer, B)),
    profileView: await (await call(t, 'GET', `/api/v1/municipalities/${B}/profile`, { bearer: internalReader })).text(),
    // Indicators, measurements, evaluations and links: through the documents every reader sees.
    setup: await (await call(t, 'GET', `/api/v1/municipalities/${B}/slt`, { bearer: internalReader })).text(),
  };
}

describe('tenant isolation', () => {
  it('the matrix covers every municipality route and every admin route in the contract', () => {
    expect(Object.keys(municipalityRequests).sort()).toEqual(
      allRoutes
        .filter((r) => r.access.kind === 'municipality')
        .map((r) => r.operationId)
        .sort(),
    );
    expect(Object.keys(adminRequests).sort()).toEqual(
      allRoutes
        .filter((r) => r.access.kind === 'admin')
        .map((r) => r.operationId)
        .sort(),
    );
  });

  it(`callers of ${A} get exactly the anonymous (public) answer on every public read of ${B}`, async () => {
    expect(Object.keys(publicReads).sort()).toEqual(
      allRoutes
        .filter((r) => r.access.kind === 'public' && r.path.includes(':kommunenummer'))
        .map((r) => r.operationId)
        .sort(),
    );
    for (const [operationId, request] of Object.entries(publicReads)) {
      const route = allRoutes.find((r) => r.operationId === operationId)!;
      const path = pathOf(route, request().params, request().query);
      const anonymous = await call(t, 'GET', path);
      expect(anonymous.status, path).toBe(200);
      const expected = await anonymous.text();
      for (const caller of callers) {
        const response = await call(t, 'GET', path, { bearer: caller.bearer });
        expect(response.status, `${caller.name}: ${path}`).toBe(200);
        expect(await response.text(), `${caller.name}: ${path}`).toBe(expected);
      }
    }
  });

  it(`callers of ${A} get 404 on ${B}'s internal reads and 403 on writes, and ${B} is unchanged`, async () => {
    const before = await snapshotOfB();
    for (const [operationId, request] of Object.entries(municipalityRequests)) {
      const route = allRoutes.find((r) => r.operationId === operationId)!;
      const { params, body, query } = request();
      for (const caller of callers) {
        const response = await call(t, route.method, pathOf(route, params, query), { bearer: caller.bearer, body });
        const expected = route.method === 'GET' ? 404 : 403;
        expect(response.status, `${caller.name}: ${route.method} ${route.path}`).toBe(expected);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
    }
    expect(await snapshotOfB()).toEqual(before);
  });

  it('non-admins get 403 on every admin route, anonymous callers 401, and nothing changes', async () => {
    const before = await snapshotOfB();
    const member = await signIn(t, DEMO.member3401);
    const coordinator = await signIn(t, DEMO.coordinator3401);
    for (const [operationId, request] of Object.entries(adminRequests)) {
      const route = allRoutes.find((r) => r.operationId === operationId)!;
      const { params, body } = request();
      for (const bearer of [...callers.map((c) => c.bearer), member.accessToken, coordinator.accessToken]) {
        const response = await call(t, route.method, pathOf(route, params), { bearer, body });
        expect(response.status, `${route.method} ${route.path}`).toBe(403);
      }
      expect((await call(t, route.method, pathOf(route, params), { body })).status).toBe(401);
    }
    const after = await snapshotOfB();
    expect(after.tokens).toEqual(before.tokens);
    expect(after.roles).toEqual(before.roles);
    expect(after.partnerships).toEqual(before.partnerships);
    expect(after.users.map(({ updatedAt: _u, ...u }) => u)).toEqual(before.users.map(({ updatedAt: _u, ...u }) => u));
  });

  it("a member reads the municipality's internal data but cannot manage it", async () => {
    const member = await signIn(t, DEMO.member3401);
    expect((await call(t, 'GET', `/api/v1/municipalities/${B}/users`, { bearer: member.accessToken })).status).toBe(200);
    expect((await call(t, 'GET', `/api/v1/municipalities/${B}/api-tokens`, { bearer: member.accessToken })).status).toBe(403);
    expect((await call(t, 'GET', `/api/v1/municipalities/${B}/audit`, { bearer: member.accessToken })).status).toBe(403);
  });
});

describe('per-user routes', () => {
  /** Routes of the signed-in user's own things (no municipality): anonymous 401, API tokens 403, one user's never another's. */
  const userRequests: Record<string, { body?: unknown }> = {
    listCalendarFeeds: {},
    createCalendarFeed: { body: { label: 'Tenancy' } },
    revokeCalendarFeed: {},
    getMailPreferences: {},
    updateMailPreferences: { body: { weeklyDigest: false } },
  };

  it('every user route is covered; anonymous callers get 401 and API tokens 403 on each', async () => {
    expect(Object.keys(userRequests).sort()).toEqual(
      allRoutes
        .filter((r) => r.access.kind === 'user' && r.path.startsWith('/api/v1/me/'))
        .map((r) => r.operationId)
        .sort(),
    );
    const before = await snapshotOfB();
    for (const [operationId, { body }] of Object.entries(userRequests)) {
      const route = allRoutes.find((r) => r.operationId === operationId)!;
      const path = pathOf(route, { feedId: '00000000-0000-4000-8000-000000000000' });
      expect((await call(t, route.method, path, { body })).status, `anonymous ${operationId}`).toBe(401);
      expect((await call(t, route.method, path, { bearer: callers[1]!.bearer, body })).status, `token ${operationId}`).toBe(403);
    }
    expect(await snapshotOfB()).toEqual(before);
  });

  it("a user's mail preferences are their own: A's coordinator turning the digest off leaves B's member's on", async () => {
    const member = (await signIn(t, DEMO.member3401)).accessToken;
    const off = await call(t, 'PUT', '/api/v1/me/mail-preferences', { bearer: callers[0]!.bearer, body: { weeklyDigest: false } });
    expect(off.status).toBe(200);
    expect(await (await call(t, 'GET', '/api/v1/me/mail-preferences', { bearer: member })).json()).toEqual({ weeklyDigest: true });
    expect(await (await call(t, 'GET', '/api/v1/me/mail-preferences', { bearer: callers[0]!.bearer })).json()).toEqual({
      weeklyDigest: false,
    });
    await call(t, 'PUT', '/api/v1/me/mail-preferences', { bearer: callers[0]!.bearer, body: { weeklyDigest: true } });
  });

  it(`callers of ${A} cannot approve ${B}'s minutes (403), and nothing is mailed`, async () => {
    const before = await snapshotOfB();
    for (const caller of callers) {
      const response = await call(t, 'PATCH', `/api/v1/municipalities/${B}/meetings/${b.meeting}`, {
        bearer: caller.bearer,
        body: { minutesApproved: true },
        headers: { 'if-match': '*' },
      });
      expect(response.status, caller.name).toBe(403);
    }
    expect(await snapshotOfB()).toEqual(before);
  });
});

describe('optimistic concurrency', () => {
  /** Writes that change a row someone read: without If-Match 428, with a stale one 412, and nothing changes. */
  const notVersioned = new Set([
    // Creating a top-level row needs no version (there is nothing to be stale against).
    ...Object.keys(municipalityRequests).filter(
      (id) =>
        /^create/.test(id) &&
        !['createAgendaItem', 'createDecision', 'createIndicator', 'createMeasurement', 'createEvaluation'].includes(id),
    ),
    'revokeApiToken', // issue 3: revoking is idempotent and final
    'importSetup', // matched by externalId, made safe to retry by Idempotency-Key
    // Statistics imports are keyed by series, region and period: a repeat changes nothing.
    'importIndicatorSource',
    'importIndicatorSourceFile',
    // Access is set whole (PUT of a role is idempotent) and removing it is final, as in the admin API's setUserRole/removeUserRole.
    'inviteUser',
    'setMunicipalityUserRole',
    'removeMunicipalityUser',
    // Queues mail for the meeting's current version; a repeat queues nothing (one mail per member and version).
    'sendMeetingNotice',
  ]);

  it(`every write of ${B}'s data that changes what was read needs a current If-Match`, async () => {
    const coordinatorB = (await signIn(t, DEMO.coordinator3401)).accessToken;
    const before = await snapshotOfB();
    const versioned = Object.entries(municipalityRequests).filter(([id]) => {
      const route = allRoutes.find((r) => r.operationId === id)!;
      return route.method !== 'GET' && !notVersioned.has(id);
    });
    expect(versioned.length).toBeGreaterThan(30);
    for (const [operationId, request] of versioned) {
      const route = allRoutes.find((r) => r.operationId === operationId)!;
      const { params, body, query } = request();
      const path = pathOf(route, params, query);
      const missing = await call(t, route.method, path, { bearer: coordinatorB, body });
      expect(missing.status, `${operationId} without If-Match`).toBe(428);
      expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const stale = await call(t, route.method, path, { bearer: coordinatorB, body, headers: { 'if-match': '"stale"' } });
      expect(stale.status, `${operationId} with a stale If-Match`).toBe(412);
    }
    expect(await snapshotOfB()).toEqual(before);
  });
});

describe('route inventory', () => {
  it('every API route declares who may call it, and every contract route is served', () => {
    const inventory = t.app.routeInventory;
    const undeclared = inventory.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    const served = new Set(inventory.map((r) => `${r.method} ${r.url}`));
    const contract = allRoutes.map((r) => `${r.method} ${r.path}`);
    expect(contract.filter((key) => !served.has(key))).toEqual([]);
    const extra = [...served].filter((key) => !contract.includes(key));
    expect(extra).toEqual(['GET /api/openapi.json']);
  });
});
