import type { ActionItemPage, Compliance, Meeting, MeetingPage, Tier } from '@slt/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaItems, auditLog, decisions, meetings } from '../../db/schema/index.js';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { expectProblem, FNR } from '../../../test/problems.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let coordinator: string;
let member: string;
let tiers: Tier[];
let people: { id: string; name: string | null; email: string | null }[];
const base = '/api/v1/municipalities/3401';
const lastYear = new Date().getUTCFullYear() - 1;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = (await signIn(t, DEMO.coordinator3401)).accessToken;
  member = (await signIn(t, DEMO.member3401)).accessToken;
  tiers = ((await (await call(t, 'GET', `${base}/tiers`)).json()) as { items: Tier[] }).items;
  people = ((await (await call(t, 'GET', `${base}/members`, { bearer: coordinator })).json()) as { items: typeof people }).items;
});
afterAll(async () => {
  await t?.close();
});

const tierNamed = (name: string) => tiers.find((x) => x.name === name)!;
const personNamed = (name: string) => people.find((p) => p.name === name)!;
const json = async <T>(response: Response, status = 200): Promise<T> => {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
};
async function schedule(body: Record<string, unknown>) {
  const response = await call(t, 'POST', `${base}/meetings`, {
    bearer: coordinator,
    body: { tierId: tierNamed('Politirådet').id, ...body },
  });
  return { meeting: await json<Meeting>(response, 201), etag: response.headers.get('etag')! };
}
const counts = async () => ({
  meetings: (await t.database.db.select().from(meetings)).length,
  agenda: (await t.database.db.select().from(agendaItems)).length,
  decisions: (await t.database.db.select().from(decisions)).length,
  audit: (await t.database.db.select().from(auditLog)).length,
});

describe('compliance with the meeting rules (demo data)', () => {
  it(`Kongsvinger's politiråd held 3 of at least 4 last year: behind`, async () => {
    const compliance = await json<Compliance>(await call(t, 'GET', `${base}/compliance?year=${lastYear}`, { bearer: member }));
    const politiraad = compliance.tiers.find((x) => x.name === 'Politirådet')!;
    expect(politiraad.periods).toEqual([
      {
        period: 'year',
        start: `${lastYear}-01-01`,
        end: `${lastYear}-12-31`,
        required: 4,
        held: 3,
        planned: 0,
        cancelled: 1,
        status: 'behind',
      },
    ]);
    expect(politiraad.status).toBe('behind');
    // A tier without a rule is listed without periods.
    expect(compliance.tiers.find((x) => x.name === 'SLT – utøvende nivå')).toMatchObject({ meetingRule: null, status: null, periods: [] });
  });

  it("Aukra's koordineringsgruppa (3 in spring + 2 in autumn): 3 held in spring is met, 1 in autumn is behind", async () => {
    const aukra = (await signIn(t, DEMO.coordinator1547)).accessToken;
    const compliance = await json<Compliance>(
      await call(t, 'GET', `/api/v1/municipalities/1547/compliance?year=${lastYear}`, { bearer: aukra }),
    );
    const group = compliance.tiers.find((x) => x.name === 'Koordineringsgruppa')!;
    expect(group.periods.map((p) => [p.period, p.held, p.required, p.status])).toEqual([
      ['spring', 3, 3, 'met'],
      ['autumn', 1, 2, 'behind'],
    ]);
    expect(compliance.tiers.find((x) => x.name === 'Politirådet')!.status).toBe('met');
  });

  it('a meeting on 31 December at 23:30 Oslo time counts for that year, not the next', async () => {
    const tier = await json<Tier>(
      await call(t, 'POST', `${base}/tiers`, {
        bearer: coordinator,
        body: { level: 'operational', name: 'Nyttårsgruppa', meetingRule: { kind: 'per_year', count: 1 } },
      }),
      201,
    );
    await schedule({
      tierId: tier.id,
      title: 'Nyttårsmøte',
      startsAt: '2023-12-31T23:30:00+01:00',
      endsAt: '2024-01-01T00:30:00+01:00',
      status: 'held',
    });
    const of = async (year: number) =>
      (await json<Compliance>(await call(t, 'GET', `${base}/compliance?year=${year}`, { bearer: coordinator }))).tiers.find(
        (x) => x.tierId === tier.id,
      )!.periods[0]!;
    expect(await of(2023)).toMatchObject({ held: 1, status: 'met' });
    expect(await of(2024)).toMatchObject({ held: 0, status: 'behind' });
    // The year's meeting list (Europe/Oslo days) agrees.
    const page = await json<MeetingPage>(await call(t, 'GET', `${base}/meetings?from=2023-12-31&to=2023-12-31&tierId=${tier.id}`));
    expect(page.items.map((m) => m.title)).toEqual(['Nyttårsmøte']);
  });

  it('compliance is internal: anonymous callers get 401, other municipalities 404', async () => {
    await expectProblem(await call(t, 'GET', `${base}/compliance?year=2025`), 401);
    const aukra = (await signIn(t, DEMO.coordinator1547)).accessToken;
    await expectProblem(await call(t, 'GET', `${base}/compliance?year=2025`, { bearer: aukra }), 404);
    await expectProblem(await call(t, 'GET', `${base}/compliance?year=1800`, { bearer: coordinator }), 400, 'year');
  });
});

