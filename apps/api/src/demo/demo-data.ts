import type { Db } from '../db/client.js';
import { createMunicipalitiesRepository } from '../modules/municipalities/municipalities.repository.js';
import { loadDemoAccounts } from './demo-accounts.js';
import { loadDemoMeetings } from './demo-meetings.js';
import { loadDemoOrganizations } from './demo-organizations.js';
import { loadDemoPlans } from './demo-plans.js';
import { loadDemoProfiles } from './demo-profile.js';
import { loadDemoReports } from './demo-reports.js';
import { loadDemoSetups } from './demo-setup.js';

/**
 * Demo data: the settings of the five seed municipalities (see ../shared/seeds). Police districts
 * and målform are data each municipality sets; the demo sets them as the seed pages describe
 * (Aukra's page is written in nynorsk; Nesodden names Øst politidistrikt; Aukra the former Molde
 * politidistrikt, now Møre og Romsdal). Idempotent: it runs on every start in demo mode.
 */
const demoMunicipalities = [
  { kommunenummer: '3905', policeDistrict: 'sor-ost', malform: 'nb' }, // Tønsberg (hosts the SLT collaboration)
  { kommunenummer: '3911', policeDistrict: 'sor-ost', malform: 'nb' }, // Færder (formerly Nøtterøy), partner
  { kommunenummer: '3212', policeDistrict: 'ost', malform: 'nb' }, // Nesodden
  { kommunenummer: '4206', policeDistrict: 'agder', malform: 'nb' }, // Farsund
  { kommunenummer: '3401', policeDistrict: 'innlandet', malform: 'nb' }, // Kongsvinger
  { kommunenummer: '1547', policeDistrict: 'more-og-romsdal', malform: 'nn' }, // Aukra
] as const;

export async function loadDemoData(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const municipalities = createMunicipalitiesRepository(tx);
    for (const m of demoMunicipalities) {
      await municipalities.updateSettings(m.kommunenummer, { policeDistrict: m.policeDistrict, malform: m.malform });
    }
  });
  await loadDemoAccounts(db);
  await loadDemoOrganizations(db);
  await loadDemoSetups(db);
  await loadDemoMeetings(db);
  await loadDemoProfiles(db);
  await loadDemoPlans(db);
  await loadDemoReports(db);
}
