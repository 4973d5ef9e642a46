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
  it('the "Ny …" forms and a confirmation dialog fit the phone and pass axe, in bokmål and nynorsk', async () => {
    const context = await h.browser.newContext({ baseURL: h.baseUrl, locale: 'nb-NO', viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await signIn(page, DEMO_USERS.coordinator3401);
    const problems: string[] = [];
    const check = async (what: string) => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 375) problems.push(`${what}: ${width} px wide`);
      for (const violation of await accessibilityViolations(page)) problems.push(`${what}: ${violation}`);
    };
    const FORMS = {
      nb: [
        ['/municipalities/3401/members', 'Ny person', '#members-new-form'],
        ['/municipalities/3401/organizations', 'Ny virksomhet', '#organizations-new-form'],
        ['/municipalities/3401/measures', 'Nytt tiltak', '#measures-new-form'],
        ['/municipalities/3401/meetings', 'Nytt møte', '#schedule-form'],
      ],
      nn: [
        ['/municipalities/3401/members', 'Ny person', '#members-new-form'],
        ['/municipalities/3401/organizations', 'Ny verksemd', '#organizations-new-form'],
        ['/municipalities/3401/measures', 'Nytt tiltak', '#measures-new-form'],
        ['/municipalities/3401/meetings', 'Nytt møte', '#schedule-form'],
      ],
    } as const;
    for (const language of ['nb', 'nn'] as const) {
      await page.getByLabel('Språk').selectOption(language);
      for (const [path, button, form] of FORMS[language]) {
        await settle(page, path);
        await page.getByRole('button', { name: button, exact: true }).click();
        await page.locator(form).waitFor();
        // The opened form's first field has the focus.
        expect(await page.evaluate((f) => document.querySelector(f)?.contains(document.activeElement) ?? false, form)).toBe(true);
        await check(`${language} ${path} "${button}"`);
      }
      // A delete asks in a modal dialog.
      await settle(page, '/municipalities/3401/year-plan');
      await page.locator('main button[aria-label^="Slett"]').first().click();
      await page.getByRole('dialog').waitFor();
      await check(`${language} year plan: delete confirmation`);
      await page.getByRole('dialog').getByRole('button', { name: 'Avbryt' }).click();
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});
