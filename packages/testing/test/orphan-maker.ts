/**
 * A stand-in for a test process: starts a child (which starts a grandchild) with spawnGroup, prints
 * both pids as one JSON line, then waits to be killed or (with argv[2] === 'exit') exits by itself.
 */
import { spawnGroup } from '../src/processes.js';

const child = spawnGroup(
  process.execPath,
  [
    '-e',
    "const g = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); console.log(g.pid); setInterval(() => {}, 1000);",
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
child.stdout!.once('data', (chunk: Buffer) => {
  process.stdout.write(`${JSON.stringify({ child: child.pid, grandchild: Number(String(chunk).trim()) })}\n`);
  if (process.argv[2] === 'exit') process.exit(0);
});
setInterval(() => {}, 1000);
