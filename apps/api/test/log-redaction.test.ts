import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createToken, DEMO, signIn, type SignedIn } from './auth.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * Issue 15, acceptance 6: the log of the failure paths holds no password, JWT, `slt_` token,
 * refresh cookie, nor a member's e-mail or phone: failed sign-ins, credentials in query strings,
 * SQL that fails with personal data in its parameters, an import refused by the database. The
 * test reads everything the app logged. (The database-outage path: test/faults.test.ts.)
 */
let t: TestApp;
let coordinator: SignedIn;
let importToken: string;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signIn(t, DEMO.coordinator3401);
  importToken = (await createToken(t, coordinator.accessToken, '3401', ['read', 'import'])).secret;
});
afterAll(async () => {
  await t?.close();
});

const WRONG_PASSWORD = 'Feil-passord-som-ingen-har-42';
const emailOf = (i: number) => `logg.person.${i}@redaction.invalid`;
const phoneOf = (i: number) => `+47 98 76 ${String(1000 + i).slice(-4)}`;

describe('log redaction', () => {
  it('no credential and no personal data reach the log on any failure path', async () => {
    // 1. Wrong passwords.
    for (let i = 0; i < 3; i++) {
      const r = await call(t, 'POST', '/api/v1/auth/login', { body: { email: DEMO.coordinator3401, password: WRONG_PASSWORD } });
      expect(r.status).toBe(401);
    }
    // 2. Credentials where they do not belong: in the query string (refused, and not logged).
    for (const [name, value] of [
      ['access_token', coordinator.accessToken],
      ['token', importToken],
      ['refresh_token', coordinator.cookie],
    ] as const) {
      const r = await fetch(`${t.baseUrl}/api/v1/municipalities/3401/audit?${name}=${encodeURIComponent(value)}`);
      expect(r.status).toBeGreaterThanOrEqual(400);
    }
    // A refresh with the cookie, and a forged bearer.
    await call(t, 'POST', '/api/v1/auth/refresh', { headers: { cookie: coordinator.cookie } });
    expect((await call(t, 'GET', '/api/v1/municipalities/3401/audit', { bearer: `${coordinator.accessToken}x` })).status).toBe(401);

    // 3. SQL that fails with personal data among its parameters: the database refuses new members.
    await t.database.db.execute(
      sql.raw(
        `create function refuse_members() returns trigger language plpgsql as $$ begin raise exception 'refused by the test'; end $$`,
      ),
    );
    await t.database.db.execute(
      sql.raw(`create trigger refuse_members before insert on members for each row execute function refuse_members()`),
    );
    try {
      const created = await call(t, 'POST', '/api/v1/municipalities/3401/members', {
        bearer: coordinator.accessToken,
        body: { name: 'Logg Fiktivsen', email: emailOf(0), phone: phoneOf(0), roleTitle: 'Rådgiver' },
      });
      expect(created.status).toBe(500);
      // An import of 2,000 members with contact details, refused when it writes them.
      const members = Array.from({ length: 2_000 }, (_, i) => ({
        externalId: `logg-${i}`,
        name: `Logg Fiktivsen ${i}`,
        email: emailOf(i),
        phone: phoneOf(i),
      }));
      const imported = await fetch(`${t.baseUrl}/api/v1/municipalities/3401/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${importToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ format: 'slt-setup/1', members }),
      });
      expect(imported.status).toBe(500);
    } finally {
      await t.database.db.execute(sql.raw(`drop trigger refuse_members on members`));
      await t.database.db.execute(sql.raw(`drop function refuse_members()`));
    }
    // 4. One item the database cannot store (a NUL character) among 2,000 with contact details.
    const members = Array.from({ length: 2_000 }, (_, i) => ({
      externalId: i === 1_000 ? 'nul\u0000id' : `nul-${i}`,
      name: `Nul Fiktivsen ${i}`,
      email: emailOf(i),
      phone: phoneOf(i),
    }));
    const nul = await fetch(`${t.baseUrl}/api/v1/municipalities/3401/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${importToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'slt-setup/1', members }),
    });
    // A control character: refused by the text rules (400), naming the item, before anything is stored.
    expect(nul.status).toBe(400);
    expect(((await nul.json()) as { errors: { pointer: string }[] }).errors).toContainEqual(
      expect.objectContaining({ pointer: '/members/1000/externalId' }),
    );

    const lines = t.logs.map((entry) => JSON.stringify(entry));
    const text = lines.join('\n');
    expect(text).toMatch(/request failed/); // the failures were logged…
    const secrets = [
      WRONG_PASSWORD,
      coordinator.accessToken,
      importToken,
      coordinator.cookie.split('=')[1]!,
      emailOf(0),
      emailOf(1999),
      phoneOf(0),
      phoneOf(1999),
      '@redaction.invalid',
    ];
    for (const secret of secrets) expect(text.includes(secret), `the log contains ${secret.slice(0, 10)}…`).toBe(false);
    // …each in a line of reasonable size.
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(16_384);
  });
});
