import type { Page } from 'playwright-core';
import { DEMO_USERS, signIn } from './harness';

/** The pages of the main journeys, as a coordinator reaches them (the meeting is added by `journeyPages`). */
export const PAGES = [
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
  '/municipalities/3401/annual-reports',
  '/municipalities/3401/grant-applications',
  '/municipalities/3401/status-analyses',
  '/',
];

/** Signs in as Kongsvinger's coordinator and returns every journey page: PAGES and the next meeting from the home page. */
export async function journeyPages(page: Page): Promise<string[]> {
  await signIn(page, DEMO_USERS.coordinator3401);
  const meeting = await page.getByRole('region', { name: 'Neste møter' }).getByRole('link').first().getAttribute('href');
  return [...PAGES, meeting!];
}

/**
 * Opens a page and waits until it has its heading and no query is still loading: <main> is
 * `aria-busy` while the page's data is arriving (see AppLayout). When the app is already loaded,
 * it navigates inside it, as a click on a link does (the router follows the browser's history),
 * instead of loading and starting the app again: a full load costs Chromium about 0.7 s of CPU,
 * most of the browser tests' time on a two-core machine. The page being left has its heading
 * marked, so the wait is for the new page's own heading.
 */
export async function settle(page: Page, path: string): Promise<void> {
  const inApp = await page.evaluate((to) => {
    const state = window.history.state as { __TSR_index?: number } | null;
    const heading = document.querySelector('main h1');
    if (typeof state?.__TSR_index !== 'number' || !heading) return false;
    if (window.location.pathname + window.location.search === to) return true;
    heading.setAttribute('data-left', '');
    const key = Math.random().toString(36).slice(2);
    const next = { __TSR_index: state.__TSR_index + 1, key, __TSR_key: key };
    window.history.pushState(next, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: next }));
    return true;
  }, path);
  if (!inApp) await page.goto(path);
  await page.locator('main h1:not([data-left])').first().waitFor();
  await page.locator('main[aria-busy="false"]').waitFor();
}
