import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSourceServer } from '@slt/api/test/statistics-sources';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from './env';
import { accessibilityViolations, DEMO_USERS, signIn, startHarness, type Harness } from './harness';

const here = path.dirname(fileURLToPath(import.meta.url));
/** SSB table 08487 as PxWebApi v2 answers it (the API's fixture; fictional figures). */
const ssb08487 = readFileSync(path.resolve(here, '../../api/src/modules/indicator-sources/fixtures/ssb-08487-data.json'), 'utf8');

let h: Harness;
/** The local stand-in for SSB's PxWebApi and KLASS (and FHI) the API fetches from, answering from the fixtures. */
let sources: Awaited<ReturnType<typeof startSourceServer>>;
beforeAll(async () => {
  sources = await startSourceServer();
  const { ssbApiUrl, klassApiUrl, fhiApiUrl } = sources.config;
  h = await startHarness({ apiEnv: { SSB_API_URL: ssbApiUrl, KLASS_API_URL: klassApiUrl, FHI_API_URL: fhiApiUrl } });
});
afterAll(async () => {
  await h?.close();
  await sources?.close();
});

/** A coordinator's bearer and a writer to 3401's API, for what a test sets up without the browser. */
async function api() {
  const login = await fetch(`${h.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_USERS.coordinator3401.email, password: 'demo-password' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const send = async (method: string, url: string, body: unknown, etag?: string) => {
    const response = await fetch(`${h.baseUrl}/api/v1/municipalities/3401${url}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json', ...(etag ? { 'if-match': etag } : {}) },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return { body: (await response.json()) as { id: string; indicators: { id: string }[] }, etag: response.headers.get('etag') ?? '' };
  };
  return send;
}

/** A goal with an indicator linked to SSB 08487 and the fixture imported as a downloaded file, over the API. */
async function goalWithStatistics(): Promise<string> {
  const send = await api();
  const goal = await send('POST', '/goals', { title: 'Færre anmeldte lovbrudd (e2e)' });
  const withIndicator = await send(
    'POST',
    `/goals/${goal.body.id}/indicators`,
    { name: 'Anmeldte lovbrudd', unit: 'count', direction: 'decrease' },
    goal.etag,
  );
  const source = `/goals/${goal.body.id}/indicators/${withIndicator.body.indicators[0]!.id}/source`;
  await send(
    'PUT',
    source,
    {
      provider: 'ssb',
      tableId: '08487',
      selection: [
        { dimension: 'Lovbruddsgruppe', values: ['VALLE', 'V04'] },
        { dimension: 'ContentsCode', values: ['Lovbrudd'] },
      ],
      periods: 4,
    },
    '*',
  );
  await send('POST', `${source}/file`, { format: 'json-stat2', content: ssb08487 });
  return goal.body.id;
}

