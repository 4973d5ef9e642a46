import type { ApiToken, CreateApiToken, CreatedApiToken } from '@slt/shared';
import type { Db } from '../../db/client.js';
import { diffChanges } from '../../lib/audit-diff.js';
import { ConflictError, InvalidFieldError, NotFoundError } from '../../lib/errors.js';
import { randomSecret, sha256 } from '../../lib/secrets.js';
import { API_TOKEN_PREFIX, type Principal } from '../../plugins/auth.js';
import { recordAudit } from '../../lib/audited.js';
import type { Scope } from '../../lib/scope.js';
import { createApiTokensRepository, type ApiTokenRow } from './api-tokens.repository.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    kommunenummer: row.kommunenummer,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    expiresAt: iso(row.expiresAt),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the audit log may show of a token: never its hash. */
const auditable = (row: ApiTokenRow) => ({
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes,
  expiresAt: row.expiresAt,
  revokedAt: row.revokedAt,
});

export function createApiTokensService(deps: { db: Db; maxActivePerMunicipality: number }) {
  const { db, maxActivePerMunicipality } = deps;
  const tokens = createApiTokensRepository(db);

  return {
    list: async (scope: Scope) => ({ items: (await tokens.list(scope.kommunenummer)).map(toApiToken) }),

    /** The secret is `slt_<8 visible chars>_<256 random bits>`; only its SHA-256 is stored. */
    async create(scope: Scope, input: CreateApiToken): Promise<CreatedApiToken> {
      const { kommunenummer, actor } = scope;
      const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
      if (expiresAt && expiresAt <= new Date()) {
        throw new InvalidFieldError({ in: 'body', name: 'expiresAt', detail: 'must be in the future', code: 'not_in_future' });
      }
      // A cap, so that no one fills the table (and every token lookup) with tokens.
      const active = (await tokens.list(kommunenummer)).filter((t) => !t.revokedAt && (!t.expiresAt || t.expiresAt > new Date())).length;
      if (active >= maxActivePerMunicipality) {
        throw new ConflictError(`A municipality may have at most ${maxActivePerMunicipality} active API tokens: revoke one first.`);
      }
      const prefix = `${API_TOKEN_PREFIX}${randomSecret(6).replace(/[-_]/g, 'x').slice(0, 8)}`;
      const secret = `${prefix}_${randomSecret()}`;
      const row = await db.transaction(async (tx) => {
        const created = await createApiTokensRepository(tx).insert({
          kommunenummer,
          name: input.name,
          prefix,
          secretHash: sha256(secret),
          scopes: [...input.scopes],
          expiresAt,
          createdBy: actor.type === 'user' ? actor.id : null,
        });
        await recordAudit(tx, actor, {
          kommunenummer,
          entity: 'api_token',
          entityId: created.id,
          action: 'create',
          changes: diffChanges(null, auditable(created)),
        });
        return created;
      });
      return { token: toApiToken(row), secret };
    },

    async revoke(scope: Scope, id: string): Promise<void> {
      const { kommunenummer, actor } = scope;
      await db.transaction(async (tx) => {
        const repo = createApiTokensRepository(tx);
        const before = await repo.find(kommunenummer, id);
        if (!before) throw new NotFoundError(`There is no API token ${id} in ${kommunenummer}.`);
        if (before.revokedAt) return; // already revoked: nothing changes, nothing to audit
        const after = await repo.revoke(id);
        await recordAudit(tx, actor, {
          kommunenummer,
          entity: 'api_token',
          entityId: id,
          action: 'revoke',
          changes: diffChanges(auditable(before), auditable(after!)),
        });
      });
    },

    /** The principal for a presented secret: unknown, revoked and expired tokens are refused. */
    async resolve(secret: string): Promise<Principal | null> {
      const row = await tokens.findBySecretHash(sha256(secret));
      if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= new Date())) return null;
      await tokens.touch(row.id);
      return {
        kind: 'token',
        id: row.id,
        label: `${row.name} (${row.prefix})`,
        kommunenummer: row.kommunenummer,
        scopes: row.scopes,
      };
    },
  };
}

export type ApiTokensService = ReturnType<typeof createApiTokensService>;
