import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROCESS_DIR_VARIABLE } from './processes.js';
import { killRegistered } from './registry.js';
import { PROCESSES_ROOT_VARIABLE } from './run-dirs.js';

/**
 * Vitest global setup: a registry directory for the run's child processes (see processes.ts), and
 * at the end of the run SIGKILL to every process group still registered there, so no child
 * survives a run, whatever happened to the test process that started it. Under the test command
 * the registry is made inside its directory (SLT_TEST_PROCESSES_ROOT), so that an interrupted
 * command kills these groups too.
 */
export default function reaper(): () => void {
  const dir = mkdtempSync(path.join(process.env[PROCESSES_ROOT_VARIABLE] || tmpdir(), 'slt-test-processes-'));
  // Set before the test processes start, so each of them inherits it.
  process.env[PROCESS_DIR_VARIABLE] = dir;
  return () => {
    const left = killRegistered(dir);
    rmSync(dir, { recursive: true, force: true });
    if (left.length > 0) console.warn(`[reaper] killed ${left.length} child process group(s) a test left running: ${left.join(', ')}`);
  };
}
