/**
 * The registries of child process groups (see processes.ts): one directory per suite, one empty
 * file per group, named by its leader's pid. Plain JavaScript, so that the test command
 * (bin/test-all.mjs, run by plain Node) and the reaper share it.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * SIGKILL to the group of every pid registered in `dir`; returns the ones that still existed.
 * @param {string} dir
 * @returns {number[]}
 */
export function killRegistered(dir) {
  /** @type {number[]} */
  const killed = [];
  for (const name of readdirSync(dir)) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 1) continue;
    try {
      process.kill(-pid, 'SIGKILL');
      killed.push(pid);
    } catch {
      // already gone
    }
  }
  return killed;
}

/**
 * killRegistered for every registry in `root` (the test command's SLT_TEST_PROCESSES_ROOT).
 * @param {string} root
 */
export function killAllRegistered(root) {
  for (const registry of readdirSync(root)) killRegistered(path.join(root, registry));
}
