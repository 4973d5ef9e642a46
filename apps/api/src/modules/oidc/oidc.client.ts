import type { webcrypto } from 'node:crypto';
import * as oidc from 'openid-client';
import type { SecretBox } from '../../lib/secret-box.js';
import type { OidcProviderRow } from './oidc.repository.js';

/**
 * The port to OpenID Providers (openid-client): discovery, the authorization URL, and the code
 * exchange with every check of the answer and its ID token (state, PKCE, issuer, audience,
 * expiry, nonce, and the signature against the provider's JWKS).
 */
export interface OidcClaims {
  issuer: string;
  subject: string;
  claims: Record<string, unknown>;
}

export interface OidcPort {
  authorizationUrl(
    provider: OidcProviderRow,
    input: { redirectUri: string; state: string; nonce: string; codeChallenge: string },
  ): Promise<URL>;
  exchange(provider: OidcProviderRow, input: { callbackUrl: URL; state: string; nonce: string; codeVerifier: string }): Promise<OidcClaims>;
}

/** Plain HTTP only to a provider on this machine (tests, a local development provider). */
const isLoopback = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/** How long a provider's discovery document is kept in memory (per process; nothing shared needs it). */
const DISCOVERY_TTL_MS = 10 * 60_000;

/** The client authentication; the only place the stored secret or key is decrypted. */
async function clientAuthOf(provider: OidcProviderRow, secrets: SecretBox): Promise<oidc.ClientAuth> {
  if (provider.privateKeyJwk) {
    const jwk = JSON.parse(secrets.open(provider.privateKeyJwk)) as webcrypto.JsonWebKey & {
      kid?: string;
      alg?: string;
      x5t?: string;
      'x5t#S256'?: string;
    };
    const alg = jwk.alg ?? (jwk.kty === 'EC' ? 'ES256' : 'RS256');
    const algorithm = jwk.kty === 'EC' ? { name: 'ECDSA', namedCurve: jwk.crv ?? 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    const { kid, x5t, 'x5t#S256': x5tS256, ...material } = jwk;
    const key = await crypto.subtle.importKey('jwk', material, algorithm, false, ['sign']);
    // Entra ID finds the certificate by its thumbprint: `x5t` or `x5t#S256` of the JWK go into the assertion's header.
    return oidc.PrivateKeyJwt(
      { key, kid },
      {
        [oidc.modifyAssertion]: (header) => {
          header.alg = alg;
          if (x5t) header['x5t'] = x5t;
          if (x5tS256) header['x5t#S256'] = x5tS256;
        },
      },
    );
  }
  return oidc.ClientSecretBasic(provider.clientSecret ? secrets.open(provider.clientSecret) : '');
}

export function createOidcClient(secrets: SecretBox): OidcPort & { forget(providerId: string): void } {
  const cache = new Map<string, { at: number; key: string; config: Promise<oidc.Configuration> }>();

  function configurationOf(provider: OidcProviderRow): Promise<oidc.Configuration> {
    // The stored (sealed) values: the key changes with them, and holds no plain secret.
    const key = `${provider.issuer}\n${provider.clientId}\n${provider.clientSecret ?? ''}\n${provider.privateKeyJwk ?? ''}`;
    const hit = cache.get(provider.id);
    if (hit && hit.key === key && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
    const issuer = new URL(provider.issuer);
    const config = clientAuthOf(provider, secrets).then((auth) =>
      oidc.discovery(issuer, provider.clientId, undefined, auth, {
        execute: [
          oidc.enableNonRepudiationChecks,
          ...(issuer.protocol === 'http:' && isLoopback(issuer) ? [oidc.allowInsecureRequests] : []),
        ],
        timeout: 10,
      }),
    );
    // A failed discovery is not kept: the next sign-in tries again.
    config.catch(() => cache.delete(provider.id));
    cache.set(provider.id, { at: Date.now(), key, config });
    return config;
  }

  return {
    forget: (providerId) => void cache.delete(providerId),

    async authorizationUrl(provider, { redirectUri, state, nonce, codeChallenge }) {
      const config = await configurationOf(provider);
      return oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        response_type: 'code',
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
        state,
        nonce,
      });
    },

    async exchange(provider, { callbackUrl, state, nonce, codeVerifier }) {
      const config = await configurationOf(provider);
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        expectedState: state,
        expectedNonce: nonce,
        pkceCodeVerifier: codeVerifier,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('No ID token in the answer.');
      return { issuer: claims.iss, subject: claims.sub, claims: claims };
    },
  };
}

export const randomPkce = async () => {
  const verifier = oidc.randomPKCECodeVerifier();
  return { verifier, challenge: await oidc.calculatePKCECodeChallenge(verifier) };
};
export const randomState = () => oidc.randomState();
export const randomNonce = () => oidc.randomNonce();
