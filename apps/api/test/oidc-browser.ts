import type { Session } from '@slt/shared';
import { expect } from 'vitest';
import { call } from './auth.js';
import type { TestAccount, TestProvider } from './oidc-provider.js';
import type { TestApp } from './test-app.js';

/** A browser: follows redirects by hand, keeps each origin's cookies, stops at the API's callback. */
export class Browser {
  readonly jar = new Map<string, Map<string, string>>();
  constructor(readonly baseUrl: string) {}
  cookieFor(url: URL) {
    return [...(this.jar.get(url.origin) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  keep(url: URL, response: Response) {
    const cookies = this.jar.get(url.origin) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const [name, value] = [pair!.slice(0, at).trim(), pair!.slice(at + 1)];
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    this.jar.set(url.origin, cookies);
  }
  async get(href: string): Promise<Response> {
    const url = new URL(href);
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: this.cookieFor(url) } });
    this.keep(url, response);
    return response;
  }
  /** From the start URL to the provider and back: the callback URL the provider sent the browser to. */
  async toCallback(startPath: string): Promise<string> {
    let href = `${this.baseUrl}${startPath}`;
    for (let hop = 0; hop < 12; hop++) {
      const response = await this.get(href);
      expect([302, 303], `${href}: ${response.status} ${await response.clone().text()}`).toContain(response.status);
      href = new URL(response.headers.get('location')!, href).href;
      if (href.startsWith(`${this.baseUrl}/api/v1/auth/oidc/callback`)) return href;
    }
    throw new Error('the provider never sent the browser back');
  }
}

/** The callback's answer: where it sends the browser, and the session its refresh cookie opens. */
export async function finish(t: TestApp, browser: Browser, callbackUrl: string) {
  const response = await browser.get(callbackUrl);
  expect(response.status).toBe(303);
  const location = response.headers.get('location')!;
  const refresh = browser.jar.get(t.baseUrl)?.get('slt_refresh');
  const session = refresh
    ? ((await (await call(t, 'POST', '/api/v1/auth/refresh', { headers: { cookie: `slt_refresh=${refresh}` } })).json()) as Session)
    : undefined;
  return { location, session };
}

export const startPathOf = (providerId: string) => `/api/v1/auth/oidc/${providerId}/start`;

/** One sign-in from the product's start URL through the provider (as `account`) and back to the callback's answer. */
export async function signInThrough(t: TestApp, op: TestProvider, providerId: string, accountId: string, account: TestAccount) {
  op.signInAs(accountId, account);
  const browser = new Browser(t.baseUrl);
  return finish(t, browser, await browser.toCallback(startPathOf(providerId)));
}
