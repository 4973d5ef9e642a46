/**
 * Exit codes of `slt` (listed in `--help` and the README):
 * 0 done; 1 the server refused the request (invalid data, too large, not allowed, not found…);
 * 2 usage error (options, missing SLT_TOKEN, a file that cannot be read);
 * 3 the API could not be reached or failed (network error, 5xx or 429 after the retries).
 */
export const EXIT = { ok: 0, refused: 1, usage: 2, unavailable: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A mistake in how the command was called: said in one line, with a pointer to --help; exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Something expected went wrong, already phrased for the user: printed as is, no stack trace. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}

/** Node's fetch fails with `TypeError: fetch failed` and the reason in `cause`: say the reason. */
export function describeNetworkError(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return error.message;
  if (!(error instanceof TypeError) || error.message !== 'fetch failed') return undefined;
  const cause = error.cause as (Error & { code?: string }) | undefined;
  if (!cause) return error.message;
  const messages: Record<string, string> = {
    ECONNREFUSED: 'connection refused (is the API running?)',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host name lookup failed',
    ECONNRESET: 'the connection was reset',
    ETIMEDOUT: 'timed out',
    UND_ERR_SOCKET: 'the connection was closed',
    UND_ERR_HEADERS_TIMEOUT: 'no answer in time',
  };
  const code = cause.code ?? (cause as { errno?: string }).errno;
  return code && messages[code] ? `${messages[code]} (${code})` : cause.message || error.message;
}
