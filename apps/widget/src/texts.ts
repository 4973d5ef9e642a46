import type { MeetingRule, StatisticsProvider } from '@slt/shared';
import type { Trend } from './model';
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
    about: string;
    coordinator: string;
    established: string;
    funding: string;
    project: (years: number | null, start: string | null) => string;
    placement: string;
    post: (percent: number) => string;
    address: string;
    parties: string;
    agreements: string;
    plans: string;
    concerns: string;
    actors: string;
    moreActors: (count: number) => string;
    goals: string;
    mandate: string;
    responsibilities: string;
    rule: (rule: MeetingRule) => string;
    noIndividualCases: string;
    decision: string;
    trend: Record<Trend, string>;
    missing: string;
    providers: Record<StatisticsProvider, string>;
    attribution: (provider: string, table: string, licence: string) => string;
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
    about: 'Om samarbeidet',
    coordinator: 'SLT-koordinator',
    established: 'Etablert',
    funding: 'Finansiering',
    project: (years, start) => [years ? `${years}-årig prosjekt` : 'Prosjekt', start ? `fra ${start}` : ''].join(' ').trim(),
    placement: 'Plassering',
    post: (percent) => `${percent} % stilling`,
    address: 'Besøksadresse',
    parties: 'Parter',
    agreements: 'Avtaler',
    plans: 'Planer og styringsdokumenter',
    concerns: 'Ta kontakt dersom du',
    actors: 'Sentrale aktører',
    moreActors: (n) => `… og ${n} til`,
    goals: 'Mål',
    mandate: 'Mandat',
    responsibilities: 'Ansvar',
    rule: (r) =>
      r.kind === 'per_year'
        ? `Møtes minimum ${r.count} ganger i året.`
        : r.kind === 'per_half_year'
          ? `Har ${r.count} møter i halvåret.`
          : `Har ${r.spring} møter i vårhalvåret og ${r.autumn} i høsthalvåret.`,
    noIndividualCases: 'Har ikke individsaker.',
    decision: 'Vedtak',
    trend: { improving: 'går riktig vei', worsening: 'går feil vei', unchanged: 'uendret' },
    missing: 'mangler',
    providers: { ssb: 'Statistisk sentralbyrå (SSB)', fhi: 'Folkehelseinstituttet (FHI)' },
    attribution: (provider, table, licence) => `Kilde: ${provider}, tabell ${table}, ${licence}`,
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
    about: 'Om samarbeidet',
    coordinator: 'SLT-koordinator',
    established: 'Etablert',
    funding: 'Finansiering',
    project: (years, start) => [years ? `${years}-årig prosjekt` : 'Prosjekt', start ? `frå ${start}` : ''].join(' ').trim(),
    placement: 'Plassering',
    post: (percent) => `${percent} % stilling`,
    address: 'Besøksadresse',
    parties: 'Partar',
    agreements: 'Avtalar',
    plans: 'Planar og styringsdokument',
    concerns: 'Ta kontakt dersom du',
    actors: 'Sentrale aktørar',
    moreActors: (n) => `… og ${n} til`,
    goals: 'Mål',
    mandate: 'Mandat',
    responsibilities: 'Ansvar',
    rule: (r) =>
      r.kind === 'per_year'
        ? `Møtest minimum ${r.count} gonger i året.`
        : r.kind === 'per_half_year'
          ? `Har ${r.count} møte i halvåret.`
          : `Har ${r.spring} møte i vårhalvåret og ${r.autumn} i hausthalvåret.`,
    noIndividualCases: 'Har ikkje individsaker.',
    decision: 'Vedtak',
    trend: { improving: 'går rett veg', worsening: 'går feil veg', unchanged: 'uendra' },
    missing: 'manglar',
    providers: { ssb: 'Statistisk sentralbyrå (SSB)', fhi: 'Folkehelseinstituttet (FHI)' },
    attribution: (provider, table, licence) => `Kjelde: ${provider}, tabell ${table}, ${licence}`,
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
    about: 'About the collaboration',
    coordinator: 'SLT coordinator',
    established: 'Established',
    funding: 'Funding',
    project: (years, start) => [years ? `${years}-year project` : 'Project', start ? `from ${start}` : ''].join(' ').trim(),
    placement: 'Placement',
    post: (percent) => `${percent} % of a full-time post`,
    address: 'Visiting address',
    parties: 'Parties',
    agreements: 'Agreements',
    plans: 'Plans and governing documents',
    concerns: 'Get in touch if you',
    actors: 'Central actors',
    moreActors: (n) => `… and ${n} more`,
    goals: 'Goals',
    mandate: 'Mandate',
    responsibilities: 'Responsibilities',
    rule: (r) =>
      r.kind === 'per_year'
        ? `Meets at least ${r.count} times a year.`
        : r.kind === 'per_half_year'
          ? `Holds ${r.count} meetings per half-year.`
          : `Holds ${r.spring} meetings in spring and ${r.autumn} in autumn.`,
    noIndividualCases: 'Does not handle individual cases.',
    decision: 'Decision',
    trend: { improving: 'moving the right way', worsening: 'moving the wrong way', unchanged: 'unchanged' },
    missing: 'missing',
    providers: { ssb: 'Statistics Norway (SSB)', fhi: 'Norwegian Institute of Public Health (FHI)' },
    attribution: (provider, table, licence) => `Source: ${provider}, table ${table}, ${licence}`,
  },
};
