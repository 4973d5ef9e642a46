import { spawn } from 'node:child_process';
import pg from 'pg';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The import benchmark: one document of `items` items (organizations, members referring to them,
 * measures referring to both) streamed to POST …/import of the running app, timed to the committed
 * answer, with the API process's peak memory (VmHWM) before and after. A smaller import first shows
 * that memory follows the stream, not the document size.
 */
export interface ImportSize {
  kommunenummer: string;
  items: number;
  /** Only organizations (the 7,000-organization row), instead of the 1/49/50 % mix. */
  organizationsOnly?: boolean;
  /** An empty municipality the same rows are inserted into with raw `unnest` statements, for the ratio. */
  rawInto?: string;
}

export async function benchImport(
  base: string,
  target: { pid: number; heapMb: number; databaseUrl: string },
  sizes: readonly ImportSize[],
): Promise<void> {
  const { pid, heapMb } = target;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.invalid', password: 'demo-password' }),
  });
  if (login.status !== 200) throw new Error(`bench sign-in failed: ${login.status}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  console.log(`\nPOST /api/v1/municipalities/{k}/import (one JSON document, streamed; real PostgreSQL; API heap capped at ${heapMb} MB)`);
  console.log('items                    bytes       seconds   items/s   API peak RSS before → after   raw unnest s   import/raw time');
  for (const { kommunenummer, items, organizationsOnly = false, rawInto } of sizes) {
    const before = peakRss(pid);
    const mix = organizationsOnly ? { organizations: items, members: 0 } : mixOf(items);
    // The client holds the document (sent with a Content-Length); the API reads it as a stream.
    const body = Buffer.from([...documentChunks(mix, items)].join(''));
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
    const raw = rawInto ? await rawInsert(target.databaseUrl, rawInto, mix, items) : undefined;
    const label = organizationsOnly ? `${items} organizations` : `${items} mixed`;
    console.log(
      `${label.padEnd(22)} ${(bytes / 1_048_576).toFixed(1).padStart(6)} MB ${seconds.toFixed(2).padStart(9)} ${(items / seconds).toFixed(0).padStart(9)}   ${`${before} MB → ${after} MB`.padEnd(26)} ${raw === undefined ? '' : raw.toFixed(2).padStart(12)}   ${raw === undefined ? '' : `${(seconds / raw).toFixed(1)}×`.padStart(12)}`,
    );
  }
}

/**
 * The reference an import is compared with: the same rows (organizations, members referring to
 * them, measures referring to both) inserted into an empty municipality by three `INSERT … SELECT
 * FROM unnest(…)` statements in one transaction, references resolved by joining on the external
 * ids (hash joins); no validation, plan, audit or answer. Returns the seconds to the commit.
 */
async function rawInsert(databaseUrl: string, kommunenummer: string, mix: Mix, items: number): Promise<number> {
  const rows = rowsOf(mix, items);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('begin');
    // The arrays' row estimates are PostgreSQL's default for a set function (far too low): without
    // this, the joins on external ids become nested loops. JIT off, as the import has it.
    await client.query('set local enable_nestloop = off; set local jit = off');
    await client.query(
      `insert into organizations (kommunenummer, external_id, name, kind)
       select $1, e, n, k::organization_kind from unnest($2::text[], $3::text[], $4::text[]) as t(e, n, k)`,
      [
        kommunenummer,
        rows.organizations.map((o) => o.externalId),
        rows.organizations.map((o) => o.name),
        rows.organizations.map((o) => o.kind),
      ],
    );
    if (rows.members.length)
      await client.query(
        `insert into members (kommunenummer, external_id, name, role_title, organization_id, email, email_public)
         select $1, t.e, t.n, t.r, o.id, t.m, t.p
         from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[]) as t(e, n, r, org, m, p)
         join organizations o on o.kommunenummer = $1 and o.external_id = t.org`,
        [
          kommunenummer,
          ...(['externalId', 'name', 'roleTitle', 'organization', 'email', 'emailPublic'] as const).map((key) =>
            rows.members.map((m) => m[key]),
          ),
        ],
      );
    if (rows.measures.length)
      await client.query(
        `insert into measures (kommunenummer, external_id, title, description, status, start_date, responsible_organization_id, responsible_member_id, is_public)
         select $1, t.e, t.ti, t.d, 'active', date '2026-01-01', o.id, m.id, true
         from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) as t(e, ti, d, org, mem)
         join organizations o on o.kommunenummer = $1 and o.external_id = t.org
         join members m on m.kommunenummer = $1 and m.external_id = t.mem`,
        [
          kommunenummer,
          ...(['externalId', 'title', 'description', 'organization', 'member'] as const).map((key) => rows.measures.map((m) => m[key])),
        ],
      );
    await client.query('commit');
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}

/** The process's peak resident memory so far (Linux), in MB. */
function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

interface Mix {
  organizations: number;
  members: number;
}
/** 1 % organizations, 49 % members, 50 % measures. */
const mixOf = (n: number): Mix => ({ organizations: Math.max(1, Math.floor(n / 100)), members: Math.floor(n * 0.49) });

const KINDS = ['municipal_unit', 'police', 'school', 'health', 'volunteer'];

/** The rows of a document of n items (the measures are the rest after organizations and members). */
function rowsOf({ organizations, members }: Mix, n: number) {
  const measures = n - organizations - members;
  return {
    organizations: Array.from({ length: organizations }, (_, i) => ({
      externalId: `org-${i}`,
      name: `Virksomhet ${i}`,
      kind: KINDS[i % KINDS.length]!,
    })),
    members: Array.from({ length: members }, (_, i) => ({
      externalId: `person-${i}`,
      name: `Fiktiv Person ${i}`,
      roleTitle: 'Rådgiver',
      organization: `org-${i % organizations}`,
      email: `person-${i}@bench.invalid`,
      emailPublic: i % 2 === 0,
    })),
    measures: Array.from({ length: measures }, (_, i) => ({
      externalId: `measure-${i}`,
      title: `Tiltak ${i}`,
      description: `Et forebyggende tiltak for benchmark nummer ${i}.`,
      organization: `org-${i % organizations}`,
      member: `person-${i % members}`,
    })),
  };
}

/** The document of those rows as JSON text chunks. */
function* documentChunks(mix: Mix, n: number): Generator<string> {
  const rows = rowsOf(mix, n);
  yield '{"format":"slt-setup/1","organizations":[';
  yield rows.organizations.map((o) => JSON.stringify(o)).join(',');
  yield '],"members":[';
  yield rows.members.map((m) => JSON.stringify(m)).join(',');
  yield '],"measures":[';
  yield rows.measures
    .map((m) =>
      JSON.stringify({
        externalId: m.externalId,
        title: m.title,
        description: m.description,
        status: 'active',
        startDate: '2026-01-01',
        responsibleOrganization: m.organization,
        responsibleMember: m.member,
        isPublic: true,
      }),
    )
    .join(',');
  yield ']}';
}

/**
 * The embedded database's first start: `node dist/server.js` (what `pnpm start` runs) on an empty
 * DATA_DIR, with the demo data, timed to its first ready answer; its peak resident memory (VmHWM)
 * read then. Then a second start on the same directory.
 */
export async function benchFirstStart(apiRoot: string, port: number, server = 'dist/server.js'): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'slt-bench-first-start-'));
  console.log(`\nEmbedded database (PGlite), \`node ${server}\` on an empty DATA_DIR with demo data, to the first ready answer`);
  console.log('start      seconds   peak RSS');
  try {
    for (const start of ['first', 'second']) {
      const started = performance.now();
      const child = spawn(process.execPath, [server], {
        cwd: apiRoot,
        env: { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', WEB_DIST_DIR: '/nonexistent' },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      try {
        // Generous: on a loaded machine a first start takes many times the idle figure.
        const deadline = Date.now() + 600_000;
        for (;;) {
          if (Date.now() > deadline) throw new Error('the embedded API did not come up in 600 s');
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
