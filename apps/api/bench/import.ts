import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The import benchmark: one document of `items` items (organizations, members referring to them,
 * measures referring to both) streamed to POST …/import of the running app, timed to the committed
 * answer, with the API process's peak memory (VmHWM) before and after. A smaller import first shows
 * that memory follows the stream, not the document size.
 */
export async function benchImport(
  base: string,
  pid: number,
  heapMb: number,
  sizes: readonly { kommunenummer: string; items: number }[],
): Promise<void> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.invalid', password: 'demo-password' }),
  });
  if (login.status !== 200) throw new Error(`bench sign-in failed: ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  console.log(`\nPOST /api/v1/municipalities/{k}/import (one JSON document, streamed; real PostgreSQL; API heap capped at ${heapMb} MB)`);
  console.log('items      bytes       seconds   items/s   API peak RSS before → after');
  for (const { kommunenummer, items } of sizes) {
    const before = peakRss(pid);
    // The client holds the document (sent with a Content-Length); the API reads it as a stream.
    const body = Buffer.from([...documentChunks(items)].join(''));
    const bytes = body.length;
    const started = performance.now();
    const response = await fetch(`${base}/api/v1/municipalities/${kommunenummer}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body,
    });
    const text = await response.text();
    const seconds = (performance.now() - started) / 1000;
    if (response.status !== 200) throw new Error(`import answered ${response.status}: ${text.slice(0, 500)}`);
    const counts = (JSON.parse(text) as { counts: Record<string, { created: number }> }).counts;
    const created = Object.values(counts).reduce((sum, c) => sum + c.created, 0);
    if (created !== items) throw new Error(`expected ${items} created, the answer says ${created}`);
    const after = peakRss(pid);
    console.log(
      `${String(items).padEnd(9)} ${(bytes / 1_048_576).toFixed(1).padStart(6)} MB ${seconds.toFixed(2).padStart(9)} ${(items / seconds).toFixed(0).padStart(9)}   ${before} MB → ${after} MB`,
    );
  }
}

/** The process's peak resident memory so far (Linux), in MB. */
function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** A document of n items as JSON text chunks: 1 % organizations, 49 % members, 50 % measures. */
function* documentChunks(n: number): Generator<string> {
  const organizations = Math.max(1, Math.floor(n / 100));
  const members = Math.floor(n * 0.49);
  const measures = n - organizations - members;
  const kinds = ['municipal_unit', 'police', 'school', 'health', 'volunteer'];
  yield '{"format":"slt-setup/1","organizations":[';
  for (let i = 0; i < organizations; i++) {
    yield `${i ? ',' : ''}{"externalId":"org-${i}","name":"Virksomhet ${i}","kind":"${kinds[i % kinds.length]}"}`;
  }
  yield '],"members":[';
  for (let i = 0; i < members; i++) {
    yield `${i ? ',' : ''}{"externalId":"person-${i}","name":"Fiktiv Person ${i}","roleTitle":"Rådgiver","organization":"org-${i % organizations}","email":"person-${i}@bench.invalid","emailPublic":${i % 2 === 0}}`;
  }
  yield '],"measures":[';
  for (let i = 0; i < measures; i++) {
    yield `${i ? ',' : ''}{"externalId":"measure-${i}","title":"Tiltak ${i}","description":"Et forebyggende tiltak for benchmark nummer ${i}.","status":"active","startDate":"2026-01-01","responsibleOrganization":"org-${i % organizations}","responsibleMember":"person-${i % members}","isPublic":true}`;
  }
  yield ']}';
}

/**
 * The embedded database's first start: `node dist/server.js` (what `pnpm start` runs) on an empty
 * DATA_DIR, with the demo data, timed to its first ready answer; its peak resident memory (VmHWM)
 * read then. Then a second start on the same directory.
 */
export async function benchFirstStart(apiRoot: string, port: number): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'slt-bench-first-start-'));
  console.log('\nEmbedded database (PGlite), `node dist/server.js` on an empty DATA_DIR with demo data, to the first ready answer');
  console.log('start      seconds   peak RSS');
  try {
    for (const start of ['first', 'second']) {
      const started = performance.now();
      const child = spawn(process.execPath, ['dist/server.js'], {
        cwd: apiRoot,
        env: { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', WEB_DIST_DIR: '/nonexistent' },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      try {
        const deadline = Date.now() + 120_000;
        for (;;) {
          if (Date.now() > deadline) throw new Error('the embedded API did not come up in 120 s');
          if (child.exitCode !== null) throw new Error(`the embedded API exited with ${child.exitCode}`);
          const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`).then(
            (r) => r.ok,
            () => false,
          );
          if (ready) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        const seconds = (performance.now() - started) / 1000;
        console.log(`${start.padEnd(9)} ${seconds.toFixed(2).padStart(8)}   ${peakRss(child.pid!)} MB`);
      } finally {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
