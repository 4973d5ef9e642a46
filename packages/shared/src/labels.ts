import type { ActionItemStatus, AttendanceStatus, MeetingStatus } from './schemas/meetings.js';
import type { ComplianceStatus, KeyDateKind } from './schemas/year-plan.js';
import type { EvaluationOutcome, EvidenceLevel, MeasureStatus } from './schemas/measures.js';
import type { MembershipRole } from './schemas/members.js';
import type { GoalDirection, IndicatorUnit } from './schemas/goals.js';
import type { OrganizationKind } from './schemas/organizations.js';
import type { TierLevel } from './schemas/tiers.js';
import type { CoordinatorState, PartyKind, PlanKind } from './schemas/profile.js';

export const LABEL_LANGUAGES = ['nb', 'nn', 'en'] as const;
export type LabelLanguage = (typeof LABEL_LANGUAGES)[number];

/** Human words for every enum of the API, so that intranets and the widget never show `strategic`. */
export interface EnumLabels {
  tierLevel: Record<TierLevel, string>;
  membershipRole: Record<MembershipRole, string>;
  organizationKind: Record<OrganizationKind, string>;
  measureStatus: Record<MeasureStatus, string>;
  evidenceLevel: Record<EvidenceLevel, string>;
  evaluationOutcome: Record<EvaluationOutcome, string>;
  indicatorUnit: Record<IndicatorUnit, string>;
  goalDirection: Record<GoalDirection, string>;
  meetingStatus: Record<MeetingStatus, string>;
  attendanceStatus: Record<AttendanceStatus, string>;
  actionItemStatus: Record<ActionItemStatus, string>;
  complianceStatus: Record<ComplianceStatus, string>;
  keyDateKind: Record<KeyDateKind, string>;
  coordinatorState: Record<CoordinatorState, string>;
  partyKind: Record<PartyKind, string>;
  planKind: Record<PlanKind, string>;
}

