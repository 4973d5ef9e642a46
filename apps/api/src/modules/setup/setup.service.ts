import type { PartnerList } from '@slt/shared';
import type { Database } from '../../db/client.js';
import { ConflictError, InvalidFieldError, NotFoundError } from '../../lib/errors.js';
import { etagOfText } from '../../lib/etag.js';
import type { Principal } from '../../plugins/auth.js';
import { createAuditRepository, type Actor } from '../audit/audit.repository.js';
import { createMunicipalitiesRepository } from '../municipalities/municipalities.repository.js';
import { createSetupRepository, type InternalScope } from './setup.repository.js';

/** "One coordinator and politiråd for up to six kommuner": a host and at most five partners. */
export const MAX_PARTNERS = 5;

/** The municipalities whose internal view a caller sees (see canReadInternal in plugins/auth.ts). */
export function internalScopeOf(principal: Principal): InternalScope {
  if (principal.kind === 'user') return { all: principal.isAdmin, kommuner: [...principal.roles.keys()] };
  if (principal.kind === 'token' && principal.scopes.includes('read')) return { all: false, kommuner: [principal.kommunenummer] };
  return { all: false, kommuner: [] };
}

export function createSetupService(deps: { database: Database }) {
  const { database } = deps;
  const setups = createSetupRepository(database);

  async function mustExist(kommunenummer: string, field?: string): Promise<void> {
    if (await createMunicipalitiesRepository(database.db).get(kommunenummer)) return;
    if (field) throw new InvalidFieldError({ in: 'path', name: field, detail: `There is no municipality ${kommunenummer}.` });
    throw new NotFoundError(`There is no municipality with kommunenummer ${kommunenummer}.`);
  }

  return {
    /**
     * The whole setup as JSON text with its ETag. The view (public or internal) is part of the
     * document, so the two views never share an ETag.
     */
    async getSetup(kommunenummer: string, principal: Principal): Promise<{ json: string; etag: string; internal: boolean }> {
      const setup = await setups.loadSetup(kommunenummer, internalScopeOf(principal));
      if (setup === undefined) throw new NotFoundError(`There is no municipality with kommunenummer ${kommunenummer}.`);
      return { json: setup.json, etag: etagOfText(setup.json), internal: setup.internal };
    },

    async listPartners(host: string): Promise<PartnerList> {
      await mustExist(host);
      return { items: await setups.listPartners(host) };
    },

    /** Lets `host`'s setup cover `partner`. Idempotent; no chains, one host per partner, at most five partners. */
    async addPartner(actor: Actor, host: string, partner: string): Promise<PartnerList> {
      if (partner === host) {
        throw new InvalidFieldError({ in: 'path', name: 'partnerKommunenummer', detail: 'A municipality cannot be its own partner.' });
      }
      await mustExist(host);
      await mustExist(partner, 'partnerKommunenummer');
      return database.db.transaction(async (tx) => {
        const repo = createSetupRepository(database, tx);
        await repo.lockPartnerships();
        const existing = await repo.partnershipOf(partner);
        if (existing?.hostKommunenummer === host) return { items: await repo.listPartners(host) };
        if (existing) throw new ConflictError(`${partner} is already a partner of ${existing.hostKommunenummer}.`);
        if ((await repo.hostOf(host)) !== host) throw new ConflictError(`${host} is itself a partner of another host.`);
        if (await repo.isHost(partner)) throw new ConflictError(`${partner} hosts partners of its own.`);
        if ((await repo.listPartners(host)).length >= MAX_PARTNERS) {
          throw new ConflictError(`${host} already covers ${MAX_PARTNERS} partners, the most an SLT collaboration has.`);
        }
        await repo.addPartner(host, partner);
        await createAuditRepository(tx).record(actor, {
          kommunenummer: host,
          entity: 'partnership',
          entityId: partner,
          action: 'create',
          changes: { partnerKommunenummer: { before: null, after: partner } },
        });
        return { items: await repo.listPartners(host) };
      });
    },

    async removePartner(actor: Actor, host: string, partner: string): Promise<PartnerList> {
      await mustExist(host);
      return database.db.transaction(async (tx) => {
        const repo = createSetupRepository(database, tx);
        if (!(await repo.removePartner(host, partner))) throw new NotFoundError(`${partner} is not a partner of ${host}.`);
        await createAuditRepository(tx).record(actor, {
          kommunenummer: host,
          entity: 'partnership',
          entityId: partner,
          action: 'delete',
          changes: { partnerKommunenummer: { before: partner, after: null } },
        });
        return { items: await repo.listPartners(host) };
      });
    },
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
