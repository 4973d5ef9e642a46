import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MailList } from '@slt/shared';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts.js';
import { osloDay } from '../src/lib/oslo-time.js';
import { isoWeekday } from '../src/modules/mail/digest.js';
import { apiEntryArgs, freePort } from './api-process.js';
import { createPgServer, type PgServer } from './pg-server.js';
import { capture, Processes, waitFor } from './processes.js';
import { createSmtpServer, type TestSmtpServer } from './smtp-server.js';

/**
 * Issue 21, acceptance 3 and 4: two API processes, each with its own outbox worker polling every
 * 200 ms, on one PostgreSQL database of this file's own and one real SMTP server. An action item
 * due in 3 days gives its owner one reminder, not two; with the SMTP server stopped for 30 s (and
 * started again on the same port) every mail arrives once, counted by Message-ID. PGlite cannot be
 * shared by two processes, so this runs in CI's PostgreSQL step (DATABASE_URL set).
 */
const onPostgres = loadConfig().databaseUrl !== undefined;
const apiRoot = fileURLToPath(new URL('..', import.meta.url));
const JWT_SECRET = 'mail-process-test-secret-at-least-32-characters';

const processes = new Processes();
const outputs: ReturnType<typeof capture>[] = [];
let server: PgServer;
let smtp: TestSmtpServer;
let work: string;
let ports: number[] = [];
let coordinator = '';
const base = (i = 0) => `http://127.0.0.1:${ports[i]}/api/v1/municipalities/3401`;

async function startApi(port: number): Promise<void> {
  const child = processes.spawn(process.execPath, apiEntryArgs('server', inject('sltApiServer')), {
    cwd: apiRoot,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: server.url,
      JWT_SECRET,
      DEMO_DATA: 'true',
      LOG_LEVEL: 'info',
      DATA_DIR: work,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'SLT Kongsvinger <slt@kongsvinger.invalid>',
      MAIL_POLL_MS: '200',
      MAIL_RETRY_SECONDS: '1',
      // Not today: the weekly digests would join the mails this test counts per address.
      MAIL_DIGEST_WEEKDAY: String((isoWeekday(osloDay()) % 7) + 1),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = capture(child);
  outputs.push(output);
  await waitFor('the API ready', 120_000, async () => {
    if (child.exitCode !== null) throw new Error(`the API exited: ${output.text()}`);
    return fetch(`http://127.0.0.1:${port}/api/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
  });
}

async function post(path: string, body: unknown, api = 0) {
  const response = await fetch(`${base(api)}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${coordinator}` },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as { id: string };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const inDays = (days: number, hours = 0) => new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + days * 86_400_000 + hours * 3_600_000);
const to = (address: string) => smtp.messages.filter((m) => m.to.includes(address));

describe.skipIf(!onPostgres)('mail with two API processes on one PostgreSQL database', () => {
  let tierId: string;
  const people = ['tove.tosidig@mail.invalid', 'ulf.utfall@mail.invalid'];
  const owner = 'vera.varsel@mail.invalid';
  let ownerId: string;

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'slt-mail-processes-'));
    server = await createPgServer({ prefix: 'slt-mail-pg-' });
    smtp = await createSmtpServer();
    ports = [await freePort(), await freePort()];
    // The first prepares the database (migrations, demo data); then the second joins it.
    await startApi(ports[0]!);
    await startApi(ports[1]!);
    const login = await fetch(`http://127.0.0.1:${ports[0]}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'koordinator.3401@demo.invalid', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    coordinator = ((await login.json()) as { accessToken: string }).accessToken;
    const memberIds: string[] = [];
    for (const email of people) memberIds.push((await post('/members', { name: email.split('@')[0], email })).id);
    ownerId = (await post('/members', { name: 'Vera Varsel', email: owner })).id;
    tierId = (await post('/tiers', { level: 'coordinating', name: 'Arbeidsutvalget', mailRule: { noticeDaysBefore: 7, reminders: true } }))
      .id;
    for (const memberId of memberIds) await post(`/tiers/${tierId}/memberships`, { memberId, role: 'member', startDate: '2025-01-01' });
  }, 300_000);

  afterAll(() => {
    processes.killAll();
    server?.remove();
    void smtp?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('an action item due in 3 days gives its owner one reminder, not two', async () => {
    // Far enough ahead that its notice is not due yet: only the reminder goes out.
    const meeting = await post('/meetings', {
      tierId,
      title: 'Oppfølging',
      startsAt: inDays(40).toISOString(),
      endsAt: inDays(40, 1).toISOString(),
    });
    const due = new Date(Date.now() + 3 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Oslo' });
    await post(
      '/action-items',
      { meetingId: meeting.id, description: 'Sende ut foreldrebrev', responsibleMemberId: ownerId, dueDate: due },
      1,
    );
    await waitFor('the reminder', 30_000, () => to(owner).length > 0);
    // Both workers keep polling for a while: still one.
    await sleep(3_000);
    expect(to(owner)).toHaveLength(1);
    expect(to(owner)[0]!.parsed.subject).toMatch(/^Påminnelse: /);
    expect(to(owner)[0]!.parsed.text).toContain('Sende ut foreldrebrev');
  }, 60_000);

  it('with the SMTP server stopped for 30 s no mail is lost and none is sent twice', async () => {
    await smtp.stop();
    smtp.messages.length = 0;
    const meetings: string[] = [];
    for (const [i, days] of [
      [0, 2],
      [1, 3],
    ] as const) {
      meetings.push(
        (
          await post(
            '/meetings',
            { tierId, title: `Møte ${days}`, startsAt: inDays(days).toISOString(), endsAt: inDays(days, 2).toISOString() },
            i,
          )
        ).id,
      );
    }
    // The workers try, fail, and keep the mail; the coordinator sees why.
    const waiting = await waitFor('failed attempts recorded', 20_000, async () => {
      const list = (await (await fetch(`${base()}/mail`, { headers: { authorization: `Bearer ${coordinator}` } })).json()) as MailList;
      const mine = list.items.filter((m) => meetings.includes(m.subjectId!));
      return mine.length === 4 && mine.every((m) => m.attempts > 0 && m.lastError) && mine;
    });
    expect(waiting.every((m) => m.status === 'pending' && /^ESOCKET|ECONNECTION/.test(m.lastError!))).toBe(true);
    await sleep(30_000);
    expect(smtp.messages).toHaveLength(0);
    await smtp.start();
    await waitFor('every notice delivered', 90_000, () => smtp.messages.filter((m) => people.includes(m.to[0]!)).length >= 4);
    await sleep(3_000);
    const notices = smtp.messages.filter((m) => people.includes(m.to[0]!));
    expect(notices).toHaveLength(4);
    expect(new Set(notices.map((m) => m.parsed.messageId)).size).toBe(4);
    expect(notices.map((m) => m.to[0]).sort()).toEqual([...people, ...people].sort());
    const list = (await (await fetch(`${base(1)}/mail`, { headers: { authorization: `Bearer ${coordinator}` } })).json()) as MailList;
    expect(list.items.filter((m) => meetings.includes(m.subjectId!)).map((m) => m.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
  }, 200_000);

  it('no password, token or SMTP secret reaches the logs or the mails', () => {
    const logs = outputs.map((o) => o.text()).join('\n');
    expect(logs).not.toContain(coordinator);
    expect(logs).not.toContain(DEMO_PASSWORD);
    expect(logs).not.toContain(JWT_SECRET);
    for (const { raw } of smtp.messages) expect(raw).not.toMatch(/eyJ[A-Za-z0-9_-]{20,}\./);
  });
});
