import type { MailList, Meeting } from '@slt/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createToken, DEMO, signIn } from '../../../test/auth.js';
import { expectProblem } from '../../../test/problems.js';
import { createSmtpServer, mailTestConfig, type TestSmtpServer } from '../../../test/smtp-server.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

/**
 * The approved minutes, mailed once: `PATCH …/meetings/{id}` with `minutesApproved: true` sets
 * `minutesApprovedAt` and queues one mail per current member of the tier with an address, in the
 * municipality's målform. What arrives at a real SMTP server is parsed with mailparser.
 */
let smtp: TestSmtpServer;
let t: TestApp;
const tokens = { coordinator3401: '', coordinator1547: '', member3401: '' };
const people = [
  { name: 'Mona Minutt', email: 'mona.minutt@mail.invalid' },
  { name: 'Rolf Referat', email: 'rolf.referat@mail.invalid' },
];

async function post(k: string, bearer: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await call(t, 'POST', `/api/v1/municipalities/${k}${path}`, { bearer, body, headers });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return { body: (await response.json()) as Record<string, unknown> & { id: string }, etag: response.headers.get('etag')! };
}

/** A tier with the people (and one member without an address) in municipality k. */
async function tierWithPeople(k: string, bearer: string, names: { name: string; email?: string }[]) {
  const tierId = (await post(k, bearer, '/tiers', { level: 'coordinating', name: `Referatgruppa ${k}` })).body.id;
  const memberIds: string[] = [];
  for (const person of [...names, { name: 'Uten Adresse' }]) {
    const memberId = (await post(k, bearer, '/members', person)).body.id;
    memberIds.push(memberId);
    await post(k, bearer, `/tiers/${tierId}/memberships`, { memberId, role: 'member', startDate: '2025-01-01' });
  }
  return { tierId, memberIds };
}

async function heldMeeting(k: string, bearer: string, tierId: string, body: Record<string, unknown>) {
  return post(k, bearer, '/meetings', {
    tierId,
    startsAt: '2026-02-05T18:00:00+01:00',
    endsAt: '2026-02-05T20:00:00+01:00',
    place: 'Rådhuset',
    status: 'held',
    ...body,
  });
}

const patch = (k: string, bearer: string, id: string, etag: string, body: unknown) =>
  call(t, 'PATCH', `/api/v1/municipalities/${k}/meetings/${id}`, { bearer, body, headers: { 'if-match': etag } });

const minutesMailOf = async (k: string, meetingId: string) =>
  (
    (await (
      await call(t, 'GET', `/api/v1/municipalities/${k}/mail`, { bearer: tokens[k === '1547' ? 'coordinator1547' : 'coordinator3401'] })
    ).json()) as MailList
  ).items.filter((m) => m.kind === 'minutes' && m.subjectId === meetingId);

const drain = async () => (await t.app.mailWorker!.tick()) + (await t.app.mailWorker!.tick());

let tier3401: { tierId: string; memberIds: string[] };

