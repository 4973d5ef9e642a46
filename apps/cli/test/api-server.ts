import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { env } from './env.js';

const apiRoot = fileURLToPath(new URL('../../api/', import.meta.url));

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

/** Stops the API: SIGTERM for a graceful shutdown, SIGKILL if it has not exited after 10 s. */
async function stop(api: ChildProcess): Promise<void> {
  if (api.exitCode !== null || api.signalCode !== null) return;
  const exited = new Promise((resolve) => api.once('exit', resolve));
  api.kill('SIGTERM');
  const timer = setTimeout(() => api.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function waitUntilReady(api: ChildProcess, baseUrl: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (api.exitCode !== null || api.signalCode !== null) throw new Error(`the API exited (${api.exitCode ?? api.signalCode})`);
    try {
      if ((await fetch(`${baseUrl}/api/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the API did not become ready within 90 s');
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface ApiServer {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The real API as a separate process, as the product runs it: embedded PostgreSQL in a temp dir
 * with the demo data. The CLI under test only talks to it over HTTP.
 */
export async function startApi(extraEnv: Record<string, string> = {}): Promise<ApiServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'slt-cli-api-'));
  // tsx as a loader of this node process (not through a package-manager shim), so SIGTERM reaches the server.
  const api = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', 'src/server.ts'], {
    cwd: apiRoot,
    env: { ...env.inherited, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: 'true', LOG_LEVEL: 'warn', ...extraEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const close = async () => {
    await stop(api);
    rmSync(dataDir, { recursive: true, force: true });
  };
  await waitUntilReady(api, baseUrl).catch(async (error: unknown) => {
    await close();
    throw error;
  });
  return { baseUrl, close };
}

export const DEMO_PASSWORD = 'demo-password';

/** Signs in a demo user over HTTP and creates an API token of their municipality with the given scopes. */
export async function createToken(baseUrl: string, email: string, kommunenummer: string, scopes: string[]): Promise<string> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${email} failed: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const created = await fetch(`${baseUrl}/api/v1/municipalities/${kommunenummer}/api-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ name: `cli test ${scopes.join('+')}`, scopes }),
  });
  if (created.status !== 201) throw new Error(`token creation failed: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { secret: string }).secret;
}
