import type { ActionItem, Meeting } from '@slt/shared';
import { formatDate, type DocumentBlock, type DocumentModel } from '../../lib/documents/index.js';
import type { DocumentNames } from '../documents/document-names.repository.js';
import { COMMON_WORDS } from '../documents/words.js';

const nb = {
  title: 'Referat',
  tier: 'Nivå',
  time: 'Tid',
  place: 'Sted',
  statuses: { planned: 'Planlagt', held: 'Holdt', cancelled: 'Avlyst' } as Record<string, string>,
  attendance: 'Til stede og fravær',
  attendanceStatuses: { present: 'Til stede', absent: 'Fraværende', excused: 'Meldt forfall' } as Record<string, string>,
  agenda: 'Saker',
  closed: 'Lukket sak',
  decisions: 'Vedtak',
  minutes: 'Referat',
  actionItems: 'Oppfølgingspunkter',
  reportBack: 'Rapporteres tilbake på dette møtet',
  description: 'Oppgave',
  responsible: 'Ansvarlig',
  due: 'Frist',
  actionStatuses: { open: 'Åpen', done: 'Utført', cancelled: 'Avlyst' } as Record<string, string>,
  publicOnly: 'Denne versjonen viser bare møtets offentlige opplysninger.',
  member: 'Medlem',
};
type Words = typeof nb;
const nn: Words = {
  ...nb,
  place: 'Stad',
  statuses: { planned: 'Planlagt', held: 'Halde', cancelled: 'Avlyst' },
  attendance: 'Til stades og fråvær',
  attendanceStatuses: { present: 'Til stades', absent: 'Fråverande', excused: 'Meldt forfall' },
  closed: 'Lukka sak',
  actionItems: 'Oppfølgingspunkt',
  reportBack: 'Vert rapportert tilbake på dette møtet',
  description: 'Oppgåve',
  responsible: 'Ansvarleg',
  actionStatuses: { open: 'Open', done: 'Utført', cancelled: 'Avlyst' },
  publicOnly: 'Denne versjonen viser berre dei offentlege opplysningane om møtet.',
};

const osloDate = (at: string) => new Date(at).toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
const osloTime = (at: string) => new Date(at).toLocaleTimeString('nb-NO', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' });

/**
 * A meeting's minutes as a document, from the meeting as the caller may see it: anonymous callers
 * and other municipalities get its public facts only (the view has no agenda), and the agenda
 * holds only the closed items the caller may see, with their decisions and action items.
 */
export function minutesDocument(meeting: Meeting, names: DocumentNames): DocumentModel {
  const language = names.malform;
  const w = language === 'nn' ? nn : nb;
  const c = COMMON_WORDS[language];
  const member = (id: string | null) => (id ? names.members.get(id) || c.empty : c.empty);
  const day = osloDate(meeting.startsAt);
  const blocks: DocumentBlock[] = [
    {
      kind: 'list',
      items: [
        `${w.tier}: ${names.tiers.get(meeting.tierId) ?? c.empty}`,
        `${w.time}: ${formatDate(day)} ${osloTime(meeting.startsAt)}–${osloTime(meeting.endsAt)}`,
        ...(meeting.place ? [`${w.place}: ${meeting.place}`] : []),
        `${c.status}: ${w.statuses[meeting.status] ?? meeting.status}`,
      ],
    },
  ];
  if (!meeting.agenda) {
    blocks.push({ kind: 'paragraph', text: w.publicOnly });
  } else {
    if (meeting.attendance && meeting.attendance.length > 0) {
      blocks.push({ kind: 'heading', level: 1, text: w.attendance });
      blocks.push({
        kind: 'table',
        columns: [w.member, c.status],
        rows: meeting.attendance.map((a) => [member(a.memberId), w.attendanceStatuses[a.status] ?? a.status]),
      });
    }
    const actionTable = (items: readonly ActionItem[]): DocumentBlock => ({
      kind: 'table',
      columns: [w.description, w.responsible, w.due, c.status],
      rows: items.map((a) => [
        a.description,
        member(a.responsibleMemberId),
        a.dueDate ? formatDate(a.dueDate) : c.empty,
        w.actionStatuses[a.status] ?? a.status,
      ]),
    });
    blocks.push({ kind: 'heading', level: 1, text: w.agenda });
    for (const item of meeting.agenda) {
      blocks.push({ kind: 'heading', level: 2, text: `${item.position}. ${item.title}${item.closed ? ` (${w.closed})` : ''}` });
      if (item.description) blocks.push({ kind: 'paragraph', text: item.description });
      const decisions = (meeting.decisions ?? []).filter((d) => d.agendaItemId === item.id);
      if (decisions.length > 0)
        blocks.push({ kind: 'heading', level: 3, text: w.decisions }, { kind: 'list', items: decisions.map((d) => d.text) });
      const given = new Set(decisions.map((d) => d.id));
      const actions = (meeting.actionItems ?? []).filter((a) => a.decisionId !== null && given.has(a.decisionId));
      if (actions.length > 0) blocks.push({ kind: 'heading', level: 3, text: w.actionItems }, actionTable(actions));
    }
    const loose = (meeting.decisions ?? []).filter((d) => d.agendaItemId === null);
    if (loose.length > 0) blocks.push({ kind: 'heading', level: 2, text: w.decisions }, { kind: 'list', items: loose.map((d) => d.text) });
    const shownDecisions = new Set((meeting.decisions ?? []).filter((d) => d.agendaItemId !== null).map((d) => d.id));
    const otherActions = (meeting.actionItems ?? []).filter((a) => a.decisionId === null || !shownDecisions.has(a.decisionId));
    if (otherActions.length > 0) blocks.push({ kind: 'heading', level: 2, text: w.actionItems }, actionTable(otherActions));
    if (meeting.reportBackItems && meeting.reportBackItems.length > 0)
      blocks.push({ kind: 'heading', level: 2, text: w.reportBack }, actionTable(meeting.reportBackItems));
    if (meeting.minutes) blocks.push({ kind: 'heading', level: 1, text: w.minutes }, { kind: 'paragraph', text: meeting.minutes });
  }
  return {
    title: `${w.title}: ${meeting.title}`,
    subtitle: `${c.municipality(names.municipalityName)} · ${formatDate(day)}`,
    language,
    blocks,
  };
}
