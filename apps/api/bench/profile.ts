/**
 * Profiles the built API under load: a throwaway cluster with demo data, `node --cpu-prof
 * dist/server.js`, autocannon on the given paths, then prints self time by function and by package.
 *
 *   pnpm --filter @slt/api exec tsx --conditions=source bench/profile.ts [--seconds 8] [--log info] [--out /tmp/prof]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { prepareDatabase } from '../src/db/prepare.js';
import { meetings } from '../src/db/schema/index.js';
import { freePort } from '../test/api-process.js';
import { startCluster } from './pg-cluster.js';
import { listEntry, setupEntry } from './twin-entries.js';

const { values: flags } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    log: { type: 'string', default: 'info' },
    out: { type: 'string', default: '/tmp/slt-profile' },
    /** Count the system calls of the app and of the bare twin (strace -c) instead of profiling. */
    strace: { type: 'boolean', default: false },
    /** Only summarize this .cpuprofile. */
    file: { type: 'string' },
    /** How many of the app's paths to load: 1 (the municipalities list) or 2 (and a meeting); `meeting` for the meeting alone; `304` or `slt` for the setup's 304 or 200 alone (with --bare too). */
    paths: { type: 'string', default: '2' },
    /** Profile the bare twin (bench/bare-server.ts) on the municipalities list instead of the app. */
    bare: { type: 'boolean', default: false },
    'pg-bin': { type: 'string', default: '/usr/lib/postgresql/15/bin' },
  },
});
const apiRoot = fileURLToPath(new URL('..', import.meta.url));
if (flags.file) {
  summarize(flags.file);
  process.exit(0);
}
const cluster = await startCluster(flags['pg-bin']);
try {
  const database = await openDatabase({
    kind: 'postgres',
    url: cluster.url,
    poolMax: 2,
    connectionTimeoutMs: 5_000,
    logger: { error: () => undefined },
  });
  await prepareDatabase(database, { demoData: true });
  const [meeting] = await database.db
    .select({ id: meetings.id })
    .from(meetings)
    .where(sql`${meetings.kommunenummer} = '3401'`)
    .limit(1);
  await database.db.execute(sql`analyze`);
  const port = await freePort();
  mkdirSync(flags.out, { recursive: true });
  const listSql = { path: '/api/v1/municipalities', ...listEntry(database.db) };
  /** `--paths 304` or `slt`: the setup's read alone, on the app or the twin. */
  const setupOnly = flags.paths === '304' || flags.paths === 'slt';
  const setupSql = { path: '/api/v1/municipalities/:kommunenummer/slt', ...setupEntry('3401') };
  const profiling = flags.strace ? [] : ['--cpu-prof', '--cpu-prof-interval=200', `--cpu-prof-dir=${flags.out}`];
  const script = flags.bare
    ? [
        '--import',
        'tsx',
        '--conditions=source',
        'bench/bare-server.ts',
        String(port),
        cluster.url,
        '10',
        Buffer.from(JSON.stringify([setupOnly ? setupSql : listSql])).toString('base64'),
      ]
    : ['dist/server.js'];
  await database.close();
  const child = spawn(process.execPath, [...profiling, ...script], {
    cwd: apiRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      DATABASE_URL: cluster.url,
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret!!',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: flags.log,
      DB_POOL_MAX: '10',
      WEB_DIST_DIR: '/nonexistent',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
    },
  });
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}${flags.bare ? '/health' : '/api/health/ready'}`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const [list, oneMeeting, setup] = [
    '/api/v1/municipalities?limit=50',
    `/api/v1/municipalities/3401/meetings/${meeting!.id}`,
    '/api/v1/municipalities/3401/slt',
  ];
  // The 304: the ETag of the first answer, sent back.
  const headers: Record<string, string> = {};
  if (flags.paths === '304') headers['if-none-match'] = (await fetch(`http://127.0.0.1:${port}${setup}`)).headers.get('etag')!;
  const paths = setupOnly
    ? [setup]
    : flags.bare
      ? [list]
      : flags.paths === 'meeting'
        ? [oneMeeting]
        : [list, oneMeeting].slice(0, Number(flags.paths));
  if (flags.strace) {
    const barePort = await freePort();
    const bareEntries = [
      {
        path: '/api/v1/municipalities',
        sql: 'select kommunenummer, name from municipalities order by kommunenummer limit $1',
        params: [51],
      },
    ];
    const bare = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=source',
        'bench/bare-server.ts',
        String(barePort),
        cluster.url,
        '10',
        Buffer.from(JSON.stringify(bareEntries)).toString('base64'),
      ],
      { cwd: apiRoot, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    await new Promise((r) => setTimeout(r, 8000));
    for (const [name, pid, url] of [
      ['app', child.pid!, `http://127.0.0.1:${port}${paths[0]}`],
      ['bare', bare.pid!, `http://127.0.0.1:${barePort}/api/v1/municipalities?limit=50`],
    ] as const) {
      const tracer = spawn('strace', ['-c', '-f', '-p', String(pid)], { stdio: ['ignore', 'ignore', 'pipe'] });
      let report = '';
      tracer.stderr.on('data', (d: Buffer) => (report += d.toString()));
      await new Promise((r) => setTimeout(r, 1000));
      const r = await autocannon({ url, connections: 10, duration: Number(flags.seconds) });
      tracer.kill('SIGINT');
      await new Promise((r) => tracer.once('exit', r));
      console.log(`\n${name}: ${r.requests.total} requests\n${report.split('\n').slice(0, 18).join('\n')}`);
    }
    bare.kill('SIGTERM');
    child.kill('SIGTERM');
  }
  for (const path of flags.strace ? [] : paths) {
    const r = await autocannon({ url: `http://127.0.0.1:${port}${path}`, headers, connections: 10, duration: Number(flags.seconds) });
    console.log(`${path}: ${r.requests.average} req/s, ${r.requests.total} requests, non-2xx ${r.non2xx}`);
  }
  if (flags.strace) process.exitCode = 0;
  else {
    // The app exits on SIGINT and the bare twin on SIGTERM, each through process.exit, which writes the profile.
    child.kill(flags.bare ? 'SIGTERM' : 'SIGINT');
    await new Promise((r) => child.once('exit', r));
    // The main thread's profile: tsx's loader thread writes a small one of its own beside it.
    const file = readdirSync(flags.out)
      .filter((f) => f.endsWith('.cpuprofile') && f.includes(`.${child.pid}.`))
      .sort((a, b) => statSync(`${flags.out}/${b}`).size - statSync(`${flags.out}/${a}`).size)[0]!;
    console.log(`${flags.out}/${file}`);
    summarize(`${flags.out}/${file}`);
  }
} finally {
  cluster.stop();
}

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}
/**
 * Self time by package and by function, and inclusive time by function (each function counted once
 * per sample), over the samples from the first HTTP request on (start-up left out).
 */
