import { run } from './cli.js';
import { readEnv } from './env.js';

const env = readEnv();
process.exitCode = await run(process.argv.slice(2), env, {
  stdout: process.stdout,
  stderr: process.stderr,
  stderrIsTty: env.stderrIsTty,
  columns: env.columns,
});
