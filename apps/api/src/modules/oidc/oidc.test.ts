import type { Invitation, OidcProvider } from '@slt/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, userIdentities, users } from '../../db/schema/index.js';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { Browser, finish, signInThrough, startPathOf } from '../../../test/oidc-browser.js';
import { startOidcProvider, type TestProvider } from '../../../test/oidc-provider.js';
import { expectProblem } from '../../../test/problems.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

/**
 * Issue 21: single sign-on against a real OpenID Provider (node-oidc-provider) on a local port,
 * through real HTTP end to end: the API's start redirect, the provider's authorization endpoint
 * and interaction, the API's callback (which exchanges the code with the provider's token
 * endpoint and checks the ID token against its JWKS), then the product's own refresh cookie.
 */
let t: TestApp;
let op: TestProvider;
let admin: string;
let coordinator: string;
let provider: OidcProvider;
const DOMAIN = 'kongsvinger.kommune.no';
const COORDINATOR_GROUP = 'c0ffee00-slt-koordinatorer';

const DONE = '/login?sso=done&next=%2Fhome';
const startPath = () => startPathOf(provider.id);

async function signInWithProvider(accountId: string, email: string, groups: string[] = []) {
  return signInThrough(t, op, provider.id, accountId, { email, groups, name: 'Test Person' });
}

beforeAll(async () => {
  t = await createTestApp();
  op = await startOidcProvider({ redirectUri: `${t.baseUrl}/api/v1/auth/oidc/callback` });
  admin = (await signIn(t, DEMO.admin)).accessToken;
  coordinator = (await signIn(t, DEMO.coordinator3401)).accessToken;
  const created = await call(t, 'POST', '/api/v1/oidc-providers', {
    bearer: admin,
    body: {
      kommunenummer: '3401',
      label: 'Kongsvinger kommune',
      issuer: op.issuer,
      clientId: op.clientId,
      clientSecret: op.clientSecret,
      allowedDomains: [DOMAIN],
      groupRoles: [{ group: COORDINATOR_GROUP, kommunenummer: '3401', role: 'coordinator' }],
    },
  });
  expect(created.status, await created.clone().text()).toBe(201);
  provider = (await created.json()) as OidcProvider;
});
afterAll(async () => {
  await op?.close();
  await t?.close();
});

