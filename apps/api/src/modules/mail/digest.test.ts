import type { MailList, MailPreferences } from '@slt/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { createSmtpServer, mailTestConfig, type TestSmtpServer } from '../../../test/smtp-server.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import type { Config } from '../../config.js';
import { mailDigestRuns } from '../../db/schema/index.js';
import { osloDay } from '../../lib/oslo-time.js';
import { isoWeek, isoWeekday, queueWeeklyDigests } from './digest.js';

/**
 * The weekly digest: on MAIL_DIGEST_WEEKDAY (Europe/Oslo) each person (an address, per municipality)
 * with something to report gets one mail: their open action items overdue or due within 7 days and
 * their tiers' meetings in the next 14 days. Once a week however many rounds and replicas run; none
 * to an address that turned it off, none to a person with nothing to report. Real SMTP server.
 */
let smtp: TestSmtpServer;
let t: TestApp;
let coordinator: string;
const base = '/api/v1/municipalities/3401';
const today = osloDay();
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const DINA = 'dina.digest@mail.invalid';
const OTTO = 'otto.optout@mail.invalid';
const INGEN = 'ingen.nytt@mail.invalid';
const SENERE = 'senere.frist@mail.invalid';
const NYNORSK = 'nora.nynorsk@mail.invalid';

const config = (weekday: number): Partial<Config> => ({ ...mailTestConfig(smtp), mailDigestWeekday: weekday });

async function post(k: string, bearer: string, path: string, body: unknown) {
  const response = await call(t, 'POST', `/api/v1/municipalities/${k}${path}`, { bearer, body });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as { id: string };
}

const digestsTo = (address: string) =>
  smtp.messages.filter((m) => m.to[0] === address && /^(Ukens oversikt|Oversikta for veka)/.test(m.parsed.subject ?? ''));

