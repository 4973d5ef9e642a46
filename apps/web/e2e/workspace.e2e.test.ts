import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from './env';
import { accessibilityViolations, DEMO_USERS, signIn, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Screenshots for a look by eye, when SCREENSHOT_DIR is set (not a test of their own). */
async function shoot(page: Page, name: string) {
  const dir = env.screenshotDir;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** Every page a coordinator reaches from their home, by the link's text, and the heading it lands on. */
const COORDINATOR_PAGES: [string, RegExp][] = [
  ['Organisering', /Kongsvinger/],
  ['Nivåer og grupper', /Nivåer og grupper/],
  ['Personer', /Personer/],
  ['Virksomheter', /Virksomheter/],
  ['Målgrupper', /Målgrupper/],
  ['Satsingsområder', /Satsingsområder/],
  ['Mål', /^Mål/],
  ['Tiltak', /Tiltak/],
  ['Møter', /Møter i Kongsvinger/],
  ['Årshjul', /Årshjul/],
  ['Mine oppgaver', /oppgaver/i],
  ['Brukere', /Brukere i Kongsvinger/],
  ['API-nøkler', /API-nøkler/],
  ['Endringslogg', /Endringslogg/],
  ['Import og eksport', /Import og eksport/],
];

async function fromHome(page: Page, link: string, heading: RegExp) {
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Hjem' }).click();
  await page.getByRole('heading', { level: 1, name: 'SLT i Kongsvinger' }).waitFor();
  await page.getByRole('region', { name: 'Trenger oppmerksomhet' }).waitFor();
  await page
    .getByRole('navigation', { name: /SLT-oppsettet|Møter og oppfølging|Administrasjon/ })
    .getByRole('link', { name: link, exact: true })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe("the coordinator's workspace (Chromium)", () => {
  it('a coordinator lands on their municipality’s home and reaches every page by clicking only (≤ 2 clicks from any page)', async () => {
    const page = await h.newPage();
    await signIn(page, DEMO_USERS.coordinator3401);
    await page.getByRole('heading', { level: 1, name: 'SLT i Kongsvinger' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/municipalities/3401/home');
    for (const name of ['Trenger oppmerksomhet', 'Neste møter', 'Alle sider'])
      await page.getByRole('heading', { level: 2, name }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Neste frister i årshjulet' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, 'home-coordinator-nb-desktop');
    for (const [link, heading] of COORDINATOR_PAGES) await fromHome(page, link, heading);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('a member lands on the home and reaches what their role allows; the coordinator’s pages are not offered', async () => {
    const page = await h.newPage();
    await signIn(page, DEMO_USERS.member3401);
    await page.getByRole('heading', { level: 1, name: 'SLT i Kongsvinger' }).waitFor();
    for (const [link, heading] of [
      ['Organisering', /Kongsvinger/],
      ['Møter', /Møter i Kongsvinger/],
      ['Årshjul', /Årshjul/],
      ['Mine oppgaver', /oppgaver/i],
    ] as const) {
      await fromHome(page, link, heading);
    }
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Hjem' }).click();
    await page.getByRole('heading', { level: 2, name: 'Alle sider' }).waitFor();
    for (const hidden of ['Personer', 'Brukere', 'API-nøkler', 'Endringslogg', 'Import og eksport']) {
      expect(await page.getByRole('link', { name: hidden, exact: true }).count(), hidden).toBe(0);
    }
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('the home in nynorsk on a 375 px phone: no horizontal scroll, no axe violations', async () => {
    const context = await h.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await signIn(page, DEMO_USERS.coordinator3401);
    await page.getByRole('heading', { level: 1, name: 'SLT i Kongsvinger' }).waitFor();
    await page.getByLabel('Språk').selectOption('nn');
    await page.getByRole('heading', { level: 2, name: 'Treng merksemd' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Neste møte' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, 'home-coordinator-nn-phone');
    await page.getByLabel('Språk').selectOption('nb');
    await context.close();
  });

  it('the person form shows every field’s error at its field, in nynorsk and in English, from the problem codes', async () => {
    const page = await h.newPage();
    await signIn(page, DEMO_USERS.coordinator3401);
    await page.getByRole('heading', { level: 1, name: 'SLT i Kongsvinger' }).waitFor();
    await page.getByLabel('Språk').selectOption('nn');
    await page.getByRole('navigation', { name: 'Administrasjon' }).waitFor();
    await page.getByRole('link', { name: 'Personar', exact: true }).click();
    await page.getByRole('button', { name: 'Ny person' }).click();
    const form = page.locator('#members-new-form');
    await form.waitFor();
    const errorOf = (label: string) =>
      form.getByLabel(label, { exact: true }).evaluate((el) =>
        (el.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
          .join(' ')
          .trim(),
      );
    // A fictional, valid fødselsnummer (mod-11 checked), never a real person's.
    const FNR = '01019012480';
    await form.getByLabel('Namn', { exact: true }).fill('Ø'.repeat(400));
    await form.getByLabel('E-post', { exact: true }).fill('ikkje-ei-adresse');
    await form.getByLabel('Telefon', { exact: true }).fill(FNR);
    await form.getByRole('button', { name: 'Legg til person' }).click();
    await expect.poll(() => errorOf('Namn')).toContain('Kan ikkje vere lengre enn 200 teikn.');
    expect(await errorOf('E-post')).toContain('Skriv ei gyldig e-postadresse');
    expect(await errorOf('Telefon')).toContain('Kan ikkje innehalde eit fødselsnummer eller D-nummer.');
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, 'person-errors-nn-desktop');
    // The same refusal in English.
    await page.getByLabel('Språk').selectOption('en');
    await form.getByRole('button', { name: 'Add person' }).click();
    await expect.poll(() => errorOf('Name')).toContain('Cannot be longer than 200 characters.');
    expect(await errorOf('E-mail')).toContain('Enter a valid e-mail address');
    expect(await errorOf('Phone')).toContain('Cannot contain a national identity number');
    // Fixed name and e-mail: the fødselsnummer in a text field is refused at its field.
    await form.getByLabel('Name', { exact: true }).fill('Frida Fiktiv');
    await form.getByLabel('E-mail', { exact: true }).fill('frida.fiktiv@example.invalid');
    await form.getByLabel('Position', { exact: true }).fill(`Rådgiver ${FNR}`);
    await form.getByLabel('Phone', { exact: true }).fill('');
    await page.getByLabel('Language').selectOption('nn');
    await form.getByRole('button', { name: 'Legg til person' }).click();
    await expect.poll(() => errorOf('Stilling')).toContain('Kan ikkje innehalde eit fødselsnummer eller D-nummer.');
    expect(await errorOf('Namn')).toBe('');
    // No English server text anywhere on the page.
    expect(await page.locator('main').innerText()).not.toMatch(/must|national identity|is required|characters/i);
    await page.getByLabel('Språk').selectOption('nb');
  });

  it('deleting a meeting asks first; marking a future meeting held is refused in the user’s language', async () => {
    const page = await h.newPage();
    await signIn(page, DEMO_USERS.coordinator3401);
    await page.getByRole('heading', { level: 2, name: 'Neste møter' }).waitFor();
    const next = page.getByRole('region', { name: 'Neste møter' }).getByRole('link').first();
    const title = await next.innerText();
    await next.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('button', { name: 'Marker som holdt' }).click();
    await page.getByText('Møtet har ikke startet ennå, så det kan ikke markeres som holdt.').waitFor();
    expect(await page.locator('.facts').getByText('Planlagt', { exact: true }).isVisible()).toBe(true);
    // Delete asks; cancelling keeps the meeting.
    await page.getByRole('button', { name: 'Slett møtet' }).click();
    const dialog = page.getByRole('dialog', { name: `Slette møtet «${title}»?` });
    await dialog.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await shoot(page, 'meeting-delete-confirm-nb-desktop');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByRole('heading', { level: 1, name: title }).isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toMatch(/\/meetings\/[0-9a-f-]{36}$/);
  });

  it('a coordinator invites a person, who sets a password through the one-time link and sees what a member may; removing access ends their session', async () => {
    const coordinator = await h.newPage();
    await signIn(coordinator, DEMO_USERS.coordinator3401);
    await coordinator.getByRole('navigation', { name: 'Administrasjon' }).getByRole('link', { name: 'Brukere' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Brukere i Kongsvinger' }).waitFor();
    const form = coordinator.locator('#invite-form');
    await form.getByLabel('Navn').fill('Siri Spørsmål');
    await form.getByLabel('E-post').fill('siri.sporsmal@example.invalid');
    await form.getByLabel('Rolle').selectOption({ label: 'Medlem' });
    await form.getByRole('button', { name: 'Gi tilgang' }).click();
    const link = await coordinator.getByTestId('invitation-link').innerText();
    expect(link).toMatch(/\/invitation#[A-Za-z0-9_.-]+$/);
    expect(await accessibilityViolations(coordinator)).toEqual([]);
    await shoot(coordinator, 'users-nb-desktop');

    // The invitee, in a browser of their own.
    const invitee = await h.newPage();
    await invitee.goto(new URL(link).pathname + new URL(link).hash);
    await invitee.getByRole('heading', { level: 1, name: 'Velkommen til SLT' }).waitFor();
    expect(await accessibilityViolations(invitee)).toEqual([]);
    await invitee.getByLabel('Nytt passord').fill('et-langt-passord-for-siri');
    await invitee.getByRole('button', { name: 'Lagre passord og logg inn' }).click();
    await invitee.getByRole('heading', { level: 1, name: 'SLT i Kongsvinger' }).waitFor();
    await invitee.getByText('Innlogget som Siri Spørsmål').waitFor();
    expect(await invitee.getByRole('link', { name: 'Mine oppgaver', exact: true }).first().isVisible()).toBe(true);
    for (const hidden of ['Brukere', 'API-nøkler', 'Endringslogg', 'Personer'])
      expect(await invitee.getByRole('link', { name: hidden, exact: true }).count(), hidden).toBe(0);
    // The link works once.
    const again = await h.newPage();
    await again.goto(new URL(link).pathname + new URL(link).hash);
    await again.getByLabel('Nytt passord').fill('et-annet-langt-passord');
    await again.getByRole('button', { name: 'Lagre passord og logg inn' }).click();
    await again.getByText('Lenken er ugyldig, utløpt eller allerede brukt.', { exact: false }).waitFor();

    // The coordinator removes the access, after a confirmation.
    await coordinator.reload();
    const row = coordinator.getByRole('row').filter({ hasText: 'siri.sporsmal@example.invalid' });
    await row.getByRole('button', { name: 'Fjern tilgang' }).click();
    await coordinator
      .getByRole('dialog', { name: 'Fjerne tilgangen til Siri Spørsmål?' })
      .getByRole('button', { name: 'Fjern tilgang' })
      .click();
    await row.waitFor({ state: 'detached' });

    // The invitee's session has ended: the next page asks them to sign in.
    await invitee.goto('/municipalities/3401/home');
    await invitee.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    expect(await invitee.getByText('Innlogget som Siri Spørsmål').count()).toBe(0);
  });
});
