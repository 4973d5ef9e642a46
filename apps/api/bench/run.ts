/**
 * `pnpm bench`: the API (built JS, as production runs it) against a throwaway PostgreSQL 15
 * cluster, beside a bare Fastify + pg handler running the same SQL; each loaded in turn with
 * autocannon, in alternating rounds so that neither competes with the other for the CPU.
 *
 *   pnpm bench [--duration 10] [--connections 10] [--rounds 2] [--pg-bin /usr/lib/postgresql/15/bin]
 *              [--only all|http,growth,report,import] [--growth 100] [--baseline dist-before] [--baseline-level warn]
 *              [--rate-limit 0] [--baseline-rate-limit N]
 *
 * `http`: each read against its bare twin, and the 304/200 ratio of the setup. `growth` (after the
 * http rows when both run): the app's setup and calendar of 3401 at demo size, after ANOTHER
 * municipality grew `--growth`×, and after 3401 itself grew `--growth`× (bench/grow.ts). `report`: the
 * annual report of 1547 for 2026 at demo size and with 2,000 measures (bench/report.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/client.js';
import { prepareDatabase } from '../src/db/prepare.js';
import { MEASURES_SQL, measuresParams } from '../src/modules/measures/measures.repository.js';
import { getTableColumns, sql } from 'drizzle-orm';
import { meetings } from '../src/db/schema/index.js';
import { createCalendarsRepository } from '../src/modules/calendars/calendars.repository.js';
import { MEETING_FACTS_SQL } from '../src/modules/meetings/meetings.repository.js';
import { grow, sizeOf } from './grow.js';
import { benchFirstStart, benchImport } from './import.js';
import { benchAnnualReport } from './report.js';
import { freePort } from '../test/api-process.js';
import { startCluster } from './pg-cluster.js';
import { compareLoginTimings } from './login-timing.js';
import { combine, load, median, watchCluster, type Result } from './measure.js';
import { listEntry, scopeEntry, setupEntry } from './twin-entries.js';

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    'pg-bin': { type: 'string', default: '/usr/lib/postgresql/15/bin' },
    only: { type: 'string', default: 'all' },
    'import-items': { type: 'string', default: '100000' },
    'import-heap-mb': { type: 'string', default: '128' },
    growth: { type: 'string', default: '100' },
    /** Another build of the API (e.g. a copy of `dist` from an earlier commit), loaded as a fourth target at `warn`. */
    baseline: { type: 'string' },
    /** The log level the baseline build runs at (`info` to compare the access log's cost). */
    'baseline-level': { type: 'string', default: 'warn' },
    /**
     * The anonymous limit per address and minute the app runs with: 0 (off) by default, since all
     * the load comes from one address; a limit too high to reach measures the counting's cost.
     */
    'rate-limit': { type: 'string', default: '0' },
    /** The same for the baseline build (default: as the app). */
    'baseline-rate-limit': { type: 'string' },
    /** Only the reads whose name contains one of these (comma-separated), e.g. `municipalities?,meetings/` for an A/B. */
    reads: { type: 'string' },
  },
});
/** `--only http` runs the request benchmarks, `--only growth` the data-growth rows, `--only import` the import one; all by default. */
const only = flags.only.split(',');
const runs = (part: 'http' | 'growth' | 'import' | 'report') => only.includes('all') || only.includes(part);
const serving = runs('http') || runs('growth') || runs('report');
const duration = Number(flags.duration);
const connections = Number(flags.connections);
const rounds = Number(flags.rounds);
const POOL = 10;
const apiRoot = fileURLToPath(new URL('..', import.meta.url));

/** One benchmarked endpoint: the URL the app serves, and the SQL its bare twin runs. */
interface Entry {
  name: string;
  url: string;
  barePath: string;
  query: { sql: string; params: unknown[]; mode?: 'page' | 'json' | 'docs' | 'setup' | 'ics' | 'row'; [more: string]: unknown };
  /** Request headers (e.g. If-None-Match), the same for both sides. */
  headers?: Record<string, string>;
  /** The status both sides must answer with (200 unless said). */
  status?: number;
  /** Checks a response body before measuring: both sides must return the same thing. */
  check(body: unknown): boolean;
}

function startProcess(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: apiRoot, env, stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (code && code !== 0 && !signal) console.error(`child ${args.join(' ')} exited with ${code}`);
  });
  return child;
}

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

