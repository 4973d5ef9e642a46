import type {
  EvaluationOutcome,
  EvidenceLevel,
  GoalDirection,
  IndicatorUnit,
  MeasureStatus,
  MeetingRule,
  MembershipRole,
  TierLevel,
} from '@slt/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  focusAreas,
  goals,
  indicators,
  measureEvaluations,
  measureFocusAreas,
  measureGoals,
  measures,
  measurements,
  measureTargetGroups,
  members,
  memberships,
  organizations,
  partnerships,
  targetGroups,
  tiers,
} from '../db/schema/index.js';

/**
 * The SLT setups the five seed pages describe (../shared/seeds): tiers with their local names,
 * mandates and meeting rules, who sits at each level by role, target groups, focus areas and goals —
 * with FICTIONAL people (names, e-mails under .invalid, phone numbers no one has). A chair is set only
 * where a page names one (Kongsvinger: the mayor leads politirådet, the coordinator the coordinating
 * group). The measures and indicator figures are invented examples, not facts from the pages.
 */
interface DemoPerson {
  name: string;
  roleTitle: string;
  organization?: string;
  email?: string;
  emailPublic?: boolean;
  phone?: string;
  phonePublic?: boolean;
  coordinator?: boolean;
}

interface DemoTier {
  level: TierLevel;
  name: string;
  mandate?: string;
  responsibilities?: string;
  chair?: string;
  secretary?: string;
  individualCases?: boolean;
  rule?: MeetingRule;
  seats: [person: string, role: MembershipRole][];
}

interface DemoGoal {
  title: string;
  description?: string;
  focusArea?: string;
  indicators?: {
    name: string;
    unit: IndicatorUnit;
    direction: GoalDirection;
    target?: number;
    measurements: [start: string, end: string, value: number, groupSize: number | null, source: string, caveat?: string][];
  }[];
}

interface DemoMeasure {
  title: string;
  description: string;
  status: MeasureStatus;
  start?: string;
  end?: string;
  organization?: string;
  responsible?: string;
  tier?: string;
  evidence: EvidenceLevel;
  isPublic: boolean;
  targetGroups?: string[];
  focusAreas?: string[];
  goals?: string[];
  evaluations?: [date: string, outcome: EvaluationOutcome, text: string][];
}

interface DemoSetup {
  kommunenummer: string;
  partners?: string[];
  people: Record<string, DemoPerson>;
  tiers: DemoTier[];
  targetGroups: { name: string; description?: string; ageFrom?: number; ageTo?: number; riskCriteria?: string[] }[];
  focusAreas: { name: string; description?: string; decisionReference?: string; decisionDate?: string }[];
  goals: DemoGoal[];
  measures: DemoMeasure[];
}

const SINCE = '2024-01-01';

