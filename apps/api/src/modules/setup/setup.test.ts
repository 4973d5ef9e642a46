import type { SltSetup } from '@slt/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  measures as measuresTable,
  members,
  memberships,
  organizations as organizationsTable,
  partnerships,
  tiers,
} from '../../db/schema/index.js';
import { call, createToken, DEMO, signIn } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let coordinator: string;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = (await signIn(t, DEMO.coordinator3401)).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const slt = (kommunenummer: string, options: { bearer?: string; headers?: Record<string, string> } = {}) =>
  call(t, 'GET', `/api/v1/municipalities/${kommunenummer}/slt`, options);
const setupOf = async (kommunenummer: string, bearer?: string) => {
  const response = await slt(kommunenummer, { bearer });
  expect(response.status).toBe(200);
  return (await response.json()) as SltSetup;
};
const tierNamed = (setup: SltSetup, name: string) => {
  const tier = setup.tiers.find((candidate) => candidate.name === name);
  if (!tier) throw new Error(`no tier ${name} in ${setup.kommunenummer}: ${setup.tiers.map((x) => x.name).join(', ')}`);
  return tier;
};
const seatTitles = (setup: SltSetup, tier: string, role: string) =>
  tierNamed(setup, tier)
    .seats.filter((seat) => seat.role === role)
    .map((seat) => seat.member.roleTitle);

