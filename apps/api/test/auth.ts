import { DEMO_PASSWORD } from '../src/demo/demo-accounts.js';
import type { TestApp } from './test-app.js';

export const DEMO = {
  admin: 'admin@demo.invalid',
  coordinator3401: 'koordinator.3401@demo.invalid',
  member3401: 'medlem.3401@demo.invalid',
  coordinator1547: 'koordinator.1547@demo.invalid',
} as const;

export interface SignedIn {
  accessToken: string;
  /** The refresh cookie as sent back (`slt_refresh=…`). */
  cookie: string;
  setCookie: string;
  userId: string;
}

export const refreshCookieOf = (setCookie: string | null): string => {
  const match = /slt_refresh=([^;]*)/.exec(setCookie ?? '');
  if (!match) throw new Error(`no refresh cookie in ${setCookie}`);
  return `slt_refresh=${match[1]}`;
};

export async function signIn(t: TestApp, email: string, password = DEMO_PASSWORD): Promise<SignedIn> {
  const response = await fetch(`${t.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { accessToken: string; user: { id: string } };
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { accessToken: body.accessToken, cookie: refreshCookieOf(setCookie), setCookie, userId: body.user.id };
}

/** fetch against the test app with an optional bearer credential and JSON body. */
export function call(
  t: TestApp,
  method: string,
  path: string,
  options: { bearer?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  return fetch(`${t.baseUrl}${path}`, {
    method,
    headers: {
      ...(options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
}

/** Creates an API token in a municipality as a coordinator; returns its secret and id. */
export async function createToken(
  t: TestApp,
  coordinatorToken: string,
  kommunenummer: string,
  scopes: string[],
  extra: Record<string, unknown> = {},
): Promise<{ id: string; secret: string; prefix: string }> {
  const response = await call(t, 'POST', `/api/v1/municipalities/${kommunenummer}/api-tokens`, {
    bearer: coordinatorToken,
    body: { name: `test ${scopes.join('+')}`, scopes, ...extra },
  });
  if (response.status !== 201) throw new Error(`token creation failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { token: { id: string; prefix: string }; secret: string };
  return { id: body.token.id, secret: body.secret, prefix: body.token.prefix };
}
