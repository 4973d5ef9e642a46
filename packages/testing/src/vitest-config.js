/**
 * What every package's vitest config shares (plain JavaScript: a vitest config loads it without a
 * TypeScript loader). When the repository's test runner asks for it (`SLT_TEST_REPORT`), a JSON
 * report of the results beside the usual output, from which the runner prints its summary line.
 */
const report = process.env['SLT_TEST_REPORT'];

/** @type {import('./vitest-config.d.ts').Reporters} */
export const reporters = report ? ['default', ['json', { outputFile: report }]] : ['default'];
