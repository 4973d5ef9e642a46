import type { SetupProfileInput } from '@slt/shared';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { members, setupProfiles } from '../db/schema/index.js';
import { normalizeProfile } from '../modules/profile/profile.service.js';

/**
 * The setup profiles the five seed pages describe (../shared/seeds): purpose, principles, history,
 * the coordinator's role and position, visiting address, public contacts, concern channels,
 * parties, agreements and plans, as each page words them. Contacts name demo members by their
 * (fictional) name. The coordinators' percentages of a post are invented and kept internal.
 */
type DemoProfile = Omit<SetupProfileInput, 'contacts'> & { contacts?: { member: string; label: string; isPublic?: boolean }[] };

export const DEMO_PROFILES: Record<string, DemoProfile> = {
  // 000: Tønsberg, hosting Nøtterøy (now Færder), with Tønsberg politistasjon.
  '3905': {
    collaborationName: 'SLT Nøtterøy og Tønsberg – samarbeidsprosjekt mellom Nøtterøy, Tønsberg og Tønsberg politistasjon',
    leadText:
      'SLT er en modell for samordning, ikke et aktivitetsprogram. Målet er å få mer effekt ut av allerede igangsatte tiltak ved at ' +
      'forskjellige etater/virksomheter støtter og utfyller hverandres arbeid, ikke å sette i gang så mange nye aktiviteter som mulig.',
    purpose:
      'Etablere et kriminalitetsforebyggende samarbeid i Nøtterøy og Tønsberg hvor målsettingen er å forebygge og redusere kriminalitet ' +
      'i de to kommunene. SLT-prosjektet skal bidra til at en forpliktende og god samordning etableres. Tiltakene skal være med på å ' +
      'redusere kriminalitet, forebygge rus og redusere utvikling av psykiske problemer og atferdsproblematikk blant barn og unge.\n' +
      'Hensikten er å komme fram til både interne og kommuneovergripende tverrfaglige tiltak, som kan forebygge rus og kriminalitet ' +
      'blant barn og ungdom i Nøtterøy og Tønsberg. Politiet er en sentral samarbeidspartner i dette arbeidet. Hvem gjør hva, hvordan ' +
      'og når, når enkeltindivider får problemer og grupper av barn og unge blir en utfordring/belastning for lokalmiljøet?',
    principles:
      'Arbeidet skal tilstrebe en nulltoleranse på de nevnte områder.\n' +
      'Det må ligge en bevisst politisk vilje bak samordningen, og kommunens og politiets ledelse må sitte sentralt i modellens styrende organ (styringsgruppen).',
    establishedDate: '2006-01-20',
    fundingSource: 'Kråd (Det kriminalitetsforebyggende råd): midler til oppstart',
    projectStart: '2006-01-20',
    projectYears: 5,
    historyText:
      'Modellen er initiert fra statlig hold av Det kriminalitetsforebyggende råd (Kråd), regjeringens spesialorgan for forebygging av ' +
      'kriminalitet. I 2005 bestemte kommunene Nøtterøy og Tønsberg i samarbeid med Tønsberg politistasjon å søke Kråd om midler til ' +
      'oppstart av et 5-årig SLT-prosjekt. En koordinator for prosjektet ble tilsatt og prosjektet startet opp 20.01.2006.',
    coordinatorRole:
      'Koordinatoren skal ikke være aktivitetsleder, men inspirator og pådriver i forhold til praktikerne i de ulike virksomhetene, ' +
      'og koordinere eksisterende tiltak: få de forskjellige aktørene til å samordne sine utspill og jobbe mot felles mål.',
    coordinatorPlacement: 'Administrativt underlagt rådmannen i Tønsberg',
    coordinatorPercent: 100,
    coordinatorState: 'established',
    visitingAddress: 'Tønsberg rådhus\nTollbodgata 22\n3110 Tønsberg',
    internalFields: ['coordinatorPercent'],
    contacts: [{ member: 'Siri Demodatter', label: 'SLT-koordinator' }],
    parties: [{ key: 'tonsberg-politistasjon', name: 'Tønsberg politistasjon', kind: 'police_station' }],
  },
  // 001: Nesodden, with Øst politidistrikt under a collaboration agreement.
  '3212': {
    collaborationName: 'SLT Nesodden',
    leadText:
      'Rus- og kriminalitetsforebygging handler om å:\n' +
      '• Sikre gode og stimulerende oppvekstvilkår for barn og unge, og sørge for tidlig hjelp og støtte.\n' +
      '• Analysere hvor og hvordan problematisk adferd og kriminalitet oppstår.\n' +
      '• Fange opp negative trender i ungdomsmiljøene på et tidlig tidspunkt.\n' +
      '• Sette inn konkrete tiltak rettet mot årsakene til problemet.\n' +
      '• Samordne innsats og ressurser i politiet og kommunen.',
    purpose: 'Det overordnede målet for SLT-samarbeidet er å skape et trygt og godt oppvekstmiljø for barn og unge i Nesodden kommune.',
    principles:
      'Vi tar utgangspunkt i de ressurser som allerede finnes i kommunen og politi. Modellen sikrer bedre kommunikasjon på tvers av ' +
      'tjenester og har som mål å jobbe systematisk og helhetlig.',
    coordinatorRole:
      'SLT-koordinator handler på vegne av kommunen, og skal ivareta kommunens interesser i samarbeid med politiet. SLT-koordinator ' +
      'skal være en pådriver og et bindeledd i samarbeidet, sørge for at de aktuelle samarbeidspartnerne møtes regelmessig, slik at ' +
      'behov avdekkes, synliggjøre ressurser og initiere tiltak hos de ulike deltakerne i SLT-nettverket.',
    coordinatorState: 'established',
    contacts: [
      { member: 'Tone Diktesen', label: 'SLT-koordinator' },
      { member: 'Arne Forestilt', label: 'Politikontakt Nesodden' },
    ],
    parties: [{ key: 'ost-politidistrikt', name: 'Øst politidistrikt', kind: 'police_district' }],
    agreements: [{ title: 'Samarbeidsavtale mellom Nesodden kommune og Øst politidistrikt', parties: ['ost-politidistrikt'] }],
    plans: [{ title: 'Plan for psykisk helse og rus 2019–2023', kind: 'plan', startYear: 2019, endYear: 2023 }],
  },
  // 002: Farsund: a newly created coordinator position, two tiers.
  '4206': {
    collaborationName: 'SLT Farsund',
    leadText:
      'SLT handler om å legge til rette for et nært og godt samarbeid mellom de ulike instanser og profesjoner som er involvert i det ' +
      'lokale kriminalitetsforebyggende arbeidet.',
    purpose:
      'Koordinasjonsarbeidet retter seg mot konkrete mål som er satt opp av det styrende nivået på øverste plan i kommunen, ' +
      'styringsgruppen. Det er herfra SLT-koordinatoren får sitt mandat og sin myndighet.',
    principles:
      'Et hovedpoeng med SLT-modellen er at den er ledelsesforankret i både kommunen og politiet. Det er derfor den kalles en ' +
      'samordningsmodell, ikke en samarbeidsmodell. Da er det ikke nok med entusiasme. Det trengs en struktur.',
    historyText:
      'Modellen er utviklet av Det kriminalitetsforebyggende råd (KRÅD) til bruk i norske kommuner, og er i tråd med regjeringens ' +
      'satsing på forebyggingsarbeid. Siden stillingen er nyopprettet og i startfasen, er dialog med SLT-koordinatorer i andre ' +
      'kommuner nyttig for å finne ut hvordan de har løst sine oppgaver.',
    coordinatorRole:
      'Ha en oversikt over de ulike aktørene, i best mulig grad bistå med å koordinere behov og ressurser, og være en pådriver, ' +
      'inspirator og et bindeledd i SLT-nettverket. En fast SLT-koordinator sikrer kontinuitet i et nettverk der noen kommer og noen går.',
    coordinatorState: 'new',
    coordinatorPercent: 50,
    internalFields: ['coordinatorPercent'],
    contacts: [{ member: 'Mona Oppspinn', label: 'SLT-koordinator' }],
    parties: [{ key: 'politiet', name: 'Agder politidistrikt (lensmannen)', kind: 'police_district' }],
  },
  // 003: Kongsvinger kommune and Kongsvinger politistasjon.
  '3401': {
    collaborationName: 'SLT Kongsvinger',
    leadText:
      'Her finner du informasjon om hvordan Kongsvinger kommune og Kongsvinger politistasjon samarbeider om forebygging av kriminalitet.',
    purpose:
      'Kriminalitetsforebyggende arbeid handler om å være i forkant av kriminalitet, og fremme trygge lokalmiljø. For å forebygge og ' +
      'redusere kriminalitet blant ungdom og unge voksne i Kongsvinger kreves det at både kommune, fylkeskommune, stat, næringsliv og ' +
      'frivillige involveres.',
    principles:
      'SLT-modellen skal fange opp bekymringsfulle trender, samordne tiltak og ressurser på tvers av etater, og sikre unge et ' +
      'koordinert tilbud for å forhindre kriminalitet. Arbeid igangsettes gjennom Politirådet, SLT-koordinator og utøvende nivå.',
    coordinatorRole:
      'SLT-koordinator er pådriver i SLT-modellen på alle nivåer, deltar på alle de tre nivåene, tar initiativ og inspirerer til ' +
      'samarbeid og sørger for at hver enkelt tar sin del av ansvaret for den kriminalitetsforebyggende innsatsen i lokalsamfunnet.',
    coordinatorState: 'established',
    coordinatorPercent: 100,
    visitingAddress: 'Servicetorget\nRådhusplassen 3\n2212 Kongsvinger',
    internalFields: ['coordinatorPercent'],
    contacts: [
      { member: 'Kari Koordinator', label: 'SLT-koordinator i Kongsvinger' },
      { member: 'Mats Medlem', label: 'Stedfortreder (internt)', isPublic: false },
    ],
    concernChannels: [{ situation: 'Interne henvendelser om enkeltsaker går til koordinator på e-post.', isPublic: false }],
    parties: [
      { key: 'kongsvinger-politistasjon', name: 'Kongsvinger politistasjon', kind: 'police_station' },
      { key: 'innlandet-fylkeskommune', name: 'Innlandet fylkeskommune', kind: 'county' },
    ],
    agreements: [
      {
        title: 'Politirådsavtale (utkast til fornyelse)',
        parties: ['kongsvinger-politistasjon'],
        validUntil: '2026-12-31',
        description: 'Eksempel: intern arbeidsversjon.',
        isPublic: false,
      },
    ],
  },
  // 004: Aukra (nynorsk): whom to contact about what, and the central actors (organizations).
  '1547': {
    collaborationName: 'SLT Aukra',
    leadText:
      'SLT er ein samordningsmodell for lokale, førebyggande tiltak mot rus og kriminalitet, som blir nytta av om lag 200 norske kommunar.',
    purpose:
      'Samordne det rus- og kriminalitetsførebyggande arbeidet kring barn og unge i Aukra. Koordinere kunnskap og ressursar i eit ' +
      'forpliktande samarbeid med mellom anna politi, kommune og frivillige aktørar (næringsliv, frivillige organisasjonar, etc.).\n' +
      'Det inneber:\n• Ha mest mogeleg oversikt over korleis barn og unge har det i Aukra kommune\n' +
      '• Iverksette tiltak retta mot enkeltpersonar og/eller grupper\n• Rett tiltak til rett tid',
    principles:
      'Informasjonsutveksling blir ivareteken mellom anna ved at vi deler informasjon på møta i politirådet og på møta i ' +
      'koordineringsgruppa. Vi har alle eit felles ansvar for å halde kvarandre oppdatert om situasjonen kring barn og unge i kommunen.',
    coordinatorRole:
      '• Koordinera det kriminalitetsførebyggande arbeidet.\n' +
      '• Vere bindeledd mellom styringsgruppa, koordineringsgruppa og dei som jobbar direkte med barn og unge.\n' +
      '• Bidra til at det blir satt felles mål og at tiltak vert gjennomført og evaluert.\n' +
      '• Inspirere, motivere og vere pådrivar.',
    coordinatorState: 'established',
    visitingAddress: 'Aukra kommunehus\nNyjordvegen 12\n6480 Aukra',
    contacts: [{ member: 'Ragnhild Døme', label: 'SLT-koordinator' }],
    concernChannels: [
      { situation: 'Er bekymra for eit ungdomsmiljø på din skole eller fritidsklubb/lag.' },
      { situation: 'Har fleire like saker i hjelpeapparatet der ungdommen samlast rundt avvikande åtferd.' },
      { situation: 'Dersom du i politiet ser utfordringar som knytte seg til fleire personar – rus, tjuveri, sedelighet.' },
      { situation: 'Er bekymra for hat-ytringar eller ekstreme miljø.' },
      { situation: 'Alvorlege enkeltsaker (mobbing, vald, rus).' },
    ],
    parties: [{ key: 'politiet', name: 'Møre og Romsdal politidistrikt (tidlegare Molde politidistrikt)', kind: 'police_district' }],
  },
};

/** Loads the demo profiles where a municipality has none yet (the demo never overwrites a change). */
export async function loadDemoProfiles(db: Db): Promise<void> {
  for (const [kommunenummer, demo] of Object.entries(DEMO_PROFILES)) {
    await db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ k: setupProfiles.kommunenummer })
        .from(setupProfiles)
        .where(eq(setupProfiles.kommunenummer, kommunenummer));
      if (existing) return;
      const names = (demo.contacts ?? []).map((c) => c.member);
      const rows = names.length
        ? await tx
            .select({ id: members.id, name: members.name })
            .from(members)
            .where(and(eq(members.kommunenummer, kommunenummer), inArray(members.name, names), isNull(members.erasedAt)))
        : [];
      const contacts = (demo.contacts ?? []).flatMap((c) => {
        const row = rows.find((r) => r.name === c.member);
        return row ? [{ memberId: row.id, label: c.label, isPublic: c.isPublic }] : [];
      });
      const document = normalizeProfile({ ...demo, contacts });
      await tx.insert(setupProfiles).values({ kommunenummer, document });
    });
  }
}
