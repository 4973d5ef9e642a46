import type { Meeting, SetupTier } from '@slt/shared';
import { describe, expect, it } from 'vitest';
import { languageOf, osloToday, tiersInOrder, upcoming } from './model';

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
