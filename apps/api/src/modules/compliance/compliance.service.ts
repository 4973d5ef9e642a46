import type { Compliance } from '@slt/shared';
import type { Db } from '../../db/client.js';
import { osloDay } from '../../lib/oslo-time.js';
import type { Scope } from '../../lib/scope.js';
import { assessCompliance, worstOf } from './compliance.js';
import { createComplianceRepository } from './compliance.repository.js';

export function createComplianceService(deps: { db: Db }) {
  const { db } = deps;
  return {
    /** Per tier and period of its rule: meetings held vs required, in two queries whatever the number of tiers. */
    async ofYear(scope: Scope, year: number): Promise<Compliance> {
      const { kommunenummer } = scope;
      const repo = createComplianceRepository(db);
      const [tiers, meetings] = [await repo.tiers(kommunenummer), await repo.meetingsOfYear(kommunenummer, year)];
      const today = osloDay();
      // Each meeting is looked at once: grouped by tier here, counted per period in assessCompliance.
      const byTier = new Map<string, (typeof meetings)[number][]>();
      for (const meeting of meetings) {
        const list = byTier.get(meeting.tierId);
        if (list) list.push(meeting);
        else byTier.set(meeting.tierId, [meeting]);
      }
      return {
        kommunenummer,
        year,
        tiers: tiers.map((tier) => {
          const periods = tier.meetingRule ? assessCompliance(tier.meetingRule, { year, meetings: byTier.get(tier.id) ?? [], today }) : [];
          return { tierId: tier.id, name: tier.name, level: tier.level, meetingRule: tier.meetingRule, status: worstOf(periods), periods };
        }),
      };
    },
  };
}

export type ComplianceService = ReturnType<typeof createComplianceService>;
