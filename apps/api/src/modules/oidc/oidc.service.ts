import { randomBytes } from 'node:crypto';
import {
  ProblemType,
  type CreateOidcProvider,
  type GroupRole,
  type OidcProvider,
  type Role,
  type SignInOptions,
  type SsoError,
} from '@slt/shared';
import type { Db } from '../../db/client.js';
import { diffChanges } from '../../lib/audit-diff.js';
import { recordAudit } from '../../lib/audited.js';
import { AppError, InvalidFieldError, NotFoundError } from '../../lib/errors.js';
import { hashPassword } from '../../lib/passwords.js';
import type { Actor } from '../../lib/scope.js';
import { SecretUnreadableError, type SecretBox } from '../../lib/secret-box.js';
import { randomSecret, sha256 } from '../../lib/secrets.js';
import { createUsersRepository } from '../users/users.repository.js';
import { normalizeEmail } from '../users/users.service.js';
import { randomNonce, randomPkce, randomState, type OidcPort } from './oidc.client.js';
import { createOidcRepository, type OidcProviderRow } from './oidc.repository.js';

/** How long a browser has to come back from the provider. */
export const LOGIN_TTL_SECONDS = 10 * 60;
export const CALLBACK_PATH = '/api/v1/auth/oidc/callback';
const ROLE_RANK: Record<Role, number> = { member: 1, coordinator: 2 };

export type Outcome = { ok: true; userId: string; returnTo: string } | { ok: false; reason: SsoError };

/** What the logs may say about why a sign-in was refused: never a claim's value, a code or a token. */
export interface RefusalLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

