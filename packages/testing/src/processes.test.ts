import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { childGroups, PROCESS_DIR_VARIABLE, registerGroups, spawnGroup, stopGroup, unregisterGroup } from './processes.js';
import { killRegistered } from './registry.js';

const orphanMaker = fileURLToPath(new URL('../test/orphan-maker.ts', import.meta.url));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Waits (generously: the machine may be busy) until none of `pids` is alive; returns those still alive. */
async function gone(pids: number[], withinMs = 10_000): Promise<number[]> {
  const deadline = Date.now() + withinMs;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return pids.filter(alive);
}

const leftovers: number[] = [];
afterEach(() => {
  // If an assertion failed, kill what the test made so it does not outlive the test either.
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
});

/** Runs orphan-maker.ts (through tsx) with `env`; resolves with its process and the pids it reports. */
async function startOrphanMaker(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const maker = spawn(process.execPath, ['--import', 'tsx', orphanMaker, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const [line] = (await once(createInterface({ input: maker.stdout }), 'line')) as [string];
  const pids = JSON.parse(line) as { child: number; grandchild: number };
  leftovers.push(maker.pid!, pids.child, pids.grandchild);
  return { maker, pids };
}

describe('spawnGroup and stopGroup', () => {
  it('stopping a child stops what it started too', async () => {
    const child = spawnGroup(
      process.execPath,
      [
        '-e',
        "const g = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); console.log(g.pid); setInterval(() => {}, 1000);",
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
    const grandchild = Number(String(chunk).trim());
    leftovers.push(child.pid!, grandchild);
    expect(alive(grandchild)).toBe(true);

    await stopGroup(child, { graceMs: 2_000 });
    expect(await gone([child.pid!, grandchild])).toEqual([]);
  });

  it('a process that exits takes its children and their children with it', async () => {
    const { maker, pids } = await startOrphanMaker(['exit']);
    await once(maker, 'exit');
    expect(await gone([pids.child, pids.grandchild])).toEqual([]);
  });
});

describe('the reaper', () => {
  it('kills the groups a killed test process left behind', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'slt-reaper-test-'));
    try {
      const { maker, pids } = await startOrphanMaker([], { ...process.env, [PROCESS_DIR_VARIABLE]: dir });
      expect(readdirSync(dir)).toEqual([String(pids.child)]);
      // SIGKILL: the process gets no chance to clean up, so its child and grandchild live on.
      maker.kill('SIGKILL');
      await once(maker, 'exit');
      expect(alive(pids.child) && alive(pids.grandchild)).toBe(true);

      expect(killRegistered(dir)).toEqual([pids.child]);
      expect(await gone([pids.child, pids.grandchild])).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('registers a group a library started (as Playwright starts the browser), so a killed test process leaves none', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'slt-reaper-test-'));
    const variable = process.env[PROCESS_DIR_VARIABLE];
    process.env[PROCESS_DIR_VARIABLE] = dir;
    const before = new Set(childGroups());
    // Started without spawnGroup, as a library would: a group of its own, unknown to the registry;
    // a child in this process's group is no group of its own.
    const browser = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { detached: true, stdio: 'ignore' });
    const helper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      const started = childGroups().filter((pid) => !before.has(pid));
      expect(started).toEqual([browser.pid]);
      expect(registerGroups(started)).toEqual([browser.pid]);
      expect(readdirSync(dir)).toEqual([String(browser.pid)]);
      expect(killRegistered(dir)).toEqual([browser.pid]);
      expect(await gone([browser.pid!])).toEqual([]);
      unregisterGroup(browser.pid!);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      if (variable === undefined) delete process.env[PROCESS_DIR_VARIABLE];
      else process.env[PROCESS_DIR_VARIABLE] = variable;
      if (alive(browser.pid!)) process.kill(-browser.pid!, 'SIGKILL');
      helper.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
