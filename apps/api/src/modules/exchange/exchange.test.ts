import { readFileSync } from 'node:fs';
import type { GoalList, ImportResult, SetupDocument } from '@slt/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, measures, members, organizations } from '../../db/schema/index.js';
import { call, createToken, DEMO, signIn } from '../../../test/auth.js';
import { expectProblem, FNR } from '../../../test/problems.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await signIn(t, DEMO.admin)).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const FORMAT = 'slt-setup/1';
const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url));
const exportOf = async (k: string) => {
  const response = await call(t, 'GET', `/api/v1/municipalities/${k}/export`, { bearer: admin });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as SetupDocument;
};
const importInto = (k: string, body: unknown, options: { query?: string; headers?: Record<string, string>; bearer?: string } = {}) =>
  call(t, 'POST', `/api/v1/municipalities/${k}/import${options.query ? `?${options.query}` : ''}`, {
    bearer: options.bearer ?? admin,
    body,
    headers: options.headers,
  });
const postRaw = (k: string, body: string | Buffer, contentType: string, query = '', headers: Record<string, string> = {}) =>
  fetch(`${t.baseUrl}/api/v1/municipalities/${k}/import${query ? `?${query}` : ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': contentType, ...headers },
    body,
  });
const result = async (response: Response) => {
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as ImportResult;
};
const countRows = async (k: string) => ({
  organizations: (await t.database.db.select().from(organizations).where(eq(organizations.kommunenummer, k))).length,
  members: (await t.database.db.select().from(members).where(eq(members.kommunenummer, k))).length,
  measures: (await t.database.db.select().from(measures).where(eq(measures.kommunenummer, k))).length,
  audit: (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n,
});

describe('export and import: one document', () => {
  // One test per municipality (each import of a whole demo setup is a few seconds on a busy machine).
  it.each([
    ['3905', '3403'],
    ['3212', '3405'],
    ['4206', '3407'],
    ['3401', '3411'],
    ['1547', '3412'],
  ] as const)('round trip: %s exported, imported into the empty %s and exported again is the same document', async (source, target) => {
    const document = await exportOf(source);
    expect(document.format).toBe(FORMAT);
    // The setup profile travels too: fields, contacts by member, parties, agreements, plans.
    expect(document.profile?.collaborationName, source).toBeTruthy();
    expect(document.profile?.contacts?.length, source).toBeGreaterThan(0);
    const counts = (await result(await importInto(target, document))).counts;
    expect(counts['tiers']!.created, source).toBe(document.tiers!.length);
    const again = await exportOf(target);
    expect({ ...again, kommunenummer: source }, `${source} → ${target}`).toEqual(document);
    if (source !== '3401') return;
    // The richest: Kongsvinger has meetings with agenda, attendance, decisions and action items.
    const withAgenda = document.meetings!.find((m) => (m.agenda ?? []).length > 0 && (m.decisions ?? []).length > 0)!;
    expect(withAgenda.actionItems!.length).toBeGreaterThan(0);
    expect(document.meetings!.some((m) => m.agenda!.some((a) => a.closed && a.visibleTo!.length === 2))).toBe(true);
    // The imported values say they came from a file; the seeded ones stay as entered.
    const origins = async (k: string) => {
      const list = (await (await call(t, 'GET', `/api/v1/municipalities/${k}/goals`)).json()) as GoalList;
      return new Set(list.items.flatMap((g) => g.indicators.flatMap((i) => i.measurements.map((m) => m.origin))));
    };
    expect(await origins(target)).toEqual(new Set(['file']));
    expect(await origins(source)).toEqual(new Set(['manual']));
  });

  it('a repeated import changes nothing; a dry run gives the exact plan and writes nothing; then the import applies it and audits it', async () => {
    const document = await exportOf('3401');
    expect((await result(await importInto('3401', document))).changes).toEqual([]);
    const before = await countRows('3401');
    const changed: SetupDocument = {
      ...document,
      members: [
        ...document.members!.map((m, i) => (i === 0 ? { ...m, roleTitle: 'Ny stilling', email: 'ny@demo.invalid' } : m)),
        { externalId: 'ny-person', name: 'Nina Nyansatt', roleTitle: 'Miljøarbeider' },
      ],
    };
    const plan = await result(await importInto('3401', changed, { query: 'dryRun=true' }));
    expect(plan.dryRun).toBe(true);
    expect(plan.changes).toEqual([
      { section: 'members', externalId: document.members![0]!.externalId, action: 'updated', fields: ['email', 'roleTitle'] },
      {
        section: 'members',
        externalId: 'ny-person',
        action: 'created',
        fields: ['email', 'emailPublic', 'isCoordinator', 'name', 'organization', 'phone', 'phonePublic', 'roleTitle'],
      },
    ]);
    expect(plan.counts['members']).toEqual({ created: 1, updated: 1, unchanged: document.members!.length - 1 });
    expect(await countRows('3401')).toEqual(before);

    const applied = await result(await importInto('3401', changed));
    expect(applied.changes).toEqual(plan.changes);
    const after = await countRows('3401');
    expect(after).toEqual({ ...before, members: before.members + 1, audit: before.audit + 2 });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.kommunenummer, '3401'))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(2);
    expect(audit.map((a) => [a.entity, a.action]).sort()).toEqual([
      ['member', 'create'],
      ['member', 'update'],
    ]);
    expect(audit.find((a) => a.action === 'update')!.changes).toEqual({
      email: { before: document.members![0]!.email ?? null, after: 'ny@demo.invalid' },
      roleTitle: { before: document.members![0]!.roleTitle ?? null, after: 'Ny stilling' },
    });
    // A created item's audit row holds every field of its document form, each from null.
    expect(audit.find((a) => a.action === 'create')!.changes).toEqual({
      name: { before: null, after: 'Nina Nyansatt' },
      roleTitle: { before: null, after: 'Miljøarbeider' },
      organization: { before: null, after: null },
      email: { before: null, after: null },
      emailPublic: { before: null, after: false },
      phone: { before: null, after: null },
      phonePublic: { before: null, after: false },
      isCoordinator: { before: null, after: false },
    });
  });

  // Three 10,000-item documents validated in full: about 8 s on an idle machine, 39 s at load 27.
  it(
    'an invalid item at the start, middle or end of a 10,000-item document writes nothing, and the 422 lists every one with its pointer',
    { timeout: 120_000 },
    async () => {
      const many = (n: number) =>
        Array.from({ length: n }, (_, i) => ({ externalId: `bulk-${i}`, name: `Person ${i}`, organization: i % 2 ? 'bulk-org' : null }));
      const base = { format: FORMAT, organizations: [{ externalId: 'bulk-org', name: 'Bulk-virksomheten', kind: 'other' }] };
      const before = await countRows('3413');
      for (const bad of [[0], [5_000], [9_999], [0, 5_000, 9_999]]) {
        const people: Record<string, unknown>[] = many(10_000);
        for (const i of bad)
          people[i] =
            i === 0
              ? { externalId: 'bulk-0' }
              : i === 5_000
                ? { ...people[i], email: 'not-an-email' }
                : { ...people[i], organization: 'no-such-org' };
        const response = await importInto('3413', { ...base, members: people });
        const problem = await expectProblem(response, 422);
        const pointers = problem.errors!.map((e) => e.pointer);
        const expected = bad.map((i) => (i === 0 ? '/members/0/name' : i === 5_000 ? '/members/5000/email' : '/members/9999/organization'));
        expect(pointers).toEqual(expected);
        expect(await countRows('3413')).toEqual(before);
      }
      // And the same document without the bad items goes in whole.
      const ok = await result(await importInto('3413', { ...base, members: many(10_000) }));
      expect(ok.counts['members']!.created).toBe(10_000);
      // The answer of a large import stays small: the first 1,000 changes, in document order, and how many more.
      expect(ok.changes).toHaveLength(1_000);
      expect(ok.changes[0]).toMatchObject({ section: 'organizations', externalId: 'bulk-org', action: 'created' });
      expect(ok.changes[999]).toMatchObject({ section: 'members', externalId: 'bulk-998', action: 'created' });
      expect(ok.changesOmitted).toBe(10_001 - 1_000);
    },
  );

  it('reports every kind of problem at once: unknown fields, duplicates, references, wrong format (422); with a fødselsnummer too, a 400', async () => {
    const document = {
      format: 'slt-setup/0',
      organizations: [
        { externalId: 'o1', name: 'Skolen', kind: 'school' },
        { externalId: 'o2', name: 'Skolen', kind: 'school' },
      ],
      members: [
        { externalId: 'm1', name: 'A', organization: 'o9' },
        { externalId: 'm1', name: 'B' },
        { externalId: 'm3', name: 'Gjelder ingen' },
      ],
      tiers: [
        {
          externalId: 't1',
          level: 'strategic',
          name: 'Rådet',
          chair: 'm7',
          memberships: [{ member: 'm1', role: 'member', startDate: '2025-01-01' }],
        },
      ],
      meetings: [
        {
          externalId: 'mt',
          tier: 't1',
          title: 'Møte',
          startsAt: '2026-01-02T10:00:00Z',
          endsAt: '2026-01-02T09:00:00Z',
          decisions: [{ text: 'X', agendaItem: 2 }],
        },
      ],
      budget: [],
    };
    const pointers = [
      '/budget',
      '/format',
      '/meetings/0/endsAt',
      '/meetings/0/decisions/0/agendaItem',
      '/members/0/organization',
      '/members/1/externalId',
      '/organizations/1/name',
      '/tiers/0/chair',
    ];
    const problem = await expectProblem(await importInto('3414', document), 422);
    expect(problem.errors!.map((e) => e.pointer).sort()).toEqual([...pointers].sort());
    // Text the rules refuse (a fødselsnummer) makes it a 400, like the same text anywhere else, still listing every problem.
    const members = [...document.members.slice(0, 2), { externalId: 'm3', name: `Gjelder ${FNR}` }];
    const refused = await expectProblem(await importInto('3414', { ...document, members }), 400);
    expect(refused.type).toBe('urn:slt:problem:validation');
    expect(refused.errors!.map((e) => e.pointer).sort()).toEqual([...pointers, '/members/2/name'].sort());
    expect(refused.errors).toContainEqual(expect.objectContaining({ pointer: '/members/2/name', code: 'national_id' }));
    // Only cross-item problems.
    const second = await importInto('3414', {
      format: FORMAT,
      organizations: [
        { externalId: 'o1', name: 'Skolen', kind: 'school' },
        { externalId: 'o2', name: 'Skolen', kind: 'school' },
      ],
      members: [
        { externalId: 'm1', name: 'A', organization: 'o9' },
        { externalId: 'm1', name: 'B' },
      ],
      tiers: [{ externalId: 't1', level: 'strategic', name: 'Rådet', chair: 'm7' }],
    });
    const cross = await expectProblem(second, 422);
    expect(cross.errors!.map((e) => e.pointer).sort()).toEqual(
      ['/members/1/externalId', '/members/0/organization', '/tiers/0/chair', '/organizations/1/name'].sort(),
    );
    await expectProblem(await postRaw('3414', '{"format": "slt-setup/1", "members": [', 'application/json'), 422);
  });

  it('a control character past the first 1,000 listed problems is still named by the 400, and nothing is written', async () => {
    const before = await countRows('3414');
    const members = Array.from({ length: 1_200 }, (_, i) => ({ externalId: `cap-${i}`, name: `Person ${i}`, email: 'not-an-email' }));
    members.push({ externalId: 'cap-last', name: 'A\u0000B', email: 'ok@example.no' });
    for (const query of ['dryRun=true', 'dryRun=false']) {
      const problem = await expectProblem(await importInto('3414', { format: FORMAT, members }, { query }), 400);
      expect(problem.errors!.length).toBeLessThanOrEqual(1_000);
      expect(problem.errors).toContainEqual(expect.objectContaining({ pointer: '/members/1200/name', code: 'control_character' }));
      expect(problem.detail).toMatch(/^1201 problems in the document/);
    }
    expect(await countRows('3414')).toEqual(before);
  });
});

describe('Idempotency-Key', () => {
  const document = {
    format: FORMAT,
    organizations: [{ externalId: 'idem-org', name: 'Idempotent AS', kind: 'business' }],
    members: [{ externalId: 'idem-1', name: 'Ida Idempotent', organization: 'idem-org' }],
  };

  it('a replay gets the stored answer, ten times and twice at once; each entity is created once; another payload under the key is a 422', async () => {
    const first = await importInto('3415', document, { headers: { 'idempotency-key': 'import-2026-11-23' } });
    const answer = await first.text();
    expect(first.status, answer).toBe(200);
    expect((JSON.parse(answer) as ImportResult).counts['members']!.created).toBe(1);
    for (let i = 0; i < 10; i++) {
      const replay = await importInto('3415', document, { headers: { 'idempotency-key': 'import-2026-11-23' } });
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(await replay.text()).toBe(answer);
    }
    const twice = await Promise.all([1, 2].map(() => importInto('3415', document, { headers: { 'idempotency-key': 'import-twice' } })));
    expect(twice.map((r) => r.status).sort()).toEqual(expect.arrayContaining([200]));
    for (const response of twice) expect([200, 409]).toContain(response.status);
    expect(await countRows('3415')).toMatchObject({ organizations: 1, members: 1 });
    const other = await importInto(
      '3415',
      { ...document, members: [{ externalId: 'idem-2', name: 'Annen' }] },
      { headers: { 'idempotency-key': 'import-2026-11-23' } },
    );
    const problem = await expectProblem(other, 422);
    expect(problem.type).toBe('urn:slt:problem:idempotency-key-reused');
    expect(await countRows('3415')).toMatchObject({ members: 1 });
  });

  it('two requests with the same key at once: one imports, the other is told it is still running (409)', async () => {
    const big = { format: FORMAT, members: Array.from({ length: 3_000 }, (_, i) => ({ externalId: `race-${i}`, name: `Person ${i}` })) };
    const [a, b] = await Promise.all([1, 2].map(() => importInto('3416', big, { headers: { 'idempotency-key': 'race' } })));
    const statuses = [a!.status, b!.status].sort();
    expect(statuses[0]).toBe(200);
    expect([200, 409]).toContain(statuses[1]);
    if (statuses[1] === 409)
      expect((await (a!.status === 409 ? a! : b!).json()) as { type: string }).toMatchObject({ type: 'urn:slt:problem:conflict' });
    expect((await countRows('3416')).members).toBe(3_000);
  });
});

describe('CSV', () => {
  it('imports members and measures as Excel in a Norwegian locale saves them (semicolon, BOM, CRLF, æøå, dd.mm.yyyy, labels)', async () => {
    await result(
      await importInto('3417', { format: FORMAT, organizations: [{ externalId: 'csv-skolen', name: 'Grue skole', kind: 'school' }] }),
    );
    const file = fixture('medlemmer-excel-nb.csv');
    expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(file.toString('utf8')).toContain('\r\n');
    const imported = await result(await postRaw('3417', file, 'text/csv; charset=utf-8', 'entity=members'));
    expect(imported.counts['members']!.created).toBe(3);
    const people = await exportOf('3417');
    expect(people.members!.map((m) => [m.externalId, m.name, m.roleTitle, m.organization, m.emailPublic])).toEqual([
      ['csv-1', 'Åse Ærlighet', 'Rektor', 'csv-skolen', true],
      ['csv-2', 'Øystein Prøvesen', 'Leder; forebyggende tjenester', null, false],
      ['csv-3', 'Kåre Fiktiv-Bø', 'Politikontakt', null, false],
    ]);
    const measuresCsv = await result(await postRaw('3417', fixture('tiltak-excel-nb.csv'), 'text/csv', 'entity=measures'));
    expect(measuresCsv.counts['measures']!.created).toBe(2);
    const [first] = (await exportOf('3417')).measures!;
    expect(first).toMatchObject({
      externalId: 'csv-tiltak-1',
      status: 'active',
      startDate: '2025-08-15',
      endDate: '2026-06-20',
      evidenceLevel: 'described',
      isPublic: true,
      responsibleMember: 'csv-1',
    });
    expect(first!.description).toBe('Åpent hver tirsdag; for 13–16 år');
  });

  it('exports members as CSV that imports again unchanged, and points at the line of a bad row', async () => {
    const csv = await call(t, 'GET', '/api/v1/municipalities/3417/export/members.csv', { bearer: admin });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await csv.text();
    expect(text.startsWith('Ekstern id;Navn;Stilling')).toBe(true);
    expect((await result(await postRaw('3417', `\uFEFF${text}`, 'text/csv', 'entity=members'))).changes).toEqual([]);
    const english = await (
      await call(t, 'GET', '/api/v1/municipalities/3417/export/members.csv', { bearer: admin, headers: { 'accept-language': 'en' } })
    ).text();
    expect(english.split('\r\n')[0]).toBe('externalId;name;roleTitle;organization;email;emailPublic;phone;phonePublic;isCoordinator');

    const bad = 'externalId,name,email\r\nx1,Ok Person,ok@demo.invalid\r\nx2,,bad\r\n';
    const problem = await expectProblem(await postRaw('3417', bad, 'text/csv', 'entity=members'), 422);
    expect(problem.errors!.map((e) => e.pointer)).toEqual(['/members/1/email', '/members/1/name']);
    await expectProblem(await postRaw('3417', bad, 'text/csv'), 400, 'entity');
  });
});

describe('limits', () => {
  // An app of its own with small limits, opened in a hook (the slow part on a busy machine).
  let small: TestApp;
  beforeAll(async () => {
    small = await createTestApp({ demoData: false, importMaxBytes: 2_048, importMaxItems: 10 });
  });
  afterAll(async () => {
    await small?.close();
  });

  it('a document over the size or item limit is a 413 problem that says the limit', async () => {
    const { accessToken } = await signIn(small, DEMO.admin).catch(() => ({ accessToken: '' }));
    const bearer = accessToken || (await createAdmin(small));
    const tooBig = { format: FORMAT, members: Array.from({ length: 8 }, (_, i) => ({ externalId: `x${i}`, name: 'N'.repeat(300) })) };
    const big = await call(small, 'POST', '/api/v1/municipalities/3401/import', { bearer, body: tooBig });
    const problem = await expectProblem(big, 413);
    expect(problem.detail).toContain('2048 bytes');
    const tooMany = { format: FORMAT, members: Array.from({ length: 11 }, (_, i) => ({ externalId: `${i}`, name: 'N' })) };
    expect(
      (await expectProblem(await call(small, 'POST', '/api/v1/municipalities/3401/import', { bearer, body: tooMany }), 413)).detail,
    ).toContain('10 items');
  });
});

describe('access', () => {
  it('an import token imports into its own municipality only; members and read tokens cannot import', async () => {
    const coordinator = (await signIn(t, DEMO.coordinator3401)).accessToken;
    const token = await createToken(t, coordinator, '3401', ['import']);
    const doc = { format: FORMAT, organizations: [{ externalId: 'token-org', name: 'Token-virksomheten', kind: 'other' }] };
    expect((await importInto('3401', doc, { bearer: token.secret })).status).toBe(200);
    await expectProblem(await importInto('1547', doc, { bearer: token.secret }), 403);
    const read = await createToken(t, coordinator, '3401', ['read']);
    await expectProblem(await importInto('3401', doc, { bearer: read.secret }), 403);
    const member = (await signIn(t, DEMO.member3401)).accessToken;
    await expectProblem(await importInto('3401', doc, { bearer: member }), 403);
    expect((await call(t, 'GET', '/api/v1/municipalities/3401/export', { bearer: member })).status).toBe(200);
    await expectProblem(await call(t, 'GET', '/api/v1/municipalities/3401/export'), 401);
  });
});

/** An admin in an app without demo data. */
async function createAdmin(app: TestApp): Promise<string> {
  const { createUsersRepository } = await import('../users/users.repository.js');
  const { hashPassword } = await import('../../lib/passwords.js');
  const user = await createUsersRepository(app.database.db).insert({
    email: 'limits-admin@demo.invalid',
    name: 'Limits Admin',
    passwordHash: await hashPassword('limits-admin-password'),
    isAdmin: true,
  });
  expect(user.id).toBeTruthy();
  return (await signIn(app, 'limits-admin@demo.invalid', 'limits-admin-password')).accessToken;
}
