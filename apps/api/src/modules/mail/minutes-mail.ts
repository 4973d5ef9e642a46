import type { Meeting } from '@slt/shared';
import type { Executor } from '../../db/client.js';
import { osloDay } from '../../lib/oslo-time.js';
import { createMailRepository } from './mail.repository.js';
import { escapeHtml, fill, meetingMailFrame, recipientLanguage, type MailLanguage, type MeetingMailFacts } from './mail-texts.js';
import type { MailSettings } from './meeting-mail.js';

const words = {
  nb: {
    subject: 'Godkjent referat: {title}',
    intro: 'Referatet fra møtet i {tier} er godkjent.',
    when: 'Tid',
    where: 'Sted',
    minutes: 'Referat',
    decisions: 'Vedtak',
    actionItems: 'Oppfølgingspunkter',
    responsible: 'Ansvarlig',
    due: 'Frist',
    open: 'Se møtet i SLT',
    footer: 'Sendt fra SLT-samordningen i {municipality}.',
    locale: 'nb-NO',
  },
  nn: {
    subject: 'Godkjent referat: {title}',
    intro: 'Referatet frå møtet i {tier} er godkjent.',
    when: 'Tid',
    where: 'Stad',
    minutes: 'Referat',
    decisions: 'Vedtak',
    actionItems: 'Oppfølgingspunkt',
    responsible: 'Ansvarleg',
    due: 'Frist',
    open: 'Sjå møtet i SLT',
    footer: 'Sendt frå SLT-samordninga i {municipality}.',
    locale: 'nn-NO',
  },
  en: {
    subject: 'Approved minutes: {title}',
    intro: 'The minutes of the meeting of {tier} have been approved.',
    when: 'When',
    where: 'Where',
    minutes: 'Minutes',
    decisions: 'Decisions',
    actionItems: 'Action items',
    responsible: 'Responsible',
    due: 'Due',
    open: 'See the meeting in SLT',
    footer: 'Sent by the SLT coordination of {municipality}.',
    locale: 'en-GB',
  },
} as const;

export interface MinutesMailData extends MeetingMailFacts {
  minutes: string;
  decisions: string[];
  actionItems: { description: string; responsible: string | null; dueDate: string | null }[];
}

/** The approved minutes: the text, the decisions and the action items, plain text and HTML from one source. */
export function minutesMail(language: MailLanguage, data: MinutesMailData) {
  const w = words[language];
  const day = (date: string) =>
    new Intl.DateTimeFormat(w.locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
      new Date(`${date}T00:00:00Z`),
    );
  const itemLine = (a: MinutesMailData['actionItems'][number]) => [
    a.description,
    ...(a.responsible ? [`${w.responsible}: ${a.responsible}`] : []),
    ...(a.dueDate ? [`${w.due}: ${day(a.dueDate)}`] : []),
  ];
  const frame = meetingMailFrame(language, data, { intro: w.intro, footer: w.footer, labels: w });
  const text = frame.text([
    '',
    `${w.minutes}:`,
    data.minutes,
    ...(data.decisions.length ? ['', `${w.decisions}:`, ...data.decisions.map((d, i) => `${i + 1}. ${d.replace(/\n/g, '\n   ')}`)] : []),
    ...(data.actionItems.length ? ['', `${w.actionItems}:`, ...data.actionItems.map((a) => `- ${itemLine(a).join('\n  ')}`)] : []),
  ]);
  const html = frame.html([
    `<h2>${w.minutes}</h2>`,
    `<p>${escapeHtml(data.minutes).replace(/\n/g, '<br>')}</p>`,
    data.decisions.length
      ? `<h2>${w.decisions}</h2><ol>${data.decisions.map((d) => `<li>${escapeHtml(d).replace(/\n/g, '<br>')}</li>`).join('')}</ol>`
      : '',
    data.actionItems.length
      ? `<h2>${w.actionItems}</h2><ul>${data.actionItems.map((a) => `<li>${itemLine(a).map(escapeHtml).join('<br>')}</li>`).join('')}</ul>`
      : '',
  ]);
  return { subject: fill(w.subject, { tier: data.tier, municipality: data.municipality, title: data.title }), text, html };
}

/**
 * Queues the approved minutes to every current member of the meeting's tier with an e-mail address,
 * in the approval's transaction. `meeting` is the meeting as its members may all see it (decisions
 * and action items of closed agenda items left out, as the notice leaves closed items out). The key
 * (`minutes:<meeting>:<member>`) makes it once per member, whatever repeats the approval.
 */
export async function queueMinutesMail(tx: Executor, settings: MailSettings, meeting: Meeting): Promise<number> {
  const repo = createMailRepository(tx);
  const found = await repo.meetingForMail(meeting.kommunenummer, meeting.id);
  if (!found) return 0;
  const recipients = await repo.tierRecipients(meeting.tierId, osloDay());
  if (recipients.length === 0) return 0;
  const language = recipientLanguage(found);
  const actionItems = meeting.actionItems ?? [];
  const names = await repo.memberNames(actionItems.flatMap((a) => (a.responsibleMemberId ? [a.responsibleMemberId] : [])));
  const content = minutesMail(language, {
    municipality: found.municipality,
    tier: found.tier,
    title: meeting.title,
    start: new Date(meeting.startsAt),
    end: new Date(meeting.endsAt),
    place: meeting.place,
    minutes: meeting.minutes ?? '',
    decisions: (meeting.decisions ?? []).map((d) => d.text),
    actionItems: actionItems.map((a) => ({
      description: a.description,
      responsible: a.responsibleMemberId ? (names.get(a.responsibleMemberId) ?? null) : null,
      dueDate: a.dueDate,
    })),
    link: settings.publicUrl ? `${settings.publicUrl}/municipalities/${meeting.kommunenummer}/meetings/${meeting.id}` : null,
  });
  return repo.enqueue(
    recipients.map((r) => ({
      kommunenummer: meeting.kommunenummer,
      kind: 'minutes',
      subjectId: meeting.id,
      dedupeKey: `minutes:${meeting.id}:${r.memberId}`,
      recipient: r.email!,
      language,
      ...content,
      ics: null,
      icsMethod: null,
    })),
  );
}