describe('GET …/slt: the seed pages in the demo data', () => {
  it('Kongsvinger (3401): politirådet led by the mayor, at least 4 a year, no individual cases; the focus areas with the council decision', async () => {
    const setup = await setupOf('3401');
    expect(setup).toMatchObject({ kommunenummer: '3401', name: 'Kongsvinger', view: 'public', partners: [] });
    expect(setup.tiers.map((tier) => [tier.level, tier.name])).toEqual([
      ['strategic', 'Politirådet'],
      ['coordinating', 'SLT – koordinerende gruppe'],
      ['operational', 'SLT – utøvende nivå'],
    ]);
    const politiradet = tierNamed(setup, 'Politirådet');
    expect(politiradet.meetingRule).toEqual({ kind: 'per_year', count: 4 });
    expect(politiradet.individualCases).toBe(false);
    expect(politiradet.chair?.roleTitle).toBe('Ordfører');
    expect(seatTitles(setup, 'Politirådet', 'chair')).toEqual(['Ordfører']);
    expect(seatTitles(setup, 'Politirådet', 'secretary')).toEqual(['SLT-koordinator']);
    expect(seatTitles(setup, 'Politirådet', 'member')).toEqual(expect.arrayContaining(['Politistasjonssjef', 'Kommunedirektør']));
    expect(tierNamed(setup, 'SLT – koordinerende gruppe').chair?.roleTitle).toBe('SLT-koordinator');
    expect(seatTitles(setup, 'SLT – koordinerende gruppe', 'member')).toEqual(
      expect.arrayContaining(['Enhetsleder barnevern', 'Enhetsleder helse', 'Enhetsleder kultur', 'Rådgiver oppvekst']),
    );

    expect(setup.targetGroups.map((g) => g.name)).toEqual(
      expect.arrayContaining(['Voldelig ekstremisme', 'Trygt uteliv', 'Kriminelle MC-gjenger']),
    );
    const organized = setup.focusAreas.find((area) => area.name === 'Forebygging av organisert kriminalitet');
    expect(organized).toMatchObject({ decisionReference: 'Kommunestyrevedtak 004/14', decisionDate: '2014-02-13' });
    expect(setup.focusAreas).toHaveLength(9);
    expect(setup.coordinators.map((c) => c.roleTitle)).toEqual(['SLT-koordinator']);
  });

  it('Tønsberg (3905) covers Færder: a request for 3911 resolves to the same setup', async () => {
    const tonsberg = await setupOf('3905');
    expect(tonsberg.partners).toEqual([{ kommunenummer: '3911', name: 'Færder' }]);
    expect(tonsberg.tiers.map((tier) => tier.name)).toEqual(['Styringsgruppen', 'Arbeidsutvalget', 'Utførende nivå']);
    expect(seatTitles(tonsberg, 'Styringsgruppen', 'member')).toEqual(
      expect.arrayContaining(['Ordfører i Tønsberg', 'Ordfører i Færder', 'Politistasjonssjef']),
    );
    expect(seatTitles(tonsberg, 'Styringsgruppen', 'secretary')).toEqual(['SLT-koordinator']);
    const group = tonsberg.targetGroups[0]!;
    expect([group.ageFrom, group.ageTo, group.riskCriteria.length]).toEqual([12, 18, 5]);
    expect(tonsberg.goals).toHaveLength(6);

    const faerder = await slt('3911');
    expect(faerder.status).toBe(200);
    expect(await faerder.json()).toEqual(tonsberg);
  });

  it('Nesodden (3212): three levels with the coordinator as secretary, and the five goals', async () => {
    const setup = await setupOf('3212');
    expect(setup.tiers.map((tier) => tier.name)).toEqual(['Politirådet', 'Koordineringsgruppen', 'Utøvergruppen']);
    for (const tier of setup.tiers) expect(tier.secretary?.roleTitle).toBe('SLT-koordinator');
    expect(seatTitles(setup, 'Politirådet', 'member')).toEqual(
      expect.arrayContaining(['Ordfører', 'Kommunedirektør', 'Politistasjonssjef', 'Leder nærpolitiseksjonen', 'Politikontakt']),
    );
    expect(setup.goals.map((goal) => goal.title)).toEqual([
      'Redusere antall førstegangskriminelle under 18 år',
      'Redusere antall innbrakte mindreårige pga rus',
      'Redusere voldsepisoder blant ungdom',
      'Redusere saker til barnevernet',
      'Veilede foreldre',
    ]);
    // The coordinator and the police contact are the published contacts.
    expect(setup.coordinators.map((c) => c.roleTitle)).toEqual(['SLT-koordinator']);
    // Group level only: a count of 3 is reported as "<5", never exactly.
    const innbrakte = setup.goals[1]!.indicators[0]!;
    expect(innbrakte.measurements.map((m) => m.value)).toEqual([6, '<5']);
  });

  it('Farsund (4206): two tiers, styringsgruppen and arbeidsgruppen', async () => {
    const setup = await setupOf('4206');
    expect(setup.tiers.map((tier) => [tier.level, tier.name])).toEqual([
      ['strategic', 'Styringsgruppen'],
      ['coordinating', 'Arbeidsgruppen'],
    ]);
    expect(seatTitles(setup, 'Styringsgruppen', 'member')).toEqual(
      expect.arrayContaining(['Rådmann', 'Ordfører', 'Lensmann', 'Kommunalsjef']),
    );
    expect(seatTitles(setup, 'Arbeidsgruppen', 'member')).toEqual(
      expect.arrayContaining(['Forebyggende politi', 'Representant fra teknisk etat']),
    );
  });

  it('Aukra (1547, nynorsk): politirådet 2 per half-year, koordineringsgruppa 3 in spring and 2 in autumn, target group 0–23', async () => {
    const setup = await setupOf('1547');
    expect(setup.malform).toBe('nn');
    expect(setup.tiers.map((tier) => tier.name)).toEqual(['Politirådet', 'Koordineringsgruppa', 'Utførarnivå']);
    expect(tierNamed(setup, 'Politirådet').meetingRule).toEqual({ kind: 'per_half_year', count: 2 });
    expect(tierNamed(setup, 'Koordineringsgruppa').meetingRule).toEqual({ kind: 'spring_autumn', spring: 3, autumn: 2 });
    expect(tierNamed(setup, 'Politirådet').responsibilities).toBe('Økonomi, prioritering og mål.');
    expect(setup.targetGroups.map((g) => [g.name, g.ageFrom, g.ageTo])).toEqual([['Barn og unge 0–23 år', 0, 23]]);
  });

  it('an unknown municipality is a 404 problem', async () => {
    const response = await slt('9999');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});

/** Every leaf of a JSON value by its path: `tiers/0/seats/1/member/email`. */
function leaves(value: unknown, path = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [key, child] of entries) leaves(child, `${path}/${key}`, into);
    if (entries.length === 0) into.set(path, value);
  } else {
    into.set(path, value);
  }
  return into;
}

/** Array items keyed by id rather than by position, so that views with different items line up. */
function byId(value: unknown): unknown {
  if (Array.isArray(value)) {
    const keyed = value.every((item) => item && typeof item === 'object' && 'id' in item);
    return keyed ? Object.fromEntries(value.map((item: { id: string }) => [item.id, byId(item)])) : value.map((item) => byId(item));
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, byId(v)]));
  return value;
}

