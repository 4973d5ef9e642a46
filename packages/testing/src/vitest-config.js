/**
 * What every package's vitest config shares (plain JavaScript: a vitest config loads it without a
 * TypeScript loader). When the repository's test runner asks for it (`SLT_TEST_REPORT`), a JSON
 * report of the results beside the usual output, from which the runner prints its summary line.
 */
import { BaseSequencer } from 'vitest/node';

const report = process.env['SLT_TEST_REPORT'];

/** @type {import('./vitest-config.d.ts').Reporters} */
export const reporters = report ? ['default', ['json', { outputFile: report }]] : ['default'];

/**
 * A sequencer that starts the named files first, in the order given, then the rest as Vitest
 * orders them (by the durations of an earlier run when its cache has them, else larger files
 * first). On a fresh clone there is no cache, and file size says little about a browser test's
 * length: the two axe sweeps were among the smallest files and among the longest (about 100 s each
 * under load), so they started last and the suite ended on them. `names` are paths relative
 * to the package (`e2e/reports.e2e.test.ts`); a name that matches no file is ignored.
 * @param {string[]} names
 * @returns {typeof BaseSequencer}
 */
export function startFirst(names) {
  return class StartFirstSequencer extends BaseSequencer {
    /**
     * @override
     * @param {import('vitest/node').TestSpecification[]} files
     */
    async sort(files) {
      const sorted = await super.sort(files);
      /** @param {import('vitest/node').TestSpecification} file */
      const rank = (file) => {
        const index = names.findIndex((name) => file.moduleId.endsWith(`/${name}`));
        return index < 0 ? names.length : index;
      };
      return sorted
        .map((file, index) => ({ file, index }))
        .sort((a, b) => rank(a.file) - rank(b.file) || a.index - b.index)
        .map(({ file }) => file);
    }
  };
}
