import type { MailList } from '@slt/shared';
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { createSmtpServer, type TestSmtpServer } from '../../../test/smtp-server.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

/**
 * Issue 21: meeting notices through a real SMTP server (smtp-server) on a local port; what arrives
 * is parsed with mailparser and its calendar part with ical.js (not the writer's own code).
 * The worker is driven round by round (`tick`) so that each step is deterministic.
 */
let smtp: TestSmtpServer;
let t: TestApp;
let coordinator: string;
const base = '/api/v1/municipalities/3401';
const people = [
  { name: 'Nora Notis', email: 'nora.notis@mail.invalid' },
  { name: 'Per Politi', email: 'per.politi@mail.invalid' },
];
let tierId: string;

const smtpConfig = () => ({
  smtpUrl: smtp.url,
  mailPollMs: 3_600_000,
  mailRetrySeconds: 1,
  mailFrom: 'SLT Kongsvinger <slt@kongsvinger.invalid>',
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await call(t, 'POST', `${base}${path}`, { bearer: coordinator, body, headers });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return { body: (await response.json()) as Record<string, unknown> & { id: string }, etag: response.headers.get('etag')! };
}

async function planMeeting(title: string) {
  const meeting = await post('/meetings', {
    tierId,
    title,
    startsAt: '2027-03-04T18:00:00+01:00',
    endsAt: '2027-03-04T20:00:00+01:00',
    place: 'Rådhuset, møterom 2',
  });
  const open = await post(`/meetings/${meeting.body.id}/agenda-items`, { title: 'Ungdata 2027: funn' }, { 'if-match': meeting.etag });
  const closed = await post(
    `/meetings/${meeting.body.id}/agenda-items`,
    { title: 'Lukket sak om en gruppe', closed: true },
    { 'if-match': open.etag },
  );
  return { id: meeting.body.id, etag: closed.etag };
}

/** The calendar part of a mail, parsed by ical.js. */
function calendarOf(mail: ParsedMail) {
  const part = /Content-Type: text\/calendar; charset=utf-8; method=(\w+)[\s\S]*?\r\n\r\n([\s\S]*?)\r\n--/i.exec(
    smtp.messages.find((m) => m.parsed === mail)!.raw,
  );
  expect(part, 'a text/calendar part').not.toBeNull();
  const text = /^[A-Za-z0-9+/=\r\n]+$/.test(part![2]!.trim()) ? Buffer.from(part![2]!, 'base64').toString('utf8') : part![2]!;
  const calendar = new ICAL.Component(ICAL.parse(text.replace(/=\r\n/g, '')) as unknown[]);
  const event = calendar.getFirstSubcomponent('vevent')!;
  const start = (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate();
  return {
    headerMethod: part![1],
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    status: event.getFirstPropertyValue('status'),
    osloStart: new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'short' }).format(start),
    attendees: event.getAllProperties('attendee').map((p) => String(p.getFirstValue())),
  };
}

const drain = async (app: TestApp) => (await app.app.mailWorker!.tick()) + (await app.app.mailWorker!.tick());