export const DEMO_SETUPS: DemoSetup[] = [
  // 000: Tønsberg, with Nøtterøy (now Færder) as partner and one shared coordinator.
  {
    kommunenummer: '3905',
    partners: ['3911'],
    people: {
      koordinator: {
        name: 'Siri Demodatter',
        roleTitle: 'SLT-koordinator',
        organization: 'Tønsberg kommune',
        email: 'slt-koordinator@tonsberg.demo.invalid',
        emailPublic: true,
        phone: '000 00 101',
        phonePublic: true,
        coordinator: true,
      },
      ordforerT: { name: 'Per Fiktivsen', roleTitle: 'Ordfører i Tønsberg', organization: 'Tønsberg kommune' },
      ordforerF: { name: 'Liv Eksempelsen', roleTitle: 'Ordfører i Færder', organization: 'Færder kommune' },
      radmann: { name: 'Jon Prøvesen', roleTitle: 'Rådmann', organization: 'Tønsberg kommune' },
      politisjef: { name: 'Anne Testrud', roleTitle: 'Politistasjonssjef', organization: 'Tønsberg politistasjon' },
      rektor: { name: 'Nils Oppdiktet', roleTitle: 'Rektor', organization: 'Skolene i Tønsberg' },
      politikontakt: { name: 'Eva Tenkt', roleTitle: 'Politikontakt', organization: 'Tønsberg politistasjon' },
    },
    tiers: [
      {
        level: 'strategic',
        name: 'Styringsgruppen',
        mandate: 'Etablere de overordnete rammene for kommunens totale innsats for forebygging av kriminalitet blant barn og unge.',
        responsibilities: 'Ordførerne / representanter fra rådmannsnivå og politistasjonssjefen. SLT-koordinator er sekretær.',
        secretary: 'koordinator',
        seats: [
          ['ordforerT', 'member'],
          ['ordforerF', 'member'],
          ['radmann', 'member'],
          ['politisjef', 'member'],
          ['koordinator', 'secretary'],
        ],
      },
      {
        level: 'coordinating',
        name: 'Arbeidsutvalget',
        mandate: 'Ansvar for den praktiske koordineringen av det kriminalitetsforebyggende arbeidet.',
        responsibilities:
          'Deltakerne er sentralt plassert i sine virksomheter/etater for å kunne fatte beslutninger og sette inn ressurser innenfor gitte rammer.',
        secretary: 'koordinator',
        seats: [
          ['rektor', 'member'],
          ['politikontakt', 'member'],
          ['koordinator', 'secretary'],
        ],
      },
      {
        level: 'operational',
        name: 'Utførende nivå',
        mandate:
          'Det direkte kriminalitetsforebyggende arbeidet: førstelinjetjenesten, avdelinger og ansatte som arbeider direkte med de unge.',
        responsibilities: 'Styringen og prioriteringene skjer i den enkelte virksomhet.',
        seats: [['koordinator', 'member']],
      },
    ],
    targetGroups: [
      {
        name: 'Barn og unge 12–18 år',
        description: 'Barn og unge mellom 12 og 18 år i Færder og Tønsberg.',
        ageFrom: 12,
        ageTo: 18,
        riskCriteria: [
          'Er i startgropa på en kriminell løpebane – begår lovbrudd',
          'Har vanskelige oppvekstforhold',
          'Er utsatt for omsorgssvikt',
          'Viser dårlig tilpasning til omgivelsene',
          'Har utviklet bekymringsfull atferd – vold, rus og kriminalitet',
        ],
      },
    ],
    focusAreas: [
      {
        name: 'Forebygge og redusere kriminalitet',
        description: 'Nulltoleranse for kriminalitet, rus og utvikling av atferdsproblematikk.',
      },
    ],
    goals: [
      { title: 'Bevisstgjøre barn og ungdom på konsekvenser knyttet til kriminelle handlinger og rusmisbruk' },
      { title: 'Styrke og utvikle ressurser og selvtillit hos barn og unge for å hindre utstøting og stå imot gruppepress' },
      { title: 'Bevisstgjøre foreldrene på deres del av ansvaret' },
      { title: 'Skape et godt tverrfaglig og tverretatlig forpliktende samarbeid med en helhetlig tilnærming' },
      { title: 'Gi alle som arbeider med barn og ungdom en felles forståelse av utfordringer og trender i ungdomsmiljøet' },
      { title: 'Informere og bevisstgjøre andre aktører som er utsatt for barne- og ungdomskriminalitet' },
    ],
    measures: [
      {
        title: 'Foreldremøter om rus på ungdomsskolene',
        description: 'Politikontakt og SLT-koordinator møter foreldre på 8. trinn hver høst.',
        status: 'active',
        start: '2024-08-15',
        organization: 'Skolene i Tønsberg',
        responsible: 'politikontakt',
        tier: 'Arbeidsutvalget',
        evidence: 'described',
        isPublic: true,
        targetGroups: ['Barn og unge 12–18 år'],
        focusAreas: ['Forebygge og redusere kriminalitet'],
        goals: ['Bevisstgjøre foreldrene på deres del av ansvaret'],
      },
    ],
  },
  // 001: Nesodden, three levels and five goals.
  {
    kommunenummer: '3212',
    people: {
      koordinator: {
        name: 'Tone Diktesen',
        roleTitle: 'SLT-koordinator',
        organization: 'Nesodden kommune',
        email: 'slt@nesodden.demo.invalid',
        emailPublic: true,
        phone: '000 00 201',
        phonePublic: true,
        coordinator: true,
      },
      ordforer: { name: 'Bjørn Påfunn', roleTitle: 'Ordfører', organization: 'Nesodden kommune' },
      kommunedirektor: { name: 'Hilde Fabel', roleTitle: 'Kommunedirektør', organization: 'Nesodden kommune' },
      kommunalsjef: { name: 'Geir Modell', roleTitle: 'Kommunalsjef oppvekst', organization: 'Nesodden kommune' },
      politisjef: { name: 'Randi Fiksjon', roleTitle: 'Politistasjonssjef', organization: 'Øst politidistrikt' },
      naerpoliti: { name: 'Odd Eksempel', roleTitle: 'Leder nærpolitiseksjonen', organization: 'Øst politidistrikt' },
      politikontakt: {
        name: 'Arne Forestilt',
        roleTitle: 'Politikontakt',
        organization: 'Øst politidistrikt',
        email: 'politikontakt@nesodden.demo.invalid',
        emailPublic: true,
        phone: '000 00 202',
        phonePublic: true,
      },
      rektor: { name: 'Marit Påstand', roleTitle: 'Rektor', organization: 'Nesodden kommune' },
      helsesykepleier: { name: 'Kjersti Utkast', roleTitle: 'Helsesykepleier', organization: 'Helsesykepleierne' },
      miljoarbeider: { name: 'Lars Skisse', roleTitle: 'Miljøarbeider', organization: 'Nesodden kommune' },
    },
    tiers: [
      {
        level: 'strategic',
        name: 'Politirådet',
        mandate:
          'Det formaliserte samarbeidet mellom kommune og politi. Behandler alle saker som er strategisk viktige for samarbeidet mellom kommunen og politiet gjeldende hele befolkningen.',
        responsibilities: 'Overordnet innsats, økonomi, og mål og prioriteringer i det kriminalitetsforebyggende arbeidet.',
        secretary: 'koordinator',
        seats: [
          ['ordforer', 'member'],
          ['kommunedirektor', 'member'],
          ['kommunalsjef', 'member'],
          ['politisjef', 'member'],
          ['naerpoliti', 'member'],
          ['politikontakt', 'member'],
          ['koordinator', 'secretary'],
        ],
      },
      {
        level: 'coordinating',
        name: 'Koordineringsgruppen',
        mandate:
          'Det formaliserte samarbeidet mellom virksomhetene med ansvar for praktisk å koordinere og gjennomføre det rus- og kriminalitetsforebyggende arbeidet.',
        secretary: 'koordinator',
        seats: [
          ['politikontakt', 'member'],
          ['rektor', 'member'],
          ['kommunalsjef', 'member'],
          ['koordinator', 'secretary'],
        ],
      },
      {
        level: 'operational',
        name: 'Utøvergruppen',
        mandate:
          'Det formaliserte samarbeidet mellom dem som daglig er i kontakt med barn og ungdommer. Har ansvaret for å utføre de forebyggende tiltakene i kommunen.',
        secretary: 'koordinator',
        seats: [
          ['helsesykepleier', 'member'],
          ['miljoarbeider', 'member'],
          ['koordinator', 'secretary'],
        ],
      },
    ],
    targetGroups: [
      { name: 'Barn og unge i Nesodden', description: 'Et trygt og godt oppvekstmiljø for barn og unge.', ageFrom: 0, ageTo: 18 },
    ],
    focusAreas: [
      { name: 'Tidlig hjelp og støtte', description: 'Sikre gode og stimulerende oppvekstvilkår for barn og unge.' },
      { name: 'Fange opp negative trender', description: 'Analysere hvor og hvordan problematisk atferd og kriminalitet oppstår.' },
    ],
    goals: [
      {
        title: 'Redusere antall førstegangskriminelle under 18 år',
        focusArea: 'Fange opp negative trender',
        indicators: [
          {
            name: 'Førstegangskriminelle under 18 år',
            unit: 'count',
            direction: 'decrease',
            target: 10,
            measurements: [
              ['2022-01-01', '2022-12-31', 17, null, 'Politiets straffesaksregister (eksempeltall)'],
              ['2023-01-01', '2023-12-31', 14, null, 'Politiets straffesaksregister (eksempeltall)'],
              ['2024-01-01', '2024-12-31', 12, null, 'Politiets straffesaksregister (eksempeltall)', 'Ny registreringspraksis fra 2024'],
            ],
          },
        ],
      },
      {
        title: 'Redusere antall innbrakte mindreårige pga rus',
        indicators: [
          {
            name: 'Innbrakte mindreårige pga rus',
            unit: 'count',
            direction: 'decrease',
            measurements: [
              ['2023-01-01', '2023-12-31', 6, null, 'Politiet (eksempeltall)'],
              ['2024-01-01', '2024-12-31', 3, null, 'Politiet (eksempeltall)'],
            ],
          },
        ],
      },
      {
        title: 'Redusere voldsepisoder blant ungdom',
        indicators: [
          {
            name: 'Andel ungdomsskoleelever utsatt for vold siste år',
            unit: 'percent',
            direction: 'decrease',
            target: 5,
            measurements: [['2023-01-01', '2023-12-31', 7.5, 412, 'Ungdata (eksempeltall)']],
          },
        ],
      },
      { title: 'Redusere saker til barnevernet' },
      { title: 'Veilede foreldre' },
    ],
    measures: [
      {
        title: 'Natteravn-ordning i helgene',
        description: 'Frivillige voksne går i sentrum fredag og lørdag kveld.',
        status: 'planned',
        start: '2025-09-01',
        organization: 'Nesodden kommune',
        responsible: 'koordinator',
        tier: 'Koordineringsgruppen',
        evidence: 'described',
        isPublic: true,
        targetGroups: ['Barn og unge i Nesodden'],
        focusAreas: ['Fange opp negative trender'],
        goals: ['Redusere voldsepisoder blant ungdom'],
      },
    ],
  },
  // 002: Farsund, two tiers.
  {
    kommunenummer: '4206',
    people: {
      koordinator: {
        name: 'Mona Oppspinn',
        roleTitle: 'SLT-koordinator',
        organization: 'Farsund kommune',
        email: 'slt@farsund.demo.invalid',
        emailPublic: true,
        coordinator: true,
      },
      radmann: { name: 'Terje Innbilt', roleTitle: 'Rådmann', organization: 'Farsund kommune' },
      ordforer: { name: 'Gunn Fantasi', roleTitle: 'Ordfører', organization: 'Farsund kommune' },
      lensmann: { name: 'Rolf Konstruert', roleTitle: 'Lensmann', organization: 'Agder politidistrikt' },
      kommunalsjef: { name: 'Ida Utdiktet', roleTitle: 'Kommunalsjef', organization: 'Farsund kommune' },
      politi: { name: 'Stein Antatt', roleTitle: 'Forebyggende politi', organization: 'Agder politidistrikt' },
      teknisk: { name: 'Vidar Hypotese', roleTitle: 'Representant fra teknisk etat', organization: 'Teknisk etat' },
    },
    tiers: [
      {
        level: 'strategic',
        name: 'Styringsgruppen',
        mandate: 'Setter de konkrete målene for koordinasjonsarbeidet. Herfra får SLT-koordinatoren sitt mandat og sin myndighet.',
        secretary: 'koordinator',
        seats: [
          ['ordforer', 'member'],
          ['radmann', 'member'],
          ['lensmann', 'member'],
          ['kommunalsjef', 'member'],
          ['koordinator', 'secretary'],
        ],
      },
      {
        level: 'coordinating',
        name: 'Arbeidsgruppen',
        mandate: 'Representanter for dem som daglig er i kontakt med barn og ungdom, en fra politiet og en fra teknisk etat.',
        secretary: 'koordinator',
        seats: [
          ['politi', 'member'],
          ['teknisk', 'member'],
          ['koordinator', 'secretary'],
        ],
      },
    ],
    targetGroups: [{ name: 'Barn og ungdom i Farsund', ageFrom: 0, ageTo: 18 }],
    focusAreas: [{ name: 'Lokalt kriminalitetsforebyggende arbeid', description: 'Nært samarbeid mellom instansene som er involvert.' }],
    goals: [],
    measures: [],
  },
  // 003: Kongsvinger, politirådet as steering group, at least 4 meetings a year, no individual cases.
  {
    kommunenummer: '3401',
    people: {
      // The demo accounts (demo-accounts.ts) are these people: a user is the member with the user's e-mail.
      koordinator: {
        name: 'Kari Koordinator',
        roleTitle: 'SLT-koordinator',
        organization: 'Kongsvinger kommune',
        email: 'koordinator.3401@demo.invalid',
        emailPublic: true,
        phone: '000 00 401',
        phonePublic: false,
        coordinator: true,
      },
      ordforer: { name: 'Kari Fiktiv', roleTitle: 'Ordfører', organization: 'Kongsvinger kommune' },
      kommunedirektor: { name: 'Trond Tenkeli', roleTitle: 'Kommunedirektør', organization: 'Kongsvinger kommune' },
      politisjef: {
        name: 'Hanne Prøve',
        roleTitle: 'Politistasjonssjef',
        organization: 'Kongsvinger politistasjon',
        email: 'stasjonssjef@kongsvinger.demo.invalid',
        emailPublic: false,
      },
      barnevern: { name: 'Sunniva Eksempeldal', roleTitle: 'Enhetsleder barnevern', organization: 'Barnevernstjenesten' },
      helse: { name: 'Petter Plassholder', roleTitle: 'Enhetsleder helse', organization: 'Helsestasjon og skolehelsetjenesten' },
      kultur: { name: 'Wenche Utenkt', roleTitle: 'Enhetsleder kultur', organization: 'Kulturenheten' },
      nav: { name: 'Kåre Antakelse', roleTitle: 'Leder', organization: 'NAV Kongsvinger' },
      fylke: { name: 'Berit Forslag', roleTitle: 'Rådgiver oppvekst', organization: 'Innlandet fylkeskommune' },
      politikontakt: { name: 'Øyvind Tankespinn', roleTitle: 'Politikontakt', organization: 'Kongsvinger politistasjon' },
      medlem: {
        name: 'Mats Medlem',
        roleTitle: 'Helsesykepleier',
        organization: 'Helsestasjon og skolehelsetjenesten',
        email: 'medlem.3401@demo.invalid',
      },
    },
    tiers: [
      {
        level: 'strategic',
        name: 'Politirådet',
        mandate:
          'Styringsgruppe for SLT-modellen. Alle saker som er strategisk viktige for samspillet mellom kommune og politi behandles i politirådet.',
        responsibilities: 'Politi, ordfører, kommuneledelse og SLT-koordinator. Andre aktører inviteres etter behov.',
        chair: 'ordforer',
        secretary: 'koordinator',
        individualCases: false,
        rule: { kind: 'per_year', count: 4 },
        seats: [
          ['ordforer', 'chair'],
          ['kommunedirektor', 'member'],
          ['politisjef', 'member'],
          ['koordinator', 'secretary'],
        ],
      },
      {
        level: 'coordinating',
        name: 'SLT – koordinerende gruppe',
        mandate:
          'Dele status og utfordringer, systematisere og koordinere tiltak, prioritere, starte nye tiltak og evaluere. Gruppens deltagere kan fatte beslutninger og sette inn ressurser.',
        responsibilities:
          'Enhetsledere innen forebyggende tjenester, helse, oppvekst, barnevern, kultur, rus og psykisk helse, NAV, representant fra fylkeskommunen innen oppvekst og politiet.',
        chair: 'koordinator',
        seats: [
          ['koordinator', 'chair'],
          ['barnevern', 'member'],
          ['helse', 'member'],
          ['kultur', 'member'],
          ['nav', 'member'],
          ['fylke', 'member'],
          ['politikontakt', 'member'],
        ],
      },
      {
        level: 'operational',
        name: 'SLT – utøvende nivå',
        mandate: 'Det direkte rus- og kriminalitetsforebyggende arbeidet.',
        seats: [
          ['koordinator', 'member'],
          ['politikontakt', 'member'],
          ['medlem', 'member'],
        ],
      },
    ],
    targetGroups: [
      { name: 'Unge utsatt for miljøer med rus, vold og kriminalitet', ageFrom: 12, ageTo: 25 },
      { name: 'Voldelig ekstremisme', description: 'Utvidet målgruppe: forebygge voldelig ekstremisme.' },
      { name: 'Trygt uteliv', description: 'Utvidet målgruppe: trygt uteliv.' },
      { name: 'Kriminelle MC-gjenger', description: 'Utvidet målgruppe: bekjempelse av kriminelle MC-gjenger.' },
      {
        name: 'Ansatte som arbeider med unge',
        description: 'Ansatte i politiet, fylkeskommunen og Kongsvinger kommune, samt andre aktører som arbeider med unge.',
      },
    ],
    focusAreas: [
      { name: 'Generelt kriminalitetsforebyggende arbeid' },
      {
        name: 'Forebygging av organisert kriminalitet',
        description: 'Kongsvinger kommune har nulltoleranse i forhold til 1 % kriminelle MC-klubber.',
        decisionReference: 'Kommunestyrevedtak 004/14',
        decisionDate: '2014-02-13',
      },
      { name: 'Barn og ungdomskriminalitet' },
      { name: 'Avdekke rus/doping/kriminalitet hos ungdom og unge voksne' },
      { name: 'Arbeidslivskriminalitet' },
      { name: 'Salgs- og skjenkebestemmelser, «Trygg by» og vold i det offentlige rom' },
      { name: 'Trafikksikkerhetsspørsmål' },
      { name: 'Tett samarbeid med Kongsvinger ungdomsskole (KUSK)' },
      { name: 'Smidige løsninger og korte kommunikasjonslinjer på oppdukkede utfordringer' },
    ],
    goals: [
      {
        title: 'Færre unge som begår lovbrudd',
        focusArea: 'Barn og ungdomskriminalitet',
        indicators: [
          {
            name: 'Anmeldte lovbrudd med gjerningsperson 15–17 år',
            unit: 'count',
            direction: 'decrease',
            target: 20,
            measurements: [
              ['2023-01-01', '2023-12-31', 31, null, 'Politiet (eksempeltall)'],
              ['2024-01-01', '2024-12-31', 26, null, 'Politiet (eksempeltall)'],
            ],
          },
        ],
      },
    ],
    measures: [
      {
        title: 'Trygg by – samarbeid med utelivsbransjen',
        description: 'Felles kurs i ansvarlig vertskap og faste møter mellom politi, kommune og utesteder.',
        status: 'active',
        start: '2024-03-01',
        organization: 'Kongsvinger politistasjon',
        responsible: 'politikontakt',
        tier: 'Politirådet',
        evidence: 'probable_effect',
        isPublic: true,
        targetGroups: ['Trygt uteliv'],
        focusAreas: ['Salgs- og skjenkebestemmelser, «Trygg by» og vold i det offentlige rom'],
        evaluations: [['2025-01-15', 'partly_achieved', 'Færre voldshendelser i sentrum, men lav deltakelse fra to utesteder.']],
      },
      {
        title: 'Oppfølging av ungdom i risiko ved KUSK',
        description: 'Intern arbeidsform mellom skole, helse og politi på gruppenivå.',
        status: 'planned',
        organization: 'Kongsvinger kommune',
        responsible: 'koordinator',
        tier: 'SLT – koordinerende gruppe',
        evidence: 'not_assessed',
        isPublic: false,
        targetGroups: ['Unge utsatt for miljøer med rus, vold og kriminalitet'],
        focusAreas: ['Tett samarbeid med Kongsvinger ungdomsskole (KUSK)'],
        goals: ['Færre unge som begår lovbrudd'],
      },
    ],
  },
  // 004: Aukra (nynorsk): politirådet 2 per half-year, koordineringsgruppa 3 in spring and 2 in autumn.
  {
    kommunenummer: '1547',
    people: {
      koordinator: {
        name: 'Ragnhild Døme',
        roleTitle: 'SLT-koordinator',
        organization: 'Aukra kommune',
        email: 'slt@aukra.demo.invalid',
        emailPublic: true,
        phone: '000 00 501',
        phonePublic: true,
        coordinator: true,
      },
      ordforer: { name: 'Olav Diktar', roleTitle: 'Ordførar', organization: 'Aukra kommune' },
      kommunedirektor: { name: 'Sigrid Tenkt', roleTitle: 'Kommunedirektør', organization: 'Aukra kommune' },
      lensmann: { name: 'Eirik Døme', roleTitle: 'Politistasjonssjef', organization: 'Møre og Romsdal politidistrikt' },
      rektor: { name: 'Astrid Utkast', roleTitle: 'Rektor', organization: 'Barne- og ungdomsskulane' },
      barnevern: { name: 'Knut Skisse', roleTitle: 'Leiar barnevernet', organization: 'Barnevernet' },
      helsesjukepleiar: { name: 'Solveig Oppdikta', roleTitle: 'Helsesjukepleiar', organization: 'Helsestasjon og skulehelsetenesta' },
      miljoterapeut: { name: 'Jostein Prøve', roleTitle: 'Miljøterapeut', organization: 'Kultur' },
    },
    tiers: [
      {
        level: 'strategic',
        name: 'Politirådet',
        mandate: 'Styringsnivå: den øvste leiinga i kommunen og i politiet, og SLT-koordinator.',
        responsibilities: 'Økonomi, prioritering og mål.',
        secretary: 'koordinator',
        rule: { kind: 'per_half_year', count: 2 },
        seats: [
          ['ordforer', 'member'],
          ['kommunedirektor', 'member'],
          ['lensmann', 'member'],
          ['koordinator', 'secretary'],
        ],
      },
      {
        level: 'coordinating',
        name: 'Koordineringsgruppa',
        mandate: 'Leiarar og personar frå tenester og organisasjonar med beslutningsmynde.',
        responsibilities: 'Samle kunnskap, avdekke problem, finne løysingar, sette i verk tiltak.',
        secretary: 'koordinator',
        rule: { kind: 'spring_autumn', spring: 3, autumn: 2 },
        seats: [
          ['rektor', 'member'],
          ['barnevern', 'member'],
          ['helsesjukepleiar', 'member'],
          ['koordinator', 'secretary'],
        ],
      },
      {
        level: 'operational',
        name: 'Utførarnivå',
        mandate: 'Funksjonar som arbeider tett på barn og unge.',
        responsibilities: 'At styringsgruppa sine mål vert omsette i praksis.',
        seats: [
          ['helsesjukepleiar', 'member'],
          ['miljoterapeut', 'member'],
        ],
      },
    ],
    targetGroups: [
      { name: 'Barn og unge 0–23 år', description: 'SLT-arbeidet er retta mot barn og unge frå 0 til 23 år.', ageFrom: 0, ageTo: 23 },
    ],
    focusAreas: [
      {
        name: 'Oversikt over korleis barn og unge har det',
        description: 'Ha mest mogeleg oversikt over korleis barn og unge har det i Aukra kommune.',
      },
      { name: 'Rett tiltak til rett tid', description: 'Iverksette tiltak retta mot grupper.' },
    ],
    goals: [
      {
        title: 'Samordne det rus- og kriminalitetsførebyggande arbeidet kring barn og unge i Aukra',
        description: 'Koordinere kunnskap og ressursar i eit forpliktande samarbeid med politi, kommune og frivillige aktørar.',
        focusArea: 'Oversikt over korleis barn og unge har det',
        indicators: [
          {
            name: 'Del av ungdomsskuleelevar som trivst på skulen',
            unit: 'percent',
            direction: 'increase',
            target: 90,
            measurements: [
              ['2021-01-01', '2021-12-31', 84, 96, 'Ungdata (eksempeltal)'],
              ['2024-01-01', '2024-12-31', 87, 101, 'Ungdata (eksempeltal)'],
            ],
          },
        ],
      },
    ],
    measures: [
      {
        title: 'Felles foreldremøte om hat-ytringar på nett',
        description: 'Skule, politi og SLT-koordinator inviterer føresette på 7.–10. trinn.',
        status: 'idea',
        organization: 'Barne- og ungdomsskulane',
        responsible: 'koordinator',
        tier: 'Koordineringsgruppa',
        evidence: 'not_assessed',
        isPublic: true,
        targetGroups: ['Barn og unge 0–23 år'],
        focusAreas: ['Rett tiltak til rett tid'],
      },
    ],
  },
];

