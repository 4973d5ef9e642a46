/** The mails' texts in the recipient's language (nb, nn, en): plain text and HTML from one source. */
export type MailLanguage = 'nb' | 'nn' | 'en';
export type MeetingMailKind = 'meeting_notice' | 'meeting_update' | 'meeting_cancel';

/**
 * The language of every mail (notice, update, cancellation, reminder, invitation, minutes, digest):
 * the municipality's målform, nb or nn. Recipients have no language of their own in the data (a
 * member need not have an account), and the municipality writes to its people in its målform.
 */
export function recipientLanguage(municipality: { malform: string | null }): MailLanguage {
  return municipality.malform === 'nn' ? 'nn' : 'nb';
}

export interface MeetingMailData extends MeetingMailFacts {
  agenda: { title: string; description: string | null }[];
}

const words = {
  nb: {
    meeting_notice: 'Innkalling',
    meeting_update: 'Endret møte',
    meeting_cancel: 'Avlyst',
    intro: {
      meeting_notice: 'Du er kalt inn til møte i {tier}.',
      meeting_update: 'Møtet i {tier} er endret. Se nytt tidspunkt og sted under.',
      meeting_cancel: 'Møtet i {tier} er avlyst.',
    },
    when: 'Tid',
    where: 'Sted',
    agenda: 'Saksliste',
    noAgenda: 'Sakslisten kommer.',
    open: 'Se møtet i SLT',
    footer: 'Sendt fra SLT-samordningen i {municipality}. Kalenderinvitasjonen er vedlagt.',
    locale: 'nb-NO',
  },
  nn: {
    meeting_notice: 'Innkalling',
    meeting_update: 'Endra møte',
    meeting_cancel: 'Avlyst',
    intro: {
      meeting_notice: 'Du er kalla inn til møte i {tier}.',
      meeting_update: 'Møtet i {tier} er endra. Sjå nytt tidspunkt og stad under.',
      meeting_cancel: 'Møtet i {tier} er avlyst.',
    },
    when: 'Tid',
    where: 'Stad',
    agenda: 'Sakliste',
    noAgenda: 'Saklista kjem.',
    open: 'Sjå møtet i SLT',
    footer: 'Sendt frå SLT-samordninga i {municipality}. Kalenderinvitasjonen er vedlagd.',
    locale: 'nn-NO',
  },
  en: {
    meeting_notice: 'Notice',
    meeting_update: 'Meeting changed',
    meeting_cancel: 'Cancelled',
    intro: {
      meeting_notice: 'You are invited to a meeting of {tier}.',
      meeting_update: 'The meeting of {tier} has changed. See the new time and place below.',
      meeting_cancel: 'The meeting of {tier} is cancelled.',
    },
    when: 'When',
    where: 'Where',
    agenda: 'Agenda',
    noAgenda: 'The agenda will follow.',
    open: 'See the meeting in SLT',
    footer: 'Sent by the SLT coordination of {municipality}. The calendar invitation is attached.',
    locale: 'en-GB',
  },
} as const;

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
export const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

/** The meeting's time in Europe/Oslo, in the language's way of writing it. */
export function osloTimeSpan(start: Date, end: Date, locale: string): string {
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Oslo', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${day.format(start)} ${time.format(start)}–${time.format(end)}`;
}

/** The facts of a meeting every mail about it shows. */
export interface MeetingMailFacts {
  municipality: string;
  tier: string;
  title: string;
  start: Date;
  end: Date;
  place: string | null;
  link: string | null;
}

/** The words of a frame in one language: the intro and footer templates ({tier}, {municipality}, {title}) and labels. */
interface FrameWords {
  intro: string;
  footer: string;
  labels: { when: string; where: string; open: string; locale: string };
}

/**
 * The frame every mail about a meeting shares, in plain text and HTML: the intro, the title, the time
 * and place on top; the link to the product and the sender below; `body` (lines of text, or HTML)
 * between. `when` is the meeting's time as the frame shows it (for a subject line).
 */
export function meetingMailFrame(language: MailLanguage, meeting: MeetingMailFacts, words: FrameWords) {
  const values = { tier: meeting.tier, municipality: meeting.municipality, title: meeting.title };
  const f = {
    ...meeting,
    language,
    labels: words.labels,
    intro: fill(words.intro, values),
    footer: fill(words.footer, values),
    when: osloTimeSpan(meeting.start, meeting.end, words.labels.locale),
  };
  return {
    when: f.when,
    text: (body: string[]) =>
      [
        f.intro,
        '',
        f.title,
        `${f.labels.when}: ${f.when}`,
        ...(f.place ? [`${f.labels.where}: ${f.place}`] : []),
        ...body,
        ...(f.link ? ['', `${f.labels.open}: ${f.link}`] : []),
        '',
        '--',
        f.footer,
      ].join('\n'),
    html: (body: string[]) =>
      [
        `<!doctype html><html lang="${f.language}"><body>`,
        `<p>${escapeHtml(f.intro)}</p>`,
        `<h1>${escapeHtml(f.title)}</h1>`,
        `<p><strong>${f.labels.when}:</strong> ${escapeHtml(f.when)}`,
        f.place ? `<br><strong>${f.labels.where}:</strong> ${escapeHtml(f.place)}</p>` : '</p>',
        ...body,
        f.link ? `<p><a href="${escapeHtml(f.link)}">${f.labels.open}</a></p>` : '',
        `<hr><p>${escapeHtml(f.footer)}</p>`,
        '</body></html>',
      ].join('\n'),
  };
}