beforeAll(async () => {
  smtp = await createSmtpServer();
  t = await createTestApp({
    config: mailTestConfig(smtp),
  });
  tokens.coordinator3401 = (await signIn(t, DEMO.coordinator3401)).accessToken;
  tokens.coordinator1547 = (await signIn(t, DEMO.coordinator1547)).accessToken;
  tokens.member3401 = (await signIn(t, DEMO.member3401)).accessToken;
  tier3401 = await tierWithPeople('3401', tokens.coordinator3401, people);
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

describe('approving the minutes', () => {
  it('sets minutesApprovedAt, queues one mail per member with an address, and mails nothing on a second approval', async () => {
    const k = '3401';
    const bearer = tokens.coordinator3401;
    const meeting = await heldMeeting(k, bearer, tier3401.tierId, {
      title: 'Koordineringsmøte februar',
      minutes: 'Gjennomgang av Ungdata.\nEnighet om sommertiltak.',
    });
    const withDecision = await post(
      k,
      bearer,
      `/meetings/${meeting.body.id}/decisions`,
      { text: 'Sommerpatrulje i sentrum' },
      { 'if-match': meeting.etag },
    );
    await post(k, bearer, '/action-items', {
      meetingId: meeting.body.id,
      description: 'Lage vaktliste for sommerpatruljen',
      responsibleMemberId: tier3401.memberIds[0],
      dueDate: '2026-05-01',
    });
    const current = await call(t, 'GET', `/api/v1/municipalities/${k}/meetings/${meeting.body.id}`, { bearer });
    expect(((await current.json()) as Meeting).minutesApprovedAt).toBeNull();
    expect(current.headers.get('etag')).not.toBe(withDecision.etag);

    const approved = await patch(k, bearer, meeting.body.id, current.headers.get('etag')!, { minutesApproved: true });
    expect(approved.status, await approved.clone().text()).toBe(200);
    const body = (await approved.json()) as Meeting;
    expect(Date.parse(body.minutesApprovedAt!)).toBeGreaterThan(Date.now() - 60_000);
    const queued = await minutesMailOf(k, meeting.body.id);
    expect(queued.map((m) => m.recipient).sort()).toEqual(people.map((p) => p.email).sort());
    expect(queued.every((m) => m.status === 'pending' && m.language === 'nb')).toBe(true);

    // Approving again: no change of the date, no mail.
    const again = await patch(k, bearer, meeting.body.id, approved.headers.get('etag')!, { minutesApproved: true });
    expect(again.status).toBe(200);
    expect(((await again.json()) as Meeting).minutesApprovedAt).toBe(body.minutesApprovedAt);
    expect(await minutesMailOf(k, meeting.body.id)).toHaveLength(2);

    // A member sees the approval in the meeting; anonymous callers do not.
    const asMember = (await (
      await call(t, 'GET', `/api/v1/municipalities/${k}/meetings/${meeting.body.id}`, { bearer: tokens.member3401 })
    ).json()) as Meeting;
    expect(asMember.minutesApprovedAt).toBe(body.minutesApprovedAt);
    const anonymous = (await (await call(t, 'GET', `/api/v1/municipalities/${k}/meetings/${meeting.body.id}`)).json()) as Meeting;
    expect(anonymous).not.toHaveProperty('minutesApprovedAt');

    smtp.messages.length = 0;
    expect(await drain()).toBe(2);
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(people.map((p) => p.email).sort());
    for (const { parsed } of smtp.messages) {
      expect(parsed.subject).toBe('Godkjent referat: Koordineringsmøte februar');
      expect(parsed.text).toContain('Referatet fra møtet i Referatgruppa 3401 er godkjent.');
      expect(parsed.text).toContain('Gjennomgang av Ungdata.\nEnighet om sommertiltak.');
      expect(parsed.text).toContain('Vedtak:\n1. Sommerpatrulje i sentrum');
      expect(parsed.text).toContain('Lage vaktliste for sommerpatruljen');
      expect(parsed.text).toContain('Ansvarlig: Mona Minutt');
      expect(parsed.text).toContain('Frist: 1. mai 2026');
      expect(parsed.text).toContain(`https://slt.example.invalid/municipalities/3401/meetings/${meeting.body.id}`);
      expect(parsed.html).toContain('<li>Sommerpatrulje i sentrum</li>');
      expect(parsed.html).toContain('Gjennomgang av Ungdata.<br>Enighet om sommertiltak.');
    }
    expect(await drain()).toBe(0);
  });

  it('leaves decisions of closed agenda items out of the mail (every member gets the same mail)', async () => {
    const k = '3401';
    const bearer = tokens.coordinator3401;
    const meeting = await heldMeeting(k, bearer, tier3401.tierId, { title: 'Møte med lukket sak', minutes: 'Kort referat.' });
    const closed = await post(
      k,
      bearer,
      `/meetings/${meeting.body.id}/agenda-items`,
      { title: 'Lukket sak', closed: true },
      { 'if-match': meeting.etag },
    );
    const agendaItemId = (closed.body.agenda as { id: string }[])[0]!.id;
    const decided = await post(
      k,
      bearer,
      `/meetings/${meeting.body.id}/decisions`,
      { text: 'Hemmelig vedtak', agendaItemId },
      { 'if-match': closed.etag },
    );
    const open = await post(k, bearer, `/meetings/${meeting.body.id}/decisions`, { text: 'Åpent vedtak' }, { 'if-match': decided.etag });
    expect((await patch(k, bearer, meeting.body.id, open.etag, { minutesApproved: true })).status).toBe(200);
    const queued = await minutesMailOf(k, meeting.body.id);
    expect(queued).toHaveLength(2);
    for (const mail of queued) {
      expect(mail.text).toContain('Åpent vedtak');
      expect(mail.text).not.toContain('Hemmelig vedtak');
    }
  });

  it('refuses a planned meeting and one without minutes with a problem naming minutesApproved, and mails nothing', async () => {
    const k = '3401';
    const bearer = tokens.coordinator3401;
    const planned = await post(k, bearer, '/meetings', {
      tierId: tier3401.tierId,
      title: 'Planlagt møte',
      startsAt: '2027-02-05T18:00:00+01:00',
      endsAt: '2027-02-05T20:00:00+01:00',
      minutes: 'Skrevet på forhånd',
    });
    const refused = await patch(k, bearer, planned.body.id, planned.etag, { minutesApproved: true });
    const problem = await expectProblem(refused, 400, 'minutesApproved');
    expect(JSON.stringify(problem)).toContain('not_held');
    const empty = await heldMeeting(k, bearer, tier3401.tierId, { title: 'Uten referat' });
    const noMinutes = await patch(k, bearer, empty.body.id, empty.etag, { minutesApproved: true });
    expect(JSON.stringify(await expectProblem(noMinutes, 400, 'minutesApproved'))).toContain('no_minutes');
    const blank = await patch(k, bearer, empty.body.id, empty.etag, { minutesApproved: true, minutes: '   ' });
    await expectProblem(blank, 400, 'minutesApproved');
    // Writing the minutes and approving them in one change is allowed.
    const both = await patch(k, bearer, empty.body.id, empty.etag, { minutes: 'Skrevet og godkjent', minutesApproved: true });
    expect(both.status).toBe(200);
    expect(await minutesMailOf(k, planned.body.id)).toEqual([]);
    expect(await minutesMailOf(k, empty.body.id)).toHaveLength(2);
    // `false` is not a value: approval is final.
    await expectProblem(
      await patch(k, bearer, empty.body.id, both.headers.get('etag')!, { minutesApproved: false }),
      400,
      'minutesApproved',
    );
  });

  it('approved minutes are locked: changing them or moving the status away from held is a 409 naming the field', async () => {
    const k = '3401';
    const bearer = tokens.coordinator3401;
    const meeting = await heldMeeting(k, bearer, tier3401.tierId, { title: 'Låst referat', minutes: 'Godkjent tekst.' });
    const approved = await patch(k, bearer, meeting.body.id, meeting.etag, { minutesApproved: true });
    expect(approved.status).toBe(200);
    const etag = approved.headers.get('etag')!;
    for (const [body, field] of [
      [{ minutes: 'Endret etterpå.' }, 'minutes'],
      [{ minutes: null }, 'minutes'],
      [{ status: 'planned' }, 'status'],
      [{ status: 'cancelled' }, 'status'],
      [{ title: 'Nytt navn', minutes: 'Endret etterpå.' }, 'minutes'],
    ] as const) {
      const problem = await expectProblem(await patch(k, bearer, meeting.body.id, etag, body), 409, field);
      expect(JSON.stringify(problem)).toContain('minutes_approved');
    }
    const row = (await (await call(t, 'GET', `/api/v1/municipalities/${k}/meetings/${meeting.body.id}`, { bearer })).json()) as Meeting;
    expect(row).toMatchObject({ title: 'Låst referat', minutes: 'Godkjent tekst.', status: 'held' });
    // The same minutes and status, and the other facts, may still be written.
    const unchanged = await patch(k, bearer, meeting.body.id, etag, { minutes: 'Godkjent tekst.', status: 'held', place: 'Kulturhuset' });
    expect(unchanged.status).toBe(200);
    expect(((await unchanged.json()) as Meeting).place).toBe('Kulturhuset');
    expect(await minutesMailOf(k, meeting.body.id)).toHaveLength(2);
  });

  it('members, read tokens and anonymous callers cannot approve', async () => {
    const k = '3401';
    const meeting = await heldMeeting(k, tokens.coordinator3401, tier3401.tierId, { title: 'Ikke godkjent', minutes: 'Utkast.' });
    const readToken = (await createToken(t, tokens.coordinator3401, k, ['read'])).secret;
    expect((await patch(k, tokens.member3401, meeting.body.id, meeting.etag, { minutesApproved: true })).status).toBe(403);
    expect((await patch(k, readToken, meeting.body.id, meeting.etag, { minutesApproved: true })).status).toBe(403);
    const anonymous = await call(t, 'PATCH', `/api/v1/municipalities/${k}/meetings/${meeting.body.id}`, {
      body: { minutesApproved: true },
      headers: { 'if-match': meeting.etag },
    });
    expect(anonymous.status).toBe(401);
    // Another municipality's coordinator neither.
    expect((await patch(k, tokens.coordinator1547, meeting.body.id, meeting.etag, { minutesApproved: true })).status).toBe(403);
    const after = (await (
      await call(t, 'GET', `/api/v1/municipalities/${k}/meetings/${meeting.body.id}`, { bearer: tokens.coordinator3401 })
    ).json()) as Meeting;
    expect(after.minutesApprovedAt).toBeNull();
    expect(await minutesMailOf(k, meeting.body.id)).toEqual([]);
  });

  it('a nynorsk municipality gets its minutes in nynorsk', async () => {
    const k = '1547';
    const bearer = tokens.coordinator1547;
    const { tierId } = await tierWithPeople(k, bearer, [{ name: 'Nils Nynorsk', email: 'nils.nynorsk@mail.invalid' }]);
    const meeting = await heldMeeting(k, bearer, tierId, { title: 'Koordineringsmøte i Aukra', minutes: 'Vi gjekk gjennom planen.' });
    expect((await patch(k, bearer, meeting.body.id, meeting.etag, { minutesApproved: true })).status).toBe(200);
    smtp.messages.length = 0;
    await drain();
    const mail = smtp.messages.find((m) => m.to[0] === 'nils.nynorsk@mail.invalid');
    expect(mail, 'the mail arrived').toBeDefined();
    expect(mail!.parsed.subject).toBe('Godkjent referat: Koordineringsmøte i Aukra');
    expect(mail!.parsed.text).toContain('Referatet frå møtet i Referatgruppa 1547 er godkjent.');
    expect(mail!.parsed.text).toContain('Stad: Rådhuset');
    expect(mail!.parsed.text).toContain('Vi gjekk gjennom planen.');
    expect(mail!.parsed.text).toContain('Sendt frå SLT-samordninga i Aukra.');
  });
});
