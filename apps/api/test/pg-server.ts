import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './api-process.js';

/** The PostgreSQL 15 server binaries (as in .ci/run). */
export const PG_BIN = '/usr/lib/postgresql/15/bin';

export interface PgServer {
  url: string;
  /** Stops the server (fast: open sessions are terminated), keeping its data. */
  stop(): void;
  start(): void;
  /** Stops it if running and removes its data. */
  remove(): void;
}

/**
 * A throwaway PostgreSQL server in a temp dir (trust auth on 127.0.0.1 only, fsync off), which its
 * owner may stop and start: a fault test's own (it cannot stop the server other test files share),
 * or the bench's cluster. As root it runs as the `postgres` user, as PostgreSQL asks.
 * `settings`: more `-c name=value` server options.
 */
export async function createPgServer(options: { pgBin?: string; settings?: string; prefix?: string } = {}): Promise<PgServer> {
  const { pgBin = PG_BIN, settings = '', prefix = 'slt-fault-pg-' } = options;
  if (!existsSync(path.join(pgBin, 'initdb'))) throw new Error(`PostgreSQL server binaries not found in ${pgBin}`);
  const asRoot = process.getuid?.() === 0;
  const run = (bin: string, args: string[]) => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(pgBin, bin), ...args]] : [path.join(pgBin, bin), args];
    const result = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) throw new Error(`${bin} ${args.at(-1)} failed: ${result.stderr || result.stdout}`);
  };
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0);
  const port = await freePort();
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync']);
  let running = false;
  const server: PgServer = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start() {
      run('pg_ctl', [
        '-D',
        data,
        '-l',
        path.join(dir, 'server.log'),
        '-w',
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off ${settings}`.trim(),
        'start',
      ]);
      running = true;
    },
    stop() {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      running = false;
    },
    remove() {
      try {
        if (running) run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        running = false;
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  server.start();
  return server;
}
