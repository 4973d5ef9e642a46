import type { ComplianceStatus, CompliancePeriod, MeetingRule, MeetingStatus } from '@slt/shared';

/** A meeting as compliance counts it: its status, its month in Europe/Oslo (1–12), and whether it is still ahead. */
export interface CountedMeeting {
  status: MeetingStatus;
  month: number;
  ahead: boolean;
}

const SEVERITY: Record<ComplianceStatus, number> = { met: 0, on_track: 1, at_risk: 2, behind: 3 };

/** The periods a rule counts in a year, with how many meetings each needs. */
function periodsOf(rule: MeetingRule, year: number) {
  const spring = { period: 'spring' as const, start: `${year}-01-01`, end: `${year}-06-30`, months: [1, 6] as const };
  const autumn = { period: 'autumn' as const, start: `${year}-07-01`, end: `${year}-12-31`, months: [7, 12] as const };
  switch (rule.kind) {
    case 'per_year':
      return [{ period: 'year' as const, start: `${year}-01-01`, end: `${year}-12-31`, months: [1, 12] as const, required: rule.count }];
    case 'per_half_year':
      return [
        { ...spring, required: rule.count },
        { ...autumn, required: rule.count },
      ];
    case 'spring_autumn':
      return [
        { ...spring, required: rule.spring },
        { ...autumn, required: rule.autumn },
      ];
  }
}

/**
 * Held vs required per period of a tier's rule. Cancelled meetings never count; planned meetings
 * still ahead decide whether an unfinished period is `on_track` or `at_risk`; a finished period
 * with too few held is `behind`. `today` is the day in Europe/Oslo (YYYY-MM-DD).
 */
export function assessCompliance(
  rule: MeetingRule,
  { year, meetings, today }: { year: number; meetings: readonly CountedMeeting[]; today: string },
): CompliancePeriod[] {
  return periodsOf(rule, year).map(({ months, required, ...period }) => {
    // One pass over the tier's meetings per period (at most two periods).
    let held = 0;
    let planned = 0;
    let cancelled = 0;
    for (const m of meetings) {
      if (m.month < months[0] || m.month > months[1]) continue;
      if (m.status === 'held') held += 1;
      else if (m.status === 'cancelled') cancelled += 1;
      else if (m.status === 'planned' && m.ahead) planned += 1;
    }
    const over = today > period.end;
    const status: ComplianceStatus = held >= required ? 'met' : over ? 'behind' : held + planned >= required ? 'on_track' : 'at_risk';
    return { ...period, required, held, planned, cancelled, status };
  });
}

/** The worst status of a tier's periods (null when the tier has no rule). */
export const worstOf = (periods: readonly CompliancePeriod[]): ComplianceStatus | null =>
  periods.reduce<ComplianceStatus | null>((worst, p) => (worst === null || SEVERITY[p.status] > SEVERITY[worst] ? p.status : worst), null);
