import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { spawnGroup, stopGroup } from '@slt/testing/processes';
import { env } from './env.js';

/** The command as `pnpm slt` runs it (the root script is `node apps/cli/bin/slt.js`). */
export const BIN = fileURLToPath(new URL('../bin/slt.js', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Both, as a user sees them in a terminal (order between the two not guaranteed). */
  output: string;
}

/**
 * Runs `slt` as its own process. Like `pnpm slt`, it runs in the repository's root with the
 * user's directory in INIT_CWD (`from`); `env` adds SLT_TOKEN, SLT_API_URL….
 */
export async function runCli(args: string[], options: { from: string; env?: Record<string, string> }): Promise<CliRun> {
  const child = spawnGroup(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    env: { ...env.inherited, npm_lifecycle_event: 'slt', INIT_CWD: options.from, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collect(child);
}

/**
 * Collects a child's output until it closes (started with spawnGroup); whatever is left of its
 * process group afterwards, or if the test gives up first, is stopped.
 */
export async function collect(child: ChildProcess): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (exitCode) => resolve(exitCode));
    });
    return { code, stdout, stderr, output: `${stdout}\n${stderr}` };
  } finally {
    await stopGroup(child, { graceMs: 1_000 });
  }
}
