import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CountyRow, MunicipalitiesRepository, ReferenceMunicipality } from './municipalities.repository.js';

/** apps/api/data: copies of the shared reference data, with their attribution (see data/README.md). */
const dataDir = fileURLToPath(new URL('../../../data/', import.meta.url));

function parseSemicolonFile(text: string, expectedHeader: string): string[][] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const [header, ...rows] = lines;
  if (header !== expectedHeader) throw new Error(`Unexpected reference data header: ${header}`);
  return rows.map((line) => line.split(';').map((cell) => cell.trim()));
}

/** Reads data/fylker.csv and data/kommuner.csv (the reference files' fixed, unquoted format). */
export async function readReferenceData(): Promise<{ counties: CountyRow[]; municipalities: ReferenceMunicipality[] }> {
  const [fylker, kommuner] = await Promise.all([readFile(`${dataDir}fylker.csv`, 'utf8'), readFile(`${dataDir}kommuner.csv`, 'utf8')]);
  const counties = parseSemicolonFile(fylker, 'fylkesnummer;fylkesnavn').map(([number, name]) => ({
    number: String(number).padStart(2, '0'),
    name: String(name),
  }));
  const countyNumbers = new Set(counties.map((c) => c.number));
  const municipalities = parseSemicolonFile(kommuner, 'kommunenummer;kommunenavn;fylke').map(([kommunenummer, name]) => {
    const number = String(kommunenummer);
    // The county is the first two digits of the kommunenummer.
    const countyNumber = number.slice(0, 2);
    if (!/^[0-9]{4}$/.test(number) || !countyNumbers.has(countyNumber)) {
      throw new Error(`Reference data: bad kommunenummer ${number}`);
    }
    return { kommunenummer: number, name: String(name), countyNumber };
  });
  return { counties, municipalities };
}

/** Brings the municipality reference data up to date (idempotent; runs on every start). */
export async function syncReferenceData(repository: Pick<MunicipalitiesRepository, 'upsertReferenceData'>) {
  const { counties, municipalities } = await readReferenceData();
  await repository.upsertReferenceData(counties, municipalities);
  return { counties: counties.length, municipalities: municipalities.length };
}
