import { loadDemoData } from '../demo/demo-data.js';
import { createMunicipalitiesRepository } from '../modules/municipalities/municipalities.repository.js';
import { syncReferenceData } from '../modules/municipalities/reference-data.js';
import type { Database } from './client.js';

/** Makes a database ready to serve: migrations, reference data, and demo data when asked. */
export async function prepareDatabase(database: Database, options: { demoData: boolean }) {
  await database.migrate();
  const reference = await syncReferenceData(createMunicipalitiesRepository(database.db));
  if (options.demoData) await loadDemoData(database.db);
  return reference;
}
