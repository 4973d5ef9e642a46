#!/usr/bin/env node
/**
 * The repository's test command (`pnpm test`): runs every workspace package's `test` script one
 * after another, in full even when an earlier one fails, then prints one line per package and a
 * summary line, and exits non-zero if any package failed.
 *
 * Each package's vitest writes a JSON report (SLT_TEST_REPORT, see src/vitest.ts) from which the
 * test counts come.
 *
 * Three lanes run side by side: the web client's suite (Vite builds, then browser tests that wait on
 * Chromium and an API process) in one, the CLI's (which runs the CLI as processes against an API
 * process) in another, every other package in turn in the third. Most of a test's time in these
 * suites is waiting (on a browser, a process start, a retry pause, an HTTP answer), so alone each
 * leaves part of a two-core machine idle; side by side they fill it. Each line of output is
 * prefixed with its package's short name.
 *
 * The embedded databases every suite starts from are prepared once per run, in SLT_TEST_TEMPLATES_DIR
 * (see apps/api/test/database-templates.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { killAllRegistered } from '../src/registry.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const reports = mkdtempSync(path.join(tmpdir(), 'slt-test-reports-'));
const templates = mkdtempSync(path.join(tmpdir(), 'slt-test-templates-run-'));
// Each package's reaper registers the process groups its tests start (API servers, browsers) in a
// directory of its own inside this one (src/reaper.ts), so an interrupt can kill them all.
const processes = mkdtempSync(path.join(tmpdir(), 'slt-test-processes-run-'));

/**
 * The lanes beside the main one (which runs every package not named here, in order). The widget's
 * suite shares the web client's lane: both build the widget into apps/widget/dist, so they must not
 * overlap.
 */
const SIDE_LANES = [['@slt/widget', '@slt/web'], ['@slt/cli']];

/** @typedef {{ name: string, dir: string }} Package */

/** Workspace packages with a test script: packages/* first (the contract), then apps/*. */
function testedPackages() {
  /** @type {Package[]} */
  const found = [];
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(path.join(root, group)).sort()) {
      const dir = path.join(root, group, name);
      const manifest = path.join(dir, 'package.json');
      if (!existsSync(manifest)) continue;
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- typed by the JSDoc cast, which the rule does not see in plain JavaScript
      const pkg = /** @type {{ name: string; scripts?: Record<string, string> }} */ (JSON.parse(readFileSync(manifest, 'utf8')));
      if (pkg.scripts?.test) found.push({ name: pkg.name, dir });
    }
  }
  return found;
}

/**
 * pnpm itself when we run under it (npm_execpath), else the pnpm on PATH.
 * @returns {[string, string[]]}
 */
function pnpmCommand() {
  const execpath = process.env.npm_execpath;
  if (execpath && /pnpm/.test(path.basename(execpath))) {
    return /\.(c|m)?js$/.test(execpath) ? [process.execPath, [execpath]] : [execpath, []];
  }
  return ['pnpm', []];
}

/** SIGKILL to a process group; quiet when it is gone. @param {number} pid */
function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // gone
  }
}

/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // The suites first (nothing starts anything after this), then every group their tests
    // registered: those lead process groups of their own and would outlive the suites.
    for (const child of running) if (child.pid) killGroup(child.pid);
    killAllRegistered(processes);
    for (const dir of [templates, processes, reports]) rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  });
}

/** How many of a package's last output lines the summary repeats when it fails. */
const TAIL_LINES = 60;

/**
 * Copies a child's output to ours line by line, each line prefixed (so two lanes stay readable),
 * and keeps its last TAIL_LINES lines in `tail`.
 * @param {import('node:stream').Readable} from
 * @param {NodeJS.WritableStream} to
 * @param {string} prefix
 * @param {string[]} tail
 */
function prefixLines(from, to, prefix, tail) {
  let rest = '';
  /** @param {string} line */
  const write = (line) => {
    to.write(`${prefix}${line}\n`);
    tail.push(`${prefix}${line}`);
    if (tail.length > TAIL_LINES) tail.shift();
  };
  from.setEncoding('utf8');
  from.on('data', (/** @type {string} */ chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) write(line);
  });
  from.on('end', () => {
    if (rest) write(rest);
  });
}

/**
 * Runs one package's test script; resolves with its exit code.
 * @param {Package} pkg
 * @param {string} report the JSON report's path
 * @param {string[]} tail receives the last lines of its output
 * @returns {Promise<number>}
 */
