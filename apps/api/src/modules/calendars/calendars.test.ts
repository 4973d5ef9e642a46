import type { CreatedCalendarFeed, Meeting, Tier } from '@slt/shared';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { expectProblem } from '../../../test/problems.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let coordinator: string;
let tiers: Tier[];
const base = '/api/v1/municipalities/3401';

beforeAll(async () => {
  t = await createTestApp();
  coordinator = (await signIn(t, DEMO.coordinator3401)).accessToken;
  tiers = ((await (await call(t, 'GET', `${base}/tiers`)).json()) as { items: Tier[] }).items;
});
afterAll(async () => {
  await t?.close();
});

/** The feed's events, read by an independent parser (Mozilla's ical.js), by UID. */
function eventsOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return new Map(
    calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      return [
        event.uid,
        {
          summary: event.summary,
          location: event.location,
          start: event.startDate.toJSDate().toISOString(),
          end: event.endDate.toJSDate().toISOString(),
          status: component.getFirstPropertyValue('status'),
          sequence: event.sequence,
          description: event.description,
        },
      ] as const;
    }),
  );
}

describe('iCalendar feeds', () => {
  it('the public feed parses, carries stable UIDs, and follows a meeting that moves and is cancelled', async () => {
    const tier = tiers.find((x) => x.name === 'Politirådet')!;
    const created = await call(t, 'POST', `${base}/meetings`, {
      bearer: coordinator,
      body: {
        tierId: tier.id,
        title: 'Politiråd i kalenderen',
        startsAt: '2026-09-01T18:00:00+02:00',
        endsAt: '2026-09-01T20:00:00+02:00',
        place: 'Rådhuset',
      },
    });
    const meeting = (await created.json()) as Meeting;
    const uid = `${meeting.id}@slt`;

    const first = await call(t, 'GET', `${base}/calendar.ics`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(first.headers.get('cache-control')).toContain('public');
    const events = eventsOf(await first.text());
    expect(events.get(uid)).toMatchObject({
      summary: 'Politiråd i kalenderen',
      location: 'Rådhuset',
      start: '2026-09-01T16:00:00.000Z',
      end: '2026-09-01T18:00:00.000Z',
      status: 'CONFIRMED',
      sequence: 0,
    });
    // The demo's meetings are there too, and every UID is unique.
    expect(events.size).toBeGreaterThan(5);

    // Unchanged: 304 on the ETag. Moved: same UID, new time, higher SEQUENCE.
    const etag = first.headers.get('etag')!;
    expect((await call(t, 'GET', `${base}/calendar.ics`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const moved = await call(t, 'PATCH', `${base}/meetings/${meeting.id}`, {
      bearer: coordinator,
      body: { startsAt: '2026-09-08T18:00:00+02:00', endsAt: '2026-09-08T20:00:00+02:00' },
      headers: { 'if-match': created.headers.get('etag')! },
    });
    expect(moved.status).toBe(200);
    const afterMove = await call(t, 'GET', `${base}/calendar.ics`, { headers: { 'if-none-match': etag } });
    expect(afterMove.status).toBe(200);
    expect(eventsOf(await afterMove.text()).get(uid)).toMatchObject({
      start: '2026-09-08T16:00:00.000Z',
      sequence: 1,
      status: 'CONFIRMED',
    });

    const cancelled = await call(t, 'PATCH', `${base}/meetings/${meeting.id}`, {
      bearer: coordinator,
      body: { status: 'cancelled' },
      headers: { 'if-match': moved.headers.get('etag')! },
    });
    expect(cancelled.status).toBe(200);
    const tierFeed = await (await call(t, 'GET', `${base}/tiers/${tier.id}/calendar.ics`)).text();
    expect(eventsOf(tierFeed).get(uid)).toMatchObject({ status: 'CANCELLED', sequence: 2 });
    expect(tierFeed).toMatch(/STATUS:CANCELLED/);
    // The tier feed holds that tier's meetings only.
    const other = tiers.find((x) => x.name === 'SLT – koordinerende gruppe')!;
    const otherFeed = eventsOf(await (await call(t, 'GET', `${base}/tiers/${other.id}/calendar.ics`)).text());
    expect(otherFeed.has(uid)).toBe(false);
    expect(otherFeed.size).toBeGreaterThan(0);
  });

  it('unknown municipalities and tiers are 404 problems', async () => {
    await expectProblem(await call(t, 'GET', '/api/v1/municipalities/9999/calendar.ics'), 404);
    const aukraTier = ((await (await call(t, 'GET', '/api/v1/municipalities/1547/tiers')).json()) as { items: Tier[] }).items[0]!;
    await expectProblem(await call(t, 'GET', `${base}/tiers/${aukraTier.id}/calendar.ics`), 404);
  });

  it('a personal feed is reached by its secret URL only, shows what its owner may see, stops when revoked, and its secret is never logged', async () => {
    const member = await signIn(t, DEMO.member3401);
    const created = await call(t, 'POST', '/api/v1/me/calendar-feeds', { bearer: member.accessToken, body: { label: 'Jobbkalender' } });
    expect(created.status).toBe(201);
    const { feed, url } = (await created.json()) as CreatedCalendarFeed;
    const path = new URL(url).pathname;
    const secret = path.split('/')[4]!;
    expect(secret).toMatch(/^slc_/);

    const ics = await (await call(t, 'GET', path)).text();
    const events = [...eventsOf(ics).values()];
    // Demo data: Kongsvinger's coordinating group met with a closed item naming the coordinator and the police contact only.
    const withAgenda = events.find((e) => e.description?.includes('Runde rundt bordet'));
    expect(withAgenda).toBeDefined();
    expect(ics).not.toContain('Bekymring for en ungdomsgruppe');
    const coordinatorFeed = (await (
      await call(t, 'POST', '/api/v1/me/calendar-feeds', { bearer: coordinator, body: {} })
    ).json()) as CreatedCalendarFeed;
    expect(await (await call(t, 'GET', new URL(coordinatorFeed.url).pathname)).text()).toContain('Bekymring for en ungdomsgruppe');

    const list = (await (await call(t, 'GET', '/api/v1/me/calendar-feeds', { bearer: member.accessToken })).json()) as {
      items: { id: string; lastUsedAt: string | null }[];
    };
    expect(list.items.map((f) => f.id)).toEqual([feed.id]);
    expect(list.items[0]!.lastUsedAt).not.toBeNull();
    // Another user cannot revoke it; its owner can, and the URL stops working at once.
    await expectProblem(await call(t, 'DELETE', `/api/v1/me/calendar-feeds/${feed.id}`, { bearer: coordinator }), 404);
    expect((await call(t, 'DELETE', `/api/v1/me/calendar-feeds/${feed.id}`, { bearer: member.accessToken })).status).toBe(204);
    await expectProblem(await call(t, 'GET', path), 404);
    await expectProblem(await call(t, 'GET', '/api/v1/me/calendar-feeds'), 401);

    expect(JSON.stringify(t.logs)).not.toContain(secret.slice(4));
    expect(t.logs.some((line) => String(line['url']).includes('/calendar-feeds/[redacted]/calendar.ics'))).toBe(true);
  });
});
