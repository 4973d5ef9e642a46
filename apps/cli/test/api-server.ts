import { startApiProcess } from '@slt/api/test/api-process';
import { inject } from 'vitest';
import { env } from './env.js';

export { freePort } from '@slt/api/test/api-process';

export interface ApiServer {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The real API as a separate process, as the product runs it: embedded PostgreSQL in a temp dir
 * with the demo data. The CLI under test only talks to it over HTTP.
 */
export async function startApi(extraEnv: Record<string, string> = {}): Promise<ApiServer> {
  // A copy of the run's prepared database with the demo data (see test/global-setup.ts).
  const api = await startApiProcess(env.inherited, extraEnv, {
    dataTemplate: inject('sltTemplates').pglite.demo.dataDir,
    serverJs: inject('sltApiServer'),
  });
  return { baseUrl: `http://127.0.0.1:${api.port}`, close: () => api.close() };
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
