import { existsSync } from 'node:fs';
import path from 'node:path';
import { createPgServer } from '../test/pg-server.js';

export interface Cluster {
  url: string;
  stop(): void;
}

/**
 * The bench's throwaway PostgreSQL cluster: the tests' server (test/pg-server.ts) with
 * synchronous_commit off too (durability is irrelevant to a benchmark, and it keeps disk noise
 * out of the figures). `stop()` stops it and removes its data.
 */
export async function startCluster(pgBin: string): Promise<Cluster> {
  if (!existsSync(path.join(pgBin, 'initdb'))) {
    throw new Error(`PostgreSQL server binaries not found in ${pgBin} (pass --pg-bin <dir>)`);
  }
  const server = await createPgServer({ pgBin, settings: '-c synchronous_commit=off', prefix: 'slt-bench-pg-' });
  return { url: server.url, stop: () => server.remove() };
}
