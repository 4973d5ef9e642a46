import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, DEMO_USERS, signIn, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('sign-in, API tokens and the audit log (Chromium)', () => {
  it('the demo coordinator creates a token, reads internal data with it over HTTP, revokes it; pages pass axe', async () => {
    const page = await h.newPage();
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // A wrong password is refused, with a message.
    await page.getByLabel('E-post').fill('koordinator.3401@demo.invalid');
    await page.getByLabel('Passord').fill('wrong-password');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText('Feil e-post eller passord.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Passord').fill('demo-password');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText('Innlogget som Kari Koordinator').waitFor();

    // Role-aware navigation: a coordinator of 3401 sees the token and audit pages.
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'API-nøkler' }).click();
    await page.getByRole('heading', { level: 1, name: 'API-nøkler for Kongsvinger' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Navn på nøkkelen').fill('Intranett');
    await page.getByLabel('Lese').check();
    await page.getByRole('button', { name: 'Lag nøkkel' }).click();
    const secret = (await page.getByTestId('token-secret').innerText()).trim();
    expect(secret).toMatch(/^slt_/);
    await page.getByRole('cell', { name: 'Intranett', exact: true }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Plain HTTP with the token, as an intranet would.
    const internal = `${h.baseUrl}/api/v1/municipalities/3401/users`;
    const read = await fetch(internal, { headers: { authorization: `Bearer ${secret}` } });
    expect(read.status).toBe(200);
    expect(JSON.stringify(await read.json())).toContain('koordinator.3401@demo.invalid');

    // Revoking asks first, in a dialog that names the token and says what follows; its axe check passes.
    await page.getByRole('button', { name: 'Trekk tilbake nøkkelen Intranett' }).click();
    const confirm = page.getByRole('dialog', { name: 'Trekke tilbake nøkkelen «Intranett»?' });
    await confirm.getByText('Skript og integrasjoner som bruker nøkkelen').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Trekk tilbake' }).click();
    await page.getByText('Trukket tilbake').waitFor();
    const after = await fetch(internal, { headers: { authorization: `Bearer ${secret}` } });
    expect(after.status).toBe(401);

    // The audit log shows both changes, attributed to the coordinator.
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Endringslogg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Endringslogg for Kongsvinger' }).waitFor();
    // In words: kinds, actions and fields in Norwegian, times in Oslo time, no ids or JSON.
    await page.getByRole('cell', { name: 'API-nøkkel – trukket tilbake', exact: true }).waitFor();
    expect(await page.getByRole('cell', { name: 'API-nøkkel – opprettet', exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('cell', { name: 'koordinator.3401@demo.invalid', exact: true }).count()).toBeGreaterThan(1);
    const log = await page.locator('main table').innerText();
    expect(log).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|[{}"]|api_token|revoke|T\d{2}:\d{2}/);
    expect(log).toMatch(/\d{1,2}\. \w+ \d{4}(,| kl\.) \d{2}[.:]\d{2}/);
    expect(await accessibilityViolations(page)).toEqual([]);
    // Filtered by kind: only the API tokens' entries.
    await page.getByLabel('Type').selectOption({ label: 'API-nøkkel' });
    await expect
      // Until the filtered answer is shown: rows, all of them matching (an empty table while loading is not it).
      .poll(
        async () => {
          const rows = await page.locator('main tbody tr').allInnerTexts();
          return rows.length > 1 && rows.every((row) => row.includes('API-nøkkel'));
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    expect(await page.locator('main tbody tr').count()).toBeGreaterThan(1);
    // And by person: the API is asked for that person's entries only, and every row is theirs.
    const byPerson = page.waitForRequest((request) => request.url().includes('/audit?') && request.url().includes('actorId='));
    await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Kari Koordinator (koordinator.3401@demo.invalid)' });
    await byPerson;
    await expect
      // Until the filtered answer is shown: rows, all of them matching (an empty table while loading is not it).
      .poll(
        async () => {
          const rows = await page.locator('main tbody tr').allInnerTexts();
          return rows.length > 1 && rows.every((row) => row.includes('koordinator.3401@demo.invalid'));
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    expect(await page.locator('main tbody tr').count()).toBeGreaterThan(1);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The session survives a reload (silent refresh from the httpOnly cookie), and logout ends it.
    await page.reload();
    await page.getByText('Innlogget som Kari Koordinator').waitFor();
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByRole('link', { name: 'Logg inn' }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Logg inn' }).waitFor();
    expect(await page.getByText('Innlogget som').count()).toBe(0);
    await page.context().close();
  });

  it('a coordinator sets the police district with If-Match; the page shows it; axe finds nothing', async () => {
    const page = await h.newPage();
    await signIn(page, DEMO_USERS.coordinator1547);
    await page.goto('/municipalities/1547');
    await page.getByRole('heading', { level: 2, name: 'Innstillinger for kommunen' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const settings = page.getByRole('region', { name: 'Innstillinger for kommunen' });
    await settings.getByLabel('Politidistrikt').selectOption('vest');
    await settings.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Lagret.').waitFor();
    await expect.poll(() => page.locator('dl.facts').innerText()).toContain('Vest');
    const api = await fetch(`${h.baseUrl}/api/v1/municipalities/1547`);
    expect(((await api.json()) as { policeDistrict: { code: string } }).policeDistrict.code).toBe('vest');
    await page.context().close();
  });

  it('a member sees no management links and is told no on the token page', async () => {
    const page = await h.newPage();
    await signIn(page, DEMO_USERS.member3401);
    expect(await page.getByRole('link', { name: 'API-nøkler' }).count()).toBe(0);
    await page.goto('/municipalities/3401/api-tokens');
    await page.getByText('Du har ikke tilgang til denne siden.').waitFor();
    await page.context().close();
  });
});
