import type { Page } from 'playwright-core';
import { accessibilityViolations } from './harness';
import { journeyPages, settle } from './journeys';

/**
 * The journey pages in one language (all of them, or one of `part.of` interleaved shares):
 * axe's WCAG 2.1 AA violations, and buttons whose accessible name does not start with their
 * visible text. One file per language, so the two run side by side; within a file the shares run
 * at once in browser contexts of their own (axe's work is in Chromium's renderer processes, the
 * waiting in the test), so neither file is one long serial walk.
 */
export async function accessibilityProblems(
  page: Page,
  language: 'nb' | 'nn',
  part: { index: number; of: number } = { index: 0, of: 1 },
): Promise<string[]> {
  const pages = (await journeyPages(page)).filter((_, i) => i % part.of === part.index);
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