export function meetingMail(language: MailLanguage, kind: MeetingMailKind, data: MeetingMailData) {
  const w = words[language];
  const frame = meetingMailFrame(language, data, { intro: w.intro[kind], footer: w.footer, labels: w });
  const subject = `${w[kind]}: ${data.title} (${frame.when})`;
  const agenda = data.agenda.length
    ? data.agenda.map((item, i) => `${i + 1}. ${item.title}${item.description ? `\n   ${item.description.replace(/\n/g, '\n   ')}` : ''}`)
    : [w.noAgenda];
  const text = frame.text(kind === 'meeting_cancel' ? [] : ['', `${w.agenda}:`, ...agenda]);
  const html = frame.html([
    kind === 'meeting_cancel'
      ? ''
      : `<h2>${w.agenda}</h2>` +
        (data.agenda.length
          ? `<ol>${data.agenda.map((i) => `<li>${escapeHtml(i.title)}${i.description ? `<br>${escapeHtml(i.description)}` : ''}</li>`).join('')}</ol>`
          : `<p>${w.noAgenda}</p>`),
  ]);
  return { subject, text, html };
}

const reminderWords = {
  nb: {
    soon: 'Påminnelse: oppfølgingspunkt med frist {date}',
    overdue: 'Fristen er passert: oppfølgingspunkt med frist {date}',
    body: 'Du er ansvarlig for dette oppfølgingspunktet i SLT-samordningen i {municipality}:',
    open: 'Se oppfølgingspunktet i SLT',
    locale: 'nb-NO',
  },
  nn: {
    soon: 'Påminning: oppfølgingspunkt med frist {date}',
    overdue: 'Fristen er passert: oppfølgingspunkt med frist {date}',
    body: 'Du er ansvarleg for dette oppfølgingspunktet i SLT-samordninga i {municipality}:',
    open: 'Sjå oppfølgingspunktet i SLT',
    locale: 'nn-NO',
  },
  en: {
    soon: 'Reminder: action item due {date}',
    overdue: 'Overdue: action item due {date}',
    body: 'You are responsible for this action item of the SLT coordination of {municipality}:',
    open: 'See the action item in SLT',
    locale: 'en-GB',
  },
} as const;

export function reminderMail(
  language: MailLanguage,
  data: { overdue: boolean; description: string; dueDate: string; municipality: string; link: string | null },
) {
  const w = reminderWords[language];
  const date = new Intl.DateTimeFormat(w.locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${data.dueDate}T00:00:00Z`),
  );
  const subject = fill(data.overdue ? w.overdue : w.soon, { date });
  const intro = fill(w.body, { municipality: data.municipality });
  const text = [intro, '', data.description, ...(data.link ? ['', `${w.open}: ${data.link}`] : [])].join('\n');
  const html = [
    `<!doctype html><html lang="${language}"><body>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<blockquote>${escapeHtml(data.description).replace(/\n/g, '<br>')}</blockquote>`,
    data.link ? `<p><a href="${escapeHtml(data.link)}">${w.open}</a></p>` : '',
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

const invitationWords = {
  nb: {
    subject: 'Invitasjon til SLT i {municipality}',
    body: 'Du er gitt tilgang til SLT-samordningen i {municipality} som {role}.',
    set: 'Velg passord innen {date} med denne lenken (den virker én gang):',
    open: 'Logg inn i SLT:',
    roles: { coordinator: 'koordinator', member: 'medlem' },
    locale: 'nb-NO',
  },
  nn: {
    subject: 'Invitasjon til SLT i {municipality}',
    body: 'Du har fått tilgang til SLT-samordninga i {municipality} som {role}.',
    set: 'Vel passord innan {date} med denne lenkja (ho verkar éin gong):',
    open: 'Logg inn i SLT:',
    roles: { coordinator: 'koordinator', member: 'medlem' },
    locale: 'nn-NO',
  },
  en: {
    subject: 'Invitation to SLT in {municipality}',
    body: 'You have been given access to the SLT coordination of {municipality} as {role}.',
    set: 'Choose your password by {date} with this link (it works once):',
    open: 'Sign in to SLT:',
    roles: { coordinator: 'coordinator', member: 'member' },
    locale: 'en-GB',
  },
} as const;

/** The invitation: the one-time link to set a password (a new account), or the product's address (an existing one). */
export function invitationMail(
  language: MailLanguage,
  data: { municipality: string; role: 'coordinator' | 'member'; link: string; expiresAt: Date | null },
) {
  const w = invitationWords[language];
  const subject = fill(w.subject, { municipality: data.municipality });
  const intro = fill(w.body, { municipality: data.municipality, role: w.roles[data.role] });
  const date = data.expiresAt
    ? new Intl.DateTimeFormat(w.locale, { timeZone: 'Europe/Oslo', day: 'numeric', month: 'long', year: 'numeric' }).format(data.expiresAt)
    : '';
  const action = data.expiresAt ? fill(w.set, { date }) : w.open;
  const text = [intro, '', action, data.link].join('\n');
  const html = [
    `<!doctype html><html lang="${language}"><body>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<p>${escapeHtml(action)}<br><a href="${escapeHtml(data.link)}">${escapeHtml(data.link)}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
