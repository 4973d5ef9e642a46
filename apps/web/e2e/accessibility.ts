import type { Page } from 'playwright-core';
import { accessibilityViolations } from './harness';
import { journeyPages, settle } from './journeys';

/**
 * Every journey page in one language: axe's WCAG 2.1 AA violations, and buttons whose accessible
 * name does not start with their visible text. One file per language, so the two run side by side.
 */
export async function accessibilityProblems(page: Page, language: 'nb' | 'nn'): Promise<string[]> {
  const pages = await journeyPages(page);
  await page.getByLabel('Språk').selectOption(language);
  const problems: string[] = [];
  for (const path of pages) {
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
  return problems;
}