beforeAll(async () => {
  smtp = await createSmtpServer();
  // Not today's weekday: this app's rounds must queue no digest.
  t = await createTestApp({ config: config((isoWeekday(today) % 7) + 1) });
  coordinator = (await signIn(t, DEMO.coordinator3401)).accessToken;
  const tierId = (await post('3401', coordinator, '/tiers', { level: 'operational', name: 'Digestgruppa' })).id;
  const memberOf = async (k: string, bearer: string, name: string, email: string, tier: string | null) => {
    const id = (await post(k, bearer, '/members', { name, email })).id;
    if (tier) await post(k, bearer, `/tiers/${tier}/memberships`, { memberId: id, role: 'member', startDate: '2025-01-01' });
    return id;
  };
  const dina = await memberOf('3401', coordinator, 'Dina Digest', DINA, tierId);
  const otto = await memberOf('3401', coordinator, 'Otto Optout', OTTO, tierId);
  await memberOf('3401', coordinator, 'Ingen Nytt', INGEN, null);
  const senere = await memberOf('3401', coordinator, 'Senere Frist', SENERE, null);
  const held = (
    await post('3401', coordinator, '/meetings', {
      tierId,
      title: 'Forrige møte',
      startsAt: `${addDays(today, -20)}T10:00:00+01:00`,
      endsAt: `${addDays(today, -20)}T12:00:00+01:00`,
      status: 'held',
    })
  ).id;
  await post('3401', coordinator, '/meetings', {
    tierId,
    title: 'Digestmøtet',
    startsAt: `${addDays(today, 5)}T18:00:00+01:00`,
    endsAt: `${addDays(today, 5)}T20:00:00+01:00`,
    place: 'Ungdomshuset',
  });
  await post('3401', coordinator, '/meetings', {
    tierId,
    title: 'Møtet om en måned',
    startsAt: `${addDays(today, 30)}T18:00:00+01:00`,
    endsAt: `${addDays(today, 30)}T20:00:00+01:00`,
  });
  const item = (description: string, responsibleMemberId: string, dueDate: string) =>
    post('3401', coordinator, '/action-items', { meetingId: held, description, responsibleMemberId, dueDate });
  await item('Sende rapport til politirådet', dina, addDays(today, -3));
  await item('Bestille lokale til foreldremøtet', dina, addDays(today, 4));
  await item('Planlegge høstens tiltak', dina, addDays(today, 25));
  await item('Følge opp skolene', otto, addDays(today, -1));
  await item('Langt fram i tid', senere, addDays(today, 20));
  // A nynorsk municipality's member with an overdue item.
  const aukra = (await signIn(t, DEMO.coordinator1547)).accessToken;
  const aukraTier = (await post('1547', aukra, '/tiers', { level: 'operational', name: 'Oversiktsgruppa' })).id;
  const nora = await memberOf('1547', aukra, 'Nora Nynorsk', NYNORSK, aukraTier);
  const aukraHeld = (
    await post('1547', aukra, '/meetings', {
      tierId: aukraTier,
      title: 'Førre møte',
      startsAt: `${addDays(today, -10)}T10:00:00+01:00`,
      endsAt: `${addDays(today, -10)}T12:00:00+01:00`,
      status: 'held',
    })
  ).id;
  await post('1547', aukra, '/action-items', {
    meetingId: aukraHeld,
    description: 'Skrive ny plan',
    responsibleMemberId: nora,
    dueDate: addDays(today, -2),
  });
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

describe('mail preferences', () => {
  it('are the signed-in user’s own, on by default, and refuse anonymous callers, tokens and unknown fields', async () => {
    const member = (await signIn(t, DEMO.member3401)).accessToken;
    const get = await call(t, 'GET', '/api/v1/me/mail-preferences', { bearer: member });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ weeklyDigest: true });
    const off = await call(t, 'PUT', '/api/v1/me/mail-preferences', { bearer: member, body: { weeklyDigest: false } });
    expect(off.status).toBe(200);
    expect(await off.json()).toEqual({ weeklyDigest: false });
    expect(((await (await call(t, 'GET', '/api/v1/me/mail-preferences', { bearer: member })).json()) as MailPreferences).weeklyDigest).toBe(
      false,
    );
    // Another user's preference is untouched.
    expect(await (await call(t, 'GET', '/api/v1/me/mail-preferences', { bearer: coordinator })).json()).toEqual({ weeklyDigest: true });
    expect((await call(t, 'GET', '/api/v1/me/mail-preferences')).status).toBe(401);
    expect((await call(t, 'PUT', '/api/v1/me/mail-preferences', { body: { weeklyDigest: true } })).status).toBe(401);
    const bad = await call(t, 'PUT', '/api/v1/me/mail-preferences', { bearer: member, body: { weeklyDigest: true, extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await call(t, 'PUT', '/api/v1/me/mail-preferences', { bearer: member, body: { weeklyDigest: 'no' } })).status).toBe(400);
    await call(t, 'PUT', '/api/v1/me/mail-preferences', { bearer: member, body: { weeklyDigest: true } });
  });
});

describe('the weekly digest', () => {
  it('is not queued on another weekday', async () => {
    await t.app.mailWorker!.tick();
    const list = ((await (await call(t, 'GET', `${base}/mail`, { bearer: coordinator })).json()) as MailList).items;
    expect(list.filter((m) => m.kind === 'weekly_digest')).toEqual([]);
    expect(await t.database.db.select().from(mailDigestRuns)).toEqual([]);
    expect(
      await t.database.db.transaction((tx) =>
        queueWeeklyDigests(tx, { publicUrl: undefined, weekday: isoWeekday(today) }, new Date(Date.now() + 86_400_000)),
      ),
    ).toBe(0);
  });

  it('goes once per person on the weekday, with two app instances and several rounds; none when opted out or nothing to report', async () => {
    // Otto turns the digest off, signed in as himself (by his address, whatever its case).
    await call(t, 'POST', '/api/v1/users', {
      bearer: (await signIn(t, DEMO.admin)).accessToken,
      body: { email: 'Otto.Optout@mail.invalid', name: 'Otto Optout', password: 'otto-sitt-passord-1' },
    });
    const otto = (await signIn(t, 'Otto.Optout@mail.invalid', 'otto-sitt-passord-1')).accessToken;
    expect((await call(t, 'PUT', '/api/v1/me/mail-preferences', { bearer: otto, body: { weeklyDigest: false } })).status).toBe(200);

    smtp.messages.length = 0;
    const weekday = isoWeekday(today);
    const [a, b] = [
      await createTestApp({ database: t.database, config: config(weekday) }),
      await createTestApp({ database: t.database, config: config(weekday) }),
    ];
    try {
      await Promise.all([a.app.mailWorker!.tick(), b.app.mailWorker!.tick(), a.app.mailWorker!.tick(), b.app.mailWorker!.tick()]);
      for (let i = 0; i < 5; i++) await a.app.mailWorker!.tick();
    } finally {
      await a.close();
      await b.close();
    }
    expect(
      (
        await t.database.db
          .select()
          .from(mailDigestRuns)
          .where(eq(mailDigestRuns.week, isoWeek(today)))
      ).length,
    ).toBe(1);
    expect(digestsTo(DINA)).toHaveLength(1);
    expect(digestsTo(OTTO)).toEqual([]);
    expect(digestsTo(INGEN)).toEqual([]);
    expect(digestsTo(SENERE)).toEqual([]);

    const { parsed } = digestsTo(DINA)[0]!;
    expect(parsed.subject).toBe('Ukens oversikt fra SLT i Kongsvinger');
    expect(parsed.text).toMatch(/- Sende rapport til politirådet \(fristen er passert: /);
    expect(parsed.text).toMatch(/- Bestille lokale til foreldremøtet \(frist /);
    expect(parsed.text).not.toContain('Planlegge høstens tiltak');
    expect(parsed.text).toContain('Møter de neste 14 dagene:');
    expect(parsed.text).toMatch(/- Digestmøtet, Digestgruppa: .*, sted: Ungdomshuset/);
    expect(parsed.text).not.toContain('Møtet om en måned');
    expect(parsed.text).toContain('https://slt.example.invalid/municipalities/3401/tasks');
    expect(parsed.html).toContain('Sende rapport til politirådet');

    const nynorsk = digestsTo(NYNORSK);
    expect(nynorsk).toHaveLength(1);
    expect(nynorsk[0]!.parsed.subject).toBe('Oversikta for veka frå SLT i Aukra');
    expect(nynorsk[0]!.parsed.text).toMatch(/- Skrive ny plan \(fristen er passert: /);

    // The outbox key names the municipality, the address and the ISO week.
    const queued = ((await (await call(t, 'GET', `${base}/mail`, { bearer: coordinator })).json()) as MailList).items.filter(
      (m) => m.kind === 'weekly_digest' && m.recipient === DINA,
    );
    expect(queued.map((m) => [m.status, m.language])).toEqual([['sent', 'nb']]);
  });

  it('counts the ISO week as ISO 8601 does', () => {
    expect(isoWeek('2026-12-05')).toBe('2026-W49');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeekday('2026-12-07')).toBe(1);
    expect(isoWeekday('2026-12-06')).toBe(7);
  });
});
