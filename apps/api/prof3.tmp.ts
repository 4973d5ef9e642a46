import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
let last = process.cpuUsage();
let lw = performance.now();
const lap = (l: string) => {
  const c = process.cpuUsage(last);
  const n = performance.now();
  console.log(
    l.padEnd(12),
    'cpu',
    Math.round((c.user + c.system) / 1000),
    'ms wall',
    Math.round(n - lw),
    'rss',
    Math.round(process.memoryUsage().rss / 1e6),
    'MB',
  );
  last = process.cpuUsage();
  lw = n;
};
const wasm = readFileSync(new URL('./node_modules/@electric-sql/pglite/dist/pglite.wasm', import.meta.url));
const mod = await WebAssembly.compile(wasm);
lap('compile');
const mod2 = await WebAssembly.compile(readFileSync(new URL('./node_modules/@electric-sql/pglite/dist/initdb.wasm', import.meta.url)));
lap('compile2');
const a = new PGlite({ pgliteWasmModule: mod, initdbWasmModule: mod2 });
await a.waitReady;
lap('init #1');
const b = new PGlite({ pgliteWasmModule: mod, initdbWasmModule: mod2 });
await b.waitReady;
lap('init #2');
const buf = readFileSync('/tmp/pgl.tar');
const c = new PGlite({ loadDataDir: new Blob([buf]), pgliteWasmModule: mod });
await c.waitReady;
lap('load #3');
const d = new PGlite({ loadDataDir: new Blob([buf]), pgliteWasmModule: mod });
await d.waitReady;
lap('load #4');
const e = new PGlite({ loadDataDir: new Blob([buf]) });
await e.waitReady;
lap('load nomod');
await a.close();
await b.close();
await c.close();
await d.close();
await e.close();
lap('closed');
