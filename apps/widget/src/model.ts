import type { LabelLanguage } from '@slt/shared/labels';
import type { Meeting, SetupSeat, SetupTier, SltSetup } from '@slt/shared';

const LEVEL_ORDER = ['strategic', 'coordinating', 'operational'] as const;
const ROLE_ORDER = ['chair', 'secretary', 'member', 'observer'] as const;

/** Tiers top-down by level (then their display order), each with its seats by role. */
export function tiersInOrder(setup: Pick<SltSetup, 'tiers'>): (SetupTier & { seats: SetupSeat[] })[] {
  return [...setup.tiers]
    .sort(
      (a, b) =>
        LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.displayOrder - b.displayOrder || a.name.localeCompare(b.name),
    )
    .map((tier) => ({
      ...tier,
      seats: [...tier.seats].sort(
        (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || (a.member.name ?? '').localeCompare(b.member.name ?? ''),
      ),
    }));
}

/** The next meetings from now on, soonest first. */
export function upcoming(meetings: readonly Meeting[], now: Date, count = 5): Meeting[] {
  return meetings
    .filter((m) => new Date(m.endsAt) >= now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .slice(0, count);
}

/** The widget's language: its `lang` attribute if it is nb, nn or en; else the municipality's målform. */
export function languageOf(attribute: string | null, malform: 'nb' | 'nn' | undefined): LabelLanguage {
  const wanted = attribute?.toLowerCase().split('-')[0];
  if (wanted === 'nb' || wanted === 'nn' || wanted === 'en') return wanted;
  if (wanted === 'no') return 'nb';
  return malform ?? 'nb';
}

/** Today in Oslo, YYYY-MM-DD. */
export const osloToday = (now: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
