import { once } from 'node:events';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnGroup, stopGroup } from '@slt/testing/processes';
import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import { auditLog, users } from '../src/db/schema/index.js';
import { verifyPassword } from '../src/lib/passwords.js';
import { apiEntryArgs } from './api-process.js';

const apiRoot = fileURLToPath(new URL('..', import.meta.url));

/** Runs the CLI as its own process, as an operator would; stopped (its whole group) if the test ends first. */
async function runCli(args: string[], stdin: string, dataDir: string) {
  const child = spawnGroup(process.execPath, [...apiEntryArgs('cli', inject('sltApiServer')), ...args], {
    cwd: apiRoot,
    env: { DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  child.stdin!.end(stdin);
  try {
    const [code] = (await once(child, 'exit')) as [number];
    return { code, out };
  } finally {
    await stopGroup(child, { graceMs: 1_000 });
  }
}

describe('cli create-admin', () => {
  // Three runs open the embedded database (a copy of the run's prepared one: each start still
  // costs seconds of CPU in WebAssembly) and one exits on its usage line; on one loaded core
  // that is well past the suite's 30 s default (95 s measured at load 19).
  it(
    'creates an administrator with the password from stdin, audited; refuses a duplicate and a short password',
    { timeout: 240_000 },
    async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'slt-cli-'));
      // Migrated, with the reference data, no users: as after an operator's first `db:migrate`.
      await cp(inject('sltTemplates').pglite.base.dataDir, dataDir, { recursive: true });
      try {
        const ok = await runCli(['create-admin', '--email', 'Drift@Demo.invalid', '--name', 'Drift'], 'correct horse battery\n', dataDir);
        expect(ok.out).toMatch(/Created administrator drift@demo.invalid/);
        expect(ok.code).toBe(0);

        const duplicate = await runCli(
          ['create-admin', '--email', 'drift@demo.invalid', '--name', 'Drift'],
          'correct horse battery\n',
          dataDir,
        );
        expect(duplicate.code).toBe(1);
        expect(duplicate.out).toMatch(/already exists/);

        const short = await runCli(['create-admin', '--email', 'kort@demo.invalid', '--name', 'Kort'], 'short\n', dataDir);
        expect(short.code).toBe(1);
        expect(short.out).toMatch(/password/);

        const usage = await runCli(['create-admin'], '', dataDir);
        expect(usage.code).toBe(2);

        const database = await openDatabase({ kind: 'pglite', dataDir });
        try {
          const rows = await database.db.select().from(users);
          expect(rows.map((u) => [u.email, u.isAdmin])).toEqual([['drift@demo.invalid', true]]);
          expect(await verifyPassword(rows[0]!.passwordHash, 'correct horse battery')).toBe(true);
          const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, rows[0]!.id));
          expect(audit.map((a) => [a.action, a.actorType, a.actorLabel])).toEqual([['create', 'system', 'cli create-admin']]);
        } finally {
          await database.close();
        }
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  );
});