describe('official statistics on the goal page (Chromium)', () => {
  it('shows the chart with county and national comparison, suppressed values as "<5" with a footnote, a table alternative, and passes axe', async () => {
    const goalId = await goalWithStatistics();
    const page = await h.newPage();
    await signIn(page, DEMO_USERS.coordinator3401);
    await page.goto(`/municipalities/3401/goals/${goalId}`);
    await page.getByRole('heading', { name: 'Offisiell statistikk' }).waitFor();
    const figure = page.getByRole('figure').filter({ hasText: 'Rusmiddellovbrudd' });
    await expect
      .poll(async () => (await figure.getByRole('listitem').allInnerTexts()).map((text) => text.trim()))
      .toEqual(['Kommunen (Kongsvinger)', 'Fylket (Innlandet)', 'Hele landet (Hele landet)']);
    expect(await figure.getByRole('img').getAttribute('aria-label')).toContain('Kongsvinger: 2017-2018 ');
    await figure.getByText(/Prikket: verdien er skjult/).waitFor();
    // The table alternative: one row per period, one column per region; the withheld value is "<5", never 0.
    const table = figure.getByRole('table', { name: 'Verdier for Rusmiddellovbrudd · Anmeldte lovbrudd (gjennomsnitt for 2 år)' });
    const lastRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '2022-2023' }) });
    expect((await lastRow.getByRole('cell').allInnerTexts())[0]).toBe('<5');
    await page.getByText('Kilde: Statistisk sentralbyrå (SSB), tabell 08487, CC BY 4.0').first().waitFor();
    // Uploaded as a file: the table says so.
    expect(await lastRow.getByRole('cell').last().innerText()).toBe('Fil');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('a coordinator links an indicator to SSB 08487 in the form (a bad selection is refused at its field), fetches it, and sees the values with the attribution', async () => {
    const send = await api();
    const goal = await send('POST', '/goals', { title: 'Færre rusmiddellovbrudd (e2e, kobling)' });
    await send('POST', `/goals/${goal.body.id}/indicators`, { name: 'Rusmiddellovbrudd', unit: 'count', direction: 'decrease' }, goal.etag);
    const page = await h.newPage();
    await signIn(page, DEMO_USERS.coordinator3401);
    await page.goto(`/municipalities/3401/goals/${goal.body.id}`);
    await page.getByText('Koble til offisiell statistikk').click();
    const form = page.locator('form[id^="source-link-"]');
    await form.getByRole('textbox', { name: /Tabell-ID/ }).fill('08487');
    const selection = form.getByRole('textbox', { name: /Utvalg/ });
    // The region is chosen by the import: naming it in the selection is refused, at the field, in Norwegian.
    await selection.fill('Region=3401\nContentsCode=Lovbrudd');
    await form.getByRole('spinbutton', { name: 'Antall siste perioder' }).fill('4');
    await form.getByRole('button', { name: 'Koble til' }).click();
    await expect.poll(() => selection.getAttribute('aria-invalid')).toBe('true');
    await form.getByText('Verdien er ikke gyldig.').waitFor();
    expect(sources.requests.filter((r) => r.url.includes('/ssb/tables/08487/data'))).toEqual([]);

    await selection.fill('Lovbruddsgruppe=VALLE,V04\nContentsCode=Lovbrudd');
    await form.getByRole('button', { name: 'Koble til' }).click();
    await page.getByText('Koblingen er lagret. Trykk «Hent nå» for å hente verdiene.').waitFor();
    await page.getByRole('button', { name: 'Hent nå' }).click();
    await page.getByText(/^Hentet: 24 nye, 0 endret, 0 uendret\.$/).waitFor();
    // The values from the local SSB, with the source named as CC BY 4.0 asks.
    await page.getByText('Kilde: Statistisk sentralbyrå (SSB), tabell 08487, CC BY 4.0').first().waitFor();
    const table = page.getByRole('table', { name: /^Verdier for Rusmiddellovbrudd/ });
    const lastRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '2022-2023' }) });
    // The table renders once the fetched values are read again: wait for the row, then read it.
    await lastRow.getByRole('cell').first().waitFor();
    const cells = await lastRow.getByRole('cell').allInnerTexts();
    expect(cells[0]).toBe('<5');
    expect(cells.at(-1)).toBe('SSB');
    expect(sources.requests.some((r) => r.url.startsWith('/ssb/tables/08487/data'))).toBe(true);
    if (env.screenshotDir) {
      await page.screenshot({ path: path.join(env.screenshotDir, 'goal-statistics-desktop.png'), fullPage: true });
      await page.setViewportSize({ width: 375, height: 800 });
      await page.screenshot({ path: path.join(env.screenshotDir, 'goal-statistics-375.png'), fullPage: true });
    }
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('the chart is a chunk of its own, not in the initial bundle', () => {
    const assets = readdirSync(path.resolve(here, '../dist/assets'));
    const chunk = assets.find((f) => /^IndicatorSourcePanel-.*\.js$/.test(f));
    expect(chunk).toBeDefined();
    const html = readFileSync(path.resolve(here, '../dist/index.html'), 'utf8');
    const entry = /src="\/assets\/(index-[^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const initial = readFileSync(path.resolve(here, '../dist/assets', entry!), 'utf8');
    expect(initial).not.toContain('chart-line-country');
    expect(html).not.toContain('IndicatorSourcePanel');
    expect(assets.some((f) => /^IndicatorChart-.*\.js$/.test(f))).toBe(true);
  });
});