beforeAll(async () => {
  smtp = await createSmtpServer();
  t = await createTestApp({ config: smtpConfig() });
  coordinator = (await signIn(t, DEMO.coordinator3401)).accessToken;
  const members = [];
  for (const person of people) members.push((await post('/members', person)).body.id);
  const silent = (await post('/members', { name: 'Uten E-post' })).body.id;
  tierId = (await post('/tiers', { level: 'coordinating', name: 'Koordineringsgruppa' })).body.id;
  for (const memberId of [...members, silent])
    await post(`/tiers/${tierId}/memberships`, { memberId, role: 'member', startDate: '2025-01-01' });
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

describe('meeting mail', () => {
  let meeting: { id: string; etag: string };

  it('the notice goes once to each member with an e-mail: the open agenda, and an iCalendar REQUEST in Europe/Oslo naming only them', async () => {
    meeting = await planMeeting('Koordineringsmøte mars');
    const first = await call(t, 'POST', `${base}/meetings/${meeting.id}/notice`, { bearer: coordinator });
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ queued: 2 });
    // A second click queues nothing more: one mail per member and meeting version.
    expect(await (await call(t, 'POST', `${base}/meetings/${meeting.id}/notice`, { bearer: coordinator })).json()).toEqual({ queued: 0 });
    expect(await drain(t)).toBe(2);
    expect(
      smtp.messages
        .map((m) => m.to)
        .flat()
        .sort(),
    ).toEqual(people.map((p) => p.email).sort());
    for (const { parsed, to } of smtp.messages) {
      expect(parsed.subject).toMatch(/^Innkalling: Koordineringsmøte mars/);
      expect(parsed.text).toContain('1. Ungdata 2027: funn');
      expect(parsed.text).toContain('Sted: Rådhuset, møterom 2');
      expect(parsed.text).not.toContain('Lukket sak');
      expect(parsed.html).toContain('<li>Ungdata 2027: funn</li>');
      const calendar = calendarOf(parsed);
      expect(calendar).toMatchObject({
        headerMethod: 'REQUEST',
        method: 'REQUEST',
        uid: `${meeting.id}@slt`,
        sequence: 0,
        status: 'CONFIRMED',
      });
      expect(calendar.osloStart).toBe('04.03.2027, 18:00');
      expect(calendar.attendees).toEqual([`mailto:${to[0]}`]);
    }
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'mail'), eq(auditLog.action, 'sent')));
    expect(audit).toHaveLength(2);
  });

  it('moving the meeting sends an update with the same UID and SEQUENCE + 1; cancelling it sends METHOD:CANCEL', async () => {
    smtp.messages.length = 0;
    const moved = await call(t, 'PATCH', `${base}/meetings/${meeting.id}`, {
      bearer: coordinator,
      body: { startsAt: '2027-03-11T17:00:00+01:00', endsAt: '2027-03-11T19:00:00+01:00' },
      headers: { 'if-match': meeting.etag },
    });
    expect(moved.status).toBe(200);
    expect(await drain(t)).toBe(2);
    for (const { parsed } of smtp.messages) {
      expect(parsed.subject).toMatch(/^Endret møte: /);
      expect(calendarOf(parsed)).toMatchObject({
        method: 'REQUEST',
        uid: `${meeting.id}@slt`,
        sequence: 1,
        osloStart: '11.03.2027, 17:00',
      });
    }
    smtp.messages.length = 0;
    const cancelled = await call(t, 'PATCH', `${base}/meetings/${meeting.id}`, {
      bearer: coordinator,
      body: { status: 'cancelled' },
      headers: { 'if-match': moved.headers.get('etag')! },
    });
    expect(cancelled.status).toBe(200);
    expect(await drain(t)).toBe(2);
    for (const { parsed } of smtp.messages) {
      expect(parsed.subject).toMatch(/^Avlyst: /);
      expect(calendarOf(parsed)).toMatchObject({
        headerMethod: 'CANCEL',
        method: 'CANCEL',
        uid: `${meeting.id}@slt`,
        sequence: 2,
        status: 'CANCELLED',
      });
    }
    // A cancelled meeting gets no new notice.
    expect((await call(t, 'POST', `${base}/meetings/${meeting.id}/notice`, { bearer: coordinator })).status).toBe(409);
  });

  it('with the SMTP server down the mail waits (the coordinator sees why); after a restart, with two replicas, each mail arrives once', async () => {
    smtp.messages.length = 0;
    await smtp.stop();
    const replica = await createTestApp({ database: t.database, config: smtpConfig() });
    const next = await planMeeting('Koordineringsmøte april');
    expect(await (await call(replica, 'POST', `${base}/meetings/${next.id}/notice`, { bearer: coordinator })).json()).toEqual({
      queued: 2,
    });
    expect(await replica.app.mailWorker!.tick()).toBe(0);
    const waiting = ((await (await call(t, 'GET', `${base}/mail`, { bearer: coordinator })).json()) as MailList).items.filter(
      (m) => m.subjectId === next.id,
    );
    expect(waiting.map((m) => [m.status, m.attempts, m.lastError])).toEqual([
      ['pending', 1, 'ESOCKET'],
      ['pending', 1, 'ESOCKET'],
    ]);
    // The process stops ("restart"); the SMTP server comes back; two replicas work the outbox at once.
    await replica.close();
    await smtp.start();
    const [a, b] = [
      await createTestApp({ database: t.database, config: smtpConfig() }),
      await createTestApp({ database: t.database, config: smtpConfig() }),
    ];
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const sent = await Promise.all([
        a.app.mailWorker!.tick(),
        b.app.mailWorker!.tick(),
        a.app.mailWorker!.tick(),
        b.app.mailWorker!.tick(),
      ]);
      expect(sent.reduce((x, y) => x + y, 0)).toBe(2);
      expect(await drain(a)).toBe(0);
    } finally {
      await a.close();
      await b.close();
    }
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(people.map((p) => p.email).sort());
    expect(new Set(smtp.messages.map((m) => m.parsed.messageId)).size).toBe(2);
    const list = ((await (await call(t, 'GET', `${base}/mail`, { bearer: coordinator })).json()) as MailList).items;
    expect(list.filter((m) => m.subjectId === next.id).map((m) => m.status)).toEqual(['sent', 'sent']);
  });

  it('an action item due in 3 days gives its owner one reminder, not two, with two replicas working the outbox', async () => {
    const owner = (await post('/members', { name: 'Olav Oppfølger', email: 'olav.oppfolger@mail.invalid' })).body.id;
    const meetingId = (await planMeeting('Møte med oppfølging')).id;
    const due = new Date(Date.now() + 3 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Oslo' });
    await post('/action-items', { meetingId, description: 'Lage plan for sommerpatrulje', responsibleMemberId: owner, dueDate: due });
    const [a, b] = [
      await createTestApp({ database: t.database, config: smtpConfig() }),
      await createTestApp({ database: t.database, config: smtpConfig() }),
    ];
    try {
      await Promise.all([a.app.mailWorker!.tick(), b.app.mailWorker!.tick(), a.app.mailWorker!.tick(), b.app.mailWorker!.tick()]);
      await drain(a);
    } finally {
      await a.close();
      await b.close();
    }
    const reminders = smtp.messages.filter((m) => m.to[0] === 'olav.oppfolger@mail.invalid');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.parsed.subject).toMatch(/^Påminnelse: oppfølgingspunkt med frist /);
    expect(reminders[0]!.parsed.text).toContain('Lage plan for sommerpatrulje');
  });

  it('no credential reaches a mail or the log', () => {
    const log = JSON.stringify(t.logs);
    expect(log).not.toContain(coordinator);
    for (const { raw } of smtp.messages) expect(raw).not.toMatch(/eyJ[A-Za-z0-9_-]{20,}\./);
  });
});