export const ENUM_LABELS: Record<LabelLanguage, EnumLabels> = {
  nb: {
    tierLevel: { strategic: 'Styringsnivå', coordinating: 'Koordineringsnivå', operational: 'Utøvende nivå' },
    membershipRole: { chair: 'Leder', secretary: 'Sekretær', member: 'Medlem', observer: 'Observatør' },
    organizationKind: {
      municipal_unit: 'Kommunal enhet',
      police: 'Politi',
      county: 'Fylkeskommune',
      state_agency: 'Statlig etat',
      school: 'Skole',
      health: 'Helse',
      child_welfare: 'Barnevern',
      volunteer: 'Frivillig organisasjon',
      business: 'Næringsliv',
      faith_community: 'Tros- og livssynssamfunn',
      other: 'Annet',
    },
    measureStatus: { idea: 'Idé', planned: 'Planlagt', active: 'Aktivt', completed: 'Fullført', discontinued: 'Avsluttet' },
    evidenceLevel: {
      not_assessed: 'Ikke vurdert',
      described: 'Beskrevet',
      theoretically_grounded: 'Teoretisk begrunnet',
      probable_effect: 'Sannsynlig effekt',
      documented_effect: 'Dokumentert effekt',
    },
    evaluationOutcome: { achieved: 'Oppnådd', partly_achieved: 'Delvis oppnådd', not_achieved: 'Ikke oppnådd', inconclusive: 'Uavklart' },
    indicatorUnit: { count: 'Antall', percent: 'Prosent', rate_per_1000: 'Per 1000 innbyggere', other: 'Annet' },
    goalDirection: { increase: 'Skal øke', decrease: 'Skal ned', maintain: 'Skal holdes' },
    meetingStatus: { planned: 'Planlagt', held: 'Avholdt', cancelled: 'Avlyst' },
    attendanceStatus: { present: 'Til stede', absent: 'Fraværende', excused: 'Meldt forfall' },
    actionItemStatus: { open: 'Åpen', done: 'Utført', cancelled: 'Avbrutt' },
    complianceStatus: { met: 'Oppfylt', on_track: 'I rute', at_risk: 'I fare', behind: 'Ikke oppfylt' },
    keyDateKind: {
      budget: 'Budsjett',
      ungdata: 'Ungdata',
      grant_application: 'Søknadsfrist tilskudd',
      grant_report: 'Rapportering tilskudd',
      self_evaluation: 'Egenevaluering',
      action_plan: 'Handlingsplan',
      agreement_renewal: 'Fornyelse av avtale',
      other: 'Annet',
    },
    coordinatorState: { vacant: 'Ledig', new: 'Nyopprettet og i startfasen', established: 'Etablert' },
    partyKind: {
      police_district: 'Politidistrikt',
      police_station: 'Politistasjon',
      county: 'Fylkeskommune',
      municipality: 'Kommune',
      state_agency: 'Statlig etat',
      other: 'Annen part',
    },
    planKind: {
      action_plan: 'Handlingsplan',
      plan: 'Plan',
      strategy: 'Strategi',
      mandate: 'Mandat',
      report: 'Rapport',
      other: 'Annet dokument',
    },
  },
  nn: {
    tierLevel: { strategic: 'Styringsnivå', coordinating: 'Koordineringsnivå', operational: 'Utøvande nivå' },
    membershipRole: { chair: 'Leiar', secretary: 'Sekretær', member: 'Medlem', observer: 'Observatør' },
    organizationKind: {
      municipal_unit: 'Kommunal eining',
      police: 'Politi',
      county: 'Fylkeskommune',
      state_agency: 'Statleg etat',
      school: 'Skule',
      health: 'Helse',
      child_welfare: 'Barnevern',
      volunteer: 'Frivillig organisasjon',
      business: 'Næringsliv',
      faith_community: 'Trus- og livssynssamfunn',
      other: 'Anna',
    },
    measureStatus: { idea: 'Idé', planned: 'Planlagt', active: 'Aktivt', completed: 'Fullført', discontinued: 'Avslutta' },
    evidenceLevel: {
      not_assessed: 'Ikkje vurdert',
      described: 'Skildra',
      theoretically_grounded: 'Teoretisk grunngjeve',
      probable_effect: 'Sannsynleg effekt',
      documented_effect: 'Dokumentert effekt',
    },
    evaluationOutcome: { achieved: 'Oppnådd', partly_achieved: 'Delvis oppnådd', not_achieved: 'Ikkje oppnådd', inconclusive: 'Uavklart' },
    indicatorUnit: { count: 'Tal', percent: 'Prosent', rate_per_1000: 'Per 1000 innbyggjarar', other: 'Anna' },
    goalDirection: { increase: 'Skal auke', decrease: 'Skal ned', maintain: 'Skal haldast' },
    meetingStatus: { planned: 'Planlagt', held: 'Halde', cancelled: 'Avlyst' },
    attendanceStatus: { present: 'Til stades', absent: 'Fråverande', excused: 'Meldt forfall' },
    actionItemStatus: { open: 'Open', done: 'Utført', cancelled: 'Avbroten' },
    complianceStatus: { met: 'Oppfylt', on_track: 'I rute', at_risk: 'I fare', behind: 'Ikkje oppfylt' },
    keyDateKind: {
      budget: 'Budsjett',
      ungdata: 'Ungdata',
      grant_application: 'Søknadsfrist tilskot',
      grant_report: 'Rapportering tilskot',
      self_evaluation: 'Eigenevaluering',
      action_plan: 'Handlingsplan',
      agreement_renewal: 'Fornying av avtale',
      other: 'Anna',
    },
    coordinatorState: { vacant: 'Ledig', new: 'Nyoppretta og i startfasen', established: 'Etablert' },
    partyKind: {
      police_district: 'Politidistrikt',
      police_station: 'Politistasjon',
      county: 'Fylkeskommune',
      municipality: 'Kommune',
      state_agency: 'Statleg etat',
      other: 'Anna part',
    },
    planKind: {
      action_plan: 'Handlingsplan',
      plan: 'Plan',
      strategy: 'Strategi',
      mandate: 'Mandat',
      report: 'Rapport',
      other: 'Anna dokument',
    },
  },
  en: {
    tierLevel: { strategic: 'Strategic level', coordinating: 'Coordinating level', operational: 'Operational level' },
    membershipRole: { chair: 'Chair', secretary: 'Secretary', member: 'Member', observer: 'Observer' },
    organizationKind: {
      municipal_unit: 'Municipal unit',
      police: 'Police',
      county: 'County',
      state_agency: 'State agency',
      school: 'School',
      health: 'Health',
      child_welfare: 'Child welfare',
      volunteer: 'Volunteer organization',
      business: 'Business',
      faith_community: 'Faith community',
      other: 'Other',
    },
    measureStatus: { idea: 'Idea', planned: 'Planned', active: 'Active', completed: 'Completed', discontinued: 'Discontinued' },
    evidenceLevel: {
      not_assessed: 'Not assessed',
      described: 'Described',
      theoretically_grounded: 'Theoretically grounded',
      probable_effect: 'Probable effect',
      documented_effect: 'Documented effect',
    },
    evaluationOutcome: {
      achieved: 'Achieved',
      partly_achieved: 'Partly achieved',
      not_achieved: 'Not achieved',
      inconclusive: 'Inconclusive',
    },
    indicatorUnit: { count: 'Count', percent: 'Percent', rate_per_1000: 'Per 1,000 inhabitants', other: 'Other' },
    goalDirection: { increase: 'Should rise', decrease: 'Should fall', maintain: 'Should hold' },
    meetingStatus: { planned: 'Planned', held: 'Held', cancelled: 'Cancelled' },
    attendanceStatus: { present: 'Present', absent: 'Absent', excused: 'Excused' },
    actionItemStatus: { open: 'Open', done: 'Done', cancelled: 'Cancelled' },
    complianceStatus: { met: 'Met', on_track: 'On track', at_risk: 'At risk', behind: 'Behind' },
    keyDateKind: {
      budget: 'Budget',
      ungdata: 'Ungdata survey',
      grant_application: 'Grant application deadline',
      grant_report: 'Grant report',
      self_evaluation: 'Self-evaluation',
      action_plan: 'Action plan',
      agreement_renewal: 'Agreement renewal',
      other: 'Other',
    },
    coordinatorState: { vacant: 'Vacant', new: 'Newly created, starting up', established: 'Established' },
    partyKind: {
      police_district: 'Police district',
      police_station: 'Police station',
      county: 'County',
      municipality: 'Municipality',
      state_agency: 'State agency',
      other: 'Other party',
    },
    planKind: {
      action_plan: 'Action plan',
      plan: 'Plan',
      strategy: 'Strategy',
      mandate: 'Mandate',
      report: 'Report',
      other: 'Other document',
    },
  },
};

/**
 * The language to answer in from an Accept-Language header (RFC 9110 quality values): nb, nn or
 * en; `no` and `nb-NO`/`nn-NO` count as their language; anything else (or nothing) is bokmål.
 */
export function negotiateLanguage(header: string | undefined): LabelLanguage {
  if (!header) return 'nb';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0]!;
    if (primary === 'nb' || primary === 'no') return 'nb';
    if (primary === 'nn') return 'nn';
    if (primary === 'en') return 'en';
  }
  return 'nb';
}
