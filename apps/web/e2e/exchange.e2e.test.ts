import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, DEMO_USERS, signIn, startHarness, type Harness } from './harness';

let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(path.join(tmpdir(), 'slt-exchange-e2e-'));
});
afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Writes a file to upload into the test's temp directory and returns its path. */
function tempFile(name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** The created/updated/unchanged cells of a kind's row in the counts table. */
async function countsOf(page: Page, kind: string): Promise<string[]> {
  const row = page
    .getByTestId('import-counts')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: kind, exact: true }) });
  return row.getByRole('cell').allInnerTexts();
}

const GOOD = {
  format: 'slt-setup/1',
  organizations: [{ externalId: 'e2e-klubb', name: 'Fiktiv fritidsklubb (e2e)', kind: 'municipal_unit' }],
  members: [
    { externalId: 'e2e-p1', name: 'Eli Eksempelsen', roleTitle: 'Klubbleder', organization: 'e2e-klubb', email: 'eli@e2e.invalid' },
    { externalId: 'e2e-p2', name: 'Per Prøvesen', email: 'per@e2e.invalid' },
  ],
};

const BAD = {
  format: 'slt-setup/1',
  members: [
    { externalId: 'e2e-bad-1', name: 'Ola Ugyldig', organization: 'finnes-ikke' },
    { externalId: 'e2e-bad-1', name: 'Dobbel Dobbeltsen' },
  ],
};

