import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import Provider from 'oidc-provider';

/** A person at the provider: the claims its ID tokens carry. */
export interface TestAccount {
  email: string;
  name?: string;
  groups?: string[];
  emailVerified?: boolean;
}

/** Changes the ID token the token endpoint answers with, as a misbehaving or hostile provider would. */
export type Tamper = (idToken: string) => Promise<string>;

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who signs in at the next interaction (no login form: the test picks the account). */
  signInAs(accountId: string, account: TestAccount): void;
  /** A person who may sign in on the provider's own login form (`interactive`), with their account id as the login. */
  addAccount(accountId: string, account: TestAccount): void;
  /** Applied to the next token answer only. */
  tamperNext(tamper: Tamper): void;
  /** Changes where the next answer to the client's redirect URI sends the browser (its `code`, `state`). */
  redirectNext(change: (location: URL) => URL): void;
  /** Re-signs a payload with the provider's own key. */
  resign(idToken: string, change: (payload: JWTPayload) => JWTPayload): Promise<string>;
  /** Signs the unchanged payload with another key under the same key id. */
  signWithOtherKey(idToken: string): Promise<string>;
  close(): Promise<void>;
}

const KID = 'test-op-key';

/**
 * A real OpenID Provider (node-oidc-provider, the certified implementation) on a local port, with
 * one confidential client whose redirect URI is the API's callback. Its interaction step signs in
 * the account the test chose and grants the requested scopes.
 */
export async function startOidcProvider(options: {
  redirectUri: string;
  clientId?: string;
  clientSecret?: string;
  /** A public JWK for private_key_jwt clients (then no secret). */
  clientJwk?: Record<string, unknown>;
  /**
   * The provider's own login and consent pages (oidc-provider's development interactions: any
   * password, the login is the account id), for a browser to fill in. Without it, the interaction
   * signs in the account chosen with `signInAs` at once.
   */
  interactive?: boolean;
}): Promise<TestProvider> {
  const clientId = options.clientId ?? 'slt-test-client';
  const clientSecret = options.clientSecret ?? 'op-client-secret-that-must-never-be-logged';
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingJwk = { ...(await exportJWK(privateKey)), kid: KID, alg: 'RS256', use: 'sig' };
  const other = await generateKeyPair('RS256');
  const accounts = new Map<string, TestAccount>();
  let next: string | undefined;
  let tamper: Tamper | undefined;
  let redirect: ((location: URL) => URL) | undefined;

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      options.clientJwk
        ? {
            client_id: clientId,
            redirect_uris: [options.redirectUri],
            token_endpoint_auth_method: 'private_key_jwt',
            token_endpoint_auth_signing_alg: 'ES256',
            jwks: { keys: [options.clientJwk] },
          }
        : { client_id: clientId, client_secret: clientSecret, redirect_uris: [options.redirectUri] },
    ],
    jwks: { keys: [signingJwk] },
    cookies: { keys: ['test-op-cookie-key-0123456789'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    // The claims go into the ID token itself, as Entra ID puts e-mail and groups there.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: options.interactive === true } },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Grant: 600, Session: 600 },
    ...(options.interactive
      ? {}
      : { interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` } }),
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: account.email,
          email_verified: account.emailVerified ?? true,
          name: account.name ?? account.email,
          groups: account.groups ?? [],
        }),
      };
    },
  });
  provider.use(async (ctx, nextMiddleware) => {
    await nextMiddleware();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && tamper && body && typeof body.id_token === 'string') {
      const change = tamper;
      tamper = undefined;
      ctx.body = { ...body, id_token: await change(body.id_token) };
    }
    const location = ctx.response.get('location');
    if (redirect && location.startsWith(`${options.redirectUri}?`)) {
      const change = redirect;
      redirect = undefined;
      ctx.set('location', change(new URL(location)).href);
    }
  });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (options.interactive || !req.url?.startsWith('/interaction/')) return void callback(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const accountId = next;
      if (!accountId) throw new Error('the test chose no account');
      const grant = new provider.Grant({ accountId, clientId: String(details.params['client_id']) });
      grant.addOIDCScope(String(details.params['scope']));
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  const sign = (payload: JWTPayload, key: Parameters<SignJWT['sign']>[0]) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: KID }).sign(key);

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(accountId, account) {
      accounts.set(accountId, account);
      next = accountId;
    },
    addAccount(accountId, account) {
      accounts.set(accountId, account);
    },
    tamperNext(change) {
      tamper = change;
    },
    redirectNext(change) {
      redirect = change;
    },
    resign: (idToken, change) => sign(change(decodeJwt(idToken)), privateKey),
    signWithOtherKey: (idToken) => sign(decodeJwt(idToken), other.privateKey),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
