/**
 * Operator commands: `pnpm --filter @slt/api cli <command>`.
 *
 *   create-admin --email <e-mail> --name <name>
 *     Creates a system administrator. The password is read from standard input (prompted
 *     without echo on a terminal, or piped: `echo "$PASSWORD" | pnpm … cli create-admin …`).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CreateUserSchema } from '@slt/shared';
import { Value } from 'typebox/value';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { databaseOptions } from './db/options.js';
import { prepareDatabase } from './db/prepare.js';
import { AppError } from './lib/errors.js';
import { createLogger } from './logger.js';
import { createUsersService } from './modules/users/users.service.js';

async function readPassword(): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const lines = createInterface({ input });
    for await (const line of lines) return line;
    return '';
  }
  process.stdout.write('Password (12+ characters): ');
  input.setRawMode(true);
  let password = '';
  for await (const chunk of input) {
    for (const char of String(chunk)) {
      if (char === '\r' || char === '\n') {
        input.setRawMode(false);
        process.stdout.write('\n');
        input.pause();
        return password;
      }
      if (char === '\u0003') process.exit(130);
      password = char === '\u007f' ? password.slice(0, -1) : password + char;
    }
  }
  return password;
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { email: { type: 'string' }, name: { type: 'string' } },
});

if (positionals[0] !== 'create-admin' || !values.email || !values.name) {
  process.stderr.write('Usage: cli create-admin --email <e-mail> --name <name>   (password on stdin)\n');
  process.exit(2);
}

const config = loadConfig();
const logger = createLogger({ logLevel: 'warn' });
const database = await openDatabase(databaseOptions(config, logger));
try {
  await prepareDatabase(database, { demoData: false });
  const input = { email: values.email, name: values.name, password: await readPassword(), isAdmin: true };
  // The same contract the HTTP route validates against.
  const problems = [...Value.Errors(CreateUserSchema, input)].map((e) => `${e.instancePath.slice(1)} ${e.message}`);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const user = await createUsersService({ db: database.db }).create({ type: 'system', id: null, label: 'cli create-admin' }, input);
  process.stdout.write(`Created administrator ${user.email} (${user.id}).\n`);
} catch (error) {
  const message = error instanceof AppError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`create-admin failed: ${message}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
