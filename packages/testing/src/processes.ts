import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Child processes for tests that never outlive their test.
 *
 * Every child starts as the leader of a process group of its own, so stopping it stops whatever
 * it started in turn (pnpm's node, tsx's worker). Three nets catch a child that was not stopped:
 *  1. `stopGroup` in the test's own cleanup: SIGTERM to the group, SIGKILL after a grace period,
 *     and SIGKILL to the group once the leader is gone (for anything it left behind);
 *  2. when the test process exits, every child it still has gets SIGKILL (its whole group);
 *  3. each child's pid is written to the run's registry directory (`SLT_TEST_PROCESS_DIR`, made
 *     by the reaper's global setup), and the reaper kills every group still registered when the
 *     run ends, even if a test process was itself killed before it could clean up.
 */

export const PROCESS_DIR_VARIABLE = 'SLT_TEST_PROCESS_DIR';

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function registryFile(pid: number): string | undefined {
  const dir = process.env[PROCESS_DIR_VARIABLE];
  return dir ? path.join(dir, String(pid)) : undefined;
}

/** SIGKILL (or `signal`) to the child's whole process group; quiet if it is already gone. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: no process of the group is left.
  }
}

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) signalGroup(child, 'SIGKILL');
  });
}

/** `spawn`, with the child leading its own process group, tracked until its group is stopped. */
export function spawnGroup(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  installExitHook();
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid === undefined) return child; // spawn failed: 'error' follows, nothing to track
  const pid = child.pid;
  running.add(child);
  const file = registryFile(pid);
  if (file) writeFileSync(file, '');
  child.once('exit', () => {
    // The leader is gone; anything it started stays in the group until stopGroup or the reaper.
    if (file) rmSync(file, { force: true });
  });
  return child;
}

/**
 * The children of this process that lead a process group of their own (Linux: read from /proc;
 * elsewhere none). For children a library started: Playwright starts the browser so.
 */
export function childGroups(): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === process.pid && Number(fields[2]) === Number(name)) found.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/**
 * Registers process groups this process did not start through spawnGroup (see childGroups), so the
 * reaper kills them if the test process dies without stopping them. Returns the pids registered.
 */
export function registerGroups(pids: readonly number[]): number[] {
  const registered: number[] = [];
  for (const pid of pids) {
    const file = registryFile(pid);
    if (!file) continue;
    writeFileSync(file, '');
    registered.push(pid);
  }
  return registered;
}

/** Takes a group registered by registerGroups off the registry (it was stopped by its owner). */
export function unregisterGroup(pid: number): void {
  const file = registryFile(pid);
  if (file) rmSync(file, { force: true });
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/**
 * Stops a child and everything in its group: `signal` (SIGTERM) first so a server can shut down
 * gracefully; SIGKILL if the leader has not exited after `graceMs`; then SIGKILL to the group for
 * whatever the leader left behind. Resolves when the leader has exited.
 */
export async function stopGroup(child: ChildProcess, options: { signal?: NodeJS.Signals; graceMs?: number } = {}): Promise<void> {
  const { signal = 'SIGTERM', graceMs = 10_000 } = options;
  if (!hasExited(child)) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signalGroup(child, signal);
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
  signalGroup(child, 'SIGKILL');
  running.delete(child);
}
