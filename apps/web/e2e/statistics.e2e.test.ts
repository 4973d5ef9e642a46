import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, DEMO_USERS, signIn, startHarness, type Harness } from './harness';

const here = path.dirname(fileURLToPath(import.meta.url));
/** SSB table 08487 as PxWebApi v2 answers it (the API's fixture; fictional figures). */
const ssb08487 = readFileSync(path.resolve(here, '../../api/src/modules/indicator-sources/fixtures/ssb-08487-data.json'), 'utf8');

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A goal with an indicator linked to SSB 08487 and the fixture imported as a downloaded file, over the API. */
async function goalWithStatistics(): Promise<string> {
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
    await page
      .getByText(/Kilde: Kilde: Statistisk sentralbyrå|Kilde: Statistisk sentralbyrå/)
      .first()
      .waitFor();
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
