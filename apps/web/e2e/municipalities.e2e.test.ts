import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('municipality search and page (Chromium)', () => {
  it('searches "Kongs", opens Kongsvinger, switches to nynorsk; both pages pass axe (WCAG 2.1 A/AA)', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await expect.poll(() => page.title()).toBe('Finn kommune – SLT');
    expect(await page.getAttribute('html', 'lang')).toBe('nb');

    await page.getByLabel('Søk etter kommune').pressSequentially('Kongs');
    await page.getByText('2 kommuner vist').waitFor();
    expect(page.url()).toContain('q=Kongs');
    expect(await page.getByRole('link', { name: 'Kongsberg' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Kongsvinger' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Kongsvinger' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kongsvinger' }).waitFor();
    expect(page.url()).toMatch(/\/municipalities\/3401$/);
    await expect.poll(() => page.title()).toBe('Kongsvinger – SLT');
    // Focus moves to the new page's content, not left on a link that is gone.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    const facts = await page.locator('dl.facts').innerText();
    expect(facts).toContain('Innlandet');
    expect(facts).toContain('3401');
    expect(facts).toContain('Politidistrikt');

    await page.getByLabel('Språk').selectOption('nn');
    // The nynorsk catalog loads on demand: wait for the switch, not for a link whose text is the same in both.
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('nn');
    await page.getByRole('link', { name: 'Kommunar' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Fakta om kommunen' }).isVisible()).toBe(true);
    expect(await page.locator('dl.facts').innerText()).toContain('Bokmål');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Back in history: the search is kept (it lives in the URL), now in nynorsk.
    await page.goBack();
    await page.getByText('2 kommunar viste').waitFor();
    expect(await page.getByLabel('Søk etter kommune').inputValue()).toBe('Kongs');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('filters by county and pages with "show more"; the back button and the header link follow the URL', async () => {
    const page = await h.newPage();
    await page.goto('/');
    await page.getByText('50 kommuner vist').waitFor();
    await page.getByRole('button', { name: 'Vis flere' }).click();
    await page.getByText('100 kommuner vist').waitFor();
    await page.getByLabel('Fylke').selectOption('34');
    await page.getByRole('link', { name: 'Kongsvinger' }).waitFor();
    expect(page.url()).toContain('county=34');
    await page.getByLabel('Fylke').selectOption('03');
    await page.getByRole('link', { name: 'Oslo' }).waitFor();

    await page.goBack();
    await page.getByRole('link', { name: 'Kongsvinger' }).waitFor();
    expect(await page.getByLabel('Fylke').inputValue()).toBe('34');

    await page.getByLabel('Søk etter kommune').fill('Kongs');
    await page.waitForURL(/q=Kongs/);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Kommuner' }).click();
    await page.getByRole('link', { name: 'Oslo' }).waitFor();
    expect(await page.getByLabel('Søk etter kommune').inputValue()).toBe('');
    expect(new URL(page.url()).search).toBe('');
    await page.context().close();
  });

  it('says so when a municipality does not exist', async () => {
    const page = await h.newPage();
    await page.goto('/municipalities/9999');
    await page.getByRole('alert').filter({ hasText: 'Fant ingen kommune med nummer 9999.' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Fant ikke kommunen');
    expect(await page.title()).toBe('Fant ikke kommunen – SLT');
    expect(await accessibilityViolations(page)).toEqual([]);

    // A malformed number (the API answers 400) is not found either.
    await page.goto('/municipalities/abc');
    await page.getByRole('alert').filter({ hasText: 'Fant ingen kommune med nummer abc.' }).waitFor();
    await page.context().close();
  });
});