const uniqueByPath = <T extends { path: string }>(list: T[]) => list.filter((e, i) => list.findIndex((x) => x.path === e.path) === i);

const cluster = await startCluster(flags['pg-bin']);
const children: ChildProcess[] = [];
let stopping = false;
const stopAll = () => {
  stopping = true;
  for (const child of children) child.kill('SIGKILL');
  cluster.stop();
};
process.on('SIGINT', () => {
  stopAll();
  process.exit(130);
});

try {
  const database = await openDatabase({
    kind: 'postgres',
    url: cluster.url,
    poolMax: 2,
    connectionTimeoutMs: 5_000,
    logger: { error: () => undefined },
  });
  await prepareDatabase(database, { demoData: true });
  {
    const backend = (await database.db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`)) as { rows: { pid: number }[] };
    watchCluster(Number(readFileSync(`/proc/${backend.rows[0]!.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]));
  }
  const listSql = listEntry(database.db);
  const scopeSql = scopeEntry('3401');
  const setupSql = setupEntry('3401');
  // The public calendar: the scope, the municipality's name, the meetings; written by lib/icalendar.ts on both sides.
  const calendarQuery = createCalendarsRepository(database.db).meetings('3401').toSQL();
  // A meeting read anonymously: the scope, then the meeting's public facts (the app's statement, its columns named as the API names them).
  const [aMeeting] = await database.db
    .select({ id: meetings.id })
    .from(meetings)
    .where(sql`${meetings.kommunenummer} = '3401'`)
    .limit(1);
  const meetingSql = { sql: MEETING_FACTS_SQL, params: ['3401', aMeeting!.id], mode: 'row' as const, scope: scopeSql };
  const meetingColumns = Object.keys(getTableColumns(meetings));
  const at = (name: string) => meetingColumns.indexOf(name);
  const calendarSql = {
    sql: calendarQuery.sql,
    params: calendarQuery.params,
    mode: 'ics' as const,
    scope: scopeSql,
    name: { sql: 'select "name" from "municipalities" where "municipalities"."kommunenummer" = $1', params: ['3401'] },
    columns: {
      id: at('id'),
      title: at('title'),
      startsAt: at('startsAt'),
      endsAt: at('endsAt'),
      place: at('place'),
      status: at('status'),
      sequence: at('sequence'),
      updatedAt: at('updatedAt'),
      tierName: meetingColumns.length,
      municipalityName: meetingColumns.length + 1,
    },
  };
  // A register worth paging: 300 public measures in Oslo (no demo setup there, so the 3401 setup read
  // above keeps its size), each linked to a target group and a focus area.
  const REGISTER = '0301';
  await database.db.execute(sql`
    with tg as (insert into target_groups (kommunenummer, name, age_from, age_to) values (${REGISTER}, 'Ungdom 13–17', 13, 17) returning id)
    insert into focus_areas (kommunenummer, name) values (${REGISTER}, 'Rusforebygging')`);
  await database.db.execute(sql`
    with m as (
      insert into measures (kommunenummer, title, description, status, is_public)
      select ${REGISTER}, 'Benchtiltak ' || lpad(n::text, 3, '0'), 'Et tiltak for benchmark nummer ' || n, 'active', true
      from generate_series(1, 300) n returning id)
    , tg as (insert into measure_target_groups (measure_id, target_group_id)
      select m.id, (select id from target_groups where kommunenummer = ${REGISTER} limit 1) from m)
    insert into measure_focus_areas (measure_id, focus_area_id)
      select m.id, (select id from focus_areas where kommunenummer = ${REGISTER} limit 1) from m`);
  // Fresh planner statistics, as a running database has (autovacuum would get there a minute later,
  // in the middle of the runs, and skew whichever target comes first).
  await database.db.execute(sql`analyze`);
  // The register's first page for an anonymous caller: the app's statement and parameters.
  // The register is under :kommunenummer, so the app resolves the scope first: the twin does too.
  const measuresSql = {
    sql: MEASURES_SQL,
    params: measuresParams(REGISTER, { internal: false, limit: 50 }),
    mode: 'docs' as const,
    scope: scopeEntry(REGISTER),
  };
  await database.close();
  const setupEtag = (port: number) =>
    fetch(`http://127.0.0.1:${port}/api/v1/municipalities/3401/slt`).then((r) => r.headers.get('etag') ?? '');

  const [appInfoPort, appWarnPort, barePort, baselinePort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  let etagForBench = '';
  const entries = (port: number): Entry[] => [
    {
      name: 'GET /api/v1/municipalities?limit=50',
      url: `http://127.0.0.1:${port}/api/v1/municipalities?limit=50`,
      barePath: '/api/v1/municipalities',
      query: listSql,
      check: (body) => (body as { items?: unknown[] }).items?.length === 50,
    },
    {
      name: 'GET /api/v1/municipalities/3401/slt (anonymous)',
      url: `http://127.0.0.1:${port}/api/v1/municipalities/3401/slt`,
      barePath: '/api/v1/municipalities/3401/slt',
      query: setupSql,
      check: (body) => (body as { tiers?: unknown[] }).tiers?.length === 3,
    },
    {
      name: 'GET /api/v1/municipalities/3401/slt (anonymous, If-None-Match: 304)',
      url: `http://127.0.0.1:${port}/api/v1/municipalities/3401/slt`,
      barePath: '/api/v1/municipalities/3401/slt',
      query: setupSql,
      headers: { 'if-none-match': etagForBench },
      status: 304,
      check: () => true,
    },
    {
      name: 'GET /api/v1/municipalities/3401/meetings/{id} (anonymous)',
      url: `http://127.0.0.1:${port}/api/v1/municipalities/3401/meetings/${aMeeting!.id}`,
      barePath: `/api/v1/municipalities/3401/meetings/${aMeeting!.id}`,
      query: meetingSql,
      check: (body) => (body as { id?: string }).id === aMeeting!.id,
    },
    {
      name: 'GET /api/v1/municipalities/3401/calendar.ics (anonymous)',
      url: `http://127.0.0.1:${port}/api/v1/municipalities/3401/calendar.ics`,
      barePath: '/api/v1/municipalities/3401/calendar.ics',
      query: calendarSql,
      check: (body) => typeof body === 'string' && body.startsWith('BEGIN:VCALENDAR') && body.includes('BEGIN:VEVENT'),
    },
    {
      name: `GET /api/v1/municipalities/${REGISTER}/measures?limit=50 (anonymous, 300 measures)`,
      url: `http://127.0.0.1:${port}/api/v1/municipalities/${REGISTER}/measures?limit=50`,
      barePath: `/api/v1/municipalities/${REGISTER}/measures`,
      query: measuresSql,
      check: (body) => (body as { items?: unknown[] }).items?.length === 50,
    },
  ];

  const appEnv = (port: number, logLevel: string, rateLimit = flags['rate-limit']) => ({
    DATABASE_URL: cluster.url,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret!!',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: logLevel,
    DB_POOL_MAX: String(POOL),
    WEB_DIST_DIR: '/nonexistent',
    // The load comes anonymously from one address: a limit it can reach would measure itself.
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: rateLimit,
  });
  const targets = [
    { name: 'app (LOG_LEVEL=info)', port: appInfoPort, start: () => startProcess(['dist/server.js'], appEnv(appInfoPort, 'info')) },
    { name: 'app (LOG_LEVEL=warn)', port: appWarnPort, start: () => startProcess(['dist/server.js'], appEnv(appWarnPort, 'warn')) },
    {
      name: 'bare Fastify + pg',
      port: barePort,
      start: () =>
        startProcess(
          [
            '--import',
            'tsx',
            '--conditions=source',
            'bench/bare-server.ts',
            String(barePort),
            cluster.url,
            String(POOL),
            Buffer.from(JSON.stringify(uniqueByPath(entries(barePort).map((e) => ({ path: e.barePath, ...e.query }))))).toString('base64'),
          ],
          {},
        ),
    },
  ];
  const baseline = flags.baseline;
  if (baseline)
    targets.splice(2, 0, {
      name: `baseline (${flags['baseline-level']})`,
      port: baselinePort,
      start: () => startProcess([`${baseline}/server.js`], appEnv(baselinePort, flags['baseline-level'], flags['baseline-rate-limit'])),
    });
  const pids = new Map<string, number>();
  for (const target of serving ? targets : []) {
    const child = target.start();
    children.push(child);
    pids.set(target.name, child.pid ?? 0);
    await waitFor(`http://127.0.0.1:${target.port}${target.name.startsWith('bare') ? '/health' : '/api/health/ready'}`);
  }
  // App and bare twin compute the same ETag over the same JSON text.
  if (serving) {
    etagForBench = await setupEtag(appWarnPort);
    if (etagForBench !== (await setupEtag(barePort))) throw new Error('the app and the bare handler disagree on the setup ETag');
  }

  if (runs('http'))
    console.log(
      `\nautocannon: ${connections} connections, ${duration}s per run, ${rounds} alternating rounds; pg pool ${POOL}; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}${baseline ? `; baseline build ${baseline}` : ''}`,
    );
  const appRates = new Map<string, Result>();
  const chosen = flags.reads?.split(',');
  for (const [index, entry] of (runs('http') ? entries(0) : []).entries()) {
    if (chosen && !chosen.some((part) => entry.name.includes(part))) continue;
    const urls = targets.map((t) => ({ ...t, url: entries(t.port)[index]!.url }));
    const expected = entry.status ?? 200;
    for (const t of urls) {
      const response = await fetch(t.url, { headers: entry.headers });
      const text = await response.text();
      const body: unknown = expected === 200 && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
      if (response.status !== expected || !entry.check(body)) {
        throw new Error(`${t.name}: unexpected answer ${response.status} from ${t.url}`);
      }
      await load(t.url, 2, { connections, headers: entry.headers, expected }); // warm-up
    }
    const results = new Map<string, Result[]>(urls.map((t) => [t.name, []]));
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? urls : [...urls].reverse();
      for (const t of order)
        results.get(t.name)!.push(await load(t.url, duration, { connections, headers: entry.headers, expected, pid: pids.get(t.name) }));
    }
    appRates.set(entry.name, combine(results.get('app (LOG_LEVEL=warn)')!));
    const bare = combine(results.get('bare Fastify + pg')!);
    console.log(`\n${entry.name}   (load average ${loadavg()[0]!.toFixed(2)})`);
    console.log(
      'target                   req/s     p50 ms   p99 ms  unexpected errors  app/bare (req/s)  CPU ms/req: server   pg   bare/app CPU   app/bare by round: median (range)',
    );
    const bareRounds = results.get('bare Fastify + pg')!;
    for (const t of urls) {
      const r = combine(results.get(t.name)!);
      const ratio = t.name.startsWith('bare') ? '' : `${((r.rps / bare.rps) * 100).toFixed(1)}%`;
      const cpuRatio = t.name.startsWith('bare') ? '' : `${(((bare.cpu + bare.pgCpu) / (r.cpu + r.pgCpu)) * 100).toFixed(1)}%`;
      // Each round's ratio compares two loads minutes apart at most, so the machine's slower drifts
      // cancel out; the median leaves out a round that another tenant of the CPU disturbed.
      const byRound = results.get(t.name)!.map((x, i) => (x.rps / bareRounds[i]!.rps) * 100);
      const rounds = t.name.startsWith('bare')
        ? ''
        : `${median(byRound).toFixed(1)}% (${Math.min(...byRound).toFixed(0)}–${Math.max(...byRound).toFixed(0)})`;
      console.log(
        `${t.name.padEnd(22)} ${r.rps.toFixed(0).padStart(7)} ${r.p50.toFixed(1).padStart(9)} ${r.p99.toFixed(1).padStart(8)} ${String(r.non2xx).padStart(9)} ${String(r.errors).padStart(7)}   ${ratio.padStart(8)}      ${r.cpu.toFixed(3).padStart(18)} ${r.pgCpu.toFixed(3).padStart(6)}   ${cpuRatio.padStart(8)}   ${rounds}`,
      );
    }
  }
  if (runs('http')) {
    const [ok, notModified] = [entries(0)[1]!.name, entries(0)[2]!.name].map((name) => appRates.get(name));
    const cost = (r: Result) => r.cpu + r.pgCpu;
    if (ok && notModified)
      console.log(
        `\n…/slt 304 vs 200 (app, LOG_LEVEL=warn): ${notModified.rps.toFixed(0)} vs ${ok.rps.toFixed(0)} req/s = ${(notModified.rps / ok.rps).toFixed(1)}×; ` +
          `CPU per request (server + PostgreSQL) ${cost(notModified).toFixed(3)} vs ${cost(ok).toFixed(3)} ms = ${(cost(ok) / cost(notModified)).toFixed(1)}× cheaper (goal ≥ 5×)`,
      );
    if (!chosen) await compareLoginTimings(`http://127.0.0.1:${appWarnPort}`);
  }
  if (runs('growth'))
    await growthRows(cluster.url, `http://127.0.0.1:${appWarnPort}`, Number(flags.growth), pids.get('app (LOG_LEVEL=warn)') ?? 0);
  if (runs('report')) await benchAnnualReport(cluster.url, `http://127.0.0.1:${appWarnPort}`);
  if (runs('import')) {
    // A fresh app whose V8 heap is capped: an import that held the document in memory would die here.
    const items = Number(flags['import-items']);
    const heapMb = Number(flags['import-heap-mb']);
    const port = await freePort();
    const app = startProcess([`--max-old-space-size=${heapMb}`, 'dist/server.js'], appEnv(port, 'info'));
    children.push(app);
    app.on('exit', (code, signal) => {
      if (!stopping) console.error(`the app exited during the import bench: ${code ?? signal}`);
    });
    await waitFor(`http://127.0.0.1:${port}/api/health/ready`);
    await benchImport(`http://127.0.0.1:${port}`, { pid: app.pid!, heapMb, databaseUrl: cluster.url }, [
      { kommunenummer: '5001', items: Math.round(items / 5), rawInto: '3201' },
      { kommunenummer: '1103', items, rawInto: '4204' },
      { kommunenummer: '1506', items: 7_000, organizationsOnly: true, rawInto: '1804' },
      { kommunenummer: '4601', items: items * 2, rawInto: '1108' },
    ]);
    await benchFirstStart(apiRoot, await freePort());
  }
} finally {
  stopAll();
}

