import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { createInterface } from 'node:readline';
import { signalGroup, spawnGroup } from '@slt/testing/processes';

/**
 * Child processes of a test, each in its own process group (see @slt/testing/processes: the run's
 * reaper also kills any group left behind), so that killing one kills whatever it started too
 * (tsx's node, a CLI's node). `killAll()` SIGKILLs every group still alive: call it in
 * `afterEach`/`afterAll`, so nothing outlives its test whether it passed, failed or timed out.
 */
export class Processes {
  readonly #children = new Set<ChildProcess>();

  spawn(command: string, args: string[], options: SpawnOptions): ChildProcess {
    const child = spawnGroup(command, args, options);
    this.#children.add(child);
    child.once('exit', () => this.#children.delete(child));
    return child;
  }

  /** Sends `signal` to the child's whole process group. */
  signal(child: ChildProcess, signal: NodeJS.Signals): void {
    signalGroup(child, signal);
  }

  killAll(): void {
    for (const child of this.#children) this.signal(child, 'SIGKILL');
    this.#children.clear();
  }
}

/** Resolves with the exit code (or signal) of a child, or rejects after `ms`. */
export function exited(child: ChildProcess, ms: number): Promise<number | string> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? child.signalCode!);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`process ${child.pid} still running after ${ms} ms`)), ms);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? signal ?? 'unknown');
    });
  });
}

/** Collects a child's output: `text()` is all of it so far, `lines` the stdout lines. */
export function capture(child: ChildProcess): { lines: string[]; text: () => string } {
  const lines: string[] = [];
  let err = '';
  if (child.stdout) createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return { lines, text: () => `${lines.join('\n')}\n${err}` };
}

/** Polls `check` every 100 ms until it gives a truthy value, or throws after `ms` naming `what`. */
export async function waitFor<T>(
  what: string,
  ms: number,
  check: () => Promise<T | undefined | false> | T | undefined | false,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
