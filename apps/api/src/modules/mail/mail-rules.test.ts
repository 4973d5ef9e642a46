import type { MailList } from '@slt/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { calendarOf, osloWallTime } from '../../../test/mail-calendar.js';
import { createSmtpServer, mailTestConfig, type TestSmtpServer } from '../../../test/smtp-server.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { osloDay } from '../../lib/oslo-time.js';
import { queueDueNotices } from './notices.js';

/**
 * Issue 21, acceptance 2 with the tier's own rule: a tier that gives notice N days before gets its
 * meetings' notices without the coordinator pressing anything, on the day N days before (at once
 * when that is past); a move sends an update (same UID, SEQUENCE + 1), a cancellation
 * METHOD:CANCEL. A tier with reminders off gets no reminders. Real SMTP server, ical.js parsing.
 */
let smtp: TestSmtpServer;
let t: TestApp;
let coordinator: string;
const base = '/api/v1/municipalities/3401';
const people = [
  { name: 'Rita Regel', email: 'rita.regel@mail.invalid' },
  { name: 'Sindre Sekvens', email: 'sindre.sekvens@mail.invalid' },
];
let tierId: string;
const memberIds: string[] = [];

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await call(t, 'POST', `${base}${path}`, { bearer: coordinator, body, headers });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return { body: (await response.json()) as Record<string, unknown> & { id: string }, etag: response.headers.get('etag')! };
}

const tick = () => t.app.mailWorker!.tick();
/** A whole hour `days` days from now. */
const inDays = (days: number, hours = 0) => new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + days * 86_400_000 + hours * 3_600_000);

