import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts.js';
import { apiEntryArgs, freePort } from './api-process.js';
import { createPgServer, type PgServer } from './pg-server.js';
import { capture, exited, Processes, waitFor } from './processes.js';

/**
 * Issue 15, acceptance 2, 3 and 6 (the fault paths): the API as its own process on a PostgreSQL
 * server of this file's own, which is stopped and started, and an API killed with SIGKILL. These
 * need a real server, so they run in CI's PostgreSQL step (DATABASE_URL set), on the PostgreSQL 15
 * binaries .ci/run uses.
 */
const onPostgres = loadConfig().databaseUrl !== undefined;
const apiRoot = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = path.resolve(apiRoot, '../..');
const CONNECTION_TIMEOUT_MS = 3_000;
const JWT_SECRET = 'fault-test-secret-that-is-at-least-32-characters';

const processes = new Processes();
let server: PgServer;
let work: string;
let port: number;
let api: { child: ChildProcess; output: ReturnType<typeof capture> } | undefined;
const logs: string[] = [];

async function startApi(): Promise<void> {
  const child = processes.spawn(process.execPath, apiEntryArgs('server', inject('sltApiServer')), {
    cwd: apiRoot,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: server.url,
      JWT_SECRET,
      DEMO_DATA: 'true',
      LOG_LEVEL: 'info',
      DB_CONNECTION_TIMEOUT_MS: String(CONNECTION_TIMEOUT_MS),
      DATA_DIR: work,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = capture(child);
  api = { child, output };
  await waitFor('the API ready', 90_000, async () => {
    if (child.exitCode !== null) throw new Error(`the API exited: ${output.text()}`);
    return fetch(`http://127.0.0.1:${port}/api/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
  });
}

function stopCapturing(): void {
  if (api) logs.push(api.output.text());
}

const base = () => `http://127.0.0.1:${port}`;
let token = '';
let adminJwt = '';

/** A setup document of `n` members with e-mail and phone (what must not reach the log). */
function membersFile(name: string, prefix: string, n: number): string {
  const file = path.join(work, name);
  const members = Array.from({ length: n }, (_, i) => ({
    externalId: `${prefix}-${i}`,
    name: `Feil Fiktivsen ${i}`,
    email: `${prefix}.${i}@fault.invalid`,
    phone: `+47 41 ${String(100000 + i).slice(0, 3)} ${String(100 + i).slice(-3)}`,
  }));
  writeFileSync(file, JSON.stringify({ format: 'slt-setup/1', members }));
  return file;
}

function runCli(file: string) {
  const child = processes.spawn(
    process.execPath,
    [path.join(repoRoot, 'apps/cli/bin/slt.js'), 'import', file, '--municipality', '3401', '--quiet'],
    {
      cwd: repoRoot,
      env: { SLT_TOKEN: token, SLT_API_URL: base(), INIT_CWD: work, npm_lifecycle_event: 'slt' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return { child, output: capture(child) };
}

async function membersWithPrefix(prefix: string): Promise<string[]> {
  const response = await fetch(`${base()}/api/v1/municipalities/3401/export`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  const document = (await response.json()) as { members?: { externalId: string }[] };
  return (document.members ?? []).map((m) => m.externalId).filter((id) => id.startsWith(`${prefix}-`));
}

describe.skipIf(!onPostgres)('faults on PostgreSQL: database down, API killed', () => {
  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'slt-faults-'));
    server = await createPgServer();
    port = await freePort();
    await startApi();
    const login = await fetch(`${base()}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.invalid', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    adminJwt = ((await login.json()) as { accessToken: string }).accessToken;
    const created = await fetch(`${base()}/api/v1/municipalities/3401/api-tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminJwt}` },
      body: JSON.stringify({ name: 'fault test', scopes: ['read', 'import'] }),
    });
    expect(created.status).toBe(201);
    token = ((await created.json()) as { secret: string }).secret;
  }, 120_000);

  afterAll(() => {
    stopCapturing();
    processes.killAll();
    server?.remove();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('database stopped: reads answer a 503 problem with Retry-After in time; started again: served within 5 s, no restart', async () => {
    server.stop();
    const started = Date.now();
    const response = await fetch(`${base()}/api/v1/municipalities/3401/slt`);
    const elapsed = Date.now() - started;
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await response.json()) as { type: string }).type).toBe('urn:slt:problem:unavailable');
    expect(elapsed).toBeLessThan(CONNECTION_TIMEOUT_MS + 1_000);
    // Readiness says so too, as a problem.
    expect((await fetch(`${base()}/api/health/ready`)).status).toBe(503);

    server.start();
    const back = Date.now();
    await waitFor(
      'GET …/slt answering 200 again',
      5_000,
      async () => (await fetch(`${base()}/api/v1/municipalities/3401/slt`)).status === 200,
    );
    expect(Date.now() - back).toBeLessThan(5_000);
  }, 60_000);

  it('the CLI import retried across a 10 s outage succeeds, exactly once', async () => {
    const file = membersFile('outage.json', 'outage', 200);
    server.stop();
    const cli = runCli(file);
    await new Promise((r) => setTimeout(r, 10_000));
    server.start();
    const code = await exited(cli.child, 90_000);
    expect(code, cli.output.text()).toBe(0);
    expect(cli.output.text()).toMatch(/The API answered 503/);
    expect(cli.output.text()).toMatch(/members\D+200\D+0\D+0/);
    expect((await membersWithPrefix('outage')).length).toBe(200);
  }, 120_000);

  it('kill -9 of the API during an import, then a restart: the CLI retry with the same key imports exactly once, at once (no 409)', async () => {
    const file = membersFile('killed.json', 'killed', 300);
    // Hold the import at its first write: a lock on members that only this test holds.
    const blocker = new pg.Client({ connectionString: server.url });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query('lock table members in exclusive mode');
      const cli = runCli(file);
      // pg_stat_activity is read once per transaction unless the snapshot is cleared.
      const activity = async <R extends pg.QueryResultRow>(query: string, values: unknown[] = []) => {
        await blocker.query('select pg_stat_clear_snapshot()');
        return blocker.query<R>(query, values);
      };
      const waiting = async () =>
        (
          await activity<{ pid: number }>(
            `select pid from pg_stat_activity where application_name = 'slt-api' and wait_event_type = 'Lock'`,
          )
        ).rows[0]?.pid;
      const backend = await waitFor('the import waiting on the members lock', 60_000, waiting);

      processes.signal(api!.child, 'SIGKILL');
      await exited(api!.child, 10_000);
      stopCapturing();
      const restarted = startApi();
      // The import's session ends with its client, though its statement was waiting: the key's lock goes with it.
      await waitFor(
        'the killed import’s session to end',
        15_000,
        async () => (await activity('select 1 from pg_stat_activity where pid = $1', [backend])).rowCount === 0,
      );
      await blocker.query('rollback');
      await restarted;

      const code = await exited(cli.child, 90_000);
      expect(code, cli.output.text()).toBe(0);
      expect(cli.output.text()).not.toMatch(/409/);
      expect(cli.output.text()).toMatch(/members\D+300\D+0\D+0/);
      expect((await membersWithPrefix('killed')).length).toBe(300);
    } finally {
      await blocker.end().catch(() => undefined);
    }
  }, 180_000);

  it('the log of these failure paths holds no password, JWT, slt_ token, e-mail or phone of the imports', () => {
    stopCapturing();
    const text = logs.join('\n');
    expect(text.length).toBeGreaterThan(0);
    for (const secret of [
      DEMO_PASSWORD,
      adminJwt,
      token,
      'outage.7@fault.invalid',
      'killed.7@fault.invalid',
      '@fault.invalid',
      '+47 41 100',
    ]) {
      expect(text.includes(secret), `the log contains ${secret.slice(0, 12)}…`).toBe(false);
    }
    expect(text).toMatch(/database not available: answered 503/);
  });
});
