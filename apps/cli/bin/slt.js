#!/usr/bin/env node
// The `slt` command. It runs the TypeScript sources directly — no build step, so it works right
// after `pnpm install` — in a node process with tsx as its loader and the `source` condition (so
// @slt/shared resolves to its sources too), the way the API's own scripts run.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), '--conditions=source', main, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
const forward = (signal) => () => child.kill(signal);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward(signal));
child.on('error', (error) => {
  console.error(`slt: could not start node: ${error.message}`);
  process.exit(3);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal === 'SIGINT' ? 130 : 1));
});