describe('import and export in the web client (Chromium)', () => {
  it('the coordinator exports the setup, checks and imports a document, sees the new people, and gets every error of a bad one; every state passes axe', async () => {
    const page = await h.newPage();
    await signIn(page, DEMO_USERS.coordinator3401);

    // The people page first, so its list is cached when the import happens.
    await page.goto('/municipalities/3401/members');
    await page.getByRole('heading', { level: 1, name: 'Personer i SLT-nettverket i Kongsvinger' }).waitFor();
    await page.locator('table').first().waitFor();
    expect(await page.getByRole('cell', { name: 'Eli Eksempelsen', exact: true }).count()).toBe(0);

    // The page, from the coordinator's navigation.
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Import og eksport' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import og eksport for Kongsvinger' }).waitFor();
    expect(await page.title()).toBe('Import og eksport for Kongsvinger – SLT');
    expect(await page.getByRole('button', { name: 'Importer', exact: true }).isDisabled()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Export: the whole document…
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Last ned hele oppsettet (JSON)' }).click(),
    ]);
    expect(json.suggestedFilename()).toMatch(/^slt-3401-\d{4}-\d{2}-\d{2}\.json$/);
    const document = JSON.parse(readFileSync(await json.path(), 'utf8')) as { format: string; members?: { name: string }[] };
    expect(document.format).toBe('slt-setup/1');
    expect(document.members?.some((m) => m.name === 'Kari Koordinator')).toBe(true);
    await page.getByText(`${json.suggestedFilename()} er lastet ned.`).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // … and people as CSV, Norwegian headers for Excel.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned personer (CSV)' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^slt-3401-members-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(readFileSync(await csv.path(), 'utf8')).toMatch(/^\uFEFFEkstern id;Navn;Stilling/);

    // Import, step 1: the check shows the plan and writes nothing.
    await page.getByLabel('Fil som skal importeres').setInputFiles(tempFile('nye-personer.json', JSON.stringify(GOOD)));
    expect(await page.getByRole('group', { name: 'Hva inneholder CSV-filen?' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Sjekk filen' }).click();
    await page.getByRole('heading', { level: 3, name: 'Sjekk fullført: dette vil bli endret' }).waitFor();
    expect(await focusedId(page)).toBe('outcome-heading');
    expect(await countsOf(page, 'Personer')).toEqual(['2', '0', '0']);
    expect(await countsOf(page, 'Virksomheter')).toEqual(['1', expect.any(String), expect.any(String)]);
    const changes = page.getByTestId('import-changes');
    await changes.getByRole('row').filter({ hasText: 'e2e-p1' }).filter({ hasText: 'Ny' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Step 2: import, with one key however often it is clicked.
    const imports: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/import') && !request.url().includes('dryRun')) {
        imports.push(request.headers()['idempotency-key'] ?? '');
      }
    });
    const importButton = page.getByRole('button', { name: 'Importer', exact: true });
    expect(await importButton.isEnabled()).toBe(true);
    await importButton.dblclick();
    await page.getByRole('heading', { level: 3, name: 'Importen er fullført' }).waitFor();
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await focusedId(page)).toBe('outcome-heading');
    expect(await countsOf(page, 'Personer')).toEqual(['2', '0', '0']);
    expect(await importButton.isDisabled()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Back on the people page (in the app, from its cache): the import refreshed the list.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Personer i SLT-nettverket i Kongsvinger' }).waitFor();
    await page.getByRole('cell', { name: 'Eli Eksempelsen', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Per Prøvesen', exact: true }).waitFor();

    // A bad document: every error at its pointer, announced, nothing imported.
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: 'Import og eksport for Kongsvinger' }).waitFor();
    await page.getByLabel('Fil som skal importeres').setInputFiles(tempFile('feil.json', JSON.stringify(BAD)));
    await page.getByRole('button', { name: 'Sjekk filen' }).click();
    await page.getByRole('heading', { level: 3, name: 'Filen har 2 feil – ingenting er importert' }).waitFor();
    expect(await focusedId(page)).toBe('outcome-heading');
    const errors = page.getByTestId('import-errors');
    expect(await errors.getByRole('columnheader').allInnerTexts()).toEqual(['Hvor', 'Feil']);
    const pointers = await errors.locator('tbody tr td:first-child code').allInnerTexts();
    expect(pointers.sort()).toEqual(['/members/0/organization', '/members/1/externalId']);
    expect(await page.getByRole('button', { name: 'Importer', exact: true }).isDisabled()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('in nynorsk: a CSV file of people is recognised by its name, checked, and a bad row is pointed at by its line; the page passes axe', async () => {
    const page = await h.newPage();
    await signIn(page, DEMO_USERS.coordinator3401);
    await page.getByLabel('Språk').selectOption('nn');
    await page.getByRole('navigation', { name: 'Hovudmeny' }).getByRole('link', { name: 'Import og eksport' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import og eksport for Kongsvinger' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nn');

    const good = '\uFEFFEkstern id;Namn;E-post\r\ne2e-csv-1;Kari Kommaseparert;kari@e2e.invalid\r\n';
    await page.getByLabel('Fil som skal importerast').setInputFiles(tempFile('personar.csv', good));
    const entity = page.getByRole('group', { name: 'Kva inneheld CSV-fila?' });
    await entity.waitFor();
    expect(await entity.getByRole('radio', { name: 'Personar' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Sjekk fila' }).click();
    await page.getByRole('heading', { level: 3, name: 'Sjekken er ferdig: dette vil verte endra' }).waitFor();
    expect(await countsOf(page, 'Personar')).toEqual(['1', '0', '0']);
    expect(await accessibilityViolations(page)).toEqual([]);

    const bad = 'externalId,name,email\r\nx1,Ok Person,ok@e2e.invalid\r\nx2,,bad\r\n';
    await page.getByLabel('Fil som skal importerast').setInputFiles(tempFile('liste.csv', bad));
    expect(await entity.getByRole('radio', { name: 'Personar' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Sjekk fila' }).click();
    await page.getByRole('heading', { level: 3, name: 'Fila har 2 feil – ingenting er importert' }).waitFor();
    expect(
      await page
        .getByTestId('import-errors')
        .getByRole('row', { name: /\/members\/1\/email \(rad 3\)/ })
        .count(),
    ).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
