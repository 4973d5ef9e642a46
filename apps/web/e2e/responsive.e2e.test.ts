import { afterAll, beforeAll, describe, it } from 'vitest';
import { accessibilityViolations, DEMO_USERS, signIn, startHarness, type Harness } from './harness';
import { journeyPages, settle } from './journeys';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

// The two tests are independent (each has its own browser context and sign-in) and run at once.
describe.concurrent('a 375 px phone (Chromium)', () => {
  it('every page of the main journeys fits the screen: no horizontal scroll', async ({ expect }) => {
    const context = await h.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const path of await journeyPages(page)) {
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

  it('the "Ny …" forms and a confirmation dialog fit the phone and pass axe, in bokmål and nynorsk', async ({ expect }) => {
    const context = await h.newContext({ viewport: { width: 375, height: 800 } });
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
