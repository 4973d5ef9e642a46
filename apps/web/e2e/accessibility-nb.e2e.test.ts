import { afterAll, beforeAll, expect, it } from 'vitest';
import { accessibilityProblems } from './accessibility';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

it('every journey page passes axe in bokmål, and every button’s accessible name starts with its visible text', async () => {
  expect(await accessibilityProblems(await h.newPage(), 'nb')).toEqual([]);
}, 600_000);
