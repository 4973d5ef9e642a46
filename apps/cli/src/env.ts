/**
 * The only module that reads the environment (`process.env`). Every value is documented in the
 * README's "Command-line importer" section.
 */
export interface Env {
  /** `SLT_API_URL`: the API's origin when `--api` is not given. */
  apiUrl: string | undefined;
  /** `SLT_TOKEN`: the API token. Only ever sent in the Authorization header, never printed. */
  token: string | undefined;
  /**
   * The directory the user ran the command from, against which relative paths resolve. `pnpm slt`
   * runs the root script in the repository's root and says where it was started in `INIT_CWD`;
   * run directly, the process's own working directory is it.
   */
  cwd: string;
  /** Whether standard error is a terminal (progress redraws in place) or a log (a line every 10 %). */
  stderrIsTty: boolean;
  /** Columns of the terminal, for the progress bar. */
  columns: number;
}

export function readEnv(): Env {
  const { SLT_API_URL, SLT_TOKEN, INIT_CWD, npm_lifecycle_event } = process.env;
  return {
    apiUrl: SLT_API_URL?.trim() || undefined,
    token: SLT_TOKEN?.trim() || undefined,
    // Only when started by the root script `slt`: INIT_CWD left over from some other script run must not move the paths.
    cwd: npm_lifecycle_event === 'slt' && INIT_CWD ? INIT_CWD : process.cwd(),
    stderrIsTty: Boolean(process.stderr.isTTY),
    columns: process.stderr.columns || 80,
  };
}
