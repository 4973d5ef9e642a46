import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import { auditLog, users } from '../src/db/schema/index.js';
import { verifyPassword } from '../src/lib/passwords.js';

const apiRoot = fileURLToPath(new URL('..', import.meta.url));

async function runCli(args: string[], stdin: string, dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', 'src/cli.ts', ...args], {
    cwd: apiRoot,
    env: { DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  child.stdin.end(stdin);
  const [code] = (await once(child, 'exit')) as [number];
  return { code, out };
}

describe('cli create-admin', () => {
  it('creates an administrator with the password from stdin, audited; refuses a duplicate and a short password', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'slt-cli-'));
    try {
      const ok = await runCli(['create-admin', '--email', 'Drift@Demo.invalid', '--name', 'Drift'], 'correct horse battery\n', dataDir);
      expect(ok.out).toMatch(/Created administrator drift@demo.invalid/);
      expect(ok.code).toBe(0);

      const duplicate = await runCli(['create-admin', '--email', 'drift@demo.invalid', '--name', 'Drift'], 'correct horse battery\n', dataDir);
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
    // Four CLI processes, each starting tsx and the embedded database with its migrations: about
    // 7 s apiece on a loaded 2-core machine, so the default 30 s is not enough.
  }, 120_000);
});