function run(pkg, report, tail) {
  const [command, prefix] = pnpmCommand();
  return new Promise((resolve) => {
    // A process group of its own, so an interrupt stops the whole suite (vitest, API, browser).
    const child = spawn(command, [...prefix, 'run', 'test'], {
      cwd: pkg.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      // The variables' names are src/run-dirs.ts's TEMPLATES_DIR_VARIABLE and PROCESSES_ROOT_VARIABLE.
      env: { ...process.env, SLT_TEST_REPORT: report, SLT_TEST_TEMPLATES_DIR: templates, SLT_TEST_PROCESSES_ROOT: processes },
    });
    running.add(child);
    const tag = `[${pkg.name.replace(/^@slt\//, '')}] `;
    if (child.stdout) prefixLines(child.stdout, process.stdout, tag, tail);
    if (child.stderr) prefixLines(child.stderr, process.stderr, tag, tail);
    child.once('error', (error) => {
      running.delete(child);
      console.error(`${pkg.name}: could not start its tests: ${error.message}`);
      resolve(1);
    });
    // 'close', not 'exit': after the output has been copied in full.
    child.once('close', (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/**
 * The test counts of a vitest JSON report, if the run got as far as writing one.
 * @param {string} report
 * @returns {{ passed: number, failed: number, skipped: number } | undefined}
 */
function counts(report) {
  if (!existsSync(report)) return undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- typed by the JSDoc cast, which the rule does not see in plain JavaScript
    const json = /** @type {Record<string, number | undefined>} */ (JSON.parse(readFileSync(report, 'utf8')));
    return {
      passed: json.numPassedTests ?? 0,
      failed: json.numFailedTests ?? 0,
      skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    };
  } catch {
    return undefined;
  }
}

/** @param {number} ms */
const seconds = (ms) => `${Math.round(ms / 1000)} s`;
const started = Date.now();
/** @typedef {{ pkg: Package, code: number, ms: number, tests: ReturnType<typeof counts>, tail: string[] }} Result */
/** @type {Map<Package, Result>} */
const results = new Map();

/**
 * Runs the packages' suites one after another, whatever the outcome of each.
 * @param {Package[]} packages
 */
async function lane(packages) {
  for (const pkg of packages) {
    const report = path.join(reports, `${pkg.name.replace(/[^a-z0-9]+/gi, '-')}.json`);
    console.log(`\n===== ${pkg.name}: tests =====`);
    const t0 = Date.now();
    /** @type {string[]} */
    const tail = [];
    const code = await run(pkg, report, tail);
    results.set(pkg, { pkg, code, ms: Date.now() - t0, tests: counts(report), tail });
    console.log(`===== ${pkg.name}: ${code === 0 ? 'passed' : 'FAILED'} (${seconds(Date.now() - t0)}) =====`);
  }
}

const packages = testedPackages();
const onSideLane = new Set(SIDE_LANES.flat());
await Promise.all([
  lane(packages.filter((p) => !onSideLane.has(p.name))),
  ...SIDE_LANES.map((names) => lane(packages.filter((p) => names.includes(p.name)))),
]);
rmSync(reports, { recursive: true, force: true });
rmSync(templates, { recursive: true, force: true });
rmSync(processes, { recursive: true, force: true });

// A failed package's last lines again, after the lanes' interleaved output and just above the
// summary: where a log is read from its end (a CI page), the cause is there.
for (const { pkg, code, tail } of results.values()) {
  if (code === 0) continue;
  console.log(`\n===== ${pkg.name} failed: the last ${tail.length} lines of its output =====`);
  for (const line of tail) console.log(line);
}

let passed = 0;
let failed = 0;
console.log('\n===== summary =====');
for (const { pkg, code, ms, tests } of packages.map((p) => /** @type {Result} */ (results.get(p)))) {
  passed += tests?.passed ?? 0;
  // A package that failed without a report (a build step, a crash) counts as one failure.
  failed += tests ? tests.failed : code === 0 ? 0 : 1;
  const detail = tests
    ? `${tests.passed} passed, ${tests.failed} failed${tests.skipped ? `, ${tests.skipped} skipped` : ''}`
    : 'no test report';
  console.log(`${code === 0 ? 'ok  ' : 'FAIL'}  ${pkg.name.padEnd(14)} ${detail} (${seconds(ms)})`);
}
const failedPackages = [...results.values()].filter((r) => r.code !== 0).map((r) => r.pkg.name);
if (failed === 0 && failedPackages.length > 0) failed = failedPackages.length;
console.log(
  `${passed} passed, ${failed} failed` +
    ` (${results.size - failedPackages.length} of ${results.size} packages passed${failedPackages.length ? `; failed: ${failedPackages.join(', ')}` : ''}) in ${seconds(Date.now() - started)}`,
);
process.exit(failedPackages.length > 0 ? 1 : 0);
