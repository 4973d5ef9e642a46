/** Norway's civil time: meeting periods, due dates and calendars are counted in Europe/Oslo. */
export const OSLO = 'Europe/Oslo';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: OSLO, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) in Oslo at an instant. */
export const osloDay = (instant: Date = new Date()): string => dayFormat.format(instant);

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: OSLO,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The instant of a wall-clock time in Oslo (`2026-03-05`, `18:00`). */
export function osloInstant(day: string, time: string): Date {
  const guess = new Date(`${day}T${time}:00Z`);
  const p = Object.fromEntries(partsFormat.formatToParts(guess).map((x) => [x.type, Number(x.value)]));
  const asIfUtc = Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute);
  return new Date(guess.getTime() - (asIfUtc - guess.getTime()));
}
