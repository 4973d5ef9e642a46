/**
 * Meetings are planned and counted in Europe/Oslo, whatever the browser's own time zone: a
 * `datetime-local` value is Oslo wall-clock time, sent as an instant with its offset.
 */
export const TIME_ZONE = 'Europe/Oslo';

// Nynorsk falls back to bokmål's formats where the browser's Intl data has no nynorsk (Debian's
// Chromium, say), never to the browser's default (US English).
const LOCALES: Record<string, string[]> = { nb: ['nb-NO', 'no'], nn: ['nn-NO', 'nb-NO', 'no'], en: ['en-GB'] };
export const localeOf = (language: string): string[] => LOCALES[language] ?? ['nb-NO', 'no'];

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Oslo wall-clock parts of an instant. */
function osloParts(date: Date) {
  const parts = Object.fromEntries(wallClock.formatToParts(date).map((p) => [p.type, p.value]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** Minutes Oslo is ahead of UTC at an instant (60 in winter, 120 in summer). */
function osloOffsetMinutes(epochMs: number): number {
  const p = osloParts(new Date(epochMs));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-03-05T18:00` (Oslo) → `2026-03-05T18:00:00+01:00`; empty for an empty or malformed value. */
export function osloLocalToIso(local: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) return '';
  const [, y, m, d, h, min] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, m - 1, d, h, min);
  // The offset at the guessed instant, then at the corrected one (right across DST changes).
  const offset = osloOffsetMinutes(asUtc - osloOffsetMinutes(asUtc) * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant as a `datetime-local` value in Oslo time. */
export function isoToOsloLocal(iso: string): string {
  const p = osloParts(new Date(iso));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The Oslo calendar date (`YYYY-MM-DD`) of an instant. */
export function osloDate(iso: string | Date): string {
  const p = osloParts(typeof iso === 'string' ? new Date(iso) : iso);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Today in Oslo, `YYYY-MM-DD`. */
export const todayOslo = () => osloDate(new Date());
export const currentYearOslo = () => Number(todayOslo().slice(0, 4));

/** `5. mars 2026 kl. 18:00` in the language's style. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

/** `5. mars 2026, 18:00–20:00` (the end's date only when it is another day). */
export function formatTimeRange(startIso: string, endIso: string, language: string): string {
  const locale = localeOf(language);
  const time = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, timeStyle: 'short' });
  if (osloDate(startIso) !== osloDate(endIso)) return `${formatDateTime(startIso, language)} – ${formatDateTime(endIso, language)}`;
  const date = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: 'long' }).format(new Date(startIso));
  return `${date}, ${time.format(new Date(startIso))}–${time.format(new Date(endIso))}`;
}

/** A calendar date (`YYYY-MM-DD`) written out: `1. desember 2026`. */
export function formatDate(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(localeOf(language), { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A short date: `5. mar.`, for lists within a month. */
export function formatDayMonth(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(localeOf(language), { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** `mars 2026` (or `mars` without the year). */
export function monthName(year: number, month: number, language: string, withYear = true): string {
  return new Intl.DateTimeFormat(localeOf(language), { timeZone: 'UTC', month: 'long', ...(withYear ? { year: 'numeric' } : {}) }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}

/** The date `days` after (or before) a calendar date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
