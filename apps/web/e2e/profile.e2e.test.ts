import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, DEMO_USERS, signIn, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the setup profile pages (Chromium)', () => {
  it('are reached from the setup navigation, save a concern channel, and pass axe in bokmål, nynorsk and English', async () => {
    const page = await h.newPage();
    await signIn(page, DEMO_USERS.coordinator3401);
    await page.goto('/municipalities/3401/slt');
    await page.getByRole('navigation', { name: 'SLT-oppsettet' }).getByRole('link', { name: 'Profil og avtaler' }).click();
    await page.getByRole('heading', { level: 1, name: 'SLT-profilen til Kongsvinger' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Navn på samarbeidet' }).inputValue()).toBe('SLT Kongsvinger');
    expect(await accessibilityViolations(page), 'about').toEqual([]);

    const parts = page.getByRole('navigation', { name: 'Deler av profilen' });
    for (const [link, text] of [
      ['Kontaktpersoner', 'SLT-koordinator i Kongsvinger'],
      ['Parter og avtaler', 'Kongsvinger politistasjon'],
      ['Planer', 'Legg til'],
    ] as const) {
      await parts.getByRole('link', { name: link }).click();
      await page.getByText(text).first().waitFor();
      expect(await accessibilityViolations(page), link).toEqual([]);
    }

    await parts.getByRole('link', { name: 'Ta kontakt dersom' }).click();
    const add = page.locator('#concerns-new');
    await add.getByLabel('Når').fill('Er bekymret for en gruppe ungdom i sentrum (e2e).');
    await add.getByRole('checkbox', { name: 'Offentlig (vises på intranett)' }).check();
    await add.getByRole('button', { name: 'Legg til' }).click();
    await page.getByRole('heading', { level: 3, name: /Er bekymret for en gruppe ungdom i sentrum \(e2e\)/ }).waitFor();
    expect(await accessibilityViolations(page), 'concerns').toEqual([]);
    const setup = (await (await fetch(`${h.baseUrl}/api/v1/municipalities/3401/slt`)).json()) as {
      profile: { concernChannels: { situation: string }[] };
    };
    expect(setup.profile.concernChannels.map((c) => c.situation)).toContain('Er bekymret for en gruppe ungdom i sentrum (e2e).');

    await page.getByLabel('Språk').selectOption('nn');
    await page.getByRole('heading', { level: 1, name: 'SLT-profilen til Kongsvinger' }).waitFor();
    await page.getByRole('link', { name: 'Partar og avtalar' }).waitFor();
    expect(await accessibilityViolations(page), 'nn').toEqual([]);
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('link', { name: 'Parties and agreements' }).waitFor();
    expect(await accessibilityViolations(page), 'en').toEqual([]);
    await page.context().close();
  });

  it('/me/mail: a member turns the weekly digest off from the header link and back on, in bokmål, nynorsk and English, and passes axe', async () => {
    const page = await h.newPage();
    await signIn(page, DEMO_USERS.member3401);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'E-post fra SLT' }).click();
    await page.getByRole('heading', { level: 1, name: 'E-post fra SLT' }).waitFor();
    const digest = page.getByRole('checkbox', { name: 'Send meg en ukentlig oversikt' });
    await digest.waitFor();
    expect(await digest.isChecked()).toBe(true);
    expect(await accessibilityViolations(page), 'nb').toEqual([]);
    await digest.uncheck();
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Valget ditt er lagret.').waitFor();
    expect(await accessibilityViolations(page), 'saved').toEqual([]);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'E-post fra SLT' }).waitFor();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Send meg en ukentlig oversikt' }).isChecked()).toBe(false);

    await page.getByLabel('Språk').selectOption('nn');
    await page.getByRole('heading', { level: 1, name: 'E-post frå SLT' }).waitFor();
    await page.getByRole('checkbox', { name: 'Send meg ei vekentleg oversikt' }).check();
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Valet ditt er lagra.').waitFor();
    expect(await accessibilityViolations(page), 'nn').toEqual([]);
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'E-mail from SLT' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Send me a weekly digest' }).isChecked()).toBe(true);
    expect(await accessibilityViolations(page), 'en').toEqual([]);
    await page.context().close();
  });
});
