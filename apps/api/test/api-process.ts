import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnGroup, stopGroup } from '@slt/testing/processes';

/**
 * The API as its own process, as the product runs it, for the tests of other packages (the web
 * client's browser tests, the CLI's): embedded PostgreSQL in a temp dir with the demo data,
 * spoken to over HTTP only. Exported as `@slt/api/test/api-process`.
 */

const apiRoot = fileURLToPath(new URL('..', import.meta.url));

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The arguments to Node that run the API's `server` or `cli` entry: the run's JavaScript build
 * (`inject('sltApiServer')`, see api-js.ts) when there is one, else the TypeScript source under tsx
 * as this process's loader (not through a package-manager shim, so signals reach the process). Run
 * with the API's folder as the working directory.
 */
export function apiEntryArgs(entry: 'server' | 'cli', serverJs: string | null | undefined): string[] {
  return serverJs ? [path.join(path.dirname(serverJs), `${entry}.js`)] : ['--import', 'tsx', '--conditions=source', `src/${entry}.ts`];
}

export interface ApiProcess {
  port: number;
  /** SIGTERM for a graceful shutdown (SIGKILL to its process group if it has not exited after 10 s), then the data dir is removed. */
  close(): Promise<void>;
}

export interface ApiProcessOptions {
  /**
   * A prepared data directory to start from (a copy of it: the tests' global setup makes one with
   * the demo data, see database-templates.ts). Without it, the API starts on an empty one and
   * prepares it itself, as on a user's first start.
   */
  dataTemplate?: string | undefined;
  /** The run's JavaScript build of the API (`inject('sltApiServer')`); without it, its TypeScript source under tsx. */
  serverJs?: string | null | undefined;
}

/**
 * Starts the API and waits until it is ready (120 s at most, for a busy machine); if it exits or
 * does not get there, it is stopped and the error thrown. `env` is the environment to start from
 * (the caller's, say): its DATABASE_URL is dropped, so the API runs on its embedded database.
 */
export async function startApiProcess(
  env: Record<string, string | undefined>,
  extra: Record<string, string> = {},
  options: ApiProcessOptions = {},
): Promise<ApiProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'slt-api-'));
  if (options.dataTemplate) cpSync(options.dataTemplate, dataDir, { recursive: true });
  const { DATABASE_URL: _ignored, ...inherited } = env;
  const api = spawnGroup(process.execPath, apiEntryArgs('server', options.serverJs), {
    cwd: apiRoot,
    env: { ...inherited, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: 'true', LOG_LEVEL: 'warn', ...extra },
    // Its warnings and errors (LOG_LEVEL warn) reach the test's output: a failed request is explained there.
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = () => api.exitCode !== null || api.signalCode !== null;
  const close = async () => {
    await stopGroup(api, { graceMs: 10_000 });
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (exited()) throw new Error(`the API exited (${api.exitCode ?? api.signalCode})`);
      const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      if (Date.now() > deadline) throw new Error('the API did not become ready within 120 s');
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { port, close };
}