/**
 * The app's answers as the data grows: 3401's setup at demo size, after ANOTHER municipality (4601)
 * grew `factor`× (the same cost: nothing reads other tenants' rows), and the setup and the calendar
 * after 3401 itself grew `factor`× (within 2×: the setup is bounded, the calendar reaches a year back).
 */
async function growthRows(url: string, app: string, factor: number, pid: number) {
  const database = await openDatabase({
    kind: 'postgres',
    url,
    poolMax: 2,
    connectionTimeoutMs: 5_000,
    logger: { error: () => undefined },
  });
  const targets = {
    setup: `${app}/api/v1/municipalities/3401/slt`,
    calendar: `${app}/api/v1/municipalities/3401/calendar.ics`,
  };
  const measure = async () => {
    const out: Record<string, Result & { bytes: number }> = {};
    for (const [name, target] of Object.entries(targets)) {
      const bytes = (await (await fetch(target)).text()).length;
      await load(target, 2, { connections });
      const results: Result[] = [];
      for (let round = 0; round < rounds; round += 1) results.push(await load(target, duration, { connections, pid }));
      out[name] = { ...combine(results), bytes };
    }
    return out;
  };
  const cost = (r: Result) => r.cpu + r.pgCpu;
  const row = (label: string, r: Result & { bytes: number }, base?: Result) =>
    console.log(
      `${label.padEnd(62)} ${r.rps.toFixed(0).padStart(7)} ${r.p50.toFixed(1).padStart(8)} ${String(r.bytes).padStart(9)} ${cost(r).toFixed(3).padStart(9)}   ${base ? `CPU ${(cost(r) / cost(base)).toFixed(2)}× demo, req/s ${((r.rps / base.rps) * 100).toFixed(0)}% of demo` : ''}`,
    );
  console.log(`\nGrowth (app, LOG_LEVEL=warn; ${connections} connections, ${duration}s × ${rounds})`);
  console.log(`${'read'.padEnd(62)}   req/s  p50 ms     bytes  CPU ms/req (server + PostgreSQL)`);
  const demo = await measure();
  console.log(`3401: ${await sizeOf(database, '3401')}`);
  row('…/3401/slt, demo size', demo.setup!);
  row('…/3401/calendar.ics, demo size', demo.calendar!);
  await grow(database, '3401', '4601', factor);
  const other = await measure();
  console.log(`4601 grew: ${await sizeOf(database, '4601')}`);
  row(`…/3401/slt after ANOTHER municipality grew ${factor}× (goal: unchanged)`, other.setup!, demo.setup);
  await grow(database, '3401', '3401', factor - 1);
  const grown = await measure();
  console.log(`3401 grew: ${await sizeOf(database, '3401')}`);
  row(`…/3401/slt at ${factor}× data (goal: within 2×)`, grown.setup!, demo.setup);
  row(`…/3401/calendar.ics at ${factor}× data (goal: within 2×)`, grown.calendar!, demo.calendar);
  await database.close();
}