describe('public and internal views', () => {
  it('the anonymous view never contains an internal field: compared with the internal view field by field', async () => {
    const publicView = await setupOf('3401');
    const internalView = await setupOf('3401', coordinator);
    expect(publicView.view).toBe('public');
    expect(internalView.view).toBe('internal');

    // The internal view holds internal data to hide: non-public measures (counted), non-public contacts.
    expect(internalView.measures.count).toBeGreaterThan(publicView.measures.count);
    const internalLeaves = leaves(byId(internalView));
    const publicLeaves = leaves(byId(publicView));
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const hidden = [...internalLeaves].filter(([path, value]) => value !== null && !same(publicLeaves.get(path), value));
    expect(hidden.length).toBeGreaterThan(0);

    // Every public value is in the internal view, the same (nothing invented); hidden ones are null …
    for (const [path, value] of publicLeaves) {
      // The measures' count is the caller's view's (compared with the lists in the next test).
      if (path === '/view' || path === '/measures/count' || value === null) continue;
      // A profile list whose items are all internal is empty in the public view.
      if (path.startsWith('/profile/') && same(value, {})) continue;
      expect({ path, value: internalLeaves.get(path) }).toEqual({ path, value });
    }
    // … and what the public view lacks is exactly the internal data: the count of non-public measures,
    // and contact details not flagged public.
    const db = t.database.db;
    const contacts = await db.select().from(members).where(eq(members.kommunenummer, '3401'));
    for (const [path] of hidden) {
      if (path === '/view') continue;
      if (path === '/measures/count') continue;
      // The profile: items not public, and fields marked internal (with the list of them).
      const profile = internalView.profile as unknown as Record<string, { isPublic: boolean }[]> & { internalFields?: string[] };
      const item = /^\/profile\/(contacts|concernChannels|parties|agreements|plans)\/(\d+)\/(?!member\/(email|phone)$)/.exec(path);
      if (item) {
        expect(profile[item[1]!]![Number(item[2])]!.isPublic, path).toBe(false);
        continue;
      }
      const field = /^\/profile\/([A-Za-z]+)(\/\d+)?$/.exec(path);
      if (field) {
        expect([...(profile.internalFields ?? []), 'internalFields'], path).toContain(field[1]);
        continue;
      }
      const contact = /\/([0-9a-f-]{36})\/(email|phone)$/.exec(path) ?? /\/(?:member|chair|secretary)\/(email|phone)$/.exec(path);
      expect(contact, `${path} is hidden from the public but is no contact detail`).not.toBeNull();
    }
    const unflagged = contacts.filter((m) => (m.email && !m.emailPublic) || (m.phone && !m.phonePublic));
    expect(unflagged.length).toBeGreaterThan(0);
    const publicText = JSON.stringify(publicView);
    for (const member of unflagged) {
      if (member.email && !member.emailPublic) expect(publicText).not.toContain(member.email);
      if (member.phone && !member.phonePublic) expect(publicText).not.toContain(member.phone);
    }
  });

  it('?view=public gives a coordinator exactly the anonymous view, under an ETag of its own; another view value is a 400', async () => {
    const anonymous = await slt('3401');
    const preview = await call(t, 'GET', '/api/v1/municipalities/3401/slt?view=public', { bearer: coordinator });
    const internal = await slt('3401', { bearer: coordinator });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toEqual(await anonymous.json());
    expect(((await internal.json()) as SltSetup).view).toBe('internal');
    // Cached per address: the preview's tag is not the internal view's, nor the plain address's.
    expect(preview.headers.get('etag')).not.toBe(internal.headers.get('etag'));
    expect(preview.headers.get('etag')).not.toBe(anonymous.headers.get('etag'));
    expect(preview.headers.get('cache-control')).toBe(anonymous.headers.get('cache-control'));
    const wrong = await call(t, 'GET', '/api/v1/municipalities/3401/slt?view=internal', { bearer: coordinator });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(await wrong.json())).toContain('view');
  });

  it('bounded: measures, meetings and organizations are counts with the link to their lists, in each view', async () => {
    const publicView = await setupOf('3401');
    const internalView = await setupOf('3401', coordinator);
    const countOf = async (path: string, bearer?: string) => {
      let count = 0;
      let cursor: string | null = null;
      do {
        const page = (await (await call(t, 'GET', `${path}?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { bearer })).json()) as {
          items: unknown[];
          nextCursor: string | null;
        };
        count += page.items.length;
        cursor = page.nextCursor;
      } while (cursor);
      return count;
    };
    expect(publicView.measures.href).toBe('/api/v1/municipalities/3401/measures');
    expect(publicView.meetings.href).toBe('/api/v1/municipalities/3401/meetings');
    expect(publicView.measures.count).toBe(await countOf(publicView.measures.href));
    expect(internalView.measures.count).toBe(await countOf(internalView.measures.href, coordinator));
    expect(publicView.meetings.count).toBe(await countOf(publicView.meetings.href));
    expect(publicView.meetings.count).toBeGreaterThan(0);

    // 300 more public measures in a municipality: its counts move, its size does not follow.
    const before = await slt('4206');
    const text = await before.text();
    const shape = JSON.parse(text) as SltSetup;
    await t.database.db
      .insert(measuresTable)
      .values(Array.from({ length: 300 }, (_, n) => ({ kommunenummer: '4206', title: `Avgrenset tiltak ${n}`, isPublic: true })));
    const after = await (await slt('4206')).text();
    expect((JSON.parse(after) as SltSetup).measures.count).toBe(shape.measures.count + 300);
    expect(Math.abs(after.length - text.length)).toBeLessThanOrEqual(3);

    // 120 more organizations: the central actors are the first 50 by name, the count has them all.
    const organizationsBefore = shape.organizations.count;
    expect(organizationsBefore).toBe(shape.centralActors.length);
    await t.database.db.insert(organizationsTable).values(
      Array.from({ length: 120 }, (_, n) => ({
        kommunenummer: '4206',
        name: `Aktør ${String(n).padStart(3, '0')}`,
        kind: 'other' as const,
      })),
    );
    const grown = (await (await slt('4206')).json()) as SltSetup;
    expect(grown.organizations).toEqual({ count: organizationsBefore + 120, href: '/api/v1/municipalities/4206/organizations' });
    expect(grown.centralActors).toHaveLength(50);
    const listed = (await (await call(t, 'GET', grown.organizations.href)).json()) as { items: { name: string }[] };
    expect(listed.items).toHaveLength(grown.organizations.count);
    expect(grown.centralActors.map((a) => a.name)).toEqual(listed.items.slice(0, 50).map((o) => o.name));
  });

  it("another municipality's coordinator and a token without read scope get the public view; a read token the internal one", async () => {
    const aukra = await signIn(t, DEMO.coordinator1547);
    expect((await setupOf('3401', aukra.accessToken)).view).toBe('public');
    const writeOnly = await createToken(t, coordinator, '3401', ['write']);
    expect((await setupOf('3401', writeOnly.secret)).view).toBe('public');
    const reader = await createToken(t, coordinator, '3401', ['read']);
    expect((await setupOf('3401', reader.secret)).view).toBe('internal');
  });
});

describe('caching and CORS', () => {
  it('ETag and Cache-Control; 304 on If-None-Match; the views never share an ETag', async () => {
    const first = await slt('3212');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get('cache-control')).toContain('public');
    expect(first.headers.get('vary')).toContain('Authorization');
    const again = await slt('3212', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // No body headers on a 304 (a Content-Length of a serialized "null" broke HTTP clients).
    expect(again.headers.get('content-length')).toBeNull();
    expect(again.headers.get('content-type')).toBeNull();

    const internal = await slt('3401', { bearer: coordinator });
    expect(internal.headers.get('cache-control')).toBe('private, no-cache');
    const anonymous = await slt('3401', { headers: { 'if-none-match': internal.headers.get('etag')! } });
    expect(anonymous.status).toBe(200);
  });

  it('a change to the setup changes the ETag', async () => {
    const before = (await slt('4206')).headers.get('etag');
    const [tier] = await t.database.db.select().from(tiers).where(eq(tiers.kommunenummer, '4206')).limit(1);
    const admin = (await signIn(t, DEMO.admin)).accessToken;
    const changed = await call(t, 'PATCH', `/api/v1/municipalities/4206/tiers/${tier!.id}`, {
      bearer: admin,
      body: { mandate: 'Ny mandattekst' },
      headers: { 'if-match': '*' },
    });
    expect(changed.status).toBe(200);
    const after = await slt('4206', { headers: { 'if-none-match': before! } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
  });

  it('CORS is open for reads from any origin (preflight included), and closed for writes', async () => {
    const read = await slt('1547', { headers: { origin: 'https://intranett.example.org' } });
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
    expect(read.headers.get('access-control-expose-headers')).toContain('ETag');
    const preflight = await call(t, 'OPTIONS', '/api/v1/municipalities/1547/slt', {
      headers: {
        origin: 'https://intranett.example.org',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const writePreflight = await call(t, 'OPTIONS', '/api/v1/municipalities/1547/organizations', {
      headers: { origin: 'https://intranett.example.org', 'access-control-request-method': 'POST' },
    });
    expect(writePreflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('a bounded number of SQL statements', () => {
  async function statementsFor(kommunenummer: string): Promise<number> {
    let status = 0;
    const statements = await t.statementsOf(async () => {
      status = (await slt(kommunenummer, { bearer: coordinator })).status;
    });
    expect(status).toBe(200);
    return statements;
  }

  it('the same count for a municipality with 5 members and one with 500', async () => {
    const db = t.database.db;
    // Two empty municipalities (Oslo and Bergen) given a tier each: one with 5 members, one with 500.
    const grant = async (kommunenummer: string, size: number) => {
      const [tier] = await db.insert(tiers).values({ kommunenummer, level: 'strategic', name: 'Politirådet' }).returning();
      const people = await db
        .insert(members)
        .values(
          Array.from({ length: size }, (_, i) => ({
            kommunenummer,
            name: `Person ${i}`,
            roleTitle: 'Rådgiver',
            emailPublic: i % 2 === 0,
            email: `p${i}@demo.invalid`,
          })),
        )
        .returning({ id: members.id });
      await db
        .insert(memberships)
        .values(people.map((p) => ({ tierId: tier!.id, memberId: p.id, role: 'member' as const, startDate: '2024-01-01' })));
    };
    await grant('0301', 5);
    await grant('4601', 500);
    const admin = (await signIn(t, DEMO.admin)).accessToken;
    const small = await statementsFor('0301');
    const large = await statementsFor('4601');
    expect(large).toBe(small);
    expect(small).toBeGreaterThan(0);
    const seats = ((await (await slt('4601', { bearer: admin })).json()) as SltSetup).tiers[0]!.seats;
    expect(seats).toHaveLength(500);
  });
});

describe('partner municipalities (admin)', () => {
  it('an admin adds and removes a partner, audited; no chains, no second host, not itself', async () => {
    const admin = (await signIn(t, DEMO.admin)).accessToken;
    const add = (host: string, partner: string) => call(t, 'PUT', `/api/v1/municipalities/${host}/partners/${partner}`, { bearer: admin });

    const added = await add('4206', '4207');
    expect(added.status).toBe(200);
    expect(await added.json()).toEqual({ items: [{ kommunenummer: '4207', name: 'Flekkefjord' }] });
    expect((await add('4206', '4207')).status).toBe(200); // idempotent
    expect((await setupOf('4207')).kommunenummer).toBe('4206');

    expect((await add('3212', '4207')).status).toBe(409); // already Farsund's partner
    expect((await add('4207', '3212')).status).toBe(409); // a partner cannot host
    expect((await add('3212', '4206')).status).toBe(409); // a host cannot become a partner
    const self = await add('4206', '4206');
    expect(self.status).toBe(400);
    expect(((await self.json()) as { errors: { name: string }[] }).errors[0]?.name).toBe('partnerKommunenummer');

    const removed = await call(t, 'DELETE', '/api/v1/municipalities/4206/partners/4207', { bearer: admin });
    expect(await removed.json()).toEqual({ items: [] });
    expect((await setupOf('4207')).kommunenummer).toBe('4207');
    expect(await t.database.db.select().from(partnerships).where(eq(partnerships.hostKommunenummer, '4206'))).toEqual([]);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entity, 'partnership'));
    expect(audit.map((row) => [row.kommunenummer, row.entityId, row.action])).toEqual([
      ['4206', '4207', 'create'],
      ['4206', '4207', 'delete'],
    ]);
  });

  it('a coordinator cannot add a partner', async () => {
    const response = await call(t, 'PUT', '/api/v1/municipalities/3401/partners/3403', { bearer: coordinator });
    expect(response.status).toBe(403);
  });
});
