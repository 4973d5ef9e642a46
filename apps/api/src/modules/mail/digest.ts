import type { Executor } from '../../db/client.js';
import { osloDay } from '../../lib/oslo-time.js';
import { createDigestRepository } from './digest.repository.js';
import { createMailRepository } from './mail.repository.js';
import { escapeHtml, fill, osloTimeSpan, recipientLanguage, type MailLanguage } from './mail-texts.js';

/** Days ahead the digest looks for action items due (overdue ones always) and for meetings. */
export const DIGEST_DUE_DAYS = 7;
export const DIGEST_MEETING_DAYS = 14;

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The ISO weekday (1 = Monday … 7 = Sunday) of a calendar day. */
export const isoWeekday = (day: string): number => new Date(`${day}T12:00:00Z`).getUTCDay() || 7;

/** The ISO week of a calendar day, `2026-W49` (the week belongs to the year of its Thursday). */
export function isoWeek(day: string): string {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((Date.parse(`${thursday}T12:00:00Z`) - Date.parse(`${year}-01-01T12:00:00Z`)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const words = {
  nb: {
    subject: 'Ukens oversikt fra SLT i {municipality}',
    intro: 'Dette er din ukentlige oversikt fra SLT-samordningen i {municipality}.',
    items: 'Dine oppfølgingspunkter med frist',
    overdue: 'fristen er passert',
    due: 'frist',
    meetings: 'Møter de neste 14 dagene',
    where: 'sted',
    open: 'Se dine oppgaver i SLT',
    footer: 'Du kan slå av denne e-posten under «E-post fra SLT» når du er logget inn.',
    locale: 'nb-NO',
  },
  nn: {
    subject: 'Oversikta for veka frå SLT i {municipality}',
    intro: 'Dette er den vekentlege oversikta di frå SLT-samordninga i {municipality}.',
    items: 'Oppfølgingspunkta dine med frist',
    overdue: 'fristen er passert',
    due: 'frist',
    meetings: 'Møte dei neste 14 dagane',
    where: 'stad',
    open: 'Sjå oppgåvene dine i SLT',
    footer: 'Du kan slå av denne e-posten under «E-post frå SLT» når du er logga inn.',
    locale: 'nn-NO',
  },
  en: {
    subject: "This week's overview from SLT in {municipality}",
    intro: 'This is your weekly overview from the SLT coordination of {municipality}.',
    items: 'Your action items with a due date',
    overdue: 'overdue',
    due: 'due',
    meetings: 'Meetings in the next 14 days',
    where: 'place',
    open: 'See your tasks in SLT',
    footer: 'You can turn this e-mail off under "E-mail from SLT" when signed in.',
    locale: 'en-GB',
  },
} as const;

export interface DigestData {
  municipality: string;
  today: string;
  items: { description: string; dueDate: string }[];
  meetings: { title: string; tier: string; start: Date; end: Date; place: string | null }[];
  link: string | null;
}

/** One person's weekly digest: their due and overdue action items and their tiers' coming meetings. */
export function digestMail(language: MailLanguage, data: DigestData) {
  const w = words[language];
  const values = { municipality: data.municipality };
  const day = (date: string) =>
    new Intl.DateTimeFormat(w.locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
      new Date(`${date}T00:00:00Z`),
    );
  const itemLine = (i: DigestData['items'][number]) =>
    `${i.description} (${i.dueDate < data.today ? `${w.overdue}: ${day(i.dueDate)}` : `${w.due} ${day(i.dueDate)}`})`;
  const meetingLine = (m: DigestData['meetings'][number]) =>
    `${m.title}, ${m.tier}: ${osloTimeSpan(m.start, m.end, w.locale)}${m.place ? `, ${w.where}: ${m.place}` : ''}`;
  const text = [
    fill(w.intro, values),
    ...(data.items.length ? ['', `${w.items}:`, ...data.items.map((i) => `- ${itemLine(i)}`)] : []),
    ...(data.meetings.length ? ['', `${w.meetings}:`, ...data.meetings.map((m) => `- ${meetingLine(m)}`)] : []),
    ...(data.link ? ['', `${w.open}: ${data.link}`] : []),
    '',
    '--',
    w.footer,
  ].join('\n');
  const list = (lines: string[]) => `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`;
  const html = [
    `<!doctype html><html lang="${language}"><body>`,
    `<p>${escapeHtml(fill(w.intro, values))}</p>`,
    data.items.length ? `<h2>${w.items}</h2>${list(data.items.map(itemLine))}` : '',
    data.meetings.length ? `<h2>${w.meetings}</h2>${list(data.meetings.map(meetingLine))}` : '',
    data.link ? `<p><a href="${escapeHtml(data.link)}">${w.open}</a></p>` : '',
    `<hr><p>${escapeHtml(w.footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: fill(w.subject, values), text, html };
}

/**
 * Queues the weekly digests when `now` falls on the digest weekday (Europe/Oslo): for each address
 * of a member, per municipality, that has something to report (open action items overdue or due
 * within 7 days, or planned meetings of their tiers in the next 14 days), one mail. The first round
 * of the week (of any replica) claims the week and queues them in its transaction; the outbox key
 * (`weekly_digest:<kommunenummer>:<address>:<ISO week>`) makes each one once besides. Addresses
 * that turned the digest off, and people with nothing to report, get none.
 */
export async function queueWeeklyDigests(
  tx: Executor,
  settings: { publicUrl: string | undefined; weekday: number },
  now: Date = new Date(),
): Promise<number> {
  const today = osloDay(now);
  if (isoWeekday(today) !== settings.weekday) return 0;
  const repo = createDigestRepository(tx);
  const week = isoWeek(today);
  if (!(await repo.claimWeek(week))) return 0;
  const items = await repo.dueActionItems(addDays(today, DIGEST_DUE_DAYS));
  const meetings = await repo.comingMeetings(today, addDays(today, DIGEST_MEETING_DAYS + 1));
  const people = new Map<string, { kommunenummer: string; address: string; items: typeof items; meetings: typeof meetings }>();
  const personOf = (row: { kommunenummer: string; address: string }) => {
    const key = `${row.kommunenummer}:${row.address}`;
    let person = people.get(key);
    if (!person) people.set(key, (person = { kommunenummer: row.kommunenummer, address: row.address, items: [], meetings: [] }));
    return person;
  };
  for (const item of items) personOf(item).items.push(item);
  for (const meeting of meetings) personOf(meeting).meetings.push(meeting);
  const towns = new Map(
    (await repo.municipalities([...new Set([...people.values()].map((p) => p.kommunenummer))])).map((m) => [m.kommunenummer, m]),
  );
  return createMailRepository(tx).enqueue(
    [...people.values()].flatMap((person) => {
      const town = towns.get(person.kommunenummer);
      if (!town) return [];
      const language = recipientLanguage(town);
      return [
        {
          kommunenummer: person.kommunenummer,
          kind: 'weekly_digest',
          subjectId: null,
          dedupeKey: `weekly_digest:${person.kommunenummer}:${person.address}:${week}`,
          recipient: person.address,
          language,
          ...digestMail(language, {
            municipality: town.name,
            today,
            items: person.items.map((i) => ({ description: i.description, dueDate: i.dueDate! })),
            meetings: person.meetings.map((m) => ({ title: m.title, tier: m.tier, start: m.startsAt, end: m.endsAt, place: m.place })),
            link: settings.publicUrl ? `${settings.publicUrl}/municipalities/${person.kommunenummer}/tasks` : null,
          }),
          ics: null,
          icsMethod: null,
        },
      ];
    }),
  );
}