function toProvider(row: OidcProviderRow, redirectUri: string): OidcProvider {
  return {
    id: row.id,
    kommunenummer: row.kommunenummer,
    label: row.label,
    issuer: row.issuer,
    clientId: row.clientId,
    clientAuth: row.privateKeyJwk ? 'private_key_jwt' : 'client_secret_basic',
    allowedDomains: row.allowedDomains,
    emailClaim: row.emailClaim,
    groupClaim: row.groupClaim,
    groupRoles: row.groupRoles,
    passwordsDisabled: row.passwordsDisabled,
    redirectUri,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The audit log's view of a provider: never the secret or the key. */
const auditable = (row: OidcProviderRow) => ({
  kommunenummer: row.kommunenummer,
  label: row.label,
  issuer: row.issuer,
  clientId: row.clientId,
  allowedDomains: row.allowedDomains,
  groupRoles: row.groupRoles,
  passwordsDisabled: row.passwordsDisabled,
});

function checkPrivateKey(text: string): void {
  const refuse = (detail: string) => new InvalidFieldError({ in: 'body', name: 'privateKeyJwk', detail, code: 'invalid' });
  let jwk: unknown;
  try {
    jwk = JSON.parse(text);
  } catch {
    throw refuse('is not JSON');
  }
  const key = jwk as { kty?: unknown; d?: unknown };
  if (typeof jwk !== 'object' || jwk === null || !['RSA', 'EC'].includes(String(key.kty)) || typeof key.d !== 'string') {
    throw refuse('is not a private RSA or EC key in JWK form');
  }
}

/** The strongest role each municipality's groups grant. */
export function rolesFromGroups(mapping: GroupRole[], groups: unknown): Map<string, Role> {
  const held = new Set(Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : []);
  const roles = new Map<string, Role>();
  for (const { group, kommunenummer, role } of mapping) {
    if (!held.has(group)) continue;
    const current = roles.get(kommunenummer);
    if (!current || ROLE_RANK[role] > ROLE_RANK[current]) roles.set(kommunenummer, role);
  }
  return roles;
}

export function createOidcService(deps: {
  db: Db;
  port: OidcPort & { forget(providerId: string): void };
  /** Seals the client secret and private key before they are stored (the port opens them). */
  secrets: SecretBox;
  /** Starts the product's own session for the user (auth service): the refresh token to set. */
  startSession: (userId: string, how: { requestId: string; method: string }) => Promise<string>;
}) {
  const { db, port, secrets, startSession } = deps;
  const repo = createOidcRepository(db);

  /** Links the provider's account to a user, creating the user only when a group grants a role. */
  async function resolveUser(
    provider: OidcProviderRow,
    identity: { issuer: string; subject: string; email: string; name: string; roles: Map<string, Role> },
    actor: Actor,
  ): Promise<{ ok: true; userId: string } | { ok: false; reason: SsoError }> {
    return db.transaction(async (tx) => {
      const users = createUsersRepository(tx);
      const oidcRepo = createOidcRepository(tx);
      const linked = await oidcRepo.findIdentity(identity.issuer, identity.subject);
      let user = linked ? await users.findById(linked) : undefined;
      if (!user) {
        const byEmail = await users.findByEmail(identity.email);
        user = byEmail ? await users.findById(byEmail.id) : undefined;
      }
      if (user) {
        const invited = user.roles.some((r) => provider.kommunenummer === null || r.kommunenummer === provider.kommunenummer);
        const admitted = invited || identity.roles.size > 0 || (user.isAdmin && provider.kommunenummer === null);
        if (!admitted) return { ok: false, reason: 'not_invited' } as const;
        if (!user.active) return { ok: false, reason: 'inactive' } as const;
      } else {
        if (identity.roles.size === 0) return { ok: false, reason: 'not_invited' } as const;
        const unusable = await hashPassword(randomBytes(32).toString('base64url'));
        const row = await users.insert({ email: identity.email, name: identity.name, passwordHash: unusable, isAdmin: false });
        await recordAudit(tx, actor, {
          kommunenummer: provider.kommunenummer,
          entity: 'user',
          entityId: row.id,
          action: 'create',
          changes: diffChanges(null, { email: identity.email, name: identity.name }),
        });
        user = (await users.findById(row.id))!;
      }
      for (const [kommunenummer, role] of identity.roles) {
        const before = user.roles.find((r) => r.kommunenummer === kommunenummer)?.role ?? null;
        if (before && ROLE_RANK[before] >= ROLE_RANK[role]) continue;
        await users.upsertRole(user.id, kommunenummer, role);
        await recordAudit(tx, actor, {
          kommunenummer,
          entity: 'user_role',
          entityId: `${user.id}:${kommunenummer}`,
          action: before ? 'update' : 'create',
          changes: diffChanges(before ? { userId: user.id, role: before } : null, { userId: user.id, role }),
        });
      }
      await oidcRepo.linkIdentity(identity.issuer, identity.subject, user.id);
      return { ok: true, userId: user.id } as const;
    });
  }

  return {
    async list(redirectUri: string): Promise<{ items: OidcProvider[] }> {
      return { items: (await repo.listProviders()).map((row) => toProvider(row, redirectUri)) };
    },

    async create(actor: Actor, input: CreateOidcProvider, redirectUri: string): Promise<OidcProvider> {
      if (!input.clientSecret === !input.privateKeyJwk) {
        throw new InvalidFieldError({
          in: 'body',
          name: 'clientSecret',
          detail: 'give a client secret or a private key, one of them',
          code: 'required',
        });
      }
      if (input.privateKeyJwk) checkPrivateKey(input.privateKeyJwk);
      const groupRoles = input.groupRoles ?? [];
      const stray = groupRoles.findIndex((g) => input.kommunenummer !== null && g.kommunenummer !== input.kommunenummer);
      if (stray >= 0) {
        throw new InvalidFieldError({
          in: 'body',
          name: `groupRoles/${stray}/kommunenummer`,
          detail: "a municipality's provider can only grant roles in that municipality",
          code: 'invalid',
        });
      }
      return db.transaction(async (tx) => {
        const oidcRepo = createOidcRepository(tx);
        for (const k of new Set([input.kommunenummer, ...groupRoles.map((g) => g.kommunenummer)])) {
          if (k !== null && !(await oidcRepo.municipalityExists(k))) throw new NotFoundError(`There is no municipality ${k}.`);
        }
        const row = await oidcRepo.insertProvider({
          kommunenummer: input.kommunenummer,
          label: input.label,
          issuer: input.issuer.replace(/\/$/, ''),
          clientId: input.clientId,
          clientSecret: input.clientSecret ? secrets.seal(input.clientSecret) : null,
          privateKeyJwk: input.privateKeyJwk ? secrets.seal(input.privateKeyJwk) : null,
          allowedDomains: [...new Set(input.allowedDomains)],
          emailClaim: input.emailClaim ?? 'email',
          groupClaim: input.groupClaim ?? 'groups',
          groupRoles,
          passwordsDisabled: input.passwordsDisabled ?? false,
        });
        await recordAudit(tx, actor, {
          kommunenummer: row.kommunenummer,
          entity: 'oidc_provider',
          entityId: row.id,
          action: 'create',
          changes: diffChanges(null, auditable(row)),
        });
        return toProvider(row, redirectUri);
      });
    },

    /**
     * Run at start: rows written before secrets were encrypted hold plain text; they are sealed
     * under the current key (the reader accepts plain text meanwhile). Returns how many were sealed.
     */
    async sealLegacySecrets(): Promise<number> {
      let sealed = 0;
      for (const row of await repo.listProviders()) {
        const plain = (value: string | null) => value !== null && !secrets.isSealed(value);
        if (!plain(row.clientSecret) && !plain(row.privateKeyJwk)) continue;
        const seal = (value: string | null) => (value !== null && plain(value) ? secrets.seal(value) : value);
        await repo.replaceCredentials(row.id, row, { clientSecret: seal(row.clientSecret), privateKeyJwk: seal(row.privateKeyJwk) });
        sealed++;
      }
      return sealed;
    },

    async remove(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const row = await createOidcRepository(tx).deleteProvider(id);
        if (!row) throw new NotFoundError(`There is no OpenID provider ${id}.`);
        await recordAudit(tx, actor, {
          kommunenummer: row.kommunenummer,
          entity: 'oidc_provider',
          entityId: row.id,
          action: 'delete',
          changes: diffChanges(auditable(row), null),
        });
      });
      port.forget(id);
    },

    async options(kommunenummer: string | undefined): Promise<SignInOptions> {
      const rows = await repo.providersFor(kommunenummer);
      return {
        providers: rows.map((r) => ({
          id: r.id,
          label: r.label,
          kommunenummer: r.kommunenummer,
          startUrl: `/api/v1/auth/oidc/${r.id}/start`,
        })),
      };
    },

    /** The provider's authorization URL; `binding` is the browser's cookie that the answer must come back with. */
    async start(input: { providerId: string; returnTo: string; redirectUri: string; binding: string | undefined }) {
      const provider = await repo.findProvider(input.providerId);
      if (!provider) throw new NotFoundError(`There is no OpenID provider ${input.providerId}.`);
      const binding = input.binding && /^[A-Za-z0-9_-]{43}$/.test(input.binding) ? input.binding : randomSecret();
      const state = randomState();
      const nonce = randomNonce();
      const pkce = await randomPkce();
      const url = await port
        .authorizationUrl(provider, { redirectUri: input.redirectUri, state, nonce, codeChallenge: pkce.challenge })
        .catch((error: unknown) => {
          if (!(error instanceof SecretUnreadableError)) throw error;
          throw new AppError(
            503,
            ProblemType.unavailable,
            'Service unavailable',
            `The credentials of OpenID provider ${provider.id} cannot be decrypted: SECRETS_KEY is not the key they were stored with. Set the right key, or register the provider again.`,
          );
        });
      await repo.purgeExpiredLogins();
      await repo.insertLogin({
        stateHash: sha256(state),
        bindingHash: sha256(binding),
        providerId: provider.id,
        nonce,
        codeVerifier: pkce.verifier,
        redirectUri: input.redirectUri,
        returnTo: input.returnTo,
        expiresAt: new Date(Date.now() + LOGIN_TTL_SECONDS * 1000),
      });
      return { url: url.href, binding };
    },

    /**
     * The provider's answer: the pending login is taken once (a replayed or foreign state finds
     * nothing), must come back in the browser that started it, and the code is exchanged with
     * every check of the ID token. Then the user is found or, when allowed, created.
     */
    async finish(
      input: { query: Record<string, string | undefined>; binding: string | undefined; requestId: string },
      log: RefusalLog,
    ): Promise<Outcome & { refreshToken?: string }> {
      const refuse = (reason: SsoError, why: string): Outcome => {
        log.warn({ reason, why }, 'single sign-on refused');
        return { ok: false, reason };
      };
      const { state } = input.query;
      if (!state) return refuse('failed', 'no state');
      const login = await repo.takeLogin(sha256(state));
      if (!login) return refuse('failed', 'unknown or used state');
      if (!input.binding || sha256(input.binding) !== login.bindingHash) return refuse('failed', 'another browser');
      if (login.expiresAt.getTime() < Date.now()) return refuse('expired', 'too late');
      if (input.query.error) return refuse('failed', 'the provider answered with an error');
      const provider = await repo.findProvider(login.providerId);
      if (!provider) return refuse('failed', 'provider removed');
      const callbackUrl = new URL(login.redirectUri);
      for (const [key, value] of Object.entries(input.query)) if (value !== undefined) callbackUrl.searchParams.set(key, value);
      let identity;
      try {
        identity = await port.exchange(provider, { callbackUrl, state, nonce: login.nonce, codeVerifier: login.codeVerifier });
      } catch (error) {
        const e = error as { name?: string; code?: string; message?: string };
        return refuse('failed', `${e.name ?? 'Error'} ${e.code ?? ''}: ${(e.message ?? '').replace(/"[^"]*"/g, '"…"')}`);
      }
      const rawEmail = identity.claims[provider.emailClaim];
      const email = typeof rawEmail === 'string' ? normalizeEmail(rawEmail) : '';
      if (!email.includes('@') || identity.claims['email_verified'] === false) return refuse('domain', 'no verified e-mail');
      if (!provider.allowedDomains.includes(email.slice(email.lastIndexOf('@') + 1))) return refuse('domain', 'domain not allowed');
      const name =
        typeof identity.claims['name'] === 'string' && identity.claims['name'].trim()
          ? identity.claims['name'].trim().slice(0, 200)
          : email;
      const actor: Actor = { type: 'system', id: null, label: `oidc:${provider.label}`, requestId: input.requestId };
      const outcome = await resolveUser(
        provider,
        {
          issuer: identity.issuer,
          subject: identity.subject,
          email,
          name,
          roles: rolesFromGroups(provider.groupRoles, identity.claims[provider.groupClaim]),
        },
        actor,
      );
      if (!outcome.ok) return refuse(outcome.reason, 'no invitation, no group');
      const refreshToken = await startSession(outcome.userId, { requestId: input.requestId, method: 'oidc' });
      return { ok: true, userId: outcome.userId, returnTo: login.returnTo, refreshToken };
    },
  };
}

export type OidcService = ReturnType<typeof createOidcService>;
