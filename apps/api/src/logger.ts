import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

/** Query parameters that carry a credential: their values never reach the log. */
const CREDENTIAL_PARAMS =
  /([?&](?:access_token|token|refresh_token|id_token|api_key|apikey|key|secret|password|code|jwt|state|session_state)=)[^&#]*/gi;

/**
 * URLs as logged: the values of query parameters that carry credentials (`?access_token=`,
 * `?token=`…) and the secret of a personal calendar feed (it is the credential) are blanked.
 */
export const loggableUrl = (url: string): string =>
  url.replace(/(\/calendar-feeds\/)[^/?#]+/, '$1[redacted]').replace(CREDENTIAL_PARAMS, '$1[redacted]');

/** The longest SQL text an error log line carries. */
const MAX_SQL = 500;

/**
 * A database message without the values it quotes (`invalid input syntax for type uuid: "…"`,
 * `Key (email)=(…) already exists`) and without the parameters Drizzle appends to it.
 */
const withoutValues = (text: string): string =>
  text
    .replace(/\nparams:[\s\S]*$/, '\nparams: [redacted]')
    .replace(/"[^"\n]*"/g, '"…"')
    .replace(/\)=\([^\n]*\)/g, ')=(…)');

interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  query?: string;
  cause?: SerializedError;
}

/**
 * Errors as logged: type, code, message and stack, with the values of SQL parameters and the
 * values PostgreSQL quotes in its messages removed (an import's parameters hold thousands of
 * e-mail addresses). Other own fields (request bodies, `params`, `detail`, `where`) are dropped.
 */
export function serializeError(error: unknown, depth = 0): unknown /* a SerializedError, or a non-object as is */ {
  if (!(error instanceof Error)) return typeof error === 'object' && error !== null ? { type: 'non-error', message: '[redacted]' } : error;
  const e = error as Error & Record<string, unknown>;
  const out: SerializedError = { type: e.constructor?.name ?? 'Error', message: withoutValues(e.message) };
  if (e.stack) out.stack = withoutValues(e.stack);
  for (const field of ['code', 'constraint', 'table', 'column'] as const) if (typeof e[field] === 'string') out[field] = e[field];
  if (typeof e['query'] === 'string') out.query = e['query'].slice(0, MAX_SQL);
  if (e.cause !== undefined && depth < 3) out.cause = serializeError(e.cause, depth + 1) as SerializedError;
  return out;
}

/**
 * The process logger: JSON lines with the request id on every request log (`requestId`).
 * Credentials are redacted wherever they might appear; errors are logged without SQL parameters.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    serializers: { err: serializeError, error: serializeError },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        '*.secret',
        '*.refreshToken',
        '*.connectionString',
        '*.params',
        '*.body',
      ],
      censor: '[redacted]',
    },
  };
  // Standard output is buffered: lines go out in writes of 4 KB or every 250 ms, whichever comes
  // first, instead of one synchronous write(2) per line (the access log made one per request).
  // Pino writes what is left synchronously when the process exits.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 250 }));
}
