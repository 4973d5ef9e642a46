/**
 * What every package's vitest config shares (plain JavaScript: a vitest config loads it without a
 * TypeScript loader). When the repository's test runner asks for it (`SLT_TEST_REPORT`), a JSON
 * report of the results beside the usual output, from which the runner prints its summary line.
 */
import { availableParallelism, loadavg } from 'node:os';

const report = process.env['SLT_TEST_REPORT'];

/** @type {import('./vitest-config.d.ts').Reporters} */
export const reporters = report ? ['default', ['json', { outputFile: report }]] : ['default'];

/**
 * How many test files a suite runs at once: `idle` when the machine had a core to spare as the run
 * started (its 1-minute load average at least one below the number of cores), else `busy`.
 *
 * Most of a test's time in these suites is waiting (an HTTP answer, a process start, a browser, a
 * retry pause), so on a free machine an extra file fills time that would be idle. On a machine that
 * is already busy the extra file only splits the same cores further, and every test takes longer
 * against its time limit; so the run keeps to fewer there.
 * @param {{ idle: number, busy: number }} counts
 */
export function workers(counts) {
  const spare = availableParallelism() - (loadavg()[0] ?? 0);
  return spare >= 1 ? counts.idle : counts.busy;
}
