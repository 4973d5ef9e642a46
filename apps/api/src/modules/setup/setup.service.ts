import type { PartnerList } from '@slt/shared';
import type { Database } from '../../db/client.js';
import { found } from '../../lib/audited.js';
import { ConflictError, InvalidFieldError, NotFoundError } from '../../lib/errors.js';
import { recordAudit } from '../../lib/audited.js';
import { isInternal, type Scope } from '../../lib/scope.js';
import { createSetupRepository } from './setup.repository.js';

/** "One coordinator and politiråd for up to six kommuner": a host and at most five partners. */
export const MAX_PARTNERS = 5;

export function createSetupService(deps: { database: Database }) {
  const { database } = deps;
  const setups = createSetupRepository(database);

  return {
    /**
     * The whole setup (the host's, for a partner) as JSON text, in the scope's view. The view is
     * part of the document, so the two views never share an ETag.
     */
    async getSetup(scope: Scope): Promise<string> {
      // The scope has worked out the view; the statement takes it as "sees every internal view".
      const setup = found(
        await setups.loadSetup(scope.kommunenummer, { all: isInternal(scope), kommuner: [] }),
        `${scope.kommunenummer} is gone.`,
      );
      return setup.json;
    },

    listPartners: async ({ kommunenummer: host }: Scope): Promise<PartnerList> => ({ items: await setups.listPartners(host) }),

    /** Lets `host`'s setup cover `partner`. Idempotent; no chains, one host per partner, at most five partners. */
    async addPartner({ kommunenummer: host, actor }: Scope, partner: string): Promise<PartnerList> {
      if (partner === host) {
        throw new InvalidFieldError({ in: 'path', name: 'partnerKommunenummer', detail: 'A municipality cannot be its own partner.' });
      }
      if (!(await setups.exists(partner))) {
        throw new InvalidFieldError({ in: 'path', name: 'partnerKommunenummer', detail: `There is no municipality ${partner}.` });
      }
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
        await recordAudit(tx, actor, {
          kommunenummer: host,
          entity: 'partnership',
          entityId: partner,
          action: 'create',
          changes: { partnerKommunenummer: { before: null, after: partner } },
        });
        return { items: await repo.listPartners(host) };
      });
    },

    async removePartner({ kommunenummer: host, actor }: Scope, partner: string): Promise<PartnerList> {
      return database.db.transaction(async (tx) => {
        const repo = createSetupRepository(database, tx);
        if (!(await repo.removePartner(host, partner))) throw new NotFoundError(`${partner} is not a partner of ${host}.`);
        await recordAudit(tx, actor, {
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
