import { afterAll, beforeAll, it } from 'vitest';
import { accessibilityProblems } from './accessibility';
import { startHarness, type Harness } from './harness';

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
