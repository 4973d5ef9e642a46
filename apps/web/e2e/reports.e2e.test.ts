import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, DEMO_USERS, signIn, startHarness, type Harness } from './harness';
import { env } from './env';
import { settle } from './journeys';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Screenshots of each page for a look by eye, when SCREENSHOT_DIR names a folder. */
const SHOTS = env.screenshotDir;
async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

const nb = {
  menu: 'Hovedmeny',
  home: 'Hjem',
  annualReport: 'Årsrapport',
  grants: 'Tilskudd',
  statusAnalyses: 'Kartlegging',
  summary: 'Oppsummering',
  text: 'Koordinatorens tekst',
  saveText: 'Lagre teksten til «Oppsummering»',
  textSaved: 'Teksten til «Oppsummering» er lagret.',
  tooLong: 'Kan ikke være lengre enn 4000 tegn.',
  title: 'Tittel',
  applied: 'Søkt beløp (kr)',
  ownFunding: 'Egenfinansiering (kr)',
  line: 'Post 1',
  lineBudget: 'Budsjett (kr) 1',
  create: 'Lagre søknaden',
  warning: 'Egenfinansieringen er under 20 %',
  report: 'Rapport',
  indicators: 'Indikatorer',
  docx: 'Last ned som Word (DOCX)',
  pdf: 'Last ned som PDF',
};

const JOURNEYS = [
  {
    user: DEMO_USERS.coordinator3401,
    language: 'nb' as const,
    kommunenummer: '3401',
    municipality: 'Kongsvinger',
    goal: 'Færre unge som begår lovbrudd',
    words: nb,
  },
  {
    user: DEMO_USERS.coordinator1547,
    language: 'nn' as const,
    kommunenummer: '1547',
    municipality: 'Aukra',
    goal: 'Samordne det rus- og kriminalitetsførebyggande arbeidet kring barn og unge i Aukra',
    words: {
      ...nb,
      menu: 'Hovudmeny',
      home: 'Heim',
      grants: 'Tilskot',
      text: 'Teksten til koordinatoren',
      textSaved: 'Teksten til «Oppsummering» er lagra.',
      tooLong: 'Kan ikkje vere lengre enn 4000 teikn.',
      ownFunding: 'Eigenfinansiering (kr)',
      warning: 'Eigenfinansieringa er under 20 %',
      indicators: 'Indikatorar',
    },
  },
];

