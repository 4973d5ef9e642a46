import type { LabelLanguage } from '@slt/shared/labels';

/** The widget's own words in each language (enum values come from @slt/shared/labels). */
export const TEXTS: Record<
  LabelLanguage,
  {
    title: (name: string) => string;
    lead: string;
    organization: string;
    contact: string;
    targetGroups: string;
    focusAreas: string;
    upcoming: string;
    noUpcoming: string;
    noMembers: string;
    loading: string;
    failed: string;
    ages: (from: number | null, to: number | null) => string;
    cancelled: string;
    email: string;
    phone: string;
    partners: (names: string) => string;
  }
> = {
  nb: {
    title: (name) => `SLT i ${name}`,
    lead: 'Samordning av lokale rus- og kriminalitetsforebyggende tiltak for barn og unge.',
    organization: 'Organisering',
    contact: 'Kontakt',
    targetGroups: 'Målgrupper',
    focusAreas: 'Satsingsområder',
    upcoming: 'Kommende møter',
    noUpcoming: 'Ingen møter er satt opp.',
    noMembers: 'Ingen medlemmer er oppgitt.',
    loading: 'Laster SLT-informasjon …',
    failed: 'SLT-informasjonen kunne ikke hentes akkurat nå.',
    ages: (from, to) =>
      from !== null && to !== null ? `${from}–${to} år` : from !== null ? `fra ${from} år` : to !== null ? `til ${to} år` : '',
    cancelled: 'avlyst',
    email: 'E-post',
    phone: 'Telefon',
    partners: (names) => `Samarbeid med ${names}.`,
  },
  nn: {
    title: (name) => `SLT i ${name}`,
    lead: 'Samordning av lokale rus- og kriminalitetsførebyggjande tiltak for born og unge.',
    organization: 'Organisering',
    contact: 'Kontakt',
    targetGroups: 'Målgrupper',
    focusAreas: 'Satsingsområde',
    upcoming: 'Komande møte',
    noUpcoming: 'Ingen møte er sette opp.',
    noMembers: 'Ingen medlemmer er oppgjevne.',
    loading: 'Lastar SLT-informasjon …',
    failed: 'SLT-informasjonen kunne ikkje hentast akkurat no.',
    ages: (from, to) =>
      from !== null && to !== null ? `${from}–${to} år` : from !== null ? `frå ${from} år` : to !== null ? `til ${to} år` : '',
    cancelled: 'avlyst',
    email: 'E-post',
    phone: 'Telefon',
    partners: (names) => `Samarbeid med ${names}.`,
  },
  en: {
    title: (name) => `SLT in ${name}`,
    lead: 'Coordination of local drug and crime prevention for children and young people.',
    organization: 'Organization',
    contact: 'Contact',
    targetGroups: 'Target groups',
    focusAreas: 'Focus areas',
    upcoming: 'Upcoming meetings',
    noUpcoming: 'No meetings are scheduled.',
    noMembers: 'No members are listed.',
    loading: 'Loading SLT information …',
    failed: 'The SLT information could not be loaded right now.',
    ages: (from, to) =>
      from !== null && to !== null ? `${from}–${to} years` : from !== null ? `from ${from} years` : to !== null ? `up to ${to} years` : '',
    cancelled: 'cancelled',
    email: 'E-mail',
    phone: 'Phone',
    partners: (names) => `In partnership with ${names}.`,
  },
};