describe('meetings', () => {
  it('closed agenda items and minutes never reach anonymous callers or members not named', async () => {
    const { meeting, etag } = await schedule({
      title: 'Lukket test',
      startsAt: '2026-03-05T18:00:00+01:00',
      endsAt: '2026-03-05T20:00:00+01:00',
      minutes: 'Interne notater',
    });
    const police = personNamed('Øyvind Tankespinn').id;
    const url = `${base}/meetings/${meeting.id}`;
    const open = await call(t, 'POST', `${url}/agenda-items`, {
      bearer: coordinator,
      body: { title: 'Åpen sak' },
      headers: { 'if-match': etag },
    });
    const closed = await call(t, 'POST', `${url}/agenda-items`, {
      bearer: coordinator,
      body: { title: 'Hemmelig sak om en gruppe', closed: true, visibleToMemberIds: [police] },
      headers: { 'if-match': open.headers.get('etag')! },
    });
    const full = await json<Meeting>(closed, 201);
    const closedItem = full.agenda!.find((i) => i.closed)!;
    const decided = await call(t, 'POST', `${url}/decisions`, {
      bearer: coordinator,
      body: { text: 'Vedtak i den lukkede saken', agendaItemId: closedItem.id },
      headers: { 'if-match': closed.headers.get('etag')! },
    });
    expect(decided.status).toBe(201);

    const anonymous = await (await call(t, 'GET', url)).text();
    expect(JSON.parse(anonymous)).toEqual({
      ...full,
      agenda: undefined,
      attendance: undefined,
      minutes: undefined,
      minutesApprovedAt: undefined,
      decisions: undefined,
      actionItems: undefined,
      reportBackItems: undefined,
      updatedAt: (JSON.parse(anonymous) as { updatedAt: string }).updatedAt,
    });
    const notNamed = await (await call(t, 'GET', url, { bearer: member })).text();
    for (const body of [anonymous, notNamed]) {
      expect(body).not.toContain('Hemmelig');
      expect(body).not.toContain('lukkede saken');
    }
    expect((JSON.parse(notNamed) as { agenda: { title: string }[] }).agenda.map((i: { title: string }) => i.title)).toEqual(['Åpen sak']);
    expect((JSON.parse(notNamed) as { minutes: string }).minutes).toBe('Interne notater');
    expect(anonymous).not.toContain('Interne notater');
    const feed = await (await call(t, 'GET', `${base}/calendar.ics`)).text();
    expect(feed).toContain('Lukket test');
    expect(feed).not.toContain('Hemmelig');
    expect(feed).not.toContain('Interne notater');

    // Name Mats Medlem on the item: now he sees it and its decision.
    const current = await call(t, 'GET', url, { bearer: coordinator });
    const named = await call(t, 'PATCH', `${url}/agenda-items/${closedItem.id}`, {
      bearer: coordinator,
      body: { visibleToMemberIds: [police, personNamed('Mats Medlem').id] },
      headers: { 'if-match': current.headers.get('etag')! },
    });
    expect(named.status).toBe(200);
    const asNamed = await json<Meeting>(await call(t, 'GET', url, { bearer: member }));
    expect(asNamed.agenda!.map((i) => i.title)).toEqual(['Åpen sak', 'Hemmelig sak om en gruppe']);
    expect(asNamed.decisions!.map((d) => d.text)).toEqual(['Vedtak i den lukkede saken']);
  });

  it('refuses bad input with a problem naming the field, and writes nothing', async () => {
    const before = await counts();
    const post = (body: Record<string, unknown>) =>
      call(t, 'POST', `${base}/meetings`, {
        bearer: coordinator,
        body: {
          tierId: tierNamed('Politirådet').id,
          title: 'X',
          startsAt: '2026-03-05T18:00:00+01:00',
          endsAt: '2026-03-05T20:00:00+01:00',
          ...body,
        },
      });
    await expectProblem(await post({ endsAt: '2026-03-05T17:00:00+01:00' }), 400, 'endsAt');
    await expectProblem(await post({ minutes: `Gjelder ${FNR}` }), 400, 'minutes');
    await expectProblem(await post({ startsAt: 'tomorrow' }), 400, 'startsAt');
    await expectProblem(await post({ status: 'postponed' }), 400, 'status');
    const aukraTiers = (await (await call(t, 'GET', '/api/v1/municipalities/1547/tiers')).json()) as { items: Tier[] };
    await expectProblem(await post({ tierId: aukraTiers.items[0]!.id }), 400, 'tierId');
    const { meeting, etag } = await schedule({
      title: 'Feiltest',
      startsAt: '2026-04-05T18:00:00+02:00',
      endsAt: '2026-04-05T20:00:00+02:00',
    });
    const other = await schedule({ title: 'Annet møte', startsAt: '2026-04-06T18:00:00+02:00', endsAt: '2026-04-06T20:00:00+02:00' });
    const withItem = await json<Meeting>(
      await call(t, 'POST', `${base}/meetings/${other.meeting.id}/agenda-items`, {
        bearer: coordinator,
        body: { title: 'Sak' },
        headers: { 'if-match': other.etag },
      }),
      201,
    );
    const mid = await counts();
    const url = `${base}/meetings/${meeting.id}`;
    const write = (method: string, path: string, body: unknown) =>
      call(t, method, `${url}${path}`, { bearer: coordinator, body, headers: { 'if-match': etag } });
    await expectProblem(await write('POST', '/decisions', { text: 'X', agendaItemId: withItem.agenda![0]!.id }), 400, 'agendaItemId');
    await expectProblem(
      await write('POST', '/decisions', { text: 'X', newMeasure: { title: 'Y' }, measureId: withItem.id }),
      400,
      'newMeasure',
    );
    await expectProblem(await write('POST', '/agenda-items', { title: `Elev ${FNR}` }), 400, 'title');
    const aukraMembers = (await (await call(t, 'GET', '/api/v1/municipalities/1547/members')).json()) as { items: { id: string }[] };
    await expectProblem(
      await write('POST', '/agenda-items', { title: 'X', closed: true, visibleToMemberIds: [aukraMembers.items[0]!.id] }),
      400,
      'visibleToMemberIds',
    );
    const someone = personNamed('Kari Fiktiv').id;
    await expectProblem(
      await write('PUT', '/attendance', {
        attendance: [
          { memberId: someone, status: 'present' },
          { memberId: someone, status: 'absent' },
        ],
      }),
      400,
      'attendance',
    );
    await expectProblem(await write('PUT', '/attendance', { attendance: [{ memberId: someone, status: 'late' }] }), 400);
    await expectProblem(await write('PATCH', '', { endsAt: '2026-04-05T17:00:00+02:00' }), 400, 'endsAt');
    expect(await counts()).toEqual(mid);
    expect(mid.meetings).toBe(before.meetings + 2);
  });

  it('every write needs a current If-Match: 428 without, 412 when stale; of two concurrent writes one wins', async () => {
    const { meeting, etag } = await schedule({
      title: 'Samtidig',
      startsAt: '2026-05-05T18:00:00+02:00',
      endsAt: '2026-05-05T20:00:00+02:00',
    });
    const url = `${base}/meetings/${meeting.id}`;
    await expectProblem(await call(t, 'PATCH', url, { bearer: coordinator, body: { title: 'Y' } }), 428);
    const [a, b] = await Promise.all(
      ['Sak A', 'Sak B'].map((title) =>
        call(t, 'POST', `${url}/agenda-items`, { bearer: coordinator, body: { title }, headers: { 'if-match': etag } }),
      ),
    );
    expect([a!.status, b!.status].sort()).toEqual([201, 412]);
    await expectProblem(await call(t, 'PATCH', url, { bearer: coordinator, body: { title: 'Y' }, headers: { 'if-match': etag } }), 412);
    const current = await call(t, 'GET', url, { bearer: coordinator });
    expect(((await current.json()) as Meeting).agenda).toHaveLength(1);
    // A meeting that was held keeps its history.
    const held = await call(t, 'PATCH', url, {
      bearer: coordinator,
      body: { status: 'held' },
      headers: { 'if-match': current.headers.get('etag')! },
    });
    expect(held.status).toBe(200);
    await expectProblem(await call(t, 'DELETE', url, { bearer: coordinator, headers: { 'if-match': held.headers.get('etag')! } }), 409);
  });

  it('a meeting that has not started cannot be marked held (compliance is not met in advance): a 400 with code in_future', async () => {
    const nextYear = lastYear + 2;
    const times = { startsAt: `${nextYear}-02-16T18:00:00+01:00`, endsAt: `${nextYear}-02-16T20:00:00+01:00` };
    const refused = await expectProblem(
      await call(t, 'POST', `${base}/meetings`, {
        bearer: coordinator,
        body: { tierId: tierNamed('Politirådet').id, title: 'For tidlig', status: 'held', ...times },
      }),
      400,
      'status',
    );
    expect((refused as { errors?: { code?: string }[] }).errors?.[0]?.code).toBe('in_future');
    const { meeting, etag } = await schedule({ title: 'Planlagt i framtida', ...times });
    const url = `${base}/meetings/${meeting.id}`;
    await expectProblem(
      await call(t, 'PATCH', url, { bearer: coordinator, body: { status: 'held' }, headers: { 'if-match': etag } }),
      400,
      'status',
    );
    const after = await json<Meeting>(await call(t, 'GET', url, { bearer: coordinator }));
    expect(after.status).toBe('planned');
  });

  it('orders the agenda: insert at a position, move, remove; a decision can create a measure decided by the tier', async () => {
    let { meeting, etag } = await schedule({
      title: 'Rekkefølge',
      startsAt: '2026-06-05T18:00:00+02:00',
      endsAt: '2026-06-05T20:00:00+02:00',
    });
    const url = `${base}/meetings/${meeting.id}`;
    const step = async (method: string, path: string, body?: unknown) => {
      const response = await call(t, method, `${url}${path}`, { bearer: coordinator, body, headers: { 'if-match': etag } });
      meeting = await json<Meeting>(response, method === 'POST' ? 201 : 200);
      etag = response.headers.get('etag')!;
    };
    await step('POST', '/agenda-items', { title: 'B' });
    await step('POST', '/agenda-items', { title: 'C' });
    await step('POST', '/agenda-items', { title: 'A', position: 1 });
    expect(meeting.agenda!.map((i) => [i.position, i.title])).toEqual([
      [1, 'A'],
      [2, 'B'],
      [3, 'C'],
    ]);
    await step('PATCH', `/agenda-items/${meeting.agenda![2]!.id}`, { position: 1 });
    expect(meeting.agenda!.map((i) => i.title)).toEqual(['C', 'A', 'B']);
    await step('DELETE', `/agenda-items/${meeting.agenda![1]!.id}`);
    expect(meeting.agenda!.map((i) => [i.position, i.title])).toEqual([
      [1, 'C'],
      [2, 'B'],
    ]);
    await step('POST', '/decisions', {
      text: 'Vi starter leksehjelp',
      agendaItemId: meeting.agenda![0]!.id,
      newMeasure: { title: 'Leksehjelp fra møtevedtak' },
    });
    const measureId = meeting.decisions![0]!.measureId!;
    const measure = await json<{ status: string; decidedByTierId: string }>(
      await call(t, 'GET', `${base}/measures/${measureId}`, { bearer: coordinator }),
    );
    expect(measure).toMatchObject({ status: 'planned', decidedByTierId: tierNamed('Politirådet').id });
    await step('POST', '/decisions', { text: 'Leksehjelpen settes i gang', measureId, measureStatus: 'active' });
    expect((await json<{ status: string }>(await call(t, 'GET', `${base}/measures/${measureId}`, { bearer: coordinator }))).status).toBe(
      'active',
    );
    const refused = await call(t, 'POST', `${url}/decisions`, {
      bearer: coordinator,
      body: { text: 'Tilbake', measureId, measureStatus: 'idea' },
      headers: { 'if-match': etag },
    });
    await expectProblem(refused, 400, 'measureStatus');
    await expectProblem(
      await call(t, 'DELETE', `${url}/agenda-items/${meeting.agenda![0]!.id}`, { bearer: coordinator, headers: { 'if-match': etag } }),
      409,
    );
  });
});

