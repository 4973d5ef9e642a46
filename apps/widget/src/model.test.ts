import type { Indicator, Meeting, PublicIndicatorSource, SetupTier, SourceValue } from '@slt/shared';
import { describe, expect, it } from 'vitest';
import { indicatorSummary, languageOf, osloToday, tiersInOrder, trendOf, upcoming } from './model';

const member = (name: string) => ({
  id: name,
  name,
  roleTitle: null,
  organizationId: null,
  organizationName: null,
  email: null,
  phone: null,
});
const tier = (
  name: string,
  level: SetupTier['level'],
  displayOrder: number,
  seats: [string, SetupTier['seats'][number]['role']][] = [],
): SetupTier => ({
  id: name,
  level,
  name,
  mandate: null,
  responsibilities: null,
  individualCases: false,
  displayOrder,
  meetingRule: null,
  chair: null,
  secretary: null,
  seats: seats.map(([n, role]) => ({ role, since: '2024-01-01', member: member(n) })),
});

describe('the widget model', () => {
  it('orders tiers top-down by level and seats by role', () => {
    const ordered = tiersInOrder({
      tiers: [
        tier('Utøvergruppa', 'operational', 0),
        tier('Politirådet', 'strategic', 1, [
          ['Berit', 'member'],
          ['Anne', 'secretary'],
          ['Kari', 'chair'],
        ]),
        tier('Koordineringsgruppa', 'coordinating', 0),
      ],
    });
    expect(ordered.map((t) => t.name)).toEqual(['Politirådet', 'Koordineringsgruppa', 'Utøvergruppa']);
    expect(ordered[0]!.seats.map((s) => s.member.name)).toEqual(['Kari', 'Anne', 'Berit']);
  });

  it('shows the next meetings, soonest first, leaving out those that are over', () => {
    const meeting = (id: string, startsAt: string, endsAt: string) => ({ id, startsAt, endsAt }) as Meeting;
    const now = new Date('2026-05-01T12:00:00Z');
    const list = upcoming(
      [
        meeting('later', '2026-06-01T16:00:00Z', '2026-06-01T18:00:00Z'),
        meeting('past', '2026-04-01T16:00:00Z', '2026-04-01T18:00:00Z'),
        meeting('soon', '2026-05-02T16:00:00Z', '2026-05-02T18:00:00Z'),
      ],
      now,
    );
    expect(list.map((m) => m.id)).toEqual(['soon', 'later']);
  });

  it("speaks the lang attribute's language, else the municipality's målform", () => {
    expect(languageOf('nn', 'nb')).toBe('nn');
    expect(languageOf('en-GB', 'nn')).toBe('en');
    expect(languageOf(null, 'nn')).toBe('nn');
    expect(languageOf('de', undefined)).toBe('nb');
  });

  it("counts days in Oslo: 23:30 UTC on 31 December is already the next year's 1 January there", () => {
    expect(osloToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});

describe('indicators in the widget', () => {
  const indicator: Indicator = {
    id: 'i1',
    name: 'Anmeldte lovbrudd',
    unit: 'count',
    direction: 'decrease',
    targetValue: null,
    measurements: [
      { id: 'm1', periodStart: '2022-01-01', periodEnd: '2022-12-31', value: 14, source: null, caveat: null, origin: 'manual' },
      { id: 'm2', periodStart: '2023-01-01', periodEnd: '2023-12-31', value: 9, source: null, caveat: null, origin: 'manual' },
    ],
  };
  const value = (
    period: string,
    v: number | null,
    status: SourceValue['status'] = 'ok',
    regionLevel: SourceValue['regionLevel'] = 'municipality',
  ): SourceValue => ({
    region: regionLevel === 'municipality' ? '3401' : '0',
    regionLevel,
    regionLabel: null,
    series: 'Lovbruddsgruppe=VALLE',
    seriesLabel: 'Alle lovbruddsgrupper',
    period,
    periodStart: `${period.slice(0, 4)}-01-01`,
    periodEnd: `${period.slice(-4)}-12-31`,
    value: v,
    status,
    symbol: status === 'suppressed' ? ':' : null,
    origin: 'ssb',
    provider: 'ssb',
    tableId: '08487',
    licence: 'CC BY 4.0',
    sourceUrl: 'https://data.ssb.no/api/pxwebapi/v2/tables/08487/data',
    fetchedAt: '2026-01-01T00:00:00.000Z',
  });
  const source = (values: SourceValue[]): PublicIndicatorSource => ({
    indicatorId: 'i1',
    provider: 'ssb',
    tableId: '08487',
    licence: 'CC BY 4.0',
    attribution: 'Kilde: Statistisk sentralbyrå (SSB), tabell 08487, CC BY 4.0',
    tableUrl: 'https://www.ssb.no/statbank/table/08487',
    unlinkedAt: null,
    lastSuccessAt: '2026-01-01T00:00:00.000Z',
    values,
  });

  it('without open statistics: the measurements entered, with the trend by the wanted direction and no attribution', () => {
    expect(indicatorSummary(indicator, undefined)).toEqual({
      name: 'Anmeldte lovbrudd',
      series: null,
      latest: [
        { period: '2022', value: 14 },
        { period: '2023', value: 9 },
      ],
      trend: 'improving',
      attribution: null,
    });
  });

  it('with open statistics: the municipality\'s latest periods, a withheld cell as "<5" (never 0), no trend from it, and the source to credit', () => {
    const summary = indicatorSummary(
      indicator,
      source([
        value('2019-2020', 80),
        value('2020-2021', 70),
        value('2021-2022', 69),
        value('2022-2023', null, 'suppressed'),
        value('2022-2023', 20000, 'ok', 'country'),
      ]),
    );
    expect(summary.latest).toEqual([
      { period: '2020-2021', value: 70 },
      { period: '2021-2022', value: 69 },
      { period: '2022-2023', value: '<5' },
    ]);
    expect(summary.trend).toBeNull();
    expect(summary.series).toBe('Alle lovbruddsgrupper');
    expect(summary.attribution).toEqual({
      provider: 'ssb',
      tableId: '08487',
      licence: 'CC BY 4.0',
      url: 'https://www.ssb.no/statbank/table/08487',
    });
  });

  it('trend: up is worse when the goal is to go down, any change is worse when it is to hold, "<5" or missing gives none', () => {
    expect(trendOf('decrease', [3, 12])).toBe('worsening');
    expect(trendOf('increase', [3, 12])).toBe('improving');
    expect(trendOf('maintain', [12, 12])).toBe('unchanged');
    expect(trendOf('maintain', [12, 13])).toBe('worsening');
    expect(trendOf('decrease', ['<5', 12])).toBeNull();
    expect(trendOf('decrease', [12, null])).toBeNull();
    expect(trendOf('decrease', [12])).toBeNull();
  });
});
