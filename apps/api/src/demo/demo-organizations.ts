import type { OrganizationKind } from '@slt/shared';
import type { Db } from '../db/client.js';
import { organizations } from '../db/schema/index.js';

/**
 * Organizations the seed pages name (../shared/seeds): Aukra's list of central actors in
 * nynorsk (004), the police stations and services of the other four. Agencies, not people.
 */
const DEMO_ORGANIZATIONS: Record<string, [string, OrganizationKind][]> = {
  '1547': [
    ['Aukra kommune', 'municipal_unit'],
    ['Barne- og ungdomsskulane', 'school'],
    ['Barnehagane', 'municipal_unit'],
    ['Møre og Romsdal politidistrikt', 'police'],
    ['PPT', 'municipal_unit'],
    ['Oppfølgingstenesta (OT)', 'county'],
    ['Vidaregåande skular', 'county'],
    ['Helsestasjon og skulehelsetenesta', 'health'],
    ['Barnevernet', 'child_welfare'],
    ['Barnevernsvakta', 'child_welfare'],
    ['Psykisk helse', 'health'],
    ['Spesialisthelsetenesta', 'health'],
    ['NAV', 'state_agency'],
    ['Næringslivet', 'business'],
    ['Kultur', 'municipal_unit'],
    ['Idretten', 'volunteer'],
    ['Trussamfunn', 'faith_community'],
    ['Ideelle organisasjonar', 'volunteer'],
    ['Konfliktrådet', 'state_agency'],
  ],
  '3401': [
    ['Kongsvinger kommune', 'municipal_unit'],
    ['Kulturenheten', 'municipal_unit'],
    ['Kongsvinger politistasjon', 'police'],
    ['Barnevernstjenesten', 'child_welfare'],
    ['NAV Kongsvinger', 'state_agency'],
    ['Innlandet fylkeskommune', 'county'],
    ['Helsestasjon og skolehelsetjenesten', 'health'],
  ],
  '3905': [
    ['Tønsberg kommune', 'municipal_unit'],
    ['Færder kommune', 'municipal_unit'],
    ['Tønsberg politistasjon', 'police'],
    ['Skolene i Tønsberg', 'school'],
  ],
  '3212': [
    ['Nesodden kommune', 'municipal_unit'],
    ['Øst politidistrikt', 'police'],
    ['Barnevernet', 'child_welfare'],
    ['Helsesykepleierne', 'health'],
  ],
  '4206': [
    ['Farsund kommune', 'municipal_unit'],
    ['Agder politidistrikt', 'police'],
    ['Teknisk etat', 'municipal_unit'],
  ],
};

/** Adds the demo organizations that are missing (one statement; existing names are left alone). */
export async function loadDemoOrganizations(db: Db): Promise<void> {
  const rows = Object.entries(DEMO_ORGANIZATIONS).flatMap(([kommunenummer, list]) =>
    list.map(([name, kind]) => ({ kommunenummer, name, kind })),
  );
  await db
    .insert(organizations)
    .values(rows)
    .onConflictDoNothing({ target: [organizations.kommunenummer, organizations.name] });
}
