/** The only environment the tests read. */
const {
  DATABASE_URL: _database,
  SLT_API_URL: _api,
  SLT_TOKEN: _token,
  INIT_CWD: _initCwd,
  npm_lifecycle_event: _event,
  ...rest
} = process.env;

export const env = {
  /**
   * The environment for the processes the tests start (the API and the CLI): the test runner's,
   * without a DATABASE_URL (the API runs on its embedded database in a temp dir) and without
   * anything the CLI reads itself (SLT_*, INIT_CWD), which each test sets as it needs.
   */
  inherited: rest,
  /** pnpm's own script, when the tests were started by pnpm: used to run `pnpm slt` for real. */
  pnpmExecPath: /pnpm/.test(process.env['npm_execpath'] ?? '') ? process.env['npm_execpath'] : undefined,
};