function summarize(file: string) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nameOf = (n: Node) => {
    const { functionName, url, lineNumber } = n.callFrame;
    const short = url.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/^file:\/\/.*\/apps\/api\//, '');
    return { key: `${functionName || '(anon)'} ${short}:${lineNumber + 1}`, short, url };
  };
  const stackOf = (id: number) => {
    const out: Node[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) out.push(byId.get(at)!);
    return out;
  };
  const first = profile.samples.findIndex((id) => stackOf(id).some((n) => n.callFrame.functionName === 'parserOnIncoming'));
  const samples = profile.samples.slice(Math.max(0, first));
  const byFn = new Map<string, number>();
  const byPkg = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const id of samples) {
    const stack = stackOf(id);
    const { key, short, url } = nameOf(stack[0]!);
    add(byFn, key);
    const pkg = url.includes('node_modules')
      ? short
          .split('/')
          .slice(0, short.startsWith('@') ? 2 : 1)
          .join('/')
      : url.startsWith('node:')
        ? 'node:' + url.slice(5).split('/')[0]
        : url
          ? short.split('/').slice(0, 2).join('/')
          : stack[0]!.callFrame.functionName;
    add(byPkg, pkg);
    for (const k of new Set(stack.map((n) => nameOf(n).key))) add(inclusive, k);
  }
  const total = samples.length;
  const show = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .forEach(([name, hits]) => console.log(`${((hits / total) * 100).toFixed(1).padStart(5)}%  ${name}`));
  console.log(`\n${total} samples from the first request on\n\nself time by package`);
  show(byPkg, 25);
  console.log('\nself time by function');
  show(byFn, 40);
  console.log('\ninclusive time by function');
  show(inclusive, 90);
}
