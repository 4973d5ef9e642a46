#!/usr/bin/env node
/**
 * The repository's test command (`pnpm test`): runs every workspace package's `test` script one
 * after another, in full even when an earlier one fails, then prints one line per package and a
 * summary line, and exits non-zero if any package failed.
 *
 * Each package's vitest writes a JSON report (SLT_TEST_REPORT, see src/vitest.ts) from which the
 * test counts come. Packages run one at a time: the suites start databases, API processes and a
 * browser, and a small machine runs them best in turn.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const reports = mkdtempSync(path.join(tmpdir(), 'slt-test-reports-'));

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

/** @type {import('node:child_process').ChildProcess | undefined} */
let current;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current?.pid) {
      try {
        process.kill(-current.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    process.exit(130);
  });
}

/**
 * Runs one package's test script; resolves with its exit code.
 * @param {Package} pkg
 * @param {string} report the JSON report's path
 * @returns {Promise<number>}
 */
function run(pkg, report) {
  const [command, prefix] = pnpmCommand();
  return new Promise((resolve) => {
    // A process group of its own, so an interrupt stops the whole suite (vitest, API, browser).
    const child = spawn(command, [...prefix, 'run', 'test'], {
      cwd: pkg.dir,
      stdio: 'inherit',
      detached: true,
      env: { ...process.env, SLT_TEST_REPORT: report },
    });
    current = child;
    child.once('error', (error) => {
      console.error(`${pkg.name}: could not start its tests: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
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
/** @type {{ pkg: Package, code: number, ms: number, tests: ReturnType<typeof counts> }[]} */
const results = [];
for (const pkg of testedPackages()) {
  const report = path.join(reports, `${pkg.name.replace(/[^a-z0-9]+/gi, '-')}.json`);
  console.log(`\n===== ${pkg.name}: tests =====`);
  const t0 = Date.now();
  const code = await run(pkg, report);
  results.push({ pkg, code, ms: Date.now() - t0, tests: counts(report) });
}
rmSync(reports, { recursive: true, force: true });

let passed = 0;
let failed = 0;
console.log('\n===== summary =====');
for (const { pkg, code, ms, tests } of results) {
  passed += tests?.passed ?? 0;
  // A package that failed without a report (a build step, a crash) counts as one failure.
  failed += tests ? tests.failed : code === 0 ? 0 : 1;
  const detail = tests
    ? `${tests.passed} passed, ${tests.failed} failed${tests.skipped ? `, ${tests.skipped} skipped` : ''}`
    : 'no test report';
  console.log(`${code === 0 ? 'ok  ' : 'FAIL'}  ${pkg.name.padEnd(14)} ${detail} (${seconds(ms)})`);
}
const failedPackages = results.filter((r) => r.code !== 0).map((r) => r.pkg.name);
if (failed === 0 && failedPackages.length > 0) failed = failedPackages.length;
console.log(
  `${passed} passed, ${failed} failed` +
    ` (${results.length - failedPackages.length} of ${results.length} packages passed${failedPackages.length ? `; failed: ${failedPackages.join(', ')}` : ''}) in ${seconds(Date.now() - started)}`,
);
process.exit(failedPackages.length > 0 ? 1 : 0);