/**
 * Loads the demo setups. A municipality that already has tiers is left alone (the demo never
 * overwrites what someone changed), so this is safe on every start.
 */
export async function loadDemoSetups(db: Db): Promise<void> {
  for (const setup of DEMO_SETUPS) {
    await db.transaction(async (tx) => {
      const k = setup.kommunenummer;
      const [existing] = await tx.select({ id: tiers.id }).from(tiers).where(eq(tiers.kommunenummer, k)).limit(1);
      if (existing) return;

      for (const partner of setup.partners ?? []) {
        await tx.insert(partnerships).values({ hostKommunenummer: k, partnerKommunenummer: partner }).onConflictDoNothing();
      }
      const organizationNames = [
        ...new Set([
          ...Object.values(setup.people).flatMap((p) => (p.organization ? [p.organization] : [])),
          ...setup.measures.flatMap((m) => (m.organization ? [m.organization] : [])),
        ]),
      ];
      const orgRows = organizationNames.length
        ? await tx
            .select({ id: organizations.id, name: organizations.name })
            .from(organizations)
            .where(and(eq(organizations.kommunenummer, k), inArray(organizations.name, organizationNames)))
        : [];
      const orgId = (name: string | undefined) => {
        if (name === undefined) return null;
        const row = orgRows.find((o) => o.name === name);
        if (!row) throw new Error(`demo data: no organization "${name}" in ${k}`);
        return row.id;
      };

      const keys = Object.keys(setup.people);
      const memberRows = await tx
        .insert(members)
        .values(
          keys.map((key) => {
            const p = setup.people[key]!;
            return {
              kommunenummer: k,
              name: p.name,
              roleTitle: p.roleTitle,
              organizationId: orgId(p.organization),
              email: p.email ?? null,
              emailPublic: p.emailPublic ?? false,
              phone: p.phone ?? null,
              phonePublic: p.phonePublic ?? false,
              isCoordinator: p.coordinator ?? false,
            };
          }),
        )
        .returning({ id: members.id, name: members.name });
      const memberId = (key: string | undefined) => {
        if (key === undefined) return null;
        const name = setup.people[key]?.name;
        const row = memberRows.find((m) => m.name === name);
        if (!row) throw new Error(`demo data: no person "${key}" in ${k}`);
        return row.id;
      };

      const tierRows = await tx
        .insert(tiers)
        .values(
          setup.tiers.map((t, index) => ({
            kommunenummer: k,
            level: t.level,
            name: t.name,
            mandate: t.mandate ?? null,
            responsibilities: t.responsibilities ?? null,
            chairMemberId: memberId(t.chair),
            secretaryMemberId: memberId(t.secretary),
            individualCases: t.individualCases ?? false,
            displayOrder: index,
            meetingRule: t.rule ?? null,
          })),
        )
        .returning({ id: tiers.id, name: tiers.name });
      const tierId = (name: string | undefined) => (name === undefined ? null : tierRows.find((t) => t.name === name)!.id);

      await tx
        .insert(memberships)
        .values(
          setup.tiers.flatMap((t) =>
            t.seats.map(([person, role]) => ({ tierId: tierId(t.name)!, memberId: memberId(person)!, role, startDate: SINCE })),
          ),
        );

      const groupRows = setup.targetGroups.length
        ? await tx
            .insert(targetGroups)
            .values(
              setup.targetGroups.map((g, index) => ({
                kommunenummer: k,
                name: g.name,
                description: g.description ?? null,
                ageFrom: g.ageFrom ?? null,
                ageTo: g.ageTo ?? null,
                riskCriteria: g.riskCriteria ?? [],
                displayOrder: index,
              })),
            )
            .returning({ id: targetGroups.id, name: targetGroups.name })
        : [];
      const areaRows = setup.focusAreas.length
        ? await tx
            .insert(focusAreas)
            .values(
              setup.focusAreas.map((f, index) => ({
                kommunenummer: k,
                name: f.name,
                description: f.description ?? null,
                decisionReference: f.decisionReference ?? null,
                decisionDate: f.decisionDate ?? null,
                displayOrder: index,
              })),
            )
            .returning({ id: focusAreas.id, name: focusAreas.name })
        : [];
      const idByName = (rows: { id: string; name: string }[], name: string) => {
        const row = rows.find((r) => r.name === name);
        if (!row) throw new Error(`demo data: unknown "${name}" in ${k}`);
        return row.id;
      };

      const goalRows: { id: string; name: string }[] = [];
      for (const [index, g] of setup.goals.entries()) {
        const [goal] = await tx
          .insert(goals)
          .values({
            kommunenummer: k,
            title: g.title,
            description: g.description ?? null,
            focusAreaId: g.focusArea ? idByName(areaRows, g.focusArea) : null,
            displayOrder: index,
          })
          .returning({ id: goals.id, name: goals.title });
        goalRows.push(goal!);
        for (const i of g.indicators ?? []) {
          const [indicator] = await tx
            .insert(indicators)
            .values({ goalId: goal!.id, name: i.name, unit: i.unit, direction: i.direction, targetValue: i.target ?? null })
            .returning({ id: indicators.id });
          if (i.measurements.length) {
            await tx.insert(measurements).values(
              i.measurements.map(([periodStart, periodEnd, value, groupSize, source, caveat]) => ({
                indicatorId: indicator!.id,
                periodStart,
                periodEnd,
                value,
                groupSize,
                source,
                caveat: caveat ?? null,
              })),
            );
          }
        }
      }

      for (const m of setup.measures) {
        const [measure] = await tx
          .insert(measures)
          .values({
            kommunenummer: k,
            title: m.title,
            description: m.description,
            status: m.status,
            startDate: m.start ?? null,
            endDate: m.end ?? null,
            responsibleOrganizationId: orgId(m.organization),
            responsibleMemberId: memberId(m.responsible),
            decidedByTierId: tierId(m.tier),
            evidenceLevel: m.evidence,
            isPublic: m.isPublic,
          })
          .returning({ id: measures.id });
        const measureId = measure!.id;
        if (m.targetGroups?.length) {
          await tx
            .insert(measureTargetGroups)
            .values(m.targetGroups.map((name) => ({ measureId, targetGroupId: idByName(groupRows, name) })));
        }
        if (m.focusAreas?.length) {
          await tx.insert(measureFocusAreas).values(m.focusAreas.map((name) => ({ measureId, focusAreaId: idByName(areaRows, name) })));
        }
        if (m.goals?.length) {
          await tx.insert(measureGoals).values(m.goals.map((title) => ({ measureId, goalId: idByName(goalRows, title) })));
        }
        if (m.evaluations?.length) {
          await tx.insert(measureEvaluations).values(m.evaluations.map(([date, outcome, text]) => ({ measureId, date, outcome, text })));
        }
      }
    });
  }
}
