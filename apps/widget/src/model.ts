import type { LabelLanguage } from '@slt/shared/labels';
import type { Indicator, Meeting, PublicIndicatorSource, SetupSeat, SetupTier, SltSetup, StatisticsProvider } from '@slt/shared';

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

/** A value as the widget shows it: a number, "<5" (a small count, or a cell the source withheld: never 0), or null (missing). */
export type ShownValue = number | '<5' | null;
export type Trend = 'improving' | 'worsening' | 'unchanged';
export interface IndicatorSummary {
  name: string;
  /** The series shown, when the values come from open statistics. */
  series: string | null;
  /** The latest periods, oldest first. */
  latest: { period: string; value: ShownValue }[];
  /** From the last two periods, by the indicator's wanted direction; null when either is "<5" or missing. */
  trend: Trend | null;
  /** What CC BY 4.0 asks to show with the values: the provider, the table, the licence (and where to read it). */
  attribution: { provider: StatisticsProvider; tableId: string; licence: string; url: string } | null;
}

const periodOf = (start: string, end: string) =>
  start.slice(0, 4) === end.slice(0, 4) ? start.slice(0, 4) : `${start.slice(0, 4)}–${end.slice(0, 4)}`;

export function trendOf(direction: Indicator['direction'], values: readonly ShownValue[]): Trend | null {
  const [previous, last] = values.slice(-2);
  if (typeof previous !== 'number' || typeof last !== 'number') return null;
  if (last === previous) return 'unchanged';
  if (direction === 'maintain') return 'worsening';
  return (direction === 'increase') === last > previous ? 'improving' : 'worsening';
}

/**
 * An indicator's latest values for the widget: the municipality's first series of its open
 * statistics when it has any (with their attribution), else the measurements entered for it.
 */
export function indicatorSummary(indicator: Indicator, source: PublicIndicatorSource | undefined, count = 3): IndicatorSummary {
  const own = (source?.values ?? []).filter((v) => v.regionLevel === 'municipality');
  const series = own[0]?.series;
  const values = own.filter((v) => v.series === series);
  const latest = (
    source && values.length
      ? values.map((v) => ({ period: v.period, value: v.status === 'suppressed' ? ('<5' as const) : v.value }))
      : indicator.measurements.map((m) => ({ period: periodOf(m.periodStart, m.periodEnd), value: m.value }))
  ).slice(-count);
  const from = source && values.length ? values[0]! : null;
  return {
    name: indicator.name,
    series: from?.seriesLabel ?? null,
    latest,
    trend: trendOf(
      indicator.direction,
      latest.map((l) => l.value),
    ),
    attribution: from && source ? { provider: from.provider, tableId: from.tableId, licence: from.licence, url: source.tableUrl } : null,
  };
}
