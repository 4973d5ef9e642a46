import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, DEMO_USERS, signIn, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The pages of the main journeys, as a coordinator reaches them (the meeting: the next one on the home page). */
const PAGES = [
  '/municipalities/3401/home',
  '/municipalities/3401',
  '/municipalities/3401/slt',
  '/municipalities/3401/meetings',
  '/municipalities/3401/year-plan',
  '/municipalities/3401/tasks',
  '/municipalities/3401/tiers',
  '/municipalities/3401/members',
  '/municipalities/3401/organizations',
  '/municipalities/3401/target-groups',
  '/municipalities/3401/focus-areas',
  '/municipalities/3401/goals',
  '/municipalities/3401/measures',
  '/municipalities/3401/users',
  '/municipalities/3401/api-tokens',
  '/municipalities/3401/audit',
  '/municipalities/3401/exchange',
  '/',
];

async function settle(page: Page, path: string) {
  await page.goto(path);
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe('a 375 px phone (Chromium)', () => {
  it('every page of the main journeys fits the screen: no horizontal scroll', async () => {
    const context = await h.browser.newContext({ baseURL: h.baseUrl, locale: 'nb-NO', viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await signIn(page, DEMO_USERS.coordinator3401);
    const meeting = await page.getByRole('region', { name: 'Neste møter' }).getByRole('link').first().getAttribute('href');
    const wide: string[] = [];
    for (const path of [...PAGES, meeting!]) {
      await settle(page, path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 375) {
        // Name the widest elements, so a failure says where to look.
        const culprits = await page.evaluate(() =>
          [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > 376 && e.getBoundingClientRect().width > 0)
            .slice(-4)
            .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${Math.round(e.getBoundingClientRect().right)}`),
        );
        wide.push(`${path}: ${width} px (${culprits.join(', ')})`);
      }
    }
    expect(wide).toEqual([]);
    await context.close();
  });

  it('every page passes axe in bokmål and nynorsk, and every button’s accessible name starts with its visible text', async () => {
    const page = await h.newPage();
    await signIn(page, DEMO_USERS.coordinator3401);
    const meeting = await page.getByRole('region', { name: 'Neste møter' }).getByRole('link').first().getAttribute('href');
    const problems: string[] = [];
    for (const language of ['nb', 'nn']) {
      await page.getByLabel('Språk').selectOption(language);
      for (const path of [...PAGES, meeting!]) {
        await settle(page, path);
        for (const violation of await accessibilityViolations(page)) problems.push(`${language} ${path}: ${violation}`);
        const misnamed = await page.evaluate(() =>
          [...document.querySelectorAll('button')]
            .map((b) => ({ text: (b.innerText || '').trim(), name: (b.getAttribute('aria-label') ?? (b.innerText || '')).trim() }))
            .filter((b) => b.text && !b.name.startsWith(b.text))
            .map((b) => `"${b.name}" (shows "${b.text}")`),
        );
        for (const m of misnamed) problems.push(`${language} ${path}: button ${m}`);
      }
    }
    expect(problems).toEqual([]);
    await page.getByLabel('Språk').selectOption('nb');
  }, 600_000);
});
