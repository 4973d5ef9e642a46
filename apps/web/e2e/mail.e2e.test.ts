import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, DEMO_USERS, signIn, startHarness, type Harness } from './harness';

/**
 * Issue 21 in the browser: the coordinator gives a tier a notice rule in the tier form; without
 * SMTP_URL the worker keeps the notices in the outbox, and the outbox page (reached from the home
 * page) shows what would have been sent, in bokmål and nynorsk.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function nextPlannedMeeting() {
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Oslo' });
  const response = await fetch(`${h.baseUrl}/api/v1/municipalities/3401/meetings?from=${today}&status=planned`);
  const { items } = (await response.json()) as { items: { tierId: string; startsAt: string; title: string }[] };
  const meeting = items.find((m) => Date.parse(m.startsAt) > Date.now() + 3_600_000)!;
  const tier = (await (await fetch(`${h.baseUrl}/api/v1/municipalities/3401/slt`)).json()) as { tiers: { id: string; name: string }[] };
  return { ...meeting, tierName: tier.tiers.find((t) => t.id === meeting.tierId)!.name };
}

describe('mail rules and the outbox (Chromium)', () => {
  it("a tier's notice rule queues its next meeting's notice by itself; the outbox page shows it waiting, in nb and nn", async () => {
    const meeting = await nextPlannedMeeting();
    const days = Math.min(60, Math.ceil((Date.parse(meeting.startsAt) - Date.now()) / 86_400_000) + 1);
    const page = await h.newPage();
    await signIn(page, DEMO_USERS.coordinator3401);
    await page.goto('/municipalities/3401/tiers');
    await page.getByRole('button', { name: `Endre ${meeting.tierName}` }).click();
    const form = page.locator('#tiers-edit-form');
    await form.getByLabel('Send innkalling automatisk (dager før møtet)').fill(String(days));
    expect(await form.getByRole('checkbox', { name: /Påminnelser om oppfølgingspunkter/ }).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText(`«${meeting.tierName}» er lagret.`).waitFor();

    await page.goto('/municipalities/3401/home');
    await page.getByRole('link', { name: 'Utgående e-post' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utgående e-post for Kongsvinger' }).waitFor();
    // The worker polls every 5 s: reload until the notice is there.
    for (let i = 0; i < 30 && (await page.getByRole('cell', { name: new RegExp(`^Innkalling: ${meeting.title}`) }).count()) === 0; i++) {
      await page.waitForTimeout(2_000);
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
    }
    await page
      .getByRole('cell', { name: new RegExp(`^Innkalling: ${meeting.title}`) })
      .first()
      .waitFor();
    expect(await page.getByText('Venter', { exact: true }).count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page), 'nb').toEqual([]);
    await page.getByLabel('Språk').selectOption('nn');
    await page.getByRole('heading', { level: 1, name: 'Utgåande e-post for Kongsvinger' }).waitFor();
    expect(await accessibilityViolations(page), 'nn').toEqual([]);
    await page.context().close();
  });
});
