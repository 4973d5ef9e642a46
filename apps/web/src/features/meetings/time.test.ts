import { describe, expect, it } from 'vitest';
import { addDays, isoToOsloLocal, osloDate, osloLocalToIso } from './time';

describe('Oslo time', () => {
  it('sends datetime-local values as Oslo instants with the right offset, winter and summer', () => {
    expect(osloLocalToIso('2026-03-05T18:00')).toBe('2026-03-05T18:00:00+01:00');
    expect(osloLocalToIso('2026-06-10T09:30')).toBe('2026-06-10T09:30:00+02:00');
    // the DST switch: 29 March 2026 at 03:00 is summer time
    expect(osloLocalToIso('2026-03-29T04:00')).toBe('2026-03-29T04:00:00+02:00');
    expect(osloLocalToIso('2026-03-29T01:00')).toBe('2026-03-29T01:00:00+01:00');
    expect(osloLocalToIso('')).toBe('');
  });

  it('reads instants back as Oslo wall-clock time and dates', () => {
    expect(isoToOsloLocal('2026-03-05T17:00:00Z')).toBe('2026-03-05T18:00');
    expect(isoToOsloLocal('2026-06-10T07:30:00.000Z')).toBe('2026-06-10T09:30');
    expect(osloDate('2026-12-31T23:30:00Z')).toBe('2027-01-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('the date in Oslo, not in UTC', () => {
    expect(osloDate(new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
    expect(osloDate(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });
});
