import type { SltSetup } from '@slt/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

/**
 * The five seed pages (../shared/seeds) are the requirements: every fact a page states comes back
 * from `…/slt` to an anonymous caller (an intranet), from the demo data. The people are fictional:
 * the pages' names, phones and e-mails are never used; a contact is checked by its label and role.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function publicSetup(k: string): Promise<{ setup: SltSetup; text: string }> {
  const response = await call(t, 'GET', `/api/v1/municipalities/${k}/slt`);
  const text = await response.text();
  expect(response.status, text).toBe(200);
  const setup = JSON.parse(text) as SltSetup;
  expect(setup.view).toBe('public');
  return { setup, text };
}
/** Each phrase of the page is somewhere in the public document. */
const expectPhrases = (text: string, phrases: string[]) => {
  for (const phrase of phrases) expect(text, phrase).toContain(phrase);
};
const tier = (setup: SltSetup, name: string) => setup.tiers.find((x) => x.name === name)!;

describe('each seed page comes back whole from …/slt, anonymously', () => {
  it('000 Tønsberg: a project of Nøtterøy, Tønsberg and Tønsberg politistasjon, its mandate, history and coordinator', async () => {
    const { setup, text } = await publicSetup('3905');
    expect(setup.partners.map((p) => p.kommunenummer)).toEqual(['3911']);
    expect(setup.profile.parties).toMatchObject([{ name: 'Tønsberg politistasjon', kind: 'police_station' }]);
    expect(setup.profile).toMatchObject({
      establishedDate: '2006-01-20',
      projectStart: '2006-01-20',
      projectYears: 5,
      coordinatorPlacement: 'Administrativt underlagt rådmannen i Tønsberg',
      visitingAddress: 'Tønsberg rådhus\nTollbodgata 22\n3110 Tønsberg',
    });
    expect(setup.profile.fundingSource).toContain('Kråd');
    expect(setup.profile.principles).toContain('tilstrebe en nulltoleranse');
    expect(setup.profile.leadText).toContain('SLT er en modell for samordning, ikke et aktivitetsprogram');
    expect(setup.profile.historyText).toContain('I 2005 bestemte kommunene Nøtterøy og Tønsberg');
    expectPhrases(text, [
      'Etablere et kriminalitetsforebyggende samarbeid i Nøtterøy og Tønsberg',
      'Hensikten er å komme fram til',
      'inspirator og pådriver',
    ]);
    expect(setup.profile.contacts).toMatchObject([{ label: 'SLT-koordinator', member: { roleTitle: 'SLT-koordinator' } }]);
    expect(setup.profile.contacts[0]!.member.email).not.toBeNull();
    expect(setup.tiers.map((x) => [x.level, x.name])).toEqual([
      ['strategic', 'Styringsgruppen'],
      ['coordinating', 'Arbeidsutvalget'],
      ['operational', 'Utførende nivå'],
    ]);
    expect(tier(setup, 'Styringsgruppen').secretary?.roleTitle).toBe('SLT-koordinator');
    expect(tier(setup, 'Arbeidsutvalget').mandate).toContain('praktiske koordineringen');
    expect(tier(setup, 'Utførende nivå').responsibilities).toContain('den enkelte virksomhet');
    const group = setup.targetGroups[0]!;
    expect([group.ageFrom, group.ageTo, group.riskCriteria.length]).toEqual([12, 18, 5]);
    expect(setup.goals).toHaveLength(6);
    expect('coordinatorPercent' in setup.profile).toBe(false);
  });

  it('001 Nesodden: the agreement with Øst politidistrikt, three levels, five goals, two contacts, the plan 2019–2023', async () => {
    const { setup, text } = await publicSetup('3212');
    expect(setup.profile.purpose).toContain('trygt og godt oppvekstmiljø for barn og unge i Nesodden kommune');
    expectPhrases(text, [
      'Fange opp negative trender i ungdomsmiljøene',
      'Samordne innsats og ressurser i politiet og kommunen',
      'bindeledd',
    ]);
    expect(setup.profile.parties).toMatchObject([{ key: 'ost-politidistrikt', name: 'Øst politidistrikt', kind: 'police_district' }]);
    expect(setup.profile.agreements).toMatchObject([
      { title: 'Samarbeidsavtale mellom Nesodden kommune og Øst politidistrikt', parties: ['ost-politidistrikt'] },
    ]);
    expect(setup.profile.plans).toMatchObject([{ title: 'Plan for psykisk helse og rus 2019–2023', startYear: 2019, endYear: 2023 }]);
    expect(setup.profile.contacts.map((c) => [c.label, c.member.roleTitle])).toEqual([
      ['SLT-koordinator', 'SLT-koordinator'],
      ['Politikontakt Nesodden', 'Politikontakt'],
    ]);
    expect(setup.profile.contacts.every((c) => c.member.email && c.member.phone)).toBe(true);
    expect(setup.tiers.map((x) => x.name)).toEqual(['Politirådet', 'Koordineringsgruppen', 'Utøvergruppen']);
    expect(setup.tiers.every((x) => x.secretary?.roleTitle === 'SLT-koordinator')).toBe(true);
    expect(setup.goals.map((g) => g.title)).toEqual([
      'Redusere antall førstegangskriminelle under 18 år',
      'Redusere antall innbrakte mindreårige pga rus',
      'Redusere voldsepisoder blant ungdom',
      'Redusere saker til barnevernet',
      'Veilede foreldre',
    ]);
  });

  it('002 Farsund: a new coordinator position in its start phase, a steering group and a working group', async () => {
    const { setup } = await publicSetup('4206');
    expect(setup.profile.coordinatorState).toBe('new');
    expect(setup.profile.historyText).toContain('nyopprettet og i startfasen');
    expect(setup.profile.leadText).toContain('SLT handler om å legge til rette for et nært og godt samarbeid');
    expect(setup.profile.principles).toContain('samordningsmodell, ikke en samarbeidsmodell');
    expect(setup.profile.coordinatorRole).toContain('pådriver, inspirator og et bindeledd');
    expect(setup.tiers.map((x) => [x.level, x.name])).toEqual([
      ['strategic', 'Styringsgruppen'],
      ['coordinating', 'Arbeidsgruppen'],
    ]);
    expect(tier(setup, 'Styringsgruppen').seats.map((s) => s.member.roleTitle)).toEqual(
      expect.arrayContaining(['Rådmann', 'Ordfører', 'Lensmann', 'Kommunalsjef']),
    );
    expect(tier(setup, 'Arbeidsgruppen').mandate).toContain('en fra politiet og en fra teknisk etat');
    expect(setup.profile.contacts).toMatchObject([{ label: 'SLT-koordinator' }]);
    expect('coordinatorPercent' in setup.profile).toBe(false);
  });

  it('003 Kongsvinger: politirådet led by the mayor, at least 4 a year, no individual cases; the decision 004/14; ordered target groups', async () => {
    const { setup, text } = await publicSetup('3401');
    const council = tier(setup, 'Politirådet');
    expect(council.meetingRule).toEqual({ kind: 'per_year', count: 4 });
    expect(council.individualCases).toBe(false);
    expect(council.chair?.roleTitle).toBe('Ordfører');
    expect(council.responsibilities).toContain('Andre aktører inviteres etter behov');
    expect(tier(setup, 'SLT – koordinerende gruppe').chair?.roleTitle).toBe('SLT-koordinator');
    const decided = setup.focusAreas.find((f) => f.decisionReference)!;
    expect([decided.name, decided.decisionReference, decided.decisionDate]).toEqual([
      'Forebygging av organisert kriminalitet',
      'Kommunestyrevedtak 004/14',
      '2014-02-13',
    ]);
    expect(setup.focusAreas).toHaveLength(9);
    expect(setup.targetGroups.map((g) => g.name)).toEqual([
      'Unge utsatt for miljøer med rus, vold og kriminalitet',
      'Voldelig ekstremisme',
      'Trygt uteliv',
      'Kriminelle MC-gjenger',
      'Ansatte som arbeider med unge',
    ]);
    expectPhrases(text, ['være i forkant av kriminalitet', 'pådriver i SLT-modellen på alle nivåer', 'Rådhusplassen 3']);
    expect(setup.profile.parties.map((p) => p.kind)).toEqual(['police_station', 'county']);
    expect(setup.profile.contacts.map((c) => c.label)).toEqual(['SLT-koordinator i Kongsvinger']);
    // Internal parts are absent: the deputy contact, the internal concern channel, the draft agreement.
    expect(setup.profile.concernChannels).toEqual([]);
    expect(setup.profile.agreements).toEqual([]);
    expect(text).not.toContain('internt');
    expect(setup.centralActors.map((a) => a.name)).toContain('Kongsvinger politistasjon');
  });

  it('004 Aukra (nynorsk): 0–23 years, the meeting rules, five concern channels, the central actors', async () => {
    const { setup, text } = await publicSetup('1547');
    expect(setup.malform).toBe('nn');
    expect(setup.profile.leadText).toContain('SLT er ein samordningsmodell');
    expectPhrases(text, [
      'Rett tiltak til rett tid',
      'Inspirere, motivere og vere pådrivar',
      'felles ansvar for å halde kvarandre oppdatert',
    ]);
    expect(setup.targetGroups.map((g) => [g.ageFrom, g.ageTo])).toEqual([[0, 23]]);
    expect(tier(setup, 'Politirådet').meetingRule).toEqual({ kind: 'per_half_year', count: 2 });
    expect(tier(setup, 'Politirådet').responsibilities).toBe('Økonomi, prioritering og mål.');
    expect(tier(setup, 'Koordineringsgruppa').meetingRule).toEqual({ kind: 'spring_autumn', spring: 3, autumn: 2 });
    expect(tier(setup, 'Utførarnivå').mandate).toContain('tett på barn og unge');
    expect(setup.profile.concernChannels.map((c) => c.situation)).toEqual([
      'Er bekymra for eit ungdomsmiljø på din skole eller fritidsklubb/lag.',
      'Har fleire like saker i hjelpeapparatet der ungdommen samlast rundt avvikande åtferd.',
      'Dersom du i politiet ser utfordringar som knytte seg til fleire personar – rus, tjuveri, sedelighet.',
      'Er bekymra for hat-ytringar eller ekstreme miljø.',
      'Alvorlege enkeltsaker (mobbing, vald, rus).',
    ]);
    expect(setup.profile.contacts).toMatchObject([{ label: 'SLT-koordinator' }]);
    expect(setup.profile.visitingAddress).toBe('Aukra kommunehus\nNyjordvegen 12\n6480 Aukra');
    const actors = setup.centralActors.map((a) => a.name);
    for (const name of [
      'Barne- og ungdomsskulane',
      'Barnehagane',
      'Møre og Romsdal politidistrikt',
      'PPT',
      'Oppfølgingstenesta (OT)',
      'Vidaregåande skular',
      'Helsestasjon og skulehelsetenesta',
      'Barnevernet',
      'Barnevernsvakta',
      'Psykisk helse',
      'Spesialisthelsetenesta',
      'NAV',
      'Næringslivet',
      'Kultur',
      'Idretten',
      'Trussamfunn',
      'Ideelle organisasjonar',
      'Konfliktrådet',
    ])
      expect(actors, name).toContain(name);
    expect(setup.centralActors.find((a) => a.name === 'Trussamfunn')!.kind).toBe('faith_community');
  });
});
