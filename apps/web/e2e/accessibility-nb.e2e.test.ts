import { afterAll, beforeAll, it } from 'vitest';
import { accessibilityProblems } from './accessibility';
import { accessibilityViolations, startHarness, type Harness } from './harness';
import { settle } from './journeys';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

// The pages in two shares checked at once (see accessibilityProblems).
for (const index of [0, 1]) {
  it.concurrent(
    `every journey page passes axe in bokmål, and every button’s accessible name starts with its visible text (share ${index + 1} of 2)`,
    async ({ expect }) => {
      expect(await accessibilityProblems(await h.newPage(), 'nb', { index, of: 2 })).toEqual([]);
    },
    600_000,
  );
}

it.concurrent(
  'the check finds violations where there are some, also after navigating inside the app',
  async ({ expect }) => {
    const page = await h.newPage();
    await settle(page, '/municipalities/3401/slt');
    expect(await accessibilityViolations(page)).toEqual([]);
    await settle(page, '/municipalities/3401/meetings');
    // An image without a text alternative, and light grey text on white (set through the CSSOM:
    // the app's CSP refuses inline style attributes).
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      main.insertAdjacentHTML('beforeend', '<img src="/favicon.png"><p>Lys grå tekst</p>');
      Object.assign(main.querySelector<HTMLElement>('p:last-child')!.style, { color: '#bbb', background: '#fff' });
    });
    const found = (await accessibilityViolations(page)).map((v) => v.split(' ')[0]);
    expect(found).toEqual(expect.arrayContaining(['image-alt', 'color-contrast']));
  },
  300_000,
);
