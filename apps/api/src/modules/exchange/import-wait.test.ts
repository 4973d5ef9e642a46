import { connect } from 'node:net';
import { createClient, newIdempotencyKey, routes, type ImportResult } from '@slt/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations } from '../../db/schema/index.js';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

/**
 * An import whose server side takes far longer than the server's idle-socket timeout. Production
 * has a 30 s idle timeout; here it is lowered to 300 ms, and the import is slowed down in the
 * test's own database by a trigger that sleeps 2 s whenever organizations are inserted, so the
 * server works more than six idle windows after reading the body.
 */
const IDLE_TIMEOUT_MS = 300;
const SLEEP_SECONDS = 2;

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await signIn(t, DEMO.admin)).accessToken;
  t.app.server.timeout = IDLE_TIMEOUT_MS;
  await t.database.db.execute(
    sql.raw(`create function test_slow_import() returns trigger language plpgsql as $$
      begin perform pg_sleep(${SLEEP_SECONDS}); return null; end $$`),
  );
  await t.database.db.execute(
    sql.raw(`create trigger test_slow_import after insert on organizations for each statement execute function test_slow_import()`),
  );
});
afterAll(async () => {
  await t?.close();
});

const documentWith = (name: string) =>
  JSON.stringify({
    format: 'slt-setup/1',
    organizations: [{ externalId: `org-${name}`, name: `Virksomhet ${name}`, kind: 'police' }],
  });
const organizationsNamed = async (k: string, name: string) =>
  (
    await t.database.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.kommunenummer, k), eq(organizations.name, `Virksomhet ${name}`)))
  ).length;

describe('an import the server works on longer than the idle timeout', () => {
  it('the lowered idle timeout is in force: a connection that sends nothing is closed', async () => {
    const { port } = new URL(t.baseUrl);
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1');
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    expect(performance.now() - started).toBeLessThan(SLEEP_SECONDS * 1000);
  });

  it('gets its answer over the same connection, and the import is committed', async () => {
    const started = performance.now();
    const response = await call(t, 'POST', '/api/v1/municipalities/3405/import', { bearer: admin, body: JSON.parse(documentWith('slow')) });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    expect(performance.now() - started).toBeGreaterThan(SLEEP_SECONDS * 1000);
    expect((JSON.parse(text) as ImportResult).counts.organizations).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await organizationsNamed('3405', 'slow')).toBe(1);
  });

  it('the typed client waits for it too, with an Idempotency-Key sent once', async () => {
    const body = Buffer.from(documentWith('client'));
    const client = createClient({ baseUrl: t.baseUrl, token: admin });
    const response = await client.send(routes.importSetup, {
      params: { kommunenummer: '3405' },
      headers: { 'idempotency-key': newIdempotencyKey() },
      raw: { contentType: 'application/json', length: body.length, open: () => new Blob([body]).stream() },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as ImportResult).counts.organizations?.created).toBe(1);
    expect(await organizationsNamed('3405', 'client')).toBe(1);
  });
});
