import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, DEMO_USERS, signIn, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Today in Oslo, `YYYY-MM-DD`. */
const todayOslo = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
const dayBefore = (date: string) => new Date(Date.parse(`${date}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** "1 av 4 holdt" of the strategic tier's first period in the compliance panel. */
async function heldByPolitiradet(page: Page): Promise<{ held: number; required: number }> {
  const panel = page.getByRole('region', { name: /^Møteregler/ });
  const tier = panel.locator('.compliance-tier').filter({ has: page.getByRole('heading', { name: 'Politirådet', exact: true }) });
  const text = await tier.locator('.held').first().innerText();
  const match = /(\d+) av (\d+) holdt/.exec(text);
  if (!match) throw new Error(`unexpected compliance text: ${text}`);
  return { held: Number(match[1]), required: Number(match[2]) };
}

const MEETING = 'Politirådsmøte (e2e)';
const ITEM_1 = 'Status fra politiet';
const ITEM_2 = 'Ungdata – oppfølging';
const MINUTES = 'Politiet orienterte om situasjonen i sentrum. Ungdata-tallene ble gjennomgått.';
const DECISION = 'Politirådet ber om en felles tiltaksplan for sentrum.';
const ACTION = 'Lage utkast til tiltaksplan for sentrum';

describe('meetings and follow-up in the web client (Chromium)', () => {
  it('the coordinator holds a politiråd meeting from agenda to action item; the compliance panel counts it; every page passes axe', async () => {
    const page = await h.newPage();
    await signIn(page, DEMO_USERS.coordinator3401);

    // The dashboard's compliance panel, before.
    await page.goto('/municipalities/3401');
    await page.getByRole('heading', { level: 1, name: 'Kongsvinger' }).waitFor();
    const year = todayOslo().slice(0, 4);
    await page.getByRole('heading', { level: 2, name: `Møteregler ${year}` }).waitFor();
    await page.locator('.compliance-tier').first().waitFor();
    const before = await heldByPolitiradet(page);
    expect(before.required).toBe(4);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The meeting calendar (reached in the app, so the cached panel must be refreshed by the writes).
    await page.getByRole('link', { name: 'Til møtene' }).click();
    await page.getByRole('heading', { level: 1, name: 'Møter i Kongsvinger' }).waitFor();
    await page.getByRole('link', { name: 'Kommunens møtekalender (iCalendar)' }).waitFor();
    expect(await page.getByRole('link', { name: 'Kommunens møtekalender (iCalendar)' }).getAttribute('href')).toBe(
      '/api/v1/municipalities/3401/calendar.ics',
    );
    expect(await accessibilityViolations(page)).toEqual([]);

    // Schedule a meeting earlier this year (yesterday; today just after midnight on 1 January).
    const today = todayOslo();
    const day = today.endsWith('-01-01') ? today : dayBefore(today);
    const [start, end] = today.endsWith('-01-01') ? ['00:00', '00:01'] : ['18:00', '20:00'];
    // The list comes first; "Nytt møte" opens the form.
    await page.getByRole('button', { name: 'Nytt møte' }).click();
    const schedule = page.locator('#schedule-form');
    await schedule.getByLabel('Gruppe').selectOption({ label: 'Politirådet' });
    await schedule.getByLabel('Tittel').fill(MEETING);
    await schedule.getByLabel('Starter').fill(`${day}T${start}`);
    await schedule.getByLabel('Slutter').fill(`${day}T${end}`);
    await schedule.getByLabel('Sted').fill('Rådhuset, møterom 1');
    await schedule.getByRole('button', { name: 'Legg inn møtet' }).click();
    await page.getByRole('heading', { level: 1, name: MEETING }).waitFor();
    expect(await page.getByText('Planlagt', { exact: true }).first().isVisible()).toBe(true);

    // Two agenda items.
    const agendaForm = page.locator('#agenda-form');
    for (const title of [ITEM_1, ITEM_2]) {
      await agendaForm.getByLabel('Sak', { exact: true }).fill(title);
      await agendaForm.getByRole('button', { name: 'Legg til sak' }).click();
      await page.locator('.agenda-item').filter({ hasText: title }).waitFor();
      // The form is emptied once the meeting has been read again.
      await expect.poll(() => agendaForm.getByLabel('Sak', { exact: true }).inputValue()).toBe('');
    }
    expect(await page.locator('ol.agenda > li .agenda-title').allInnerTexts()).toEqual([ITEM_1, ITEM_2]);

    // Attendance: a radio group per member of Politirådet.
    const attendance = page.locator('#attendance-form');
    // Ordered by role in the tier (chair, secretary, members, observers), then by name.
    const ROLE_ORDER = ['Leder', 'Sekretær', 'Medlem', 'Observatør'];
    const legends = await attendance.locator('legend').allInnerTexts();
    const ranks = legends
      .map((legend) => ROLE_ORDER.findIndex((role) => legend.endsWith(`, ${role}`)))
      .map((r) => (r < 0 ? ROLE_ORDER.length : r));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // "Alle til stede", then one sent apologies.
    await attendance.getByRole('button', { name: 'Alle til stede' }).click();
    expect(await attendance.getByRole('radio', { name: 'Til stede', checked: true }).count()).toBe(legends.length);
    await attendance
      .getByRole('group', { name: /^Hanne Prøve/ })
      .getByRole('radio', { name: 'Meldt forfall' })
      .check();
    await attendance.getByRole('button', { name: 'Lagre oppmøte' }).click();
    await page.getByText('Oppmøtet er lagret.').waitFor();
    await page.getByText(`Til stede: ${legends.length - 1}`).waitFor();

    // Minutes.
    await page.getByLabel('Referat fra møtet').fill(MINUTES);
    await page.getByRole('button', { name: 'Lagre referat' }).click();
    await page.getByText('Referatet er lagret.').waitFor();

    // A decision under the first item.
    const decision = page.locator('#decision-form');
    await decision.getByLabel('Vedtak', { exact: true }).fill(DECISION);
    await decision.getByLabel('Under sak').selectOption({ label: `1. ${ITEM_1}` });
    await decision.getByRole('button', { name: 'Registrer vedtak' }).click();
    await page.locator('ol.decisions').getByText(DECISION).waitFor();
    await page.getByText(`Under sak: ${ITEM_1}`).waitFor();

    // An action item for a member.
    const actionForm = page.locator('#action-item-form');
    await actionForm.getByLabel('Oppgave').fill(ACTION);
    await actionForm.getByLabel('Ansvarlig').selectOption({ label: 'Hanne Prøve, Politistasjonssjef' });
    await actionForm.getByLabel('Frist').fill(`${year}-12-15`);
    await actionForm.getByRole('button', { name: 'Legg til oppfølgingspunkt' }).click();
    const actionRow = page.getByRole('row').filter({ hasText: ACTION });
    await actionRow.waitFor();
    expect(await actionRow.getByRole('cell', { name: 'Hanne Prøve' }).isVisible()).toBe(true);
    expect(await actionRow.getByText('Åpen', { exact: true }).isVisible()).toBe(true);

    // Held.
    await page.getByRole('button', { name: 'Marker som holdt' }).click();
    await page.getByText('Møtet er markert som holdt.').waitFor();
    await page.locator('.facts').getByText('Avholdt', { exact: true }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // The minutes are approved once: they go to the members by mail, and the button gives way to when.
    const approve = page.getByRole('button', { name: /^Godkjenn referatet og send det til medlemmene/ });
    expect(await approve.getAttribute('aria-describedby')).toBe('minutes-approve-hint');
    await approve.click();
    await page.getByText('Referatet er godkjent og blir sendt til medlemmene.').waitFor();
    await page.getByText(/^Referatet ble godkjent \d+\. \p{L}+ \d{4} og sendt til medlemmene\.$/u).waitFor();
    expect(await approve.count()).toBe(0);
    // Approved minutes are locked: the field is read-only and there is nothing to save.
    expect(await page.getByRole('textbox', { name: 'Referat fra møtet' }).getAttribute('readonly')).not.toBeNull();
    expect(await page.getByRole('button', { name: 'Lagre referat' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The printable minutes, in the municipality's language (Kongsvinger: bokmål).
    await page.getByRole('link', { name: 'Referat for utskrift' }).click();
    await page.getByRole('heading', { level: 1, name: `Referat: ${MEETING}` }).waitFor();
    const minutes = page.locator('article.minutes-print');
    expect(await minutes.getAttribute('lang')).toBe('nb');
    for (const text of [ITEM_1, ITEM_2, MINUTES, DECISION, ACTION, 'Rådhuset, møterom 1']) {
      expect(await minutes.getByText(text, { exact: false }).first().isVisible(), text).toBe(true);
    }
    const present = await minutes.locator('dt:has-text("Til stede") + dd').innerText();
    expect(present).toContain('Kari Fiktiv');
    expect(present).toContain('Kari Koordinator');
    expect(await minutes.locator('dt:has-text("Meldt forfall") + dd').innerText()).toContain('Hanne Prøve');
    expect(await minutes.getByRole('cell', { name: 'Hanne Prøve' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Skriv ut' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Back on the dashboard (in the app): the panel counts the held meeting.
    await page.getByRole('link', { name: 'Tilbake til møtet' }).click();
    await page.getByRole('link', { name: 'Tilbake til møtene' }).click();
    await page.getByRole('link', { name: 'Tilbake til Kongsvinger' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kongsvinger' }).waitFor();
    await expect.poll(async () => (await heldByPolitiradet(page)).held, { timeout: 10_000 }).toBe(before.held + 1);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The year plan shows the meeting in its month and the yearly SLT grant deadline (demo data, so
    // its quick add is done); the coordinator adds a key date and removes it again.
    await page.getByRole('navigation', { name: 'Møter og oppfølging' }).getByRole('link', { name: 'Årshjul' }).click();
    await page.getByRole('heading', { level: 1, name: `Årshjul ${year} for Kongsvinger` }).waitFor();
    await page.getByRole('link', { name: MEETING }).waitFor();
    await page
      .getByRole('region', { name: /^desember/ })
      .getByText('Søknadsfrist SLT-tilskudd')
      .waitFor();
    expect(await page.getByRole('button', { name: 'Legg til: Søknadsfrist SLT-tilskudd (1. desember)' }).isDisabled()).toBe(true);
    const keyDate = page.locator('#key-date-form');
    await keyDate.getByLabel('Tittel').fill('Frist for budsjettinnspill (e2e)');
    await keyDate.getByLabel('Type').selectOption({ label: 'Budsjett' });
    await keyDate.getByLabel('Dato').fill(`${year}-10-01`);
    await keyDate.getByRole('button', { name: 'Legg til dato' }).click();
    await page
      .getByRole('region', { name: /^oktober/ })
      .getByText('Frist for budsjettinnspill (e2e)')
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Slett datoen Frist for budsjettinnspill (e2e)' }).click();
    // Deleting asks first; cancelling keeps the date, confirming deletes it.
    const confirm = page.getByRole('dialog', { name: 'Slette «Frist for budsjettinnspill (e2e)»?' });
    await confirm.getByRole('button', { name: 'Avbryt' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Slett datoen Frist for budsjettinnspill (e2e)' }).click();
    expect(await accessibilityViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Slett' }).click();
    await page.getByText('«Frist for budsjettinnspill (e2e)» er slettet.').waitFor();
    expect(
      await page
        .getByRole('region', { name: /^oktober/ })
        .getByText('Frist for budsjettinnspill (e2e)')
        .count(),
    ).toBe(0);

    // My tasks: the municipality's open tasks include the action item; it is marked done from here.
    await page.getByRole('navigation', { name: 'Møter og oppfølging' }).getByRole('link', { name: 'Mine oppgaver' }).click();
    await page.getByRole('heading', { level: 1, name: 'Oppgaver i Kongsvinger' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Åpne og forfalte oppgaver i kommunen' }).waitFor();
    const openTasks = page.getByRole('table', { name: 'Åpne oppgaver i kommunen' });
    await openTasks.getByRole('cell', { name: ACTION, exact: true }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await openTasks.getByRole('button', { name: `Marker som utført: «${ACTION}»` }).click();
    await page.getByText(`«${ACTION}» er utført.`).waitFor();
    await page
      .getByText('Ingen åpne oppgaver.')
      .or(openTasks.getByRole('cell', { name: ACTION, exact: true }))
      .first()
      .waitFor();
    expect(await openTasks.getByRole('cell', { name: ACTION, exact: true }).count()).toBe(0);
    await page.context().close();
  });

  it('a member sees their own open tasks, the overdue ones marked, and marks one done; no management there', async () => {
    const page = await h.newPage();
    await signIn(page, DEMO_USERS.member3401);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Mine oppgaver' }).click();
    await page.getByRole('heading', { level: 1, name: 'Oppgaver i Kongsvinger' }).waitFor();
    const mine = page.getByRole('table', { name: 'Mine åpne oppgaver' });
    const row = mine.getByRole('row').filter({ hasText: 'Kartlegge tilbud til ungdom i sommerferien' });
    await row.waitFor();
    const overdue = todayOslo() > `${todayOslo().slice(0, 4)}-05-31`;
    expect(await row.getByText('Forfalt', { exact: true }).count()).toBe(overdue ? 1 : 0);
    expect(await page.getByRole('heading', { name: 'Åpne og forfalte oppgaver i kommunen' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await row.getByRole('button', { name: 'Marker som utført: «Kartlegge tilbud til ungdom i sommerferien»' }).click();
    await page.getByText('«Kartlegge tilbud til ungdom i sommerferien» er utført.').waitFor();
    await page.getByText('Du har ingen åpne oppgaver.').waitFor();

    // On a meeting page the member reads the follow-up but schedules and writes nothing.
    await page.getByRole('navigation', { name: 'Møter og oppfølging' }).getByRole('link', { name: 'Møter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Møter i Kongsvinger' }).waitFor();
    expect(await page.locator('#schedule-form').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Nytt møte' }).count()).toBe(0);
    await page.getByRole('link', { name: MEETING }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Oppmøte' }).waitFor();
    await page.getByText(MINUTES).waitFor();
    await page.getByText(/^Referatet ble godkjent .* og sendt til medlemmene\.$/).waitFor();
    expect(
      await page
        .getByRole('button')
        .filter({ hasText: /Lagre|Marker som holdt|Legg til|Godkjenn/ })
        .count(),
    ).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('anyone sees the calendar and the year plan; a meeting shows its public facts only', async () => {
    const page = await h.newPage();
    await page.goto('/municipalities/3401/meetings');
    await page.getByRole('heading', { level: 1, name: 'Møter i Kongsvinger' }).waitFor();
    const link = page.getByRole('link', { name: MEETING }).first();
    await link.waitFor();
    expect(await page.locator('#schedule-form').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Nytt møte' }).count()).toBe(0);
    await link.click();
    await page.getByRole('heading', { level: 1, name: MEETING }).waitFor();
    await page.getByRole('heading', { name: 'Om møtet' }).waitFor();
    expect(await page.getByText(MINUTES).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Saksliste' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto('/municipalities/3401/year-plan');
    await page.getByRole('heading', { level: 1, name: /^Årshjul \d{4} for Kongsvinger$/ }).waitFor();
    await page.getByRole('link', { name: /^Neste år/ }).click();
    await page.waitForURL(/year=\d{4}/);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Språk').selectOption('nn');
    await page.getByRole('heading', { level: 1, name: /^Årshjul \d{4} for Kongsvinger$/ }).waitFor();
    await page.getByText('Førre år', { exact: false }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});