beforeAll(async () => {
  smtp = await createSmtpServer();
  t = await createTestApp({
    config: mailTestConfig(smtp),
  });
  coordinator = (await signIn(t, DEMO.coordinator3401)).accessToken;
  for (const person of people) memberIds.push((await post('/members', person)).body.id);
  tierId = (
    await post('/tiers', { level: 'operational', name: 'Utøvergruppa med varsel', mailRule: { noticeDaysBefore: 7, reminders: false } })
  ).body.id;
  for (const memberId of memberIds) await post(`/tiers/${tierId}/memberships`, { memberId, role: 'member', startDate: '2025-01-01' });
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

describe("the tier's mail rule", () => {
  it('is part of the tier and is validated', async () => {
    const tier = await call(t, 'GET', `${base}/tiers/${tierId}`, { bearer: coordinator });
    expect(((await tier.json()) as { mailRule: unknown }).mailRule).toEqual({ noticeDaysBefore: 7, reminders: false });
    const bad = await call(t, 'PATCH', `${base}/tiers/${tierId}`, {
      bearer: coordinator,
      body: { mailRule: { noticeDaysBefore: 99, reminders: true } },
      headers: { 'if-match': tier.headers.get('etag')! },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('mailRule');
  });

  it('a meeting further ahead than N days gets its notice on the day N days before, by itself', async () => {
    smtp.messages.length = 0;
    const start = inDays(20);
    const meeting = await post('/meetings', {
      tierId,
      title: 'Langt fram',
      startsAt: start.toISOString(),
      endsAt: inDays(20, 2).toISOString(),
    });
    expect(await tick()).toBe(0);
    // The day 7 days before the meeting (Oslo), as the worker will see it then.
    const dayBefore = osloDay(new Date(start.getTime() - 7 * 86_400_000));
    expect(
      await t.database.db.transaction((tx) =>
        queueDueNotices(tx, { from: 'SLT <slt@kongsvinger.invalid>', publicUrl: undefined }, dayBefore),
      ),
    ).toBe(2);
    expect(await tick()).toBe(2);
    expect(smtp.messages.every((m) => calendarOf(m).uid === `${meeting.body.id}@slt`)).toBe(true);
  });

  it('a meeting scheduled inside the N days gets one notice per member at once; moved: update, SEQUENCE + 1; cancelled: CANCEL', async () => {
    smtp.messages.length = 0;
    const start = inDays(2);
    const meeting = await post('/meetings', {
      tierId,
      title: 'Utøvermøte',
      startsAt: start.toISOString(),
      endsAt: inDays(2, 2).toISOString(),
      place: 'Ungdomshuset',
    });
    const agenda = await post(`/meetings/${meeting.body.id}/agenda-items`, { title: 'Sommerferien' }, { 'if-match': meeting.etag });
    // Nobody presses "send notice": the worker's round queues and sends it.
    expect(await tick()).toBe(2);
    expect(await tick()).toBe(0);
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(people.map((p) => p.email).sort());
    for (const message of smtp.messages) {
      expect(message.parsed.subject).toMatch(/^Innkalling: Utøvermøte/);
      expect(message.parsed.text).toContain('1. Sommerferien');
      expect(message.parsed.html).toContain('<li>Sommerferien</li>');
      expect(calendarOf(message)).toMatchObject({
        method: 'REQUEST',
        uid: `${meeting.body.id}@slt`,
        sequence: 0,
        osloStart: osloWallTime(start),
        attendees: [`mailto:${message.to[0]}`],
      });
    }

    smtp.messages.length = 0;
    const later = inDays(3);
    const moved = await call(t, 'PATCH', `${base}/meetings/${meeting.body.id}`, {
      bearer: coordinator,
      body: { startsAt: later.toISOString(), endsAt: inDays(3, 2).toISOString() },
      headers: { 'if-match': agenda.etag },
    });
    expect(moved.status).toBe(200);
    expect(await tick()).toBe(2);
    for (const message of smtp.messages) {
      expect(message.parsed.subject).toMatch(/^Endret møte: /);
      expect(calendarOf(message)).toMatchObject({
        method: 'REQUEST',
        uid: `${meeting.body.id}@slt`,
        sequence: 1,
        osloStart: osloWallTime(later),
      });
    }

    smtp.messages.length = 0;
    const cancelled = await call(t, 'PATCH', `${base}/meetings/${meeting.body.id}`, {
      bearer: coordinator,
      body: { status: 'cancelled' },
      headers: { 'if-match': moved.headers.get('etag')! },
    });
    expect(cancelled.status).toBe(200);
    expect(await tick()).toBe(2);
    for (const message of smtp.messages) {
      expect(calendarOf(message)).toMatchObject({
        headerMethod: 'CANCEL',
        method: 'CANCEL',
        uid: `${meeting.body.id}@slt`,
        sequence: 2,
        status: 'CANCELLED',
      });
    }
    expect(await tick()).toBe(0);
  });

  it('a tier with reminders off reminds nobody of its action items', async () => {
    smtp.messages.length = 0;
    const meeting = await post('/meetings', {
      tierId,
      title: 'Med oppgave',
      startsAt: inDays(30).toISOString(),
      endsAt: inDays(30, 1).toISOString(),
    });
    const due = new Date(Date.now() + 3 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Oslo' });
    await post('/action-items', {
      meetingId: meeting.body.id,
      description: 'Ringe skolen',
      responsibleMemberId: memberIds[0],
      dueDate: due,
    });
    await tick();
    expect(smtp.messages.filter((m) => m.parsed.subject?.startsWith('Påminnelse'))).toEqual([]);
  });

  it("an invitation mails the invited person their one-time link (the outbox list does not show it), in the municipality's language", async () => {
    smtp.messages.length = 0;
    const response = await call(t, 'POST', `${base}/invitations`, {
      bearer: coordinator,
      body: { email: 'ines.invitert@mail.invalid', name: 'Ines Invitert', role: 'member' },
    });
    expect(response.status).toBe(201);
    const { token } = (await response.json()) as { token: string };
    expect(await tick()).toBe(1);
    const [mail] = smtp.messages;
    expect(mail!.to).toEqual(['ines.invitert@mail.invalid']);
    expect(mail!.parsed.subject).toBe('Invitasjon til SLT i Kongsvinger');
    expect(mail!.parsed.text).toContain(`https://slt.example.invalid/invitation#${token}`);
    expect(mail!.parsed.text).toContain('som medlem');
    expect(mail!.parsed.html).toContain(`href="https://slt.example.invalid/invitation#${token}"`);
    const list = (await (await call(t, 'GET', `${base}/mail`, { bearer: coordinator })).json()) as MailList;
    const listed = list.items.find((m) => m.kind === 'invitation')!;
    expect(listed.status).toBe('sent');
    expect(listed.text).not.toContain(token);
    expect(JSON.stringify(t.logs)).not.toContain(token);
  });
});