describe('reads that load only what the caller may see', () => {
  it('an anonymous meeting read does not load the meeting tree: fewer statements than the internal read, public facts only', async () => {
    const page = (await (await call(t, 'GET', `${base}/meetings?limit=5`)).json()) as MeetingPage;
    const id = page.items[0]!.id;
    const internal = await t.statementsOf(async () => {
      expect((await call(t, 'GET', `${base}/meetings/${id}`, { bearer: coordinator })).status).toBe(200);
    });
    let response!: Response;
    const anonymous = await t.statementsOf(async () => {
      response = await call(t, 'GET', `${base}/meetings/${id}`);
    });
    // The tree is 4 statements (meeting, agenda, readers, attendance…); the public view needs the row.
    expect(anonymous).toBeLessThanOrEqual(internal - 3);
    expect(response.status).toBe(200);
    const meeting = (await response.json()) as Meeting;
    expect(meeting).toEqual(page.items[0]);
    expect(meeting).not.toHaveProperty('agenda');
  });
});

describe('action items', () => {
  it("overdue items appear in the municipality list and the responsible member's; completing one removes it; all audited", async () => {
    const { meeting } = await schedule({
      title: 'Oppfølging',
      startsAt: '2026-01-10T18:00:00+01:00',
      endsAt: '2026-01-10T20:00:00+01:00',
      status: 'held',
    });
    const later = await schedule({ title: 'Rapportering', startsAt: '2026-02-10T18:00:00+01:00', endsAt: '2026-02-10T20:00:00+01:00' });
    const mats = personNamed('Mats Medlem').id;
    const created = await call(t, 'POST', `${base}/action-items`, {
      bearer: coordinator,
      body: {
        meetingId: meeting.id,
        description: 'Sende rapport om uteliv',
        responsibleMemberId: mats,
        dueDate: '2026-01-20',
        reportBackMeetingId: later.meeting.id,
      },
    });
    const item = await json<{ id: string; overdue: boolean; tierId: string }>(created, 201);
    expect(item).toMatchObject({ overdue: true, tierId: tierNamed('Politirådet').id });
    const ids = async (query: string, bearer = coordinator) =>
      (await json<ActionItemPage>(await call(t, 'GET', `${base}/action-items?${query}`, { bearer }))).items.map((i) => i.id);
    expect(await ids('overdue=true')).toContain(item.id);
    expect(await ids(`memberId=${mats}&overdue=true`)).toContain(item.id);
    expect(await ids('mine=true&status=open', member)).toContain(item.id);
    expect(await ids('mine=true')).not.toContain(item.id); // the coordinator's own tasks
    const reportBack = await json<Meeting>(await call(t, 'GET', `${base}/meetings/${later.meeting.id}`, { bearer: member }));
    expect(reportBack.reportBackItems!.map((i) => i.id)).toEqual([item.id]);

    await expectProblem(await call(t, 'PATCH', `${base}/action-items/${item.id}`, { bearer: coordinator, body: { status: 'done' } }), 428);
    const done = await call(t, 'PATCH', `${base}/action-items/${item.id}`, {
      bearer: coordinator,
      body: { status: 'done' },
      headers: { 'if-match': created.headers.get('etag')! },
    });
    expect(await json<{ status: string; overdue: boolean; completedAt: string }>(done)).toMatchObject({ status: 'done', overdue: false });
    expect(await ids('overdue=true')).not.toContain(item.id);
    expect(await ids('mine=true&status=open', member)).not.toContain(item.id);
    expect(await ids(`status=done&memberId=${mats}`)).toContain(item.id);

    const audit = (
      await json<{ items: { entity: string; entityId: string; action: string; changes: Record<string, unknown> }[] }>(
        await call(t, 'GET', `${base}/audit?entity=action_item&limit=500`, { bearer: coordinator }),
      )
    ).items.filter((a) => a.entityId === item.id);
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
    expect(audit.find((a) => a.action === 'update')!.changes).toMatchObject({ status: { before: 'open', after: 'done' } });
  });

  it('a member completes their own task, but cannot change it otherwise nor touch the tasks of others', async () => {
    const { meeting } = await schedule({
      title: 'Egne oppgaver',
      startsAt: '2026-02-10T18:00:00+01:00',
      endsAt: '2026-02-10T20:00:00+01:00',
    });
    const give = async (person: string) => {
      const response = await call(t, 'POST', `${base}/action-items`, {
        bearer: coordinator,
        body: { meetingId: meeting.id, description: `Oppgave for ${person}`, responsibleMemberId: personNamed(person).id },
      });
      return { id: ((await response.json()) as { id: string }).id, etag: response.headers.get('etag')! };
    };
    const own = await give('Mats Medlem');
    const others = await give('Kari Fiktiv');
    const patch = (item: { id: string; etag: string }, body: unknown) =>
      call(t, 'PATCH', `${base}/action-items/${item.id}`, { bearer: member, body, headers: { 'if-match': item.etag } });
    await expectProblem(await patch(others, { status: 'done' }), 403);
    await expectProblem(await patch(own, { dueDate: '2030-01-01' }), 403);
    const done = await patch(own, { status: 'done' });
    expect(((await done.json()) as { status: string }).status).toBe('done');
    await expectProblem(
      await call(t, 'DELETE', `${base}/action-items/${own.id}`, { bearer: member, headers: { 'if-match': done.headers.get('etag')! } }),
      403,
    );
  });

  it('refuses a report-back meeting before the giving one, a member of another municipality, and "mine" for tokens', async () => {
    const { meeting } = await schedule({ title: 'Giver', startsAt: '2026-03-10T18:00:00+01:00', endsAt: '2026-03-10T20:00:00+01:00' });
    const earlier = await schedule({ title: 'Tidligere', startsAt: '2026-03-01T18:00:00+01:00', endsAt: '2026-03-01T20:00:00+01:00' });
    const before = await counts();
    const post = (body: Record<string, unknown>) =>
      call(t, 'POST', `${base}/action-items`, { bearer: coordinator, body: { meetingId: meeting.id, description: 'X', ...body } });
    await expectProblem(await post({ reportBackMeetingId: earlier.meeting.id }), 400, 'reportBackMeetingId');
    const aukraMembers = (await (await call(t, 'GET', '/api/v1/municipalities/1547/members')).json()) as { items: { id: string }[] };
    await expectProblem(await post({ responsibleMemberId: aukraMembers.items[0]!.id }), 400, 'responsibleMemberId');
    await expectProblem(await post({ description: `Følg opp ${FNR}` }), 400, 'description');
    await expectProblem(await post({ dueDate: '2026-02-30' }), 400, 'dueDate');
    expect(await counts()).toEqual(before);
  });
});