describe('OpenID Connect sign-in', () => {
  it('an invited person signs in with the provider and gets the role of the invitation; the session is the product’s own', async () => {
    const invited = await call(t, 'POST', '/api/v1/municipalities/3401/invitations', {
      bearer: coordinator,
      body: { email: `frida.fiktiv@${DOMAIN}`, name: 'Frida Fiktiv', role: 'member' },
    });
    const invitation = (await invited.json()) as Invitation;
    expect(provider).toMatchObject({ clientAuth: 'client_secret_basic', redirectUri: `${t.baseUrl}/api/v1/auth/oidc/callback` });
    expect(JSON.stringify(provider)).not.toContain(op.clientSecret);

    const options = await (await call(t, 'GET', '/api/v1/auth/oidc/providers?kommunenummer=3401')).json();
    expect(options).toEqual({
      providers: [{ id: provider.id, label: 'Kongsvinger kommune', kommunenummer: '3401', startUrl: startPath() }],
    });
    // The start redirect carries PKCE (S256), state and nonce.
    const start = await fetch(`${t.baseUrl}${startPath()}`, { redirect: 'manual' });
    expect(start.status).toBe(303);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(op.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    for (const p of ['code_challenge', 'state', 'nonce']) expect(authorize.searchParams.get(p)?.length).toBeGreaterThan(20);
    expect(start.headers.get('set-cookie')).toMatch(/^slt_oidc=[^;]+;.*HttpOnly.*SameSite=Lax/i);

    const { location, session } = await signInWithProvider('op-frida', `Frida.Fiktiv@${DOMAIN}`);
    expect(location).toBe(DONE);
    expect(session?.user).toMatchObject({ id: invitation.user.id, roles: [{ kommunenummer: '3401', role: 'member' }] });
    expect((await call(t, 'GET', '/api/v1/municipalities/3401/action-items', { bearer: session!.accessToken })).status).toBe(200);
    const [identity] = await t.database.db.select().from(userIdentities).where(eq(userIdentities.userId, invitation.user.id));
    expect(identity).toMatchObject({ issuer: op.issuer, subject: 'op-frida' });
  });

  it('a group that maps to coordinator creates the user as the municipality’s coordinator', async () => {
    const { location, session } = await signInWithProvider('op-kari', `kari.koordinator@${DOMAIN}`, ['other', COORDINATOR_GROUP]);
    expect(location).toBe(DONE);
    expect(session?.user).toMatchObject({ email: `kari.koordinator@${DOMAIN}`, roles: [{ kommunenummer: '3401', role: 'coordinator' }] });
    expect((await call(t, 'GET', '/api/v1/municipalities/3401/api-tokens', { bearer: session!.accessToken })).status).toBe(200);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.actorLabel, 'oidc:Kongsvinger kommune'));
    expect(audit.map((a) => `${a.entity}:${a.action}`).sort()).toEqual(['user:create', 'user_role:create']);
  });

  it('an unknown person without invitation or mapped group is refused, and no user is created', async () => {
    const { location, session } = await signInWithProvider('op-ukjent', `ukjent.person@${DOMAIN}`, ['some-other-group']);
    expect(location).toBe('/login?sso=not_invited');
    expect(session).toBeUndefined();
    expect(
      await t.database.db
        .select()
        .from(users)
        .where(eq(users.email, `ukjent.person@${DOMAIN}`)),
    ).toEqual([]);
  });

  it('an e-mail outside the allowed domains is refused', async () => {
    const { location, session } = await signInWithProvider('op-demo', DEMO.coordinator3401, [COORDINATOR_GROUP]);
    expect(location).toBe('/login?sso=domain');
    expect(session).toBeUndefined();
  });

  it('a wrong state, a callback in another browser and a replayed callback are refused', async () => {
    op.signInAs('op-kari', { email: `kari.koordinator@${DOMAIN}`, groups: [COORDINATOR_GROUP] });
    const browser = new Browser(t.baseUrl);
    const callback = new URL(await browser.toCallback(startPath()));
    const wrongState = new URL(callback);
    wrongState.searchParams.set('state', 'not-the-state-the-api-sent-000000000000');
    expect(await finish(t, browser, wrongState.href)).toEqual({ location: '/login?sso=failed', session: undefined });
    // The right state from a browser without the binding cookie (a login-CSRF attempt): refused, and the state is spent.
    expect(await finish(t, new Browser(t.baseUrl), callback.href)).toEqual({ location: '/login?sso=failed', session: undefined });
    expect(await finish(t, browser, callback.href)).toEqual({ location: '/login?sso=failed', session: undefined });

    // A callback that succeeded once cannot be replayed: the code and the state are used up.
    const second = new Browser(t.baseUrl);
    const url = await second.toCallback(startPath());
    expect((await finish(t, second, url)).location).toBe(DONE);
    second.jar.get(t.baseUrl)?.delete('slt_refresh');
    expect(await finish(t, second, url)).toEqual({ location: '/login?sso=failed', session: undefined });
  });

  it.each([
    ['a wrong audience', (token: string) => op.resign(token, (p) => ({ ...p, aud: 'another-client' }))],
    ['an expired ID token', (token: string) => op.resign(token, (p) => ({ ...p, iat: p.iat! - 7200, exp: p.iat! - 3600 }))],
    ['a signature by another key', (token: string) => op.signWithOtherKey(token)],
    ['another issuer', (token: string) => op.resign(token, (p) => ({ ...p, iss: 'https://evil.example' }))],
    ['another nonce', (token: string) => op.resign(token, (p) => ({ ...p, nonce: 'replayed-nonce' }))],
  ])('an ID token with %s is refused', async (_case, tamper) => {
    op.tamperNext(tamper);
    const { location, session } = await signInWithProvider('op-kari', `kari.koordinator@${DOMAIN}`, [COORDINATOR_GROUP]);
    expect(location).toBe('/login?sso=failed');
    expect(session).toBeUndefined();
  });

  it('the untampered re-signing path is accepted (the refusals above are the checks, not the re-signing)', async () => {
    op.tamperNext((token) => op.resign(token, (p) => p));
    expect((await signInWithProvider('op-kari', `kari.koordinator@${DOMAIN}`, [COORDINATOR_GROUP])).location).toBe(DONE);
  });

  it('passwords can be turned off for the provider’s domains; outside members keep theirs', async () => {
    const frida = `frida.fiktiv@${DOMAIN}`;
    const before = await call(t, 'POST', '/api/v1/auth/login', { body: { email: frida, password: 'whatever-password' } });
    expect(before.status).toBe(401);
    const strict = await call(t, 'POST', '/api/v1/oidc-providers', {
      bearer: admin,
      body: {
        kommunenummer: '3401',
        label: 'Kongsvinger (kun SSO)',
        issuer: op.issuer,
        clientId: 'x',
        clientSecret: 'y',
        allowedDomains: [DOMAIN],
        passwordsDisabled: true,
      },
    });
    expect(strict.status).toBe(201);
    await expectProblem(await call(t, 'POST', '/api/v1/auth/login', { body: { email: frida, password: 'whatever-password' } }), 403);
    expect((await call(t, 'POST', '/api/v1/auth/login', { body: { email: DEMO.member3401, password: 'demo-password' } })).status).toBe(200);
    const removed = await call(t, 'DELETE', `/api/v1/oidc-providers/${((await strict.json()) as OidcProvider).id}`, { bearer: admin });
    expect(removed.status).toBe(204);
    expect((await call(t, 'POST', '/api/v1/auth/login', { body: { email: frida, password: 'whatever-password' } })).status).toBe(401);
  });

  it('refuses bad provider settings naming the field, and only administrators manage providers', async () => {
    const body = { kommunenummer: '3401', label: 'X', issuer: op.issuer, clientId: 'x', allowedDomains: [DOMAIN] };
    await expectProblem(await call(t, 'POST', '/api/v1/oidc-providers', { bearer: admin, body }), 400, 'clientSecret');
    await expectProblem(
      await call(t, 'POST', '/api/v1/oidc-providers', { bearer: admin, body: { ...body, clientSecret: 's', privateKeyJwk: '{}' } }),
      400,
      'clientSecret',
    );
    await expectProblem(
      await call(t, 'POST', '/api/v1/oidc-providers', { bearer: admin, body: { ...body, privateKeyJwk: '{"kty":"RSA"}' } }),
      400,
      'privateKeyJwk',
    );
    await expectProblem(
      await call(t, 'POST', '/api/v1/oidc-providers', {
        bearer: admin,
        body: { ...body, clientSecret: 's', groupRoles: [{ group: 'g', kommunenummer: '1547', role: 'coordinator' }] },
      }),
      400,
      'groupRoles/0/kommunenummer',
    );
    const domain = await expectProblem(
      await call(t, 'POST', '/api/v1/oidc-providers', {
        bearer: admin,
        body: { ...body, clientSecret: 's', allowedDomains: ['not a domain'] },
      }),
      400,
      '0',
    );
    expect(domain.errors?.[0]?.pointer).toBe('/allowedDomains/0');
    await expectProblem(
      await call(t, 'POST', '/api/v1/oidc-providers', { bearer: coordinator, body: { ...body, clientSecret: 's' } }),
      403,
    );
    const listed = (await (await call(t, 'GET', '/api/v1/oidc-providers', { bearer: admin })).json()) as { items: OidcProvider[] };
    expect(JSON.stringify(listed)).not.toContain(op.clientSecret);
  });

  it('no client secret, code, ID token or refresh token reaches the log', () => {
    const log = JSON.stringify(t.logs);
    expect(log).not.toContain(op.clientSecret);
    expect(log).not.toMatch(/[?&]code=(?!\[redacted\])/);
    expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}/);
    expect(log).toContain('single sign-on refused');
  });
});
