/**
 * Instructions per request: the built app and its bare twin (bench/bare-server.ts), each run under
 * valgrind's callgrind while autocannon (outside valgrind) sends it a fixed number of requests.
 * Each target runs twice, with `--few` and `--many` requests; the difference of the two counts,
 * divided by the difference of the amounts, leaves start-up out. PostgreSQL is not counted (it
 * does the same work for both). A count does not follow the machine's load as requests/s and CPU
 * time do, though JIT and GC timing still move it by some percent between runs.
 *
 *   pnpm --filter @slt/api build && pnpm --filter @slt/api exec tsx --conditions=source \
 *     bench/instructions.ts [--reads list,304] [--few 200] [--many 1200] [--log info]
 *
 * Needs valgrind (`apt-get install -y valgrind`; `--valgrind <path>` if not /usr/bin/valgrind). Each run takes a minute or two: valgrind runs
 * Node some fifty times slower.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openDatabase } from '../src/db/client.js';
import { prepareDatabase } from '../src/db/prepare.js';
import { createMunicipalitiesRepository, SCOPE_SQL } from '../src/modules/municipalities/municipalities.repository.js';
import { SETUP_SQL } from '../src/modules/setup/setup.repository.js';
import { freePort } from '../test/api-process.js';
import { startCluster } from './pg-cluster.js';

const { values: flags } = parseArgs({
  options: {
    reads: { type: 'string', default: 'list,304' },
    few: { type: 'string', default: '200' },
    many: { type: 'string', default: '1200' },
    log: { type: 'string', default: 'info' },
    valgrind: { type: 'string', default: '/usr/bin/valgrind' },
    'pg-bin': { type: 'string', default: '/usr/lib/postgresql/15/bin' },
  },
});
const apiRoot = fileURLToPath(new URL('..', import.meta.url));
const SETUP_PATH = '/api/v1/municipalities/3401/slt';

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
  const listSql = createMunicipalitiesRepository(database.db).listQuery({}).toSQL().sql;
  await database.close();

  /** The reads, each with its twin's entry (as bench/run.ts builds them). */
  const reads = {
    list: {
      path: '/api/v1/municipalities?limit=50',
      bare: { path: '/api/v1/municipalities', sql: listSql, params: [51] },
      conditional: false,
    },
    '304': {
      path: SETUP_PATH,
      bare: { path: SETUP_PATH, sql: SETUP_SQL, params: ['3401', false, []], mode: 'setup', scope: { sql: SCOPE_SQL, params: ['3401'] } },
      conditional: true,
    },
  };
  const chosen = flags.reads.split(',') as (keyof typeof reads)[];
  console.log(`instructions per request (callgrind; ${flags.many} − ${flags.few} requests, app at LOG_LEVEL=${flags.log})`);
  console.log('read        app          bare         bare/app');
  for (const name of chosen) {
    const read = reads[name];
    if (!read) throw new Error(`unknown read ${name} (list, 304)`);
    const perRequest = async (target: 'app' | 'bare') => {
      const counts: number[] = [];
      for (const amount of [Number(flags.few), Number(flags.many)]) counts.push(await countInstructions(target, read, amount));
      return (counts[1]! - counts[0]!) / (Number(flags.many) - Number(flags.few));
    };
    const app = await perRequest('app');
    const bare = await perRequest('bare');
    const m = (n: number) => `${(n / 1e6).toFixed(2)} M`.padEnd(13);
    console.log(`${name.padEnd(12)}${m(app)}${m(bare)}${((bare / app) * 100).toFixed(0)} %`);
  }

  /** The instructions one run of the target executed, start-up and `amount` requests included. */
  async function countInstructions(target: 'app' | 'bare', read: (typeof reads)[keyof typeof reads], amount: number) {
    const port = await freePort();
    const script =
      target === 'app'
        ? ['dist/server.js']
        : [
            '--import',
            'tsx',
            '--conditions=source',
            'bench/bare-server.ts',
            String(port),
            cluster.url,
            '10',
            Buffer.from(JSON.stringify([read.bare])).toString('base64'),
          ];
    const child = spawn(flags.valgrind, ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, ...script], {
      cwd: apiRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
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
    let report = '';
    child.stderr.on('data', (d: Buffer) => (report += d.toString()));
    const exited = new Promise((r) => child.once('exit', r));
    try {
      const base = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 600_000;
      while (
        !(await fetch(`${base}${target === 'app' ? '/api/health/ready' : '/health'}`).then(
          (r) => r.ok,
          () => false,
        ))
      ) {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${target} did not start:\n${report}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
      const headers: Record<string, string> = {};
      if (read.conditional) headers['if-none-match'] = (await fetch(`${base}${read.path}`)).headers.get('etag')!;
      const r = await autocannon({ url: `${base}${read.path}`, headers, connections: 10, amount, timeout: 60 });
      const expected = read.conditional ? 304 : 200;
      const wrong = Object.entries(r.statusCodeStats ?? {}).filter(([code]) => Number(code) !== expected);
      if (r.errors > 0 || wrong.length > 0) throw new Error(`${target}: ${r.errors} errors, other statuses ${JSON.stringify(wrong)}`);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    const collected = /Collected : (\d+)/.exec(report)?.[1];
    if (!collected) throw new Error(`no count from callgrind:\n${report.slice(-2000)}`);
    return Number(collected);
  }
} finally {
  cluster.stop();
}