describe('årsrapport, tilskudd and kartlegging (Chromium)', () => {
  it.each(JOURNEYS)(
    'the $municipality coordinator reaches the three pages from the home, writes a report text, applies for a grant ($language)',
    async ({ user, language, kommunenummer, municipality, goal, words: w }) => {
      const page = await h.newPage();
      await signIn(page, user);
      if (language === 'nn') await page.getByLabel('Språk').selectOption('nn');
      const home = async () => {
        await page.getByRole('navigation', { name: w.menu }).getByRole('link', { name: w.home }).click();
        await page.getByRole('heading', { level: 2, name: 'Alle sider' }).waitFor();
      };

      // Årsrapport: every section, the coordinator's text (refused when too long, at the field), the documents.
      await home();
      await page.getByRole('link', { name: w.annualReport, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(`^${w.annualReport} \\d{4} for ${municipality}$`) }).waitFor();
      await page.locator('main[aria-busy="false"]').waitFor();
      const summary = page.getByRole('region', { name: w.summary, exact: true });
      await summary.getByLabel(w.text).fill('x'.repeat(4001));
      await summary.getByRole('button', { name: w.saveText }).click();
      await summary.getByText(w.tooLong).waitFor();
      const text = `${municipality}: fleire møte i koordineringsgruppa neste år (nettlesartest).`;
      await summary.getByLabel(w.text).fill(text);
      await summary.getByRole('button', { name: w.saveText }).click();
      await summary.getByText(w.textSaved).waitFor();
      expect(await summary.getByLabel(w.text).inputValue()).toBe(text);
      // Away and back: the page reads the texts again, and the field shows what the server holds.
      await home();
      await page.getByRole('link', { name: w.annualReport, exact: true }).click();
      await page.locator('main[aria-busy="false"]').waitFor();
      await expect.poll(() => summary.getByLabel(w.text).inputValue()).toBe(text);
      await page.getByRole('button', { name: w.docx }).waitFor();
      await page.getByRole('button', { name: w.pdf }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await shot(page, `annual-report-${language}-desktop`);

      // Tilskudd: a new application with own funding under 20 % shows the warning; the report lists its goal.
      await home();
      await page.getByRole('link', { name: w.grants, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: `${w.grants} for ${municipality}` }).waitFor();
      await page.locator('main[aria-busy="false"]').waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await shot(page, `grants-${language}-desktop`);
      const title = `SLT-tilskot ${municipality} 2027 (nettlesar)`;
      await page.getByLabel(w.title, { exact: true }).fill(title);
      await page.getByLabel(w.applied).fill('800000');
      await page.getByLabel(w.ownFunding).fill('100000');
      await page.getByRole('checkbox', { name: goal }).check();
      await page.getByLabel(w.line, { exact: true }).fill('Lønn SLT-koordinator');
      await page.getByLabel(w.lineBudget, { exact: true }).fill('900000');
      await page.getByRole('button', { name: w.create }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText(w.warning).waitFor();
      await page.getByRole('region', { name: w.report, exact: true }).getByRole('heading', { level: 3, name: goal }).waitFor();
      await page.getByRole('button', { name: w.docx }).waitFor();
      await page.getByRole('button', { name: w.pdf }).waitFor();
      await page.locator('main[aria-busy="false"]').waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await shot(page, `grant-${language}-desktop`);

      // Kartlegging: the list, the demo's kartlegging with its computed indicators and charts.
      await home();
      await page.getByRole('link', { name: w.statusAnalyses, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: `${w.statusAnalyses} for ${municipality}` }).waitFor();
      await page.locator('main[aria-busy="false"]').waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await shot(page, `status-analyses-${language}-desktop`);
      await page.getByRole('link', { name: 'Kartlegging 2026' }).click();
      await page.getByRole('heading', { level: 1, name: 'Kartlegging 2026' }).waitFor();
      await page.getByRole('region', { name: w.indicators, exact: true }).waitFor();
      await page.getByRole('button', { name: w.docx }).waitFor();
      await page.locator('main[aria-busy="false"]').waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await shot(page, `status-analysis-${language}-desktop`);
      expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/municipalities/${kommunenummer}/status-analyses/[0-9a-f-]{36}$`));
      await page.context().close();
    },
  );

  it('each new page fits a 375 px phone and passes axe, in bokmål and nynorsk', async () => {
    const context = await h.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await signIn(page, DEMO_USERS.coordinator3401);
    const problems: string[] = [];
    const grantHref = async () => {
      await settle(page, '/municipalities/3401/grant-applications');
      return (await page.locator('main table a').first().getAttribute('href'))!;
    };
    const statusHref = async () => {
      await settle(page, '/municipalities/3401/status-analyses');
      return (await page.locator('main table a').first().getAttribute('href'))!;
    };
    const paths = [
      '/municipalities/3401/annual-reports',
      '/municipalities/3401/grant-applications',
      await grantHref(),
      '/municipalities/3401/status-analyses',
      await statusHref(),
      (await planHref(page)) ?? '/municipalities/3401/plans',
    ];
    for (const language of ['nb', 'nn'] as const) {
      if (language === 'nn') await page.getByLabel('Språk').selectOption('nn');
      for (const p of paths) {
        await settle(page, p);
        const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        if (scrollWidth > innerWidth) problems.push(`${language} ${p}: ${scrollWidth} > ${innerWidth}`);
        for (const violation of await accessibilityViolations(page)) problems.push(`${language} ${p}: ${violation}`);
        await shot(page, `${language}-375-${p.split('/').slice(3).join('-').slice(0, 40)}`);
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** A plan of Kongsvinger (its page shows the goals' charts), when the demo has one. */
async function planHref(page: Page): Promise<string | null> {
  await settle(page, '/municipalities/3401/plans');
  const link = page.locator('main table a').first();
  return (await link.count()) > 0 ? link.getAttribute('href') : null;
}
