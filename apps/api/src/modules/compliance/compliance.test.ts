import { describe, expect, it } from 'vitest';
import { assessCompliance, worstOf, type CountedMeeting } from './compliance.js';

const held = (month: number): CountedMeeting => ({ status: 'held', month, ahead: false });
const planned = (month: number): CountedMeeting => ({ status: 'planned', month, ahead: true });
const cancelled = (month: number): CountedMeeting => ({ status: 'cancelled', month, ahead: false });

describe('assessCompliance', () => {
  it('a finished year with too few held is behind; cancelled meetings do not count', () => {
    const [year] = assessCompliance(
      { kind: 'per_year', count: 4 },
      { year: 2025, meetings: [held(2), held(5), held(10), cancelled(12)], today: '2026-01-15' },
    );
    expect(year).toMatchObject({
      period: 'year',
      start: '2025-01-01',
      end: '2025-12-31',
      required: 4,
      held: 3,
      cancelled: 1,
      status: 'behind',
    });
  });

  it('spring and autumn are counted apart (3 + 2): met in spring, behind in autumn', () => {
    const periods = assessCompliance(
      { kind: 'spring_autumn', spring: 3, autumn: 2 },
      { year: 2025, meetings: [held(1), held(3), held(5), held(9), cancelled(11)], today: '2026-01-15' },
    );
    expect(periods.map((p) => [p.period, p.held, p.required, p.status])).toEqual([
      ['spring', 3, 3, 'met'],
      ['autumn', 1, 2, 'behind'],
    ]);
    expect(worstOf(periods)).toBe('behind');
  });

  it('an unfinished period is on_track when enough meetings are planned ahead, at_risk when not', () => {
    const rule = { kind: 'per_half_year', count: 2 } as const;
    const onTrack = assessCompliance(rule, { year: 2026, meetings: [held(7), planned(11)], today: '2026-10-01' });
    expect(onTrack[1]).toMatchObject({ period: 'autumn', held: 1, planned: 1, status: 'on_track' });
    const atRisk = assessCompliance(rule, {
      year: 2026,
      meetings: [held(7), { status: 'planned', month: 8, ahead: false }],
      today: '2026-10-01',
    });
    expect(atRisk[1]).toMatchObject({ held: 1, planned: 0, status: 'at_risk' });
    // The finished spring with none held is behind; the worst status wins.
    expect(onTrack[0]!.status).toBe('behind');
  });

  it('meets a rule as soon as enough are held, even mid-period', () => {
    const [year] = assessCompliance({ kind: 'per_year', count: 2 }, { year: 2026, meetings: [held(1), held(2)], today: '2026-03-01' });
    expect(year!.status).toBe('met');
  });
});
