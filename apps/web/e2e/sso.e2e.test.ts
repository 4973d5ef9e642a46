import path from 'node:path';
import type { OidcProvider } from '@slt/shared';
import { startOidcProvider, type TestProvider } from '@slt/api/test/oidc-provider';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from './env';
import { accessibilityViolations, signIn, startHarness, type Harness } from './harness';

/**
 * Issue 21 in a real browser: single sign-on through a real OpenID Provider (node-oidc-provider on
 * a local port, with its own login and consent pages) registered for Kongsvinger. Chromium clicks
 * the sign-in page's button, fills in the provider's pages, and comes back to the product.
 * The refusals are the API's (apps/api/src/modules/oidc/oidc.test.ts checks each at the HTTP
 * level); here a person sees each of them as a page in words.
 */
let h: Harness;
let op: TestProvider;
let provider: OidcProvider;
const DOMAIN = 'kongsvinger.demo.invalid';
const COORDINATOR_GROUP = 'slt-koordinatorer-kongsvinger';
const BUTTON = 'Logg inn med Kongsvinger kommune';
const REFUSED = 'Innloggingen ble avvist. Prøv igjen.';

async function apiCall(method: string, url: string, token: string | null, body?: unknown): Promise<Response> {
  return fetch(`${h.baseUrl}${url}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}

beforeAll(async () => {
  h = await startHarness();
  // The harness's origin is the one the API computes the redirect URI from (no PUBLIC_URL in the tests).
  op = await startOidcProvider({ redirectUri: `${h.baseUrl}/api/v1/auth/oidc/callback`, interactive: true });
  const login = await apiCall('POST', '/api/v1/auth/login', null, { email: 'admin@demo.invalid', password: 'demo-password' });
  const admin = ((await login.json()) as { accessToken: string }).accessToken;
  const created = await apiCall('POST', '/api/v1/oidc-providers', admin, {
    kommunenummer: '3401',
    label: 'Kongsvinger kommune',
    issuer: op.issuer,
    clientId: op.clientId,
    clientSecret: op.clientSecret,
    allowedDomains: [DOMAIN],
    groupRoles: [{ group: COORDINATOR_GROUP, kommunenummer: '3401', role: 'coordinator' }],
  });
  expect(created.status, await created.clone().text()).toBe(201);
  provider = (await created.json()) as OidcProvider;
  expect(provider.redirectUri).toBe(`${h.baseUrl}/api/v1/auth/oidc/callback`);
  const invited = await apiCall('POST', '/api/v1/municipalities/3401/invitations', admin, {
    email: `frida.fiktiv@${DOMAIN}`,
    name: 'Frida Fiktiv',
    role: 'member',
  });
  expect(invited.status, await invited.clone().text()).toBe(201);
  op.addAccount('op-frida', { email: `frida.fiktiv@${DOMAIN}`, name: 'Frida Fiktiv' });
  op.addAccount('op-gunnar', { email: `gunnar.gruppe@${DOMAIN}`, name: 'Gunnar Gruppe', groups: ['andre', COORDINATOR_GROUP] });
  op.addAccount('op-ukjent', { email: `ukjent.person@${DOMAIN}`, name: 'Ukjent Person', groups: ['andre'] });
  op.addAccount('op-utenfor', { email: 'ola.utenfor@annen.demo.invalid', name: 'Ola Utenfor', groups: [COORDINATOR_GROUP] });
});
afterAll(async () => {
  await op?.close();
  await h?.close();
});

async function screenshot(page: Page, name: string) {
  if (env.screenshotDir) await page.screenshot({ path: path.join(env.screenshotDir, `${name}.png`), fullPage: true });
}

/**
 * From the product's sign-in page through the provider: with `login`, the provider's login form
 * (any password) and its consent page; without, the browser still has a session at the provider,
 * which sends it straight back.
 */
async function signInWithProvider(page: Page, login?: string) {
  await page.goto('/login');
  await page.getByRole('link', { name: BUTTON }).click();
  if (!login) return;
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any-password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** The sign-in page after a refusal: the reason in words, no session, axe clean. */
async function expectRefused(page: Page, text: string) {
  await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
  await page.getByText(text).waitFor();
  expect(await page.getByText('Innlogget som').count()).toBe(0);
  expect(await accessibilityViolations(page)).toEqual([]);
}

async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.newContext();
  return { context, page: await context.newPage() };
}

describe('single sign-on with the municipality’s OpenID Provider (Chromium)', () => {
  it('an invited person signs in on the provider’s pages and lands on Kongsvinger’s home as a member', async () => {
    const { context, page } = await freshPage();
    await page.goto('/login');
    const button = page.getByRole('link', { name: BUTTON });
    await button.waitFor();
    await page.getByText('eller med e-post og passord').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'sso-login-nb');

    await signInWithProvider(page, 'op-frida');
    await page.getByRole('heading', { level: 1, name: 'SLT i Kongsvinger' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/municipalities/3401/home');
    await page.getByText('Innlogget som Frida Fiktiv').waitFor();
    // A member: the workspace's member pages, none of the coordinator's.
    await page.getByRole('region', { name: 'Alle sider' }).getByRole('link', { name: 'Mine oppgaver' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Administrasjon' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Brukere' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'API-nøkler' }).count()).toBe(0);
    // The session is the product's own: it survives a reload (the refresh cookie).
    await page.reload();
    await page.getByText('Innlogget som Frida Fiktiv').waitFor();
    await context.close();
  });

  it('a person with no invitation and no mapped group is refused with a page that says why', async () => {
    const { context, page } = await freshPage();
    await signInWithProvider(page, 'op-ukjent');
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('sso') === 'not_invited');
    await expectRefused(page, 'Du har ikke tilgang ennå. Be SLT-koordinatoren i kommunen din om å invitere deg.');
    await screenshot(page, 'sso-refused-nb');
    // Nor does a reload open a session.
    await page.goto('/home');
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await context.close();
  });

  it('an e-mail outside the provider’s domains is refused', async () => {
    const { context, page } = await freshPage();
    await signInWithProvider(page, 'op-utenfor');
    await expectRefused(page, 'E-postadressen din er ikke fra en organisasjon som kan logge inn her.');
    await context.close();
  });

  it('a forged or replayed answer is refused; the coordinators’ group makes a coordinator', async () => {
    const { context, page } = await freshPage();
    // An ID token for another client: refused before anything else happens.
    op.tamperNext((token) => op.resign(token, (p) => ({ ...p, aud: 'another-client' })));
    await signInWithProvider(page, 'op-gunnar');
    await expectRefused(page, REFUSED);

    // The browser now has a session at the provider, which answers at once from here on.
    op.tamperNext((token) => op.resign(token, (p) => ({ ...p, iat: p.iat! - 7200, exp: p.iat! - 3600 })));
    await signInWithProvider(page);
    await expectRefused(page, REFUSED);

    op.tamperNext((token) => op.signWithOtherKey(token));
    await signInWithProvider(page);
    await expectRefused(page, REFUSED);

    op.redirectNext((location) => {
      location.searchParams.set('state', 'not-the-state-the-product-sent-0000000000');
      return location;
    });
    await signInWithProvider(page);
    await expectRefused(page, REFUSED);

    // Now untouched: Gunnar is in the coordinators' group, so he is created as Kongsvinger's coordinator.
    const callback = page.waitForRequest((request) => request.url().startsWith(`${h.baseUrl}/api/v1/auth/oidc/callback?`));
    await signInWithProvider(page);
    const callbackUrl = (await callback).url();
    await page.getByRole('heading', { level: 1, name: 'SLT i Kongsvinger' }).waitFor();
    await page.getByText('Innlogget som Gunnar Gruppe').waitFor();
    const admin = page.getByRole('navigation', { name: 'Administrasjon' });
    await admin.getByRole('link', { name: 'Brukere' }).waitFor();
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'API-nøkler' }).waitFor();
    // Providers are the system administrators' (the contract's rule): no link for a coordinator.
    expect(await admin.getByRole('link', { name: 'Innlogging (SSO)' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The same answer a second time (its code and state are used up): refused.
    await page.goto(callbackUrl);
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('sso') === 'failed');
    await page.getByText(REFUSED).waitFor();
    await context.close();
  });

  it('an administrator manages Kongsvinger’s providers on a page reached from its home; nothing secret is shown', async () => {
    const { context, page } = await freshPage();
    await signIn(page, { email: 'admin@demo.invalid', name: 'Ada Admin' });
    await page.goto('/municipalities/3401/home');
    await page.getByRole('navigation', { name: 'Administrasjon' }).getByRole('link', { name: 'Innlogging (SSO)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Innlogging for Kongsvinger' }).waitFor();
    // The address to register with the provider is the one the API sends browsers back to.
    expect(await page.getByTestId('redirect-uri').innerText()).toBe(`${h.baseUrl}/api/v1/auth/oidc/callback`);
    const list = page.getByRole('region', { name: 'Leverandører' });
    await list.getByRole('heading', { level: 3, name: 'Kongsvinger kommune' }).waitFor();
    await list.getByText('Klienthemmelighet', { exact: true }).first().waitFor();
    await list.getByText(`${COORDINATOR_GROUP} → koordinator`, { exact: true }).waitFor();
    await page.locator('main[aria-busy="false"]').waitFor();
    expect(await problemsOf(page)).toEqual([]);

    // Neither a secret nor a key: refused at the secret's field, in words.
    const form = page.locator('#sign-in-form');
    await form.getByLabel('Navn på knappen').fill('Kongsvinger (test)');
    await form.getByLabel('Utsteder (issuer-URL)').fill(op.issuer);
    await form.getByLabel('Klient-ID').fill('annen-klient');
    await form.getByLabel('Tillatte e-postdomener').fill('Kongsvinger.demo.invalid');
    await form.getByRole('button', { name: 'Legg til' }).click();
    await expect.poll(() => form.getByLabel('Klienthemmelighet').getAttribute('aria-invalid')).toBe('true');
    expect(await problemsOf(page)).toEqual([]);

    const secret = 'another-client-secret-never-shown';
    await form.getByLabel('Klienthemmelighet').fill(secret);
    await form.getByLabel('Grupper som gir rollen koordinator').fill('gruppe-a\ngruppe-b');
    await form.getByLabel('Slå av passord for e-postadresser i disse domenene', { exact: false }).check();
    await form.getByRole('button', { name: 'Legg til' }).click();
    await page.getByText('«Kongsvinger (test)» er lagt til. Knappen vises nå på innloggingssiden.').waitFor();
    await list.getByRole('heading', { level: 3, name: 'Kongsvinger (test)' }).waitFor();
    await list.getByText('gruppe-a → koordinator, gruppe-b → koordinator', { exact: true }).waitFor();
    await list.getByText('Slått av for domenene', { exact: true }).waitFor();
    expect(await page.content()).not.toContain(secret);
    await screenshot(page, 'sso-admin-nb');
    const stored = await fetch(`${h.baseUrl}/api/v1/auth/oidc/providers?kommunenummer=3401`);
    expect(((await stored.json()) as { providers: { label: string }[] }).providers.map((p) => p.label).sort()).toEqual([
      'Kongsvinger (test)',
      'Kongsvinger kommune',
    ]);

    // In nynorsk, and at 375 px in both languages: axe clean, nothing wider than the phone.
    await page.getByLabel('Språk').selectOption('nn');
    await page.getByRole('heading', { level: 2, name: 'Leverandørar' }).waitFor();
    expect(await problemsOf(page)).toEqual([]);
    await screenshot(page, 'sso-admin-nn');
    await page.setViewportSize({ width: 375, height: 800 });
    for (const [language, heading] of [
      ['nn', 'Leverandørar'],
      ['nb', 'Leverandører'],
    ] as const) {
      await page.getByLabel('Språk').selectOption(language);
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
      // Nothing reaches past the screen's right edge (named, so a failure says where to look).
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > 376 && e.getBoundingClientRect().width > 0)
          .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${Math.round(e.getBoundingClientRect().right)}`),
      );
      expect(wide).toEqual([]);
      expect(await problemsOf(page)).toEqual([]);
      await screenshot(page, `sso-admin-${language}-375`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });

    // Removing asks first; then the button is gone from the sign-in page.
    await page.getByRole('button', { name: 'Fjern leverandøren Kongsvinger (test)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fjerne leverandøren «Kongsvinger (test)»?' });
    await dialog.getByText('Knappen forsvinner fra innloggingssiden.', { exact: false }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Fjern' }).click();
    await expect.poll(() => list.getByRole('heading', { level: 3, name: 'Kongsvinger (test)' }).count()).toBe(0);
    await page.goto('/login');
    await page.getByRole('link', { name: BUTTON }).waitFor();
    expect(await page.getByRole('link', { name: 'Logg inn med Kongsvinger (test)' }).count()).toBe(0);
    await context.close();
  });
});

/** axe's violations and buttons whose accessible name does not start with their text (as e2e/accessibility.ts checks). */
async function problemsOf(page: Page): Promise<string[]> {
  const misnamed = await page.evaluate(() =>
    [...document.querySelectorAll('button')]
      .map((b) => ({ text: (b.innerText || '').trim(), name: (b.getAttribute('aria-label') ?? (b.innerText || '')).trim() }))
      .filter((b) => b.text && !b.name.startsWith(b.text))
      .map((b) => `button "${b.name}" (shows "${b.text}")`),
  );
  return [...(await accessibilityViolations(page)), ...misnamed];
}
