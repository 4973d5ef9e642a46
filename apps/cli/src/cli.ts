import path from 'node:path';
import { ProblemError } from '@slt/shared';
import { apiUrlOf, parseCommand, USAGE } from './args.js';
import type { Env } from './env.js';
import { CliError, describeNetworkError, EXIT, UsageError, type ExitCode } from './errors.js';
import { runExport } from './export.js';
import { runImport, type ImportContext } from './import.js';
import type { Io } from './io.js';
import { formatProblem } from './report.js';

function requireToken(env: Env, scope: 'import' | 'read'): string {
  if (!env.token) {
    throw new UsageError(
      `no API token: set SLT_TOKEN to a token of the municipality with the ${scope} scope (a coordinator creates one in the web client under API tokens)`,
    );
  }
  return env.token;
}

/** Runs one command line; answers the exit code. Expected failures are told in words, never as a stack trace. */
export async function run(argv: readonly string[], env: Env, io: Io): Promise<ExitCode> {
  const say = (text: string) => io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  const context: ImportContext = { csv: false };
  let apiUrl = '';
  try {
    const command = parseCommand(argv);
    if (command.command === 'help') {
      io.stdout.write(USAGE);
      return EXIT.ok;
    }
    apiUrl = apiUrlOf(command.api, env.apiUrl);
    if (command.command === 'import') {
      const token = requireToken(env, 'import');
      await runImport({ ...command, file: path.resolve(env.cwd, command.file), apiUrl, token }, io, context);
    } else {
      const token = requireToken(env, 'read');
      await runExport({ ...command, out: command.out === undefined ? undefined : path.resolve(env.cwd, command.out), apiUrl, token }, io);
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      say(`slt: ${error.message}\nRun "pnpm slt --help" for the commands and options.`);
      return EXIT.usage;
    }
    if (error instanceof CliError) {
      say(`slt: ${error.message}`);
      return error.exitCode;
    }
    if (error instanceof ProblemError) {
      // 429 after the retries is the server's load, not the request: like a 5xx, try again later.
      const refused = error.status < 500 && error.status !== 429;
      say(
        `slt: ${refused ? 'the server refused the request' : 'the server failed'}: ${formatProblem(error.problem, { csv: context.csv })}`,
      );
      if (error.status === 401) say('Check SLT_TOKEN: it may be mistyped, revoked or expired.');
      if (error.status === 404)
        say('Check --municipality and that SLT_TOKEN is a token of that municipality with the needed scope (import, or read to export).');
      if (error.status === 409)
        say(
          'Another import with this Idempotency-Key is still running: wait for it to finish, then check the result before running the command again.',
        );
      return refused ? EXIT.refused : EXIT.unavailable;
    }
    const network = describeNetworkError(error);
    if (network) {
      say(`slt: could not reach the API at ${apiUrl}: ${network}`);
      return EXIT.unavailable;
    }
    say(`slt: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.unavailable;
  }
}
