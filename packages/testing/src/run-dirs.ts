/**
 * Directories that the repository's test command (bin/test-all.mjs) creates once per run and hands
 * to every package's suite through the environment.
 */

/** Where the embedded database templates of the run are prepared once and shared (see apps/api/test/database-templates.ts). */
export const TEMPLATES_DIR_VARIABLE = 'SLT_TEST_TEMPLATES_DIR';

/** The run's shared template directory, or undefined when a package's suite runs on its own. */
export function sharedTemplatesDir(): string | undefined {
  return process.env[TEMPLATES_DIR_VARIABLE] || undefined;
}

/**
 * Where each package's reaper makes its registry of child process groups (see reaper.ts), so the
 * test command can kill every registered group when it is itself interrupted (SIGINT, SIGTERM).
 */
export const PROCESSES_ROOT_VARIABLE = 'SLT_TEST_PROCESSES_ROOT';
