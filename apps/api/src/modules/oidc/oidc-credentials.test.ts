import { randomBytes } from 'node:crypto';
import type { OidcProvider } from '@slt/shared';
import { eq } from 'drizzle-orm';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, DEMO, signIn } from '../../../test/auth.js';
import { oidcProviders } from '../../db/schema/index.js';
import { signInThrough, startPathOf } from '../../../test/oidc-browser.js';
import { startOidcProvider, type TestProvider } from '../../../test/oidc-provider.js';
import { expectProblem } from '../../../test/problems.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

/**
 * How the product authenticates to the provider's token endpoint, against a real OpenID Provider
 * (node-oidc-provider) on a local port: private_key_jwt with the key the provider registered, and a
 * refusal with any other key; and how those credentials are kept (sealed with SECRETS_KEY).
 */
let t: TestApp;
let op: TestProvider;
let admin: string;
const DOMAIN = 'kongsvinger.kommune.no';
const GROUP = 'c0ffee00-slt-koordinatorer';

/** An EC P-256 key pair as JWKs: the private one for the product, the public one for the provider. */
async function keyPair(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' },
  };
}

async function createProvider(label: string, credentials: { clientSecret: string } | { privateKeyJwk: string }): Promise<OidcProvider> {
  const created = await call(t, 'POST', '/api/v1/oidc-providers', {
    bearer: admin,
    body: {
      kommunenummer: '3401',
      label,
      issuer: op.issuer,
      clientId: op.clientId,
      ...credentials,
      allowedDomains: [DOMAIN],
      groupRoles: [{ group: GROUP, kommunenummer: '3401', role: 'coordinator' }],
    },
  });
  expect(created.status, await created.clone().text()).toBe(201);
  return (await created.json()) as OidcProvider;
}

let registered: Awaited<ReturnType<typeof keyPair>>;

beforeAll(async () => {
  t = await createTestApp();
  registered = await keyPair('slt-client-key-1');
  op = await startOidcProvider({ redirectUri: `${t.baseUrl}/api/v1/auth/oidc/callback`, clientJwk: registered.publicJwk });
  admin = (await signIn(t, DEMO.admin)).accessToken;
});
afterAll(async () => {
  await op?.close();
  await t?.close();
});

describe('private_key_jwt client authentication', () => {
  it('signs in with the private key whose public half the provider registered', async () => {
    const provider = await createProvider('Kongsvinger (nøkkel)', { privateKeyJwk: JSON.stringify(registered.privateJwk) });
    expect(provider.clientAuth).toBe('private_key_jwt');
    expect(JSON.stringify(provider)).not.toContain(registered.privateJwk.d!);
    const account = { email: `kari.nokkel@${DOMAIN}`, groups: [GROUP], name: 'Kari Nøkkel' };
    const { location, session } = await signInThrough(t, op, provider.id, 'op-kari-nokkel', account);
    expect(location).toBe('/login?sso=done&next=%2Fhome');
    expect(session?.user).toMatchObject({ email: account.email, roles: [{ kommunenummer: '3401', role: 'coordinator' }] });
  });

  it('another private key is refused at the token endpoint: the sign-in ends in the product’s refusal, with no session', async () => {
    const other = await keyPair('slt-client-key-1');
    const provider = await createProvider('Kongsvinger (feil nøkkel)', { privateKeyJwk: JSON.stringify(other.privateJwk) });
    const account = { email: `ola.feil@${DOMAIN}`, groups: [GROUP] };
    const { location, session } = await signInThrough(t, op, provider.id, 'op-ola-feil', account);
    expect(location).toBe('/login?sso=failed');
    expect(session).toBeUndefined();
    // Refused by the provider's token endpoint (invalid_client), not by a check of the product's own.
    const refusal = t.logs.filter((l) => l['msg'] === 'single sign-on refused').at(-1);
    expect(String(refusal?.['why'])).toMatch(/^ResponseBodyError/);
  });

  it('no private key reaches the log', () => {
    const log = JSON.stringify(t.logs);
    expect(log).not.toContain(registered.privateJwk.d!);
  });
});

describe('client secrets and private keys encrypted at rest', () => {
  const stored = async (id: string) => {
    const [row] = await t.database.db.select().from(oidcProviders).where(eq(oidcProviders.id, id));
    return row!;
  };
  const SECRET = 'a-client-secret-kept-only-encrypted-0123456789';
  let keyed: OidcProvider;

  beforeAll(async () => {
    keyed = await createProvider('Kongsvinger (kryptert)', { privateKeyJwk: JSON.stringify(registered.privateJwk) });
  });

  it('the database row holds neither the secret nor the key, only v1:<iv>:<tag>:<ciphertext>; no answer holds them', async () => {
    const withSecret = await createProvider('Kongsvinger (hemmelighet)', { clientSecret: SECRET });
    const secretRow = await stored(withSecret.id);
    expect(secretRow.clientSecret).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(JSON.stringify(secretRow)).not.toContain(SECRET);
    const keyRow = await stored(keyed.id);
    expect(keyRow.privateKeyJwk).toMatch(/^v1:/);
    expect(JSON.stringify(keyRow)).not.toContain(registered.privateJwk.d!);
    const listed = JSON.stringify(await (await call(t, 'GET', '/api/v1/oidc-providers', { bearer: admin })).json());
    expect(listed).not.toContain(SECRET);
    expect(listed).not.toContain(registered.privateJwk.d!);
    expect(listed).not.toContain(secretRow.clientSecret!);
    // The sealed key still signs in.
    const account = { email: `siri.sikker@${DOMAIN}`, groups: [GROUP] };
    expect((await signInThrough(t, op, keyed.id, 'op-siri', account)).location).toBe('/login?sso=done&next=%2Fhome');
  });

  it('another SECRETS_KEY cannot open them: the sign-in is a 503 problem saying so, and no secret is logged', async () => {
    const other = await createTestApp({ database: t.database, config: { secretsKey: randomBytes(32).toString('base64') } });
    try {
      const start = await fetch(`${other.baseUrl}${startPathOf(keyed.id)}`, { redirect: 'manual' });
      const problem = await expectProblem(start, 503);
      expect(problem.detail).toContain('SECRETS_KEY');
      const log = JSON.stringify(other.logs);
      expect(log).not.toContain(registered.privateJwk.d!);
      expect(log).not.toContain((await stored(keyed.id)).privateKeyJwk!);
    } finally {
      await other.close();
    }
  });

  it('a legacy plain-text row still signs in, and is sealed when the server next starts', async () => {
    const plain = JSON.stringify(registered.privateJwk);
    await t.database.db.update(oidcProviders).set({ privateKeyJwk: plain }).where(eq(oidcProviders.id, keyed.id));
    const account = { email: `siri.sikker@${DOMAIN}`, groups: [GROUP] };
    expect((await signInThrough(t, op, keyed.id, 'op-siri', account)).location).toBe('/login?sso=done&next=%2Fhome');
    const restarted = await createTestApp({ database: t.database });
    await restarted.close();
    const row = await stored(keyed.id);
    expect(row.privateKeyJwk).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain(registered.privateJwk.d!);
    expect((await signInThrough(t, op, keyed.id, 'op-siri', account)).location).toBe('/login?sso=done&next=%2Fhome');
  });
});
