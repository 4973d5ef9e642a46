/**
 * Profiles the built API under load: a throwaway cluster with demo data, `node --cpu-prof
 * dist/server.js`, autocannon on the given paths, then prints self time by function and by package.
 *
 *   pnpm --filter @slt/api exec tsx --conditions=source bench/profile.ts [--seconds 8] [--log info] [--out /tmp/prof]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { prepareDatabase } from '../src/db/prepare.js';
import { meetings } from '../src/db/schema/index.js';
import { freePort } from '../test/api-process.js';
import { startCluster } from './pg-cluster.js';

const { values: flags } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    log: { type: 'string', default: 'info' },
    out: { type: 'string', default: '/tmp/slt-profile' },
    'pg-bin': { type: 'string', default: '/usr/lib/postgresql/15/bin' },
  },
});
const apiRoot = fileURLToPath(new URL('..', import.meta.url));
const cluster = await startCluster(flags['pg-bin']);
try {
  const database = await openDatabase({ kind: 'postgres', url: cluster.url, poolMax: 2, connectionTimeoutMs: 5_000, logger: { error: () => undefined } });
  await prepareDatabase(database, { demoData: true });
  const [meeting] = await database.db.select({ id: meetings.id }).from(meetings).where(sql`${meetings.kommunenummer} = '3401'`).limit(1);
  await database.db.execute(sql`analyze`);
  await database.close();
  const port = await freePort();
  mkdirSync(flags.out, { recursive: true });
  const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${flags.out}`, 'dist/server.js'], {
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
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: process.env['RATE_LIMIT_ANONYMOUS_PER_MINUTE'] ?? '0',
    },
  });
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health/ready`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const path of ['/api/v1/municipalities?limit=50', `/api/v1/municipalities/3401/meetings/${meeting!.id}`]) {
    const r = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: 10, duration: Number(flags.seconds) });
    console.log(`${path}: ${r.requests.average} req/s, non-2xx ${r.non2xx}`);
  }
  child.kill('SIGINT');
  await new Promise((r) => child.once('exit', r));
  const file = readdirSync(flags.out).filter((f) => f.endsWith('.cpuprofile')).sort().pop()!;
  console.log(`${flags.out}/${file}`);
  summarize(`${flags.out}/${file}`);
} finally {
  cluster.stop();
}

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; children?: number[] }
function summarize(file: string) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  const total = profile.nodes.reduce((a, n) => a + n.hitCount, 0);
  const byFn = new Map<string, number>();
  const byPkg = new Map<string, number>();
  for (const n of profile.nodes) {
    const { functionName, url, lineNumber } = n.callFrame;
    const short = url.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/^file:\/\/.*\/apps\/api\//, '');
    const key = `${functionName || '(anon)'} ${short}:${lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + n.hitCount);
    const pkg = url.includes('node_modules') ? short.split('/').slice(0, short.startsWith('@') ? 2 : 1).join('/') : url.startsWith('node:') ? 'node:' + url.slice(5).split('/')[0] : url ? short.split('/').slice(0, 2).join('/') : functionName;
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + n.hitCount);
  }
  const show = (m: Map<string, number>, k: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, k).forEach(([name, hits]) => console.log(`${((hits / total) * 100).toFixed(1).padStart(5)}%  ${name}`));
  console.log('\nself time by package'); show(byPkg, 30);
  console.log('\nself time by function'); show(byFn, 50);
}
