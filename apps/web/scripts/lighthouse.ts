// Lighthouse (mobile preset, its default simulated throttling) on the public SLT page and on sign-in,
// against the product as `pnpm start` runs it: the built API (apps/api/dist) serving the built web
// client, on a throwaway embedded database with the demo data. Each page is measured RUNS times
// (3 unless LIGHTHOUSE_RUNS says otherwise), each run in a fresh Chromium; the median is reported.
// Exits 1 when a median misses issue 17's bar: performance ≥ 90, accessibility and best practices 100.
//
//   pnpm build && pnpm --filter @slt/web lighthouse            (or `pnpm bench:web` at the root)
//   LIGHTHOUSE_BASE_URL=http://localhost:3000 pnpm --filter @slt/web lighthouse   (a server already running)
//
// Chromium: CHROME_PATH, else a system Chromium or Chrome (as the browser tests find it). Every
// process it starts runs in a process group of its own and is stopped with it, even on failure.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@slt/api/test/api-process';
import { spawnGroup, stopGroup } from '@slt/testing/processes';
import lighthouse from 'lighthouse';
import type { ChildProcess } from 'node:child_process';
import { env } from '../e2e/env';
import { CHROMIUM_FLAGS, findBrowser } from '../e2e/find-browser';

const webRoot = fileURLToPath(new URL('..', import.meta.url));
const apiRoot = path.resolve(webRoot, '../api');
const PAGES = [
  ['public SLT page', '/municipalities/3401/slt'],
  ['sign-in', '/login'],
] as const;
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const BAR: Record<(typeof CATEGORIES)[number], number> = { performance: 90, accessibility: 100, 'best-practices': 100 };
const METRICS = [
  ['FCP', 'first-contentful-paint'],
  ['LCP', 'largest-contentful-paint'],
  ['TBT', 'total-blocking-time'],
  ['CLS', 'cumulative-layout-shift'],
  ['SI', 'speed-index'],
] as const;

const running: ChildProcess[] = [];
const temporary: string[] = [];

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs: number, child?: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (child && (child.exitCode !== null || child.signalCode !== null))
      throw new Error(`${what}: the process exited (${child.exitCode ?? child.signalCode})`);
    if (Date.now() > deadline) throw new Error(`${what}: not ready within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The built API serving the built web client, as `pnpm start` runs it (a temp data dir with the demo data). */
async function startProduct(): Promise<string> {
  const server = path.join(apiRoot, 'dist', 'server.js');
  for (const file of [server, path.join(webRoot, 'dist', 'index.html')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`pnpm build\` at the repository's root first.`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'slt-lighthouse-'));
  temporary.push(dataDir);
  const { DATABASE_URL: _ignored, ...inherited } = env.inherited;
  const api = spawnGroup(process.execPath, [server], {
    cwd: apiRoot,
    env: {
      ...inherited,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      WEB_DIST_DIR: path.join(webRoot, 'dist'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  running.push(api);
  // The first start loads the 357 municipalities and the demo data.
  await waitFor(() => fetch(`http://127.0.0.1:${port}/api/health/ready`).then((r) => r.ok), 'the API', 180_000, api);
  // localhost, not 127.0.0.1: a secure context, as the browser tests use it.
  return `http://localhost:${port}`;
}

interface Run {
  scores: Record<(typeof CATEGORIES)[number], number>;
  metrics: Record<string, number>;
  failing: string[];
}

/** One Lighthouse run in a fresh headless Chromium (its own profile) that is stopped afterwards. */
async function measure(url: string): Promise<Run> {
  const port = await freePort();
  const profile = mkdtempSync(path.join(tmpdir(), 'slt-lighthouse-chromium-'));
  temporary.push(profile);
  const chromium = spawnGroup(
    findBrowser(),
    [
      '--headless=new',
      ...CHROMIUM_FLAGS,
      '--no-default-browser-check',
      `--user-data-dir=${profile}`,
      `--remote-debugging-port=${port}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  running.push(chromium);
  try {
    await waitFor(() => fetch(`http://127.0.0.1:${port}/json/version`).then((r) => r.ok), 'Chromium', 30_000, chromium);
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const { categories, audits } = result.lhr;
    if (result.lhr.runtimeError) console.error(`    Lighthouse: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    const reportDir = process.argv.find((a) => a.startsWith('--report-dir='))?.slice(13);
    if (reportDir) {
      const name = `${new URL(url).pathname.replaceAll('/', '_')}-${Date.now()}.json`;
      writeFileSync(path.join(reportDir, name), JSON.stringify(result.lhr));
    }
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)])) as Run['scores'];
    const metrics = Object.fromEntries(METRICS.map(([name, id]) => [name, audits[id]?.numericValue ?? NaN]));
    const failing = CATEGORIES.filter((c) => c !== 'performance').flatMap((c) =>
      (categories[c]?.auditRefs ?? []).filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1).map((ref) => `${c}: ${ref.id}`),
    );
    return { scores, metrics, failing };
  } finally {
    await stopGroup(chromium, { graceMs: 5_000 });
    running.splice(running.indexOf(chromium), 1);
    rmSync(profile, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const formatMetric = (name: string, value: number) => (name === 'CLS' ? value.toFixed(3) : `${Math.round(value)} ms`);

async function main() {
  const runs = Number(process.argv.find((a) => /^--runs=\d+$/.test(a))?.slice(7) ?? 3);
  const base = process.argv.find((a) => a.startsWith('--base-url='))?.slice(11) ?? (await startProduct());
  let missed = false;
  console.log(`Lighthouse ${runs}× per page, mobile preset, simulated throttling, against ${base}`);
  for (const [label, pagePath] of PAGES) {
    const results: Run[] = [];
    for (let i = 0; i < runs; i++) {
      const run = await measure(`${base}${pagePath}`);
      results.push(run);
      console.log(
        `  ${label} run ${i + 1}: ${CATEGORIES.map((c) => `${c} ${run.scores[c]}`).join(', ')}  (${METRICS.map(([n]) => `${n} ${formatMetric(n, run.metrics[n] ?? NaN)}`).join(', ')})`,
      );
    }
    const medians = CATEGORIES.map((c) => [c, median(results.map((r) => r.scores[c]))] as const);
    const low = medians.filter(([c, score]) => score < BAR[c]);
    missed ||= low.length > 0;
    console.log(
      `${label} (${pagePath}) median: ${medians.map(([c, s]) => `${c} ${s}`).join(', ')}${low.length ? `  BELOW ${low.map(([c]) => `${c} (≥ ${BAR[c]})`).join(', ')}` : ''}`,
    );
    for (const failing of new Set(results.flatMap((r) => r.failing))) console.log(`    failing audit: ${failing}`);
  }
  return missed ? 1 : 0;
}

main()
  .then((code) => (process.exitCode = code))
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    for (const child of running.splice(0)) await stopGroup(child, { graceMs: 10_000 });
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  });
