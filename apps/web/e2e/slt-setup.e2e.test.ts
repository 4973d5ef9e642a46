import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, DEMO_USERS, signIn, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const TARGET_GROUP = 'Unge utsatt for miljøer med rus, vold og kriminalitet';
const FOCUS_AREA = 'Barn og ungdomskriminalitet';

describe('the SLT setup in the web client (Chromium)', () => {
  it('anyone sees the organization chart; a partner municipality shows its host', async () => {
    const page = await h.newPage();
    await page.goto('/municipalities/3401/slt');
    await page.getByRole('heading', { level: 1, name: 'SLT i Kongsvinger' }).waitFor();
    expect(await page.getByText('Offentlig visning').isVisible()).toBe(true);
    const strategic = page.locator('.org-level').filter({ hasText: 'Styringsnivå' });
    expect(await strategic.getByRole('heading', { name: 'Politirådet' }).isVisible()).toBe(true);
    expect(await page.getByText('Minst 4 møter i året').first().isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The chart's data was asked for once, by index.html's preload, at the public view's own address.
    const asked = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => [entry.name.replace(location.origin, ''), (entry as PerformanceResourceTiming).initiatorType])
        .filter(([name]) => name!.startsWith('/api/v1/municipalities/3401/slt')),
    );
    expect(asked).toEqual([['/api/v1/municipalities/3401/slt?view=public', 'link']]);
    // A first visit keeps the fallback font (no swap under laid-out text) and fetches Inter once idle…
    const interFaces = () =>
      page.evaluate(() => [...document.fonts].filter((face) => face.family.includes('Inter Variable')).map((face) => face.status));
    await page.waitForFunction(() => localStorage.getItem('slt.font') === '1');
    expect(await interFaces()).toEqual([]);

    // …and the next page load sets its text in Inter from the first layout.
    await page.goto('/municipalities/3911/slt');
    await page.getByRole('heading', { level: 1, name: 'SLT i Tønsberg' }).waitFor();
    await page.waitForFunction(() =>
      [...document.fonts].some((face) => face.family.includes('Inter Variable') && face.status === 'loaded'),
    );
    await page.getByText('Denne kommunen inngår i SLT-samarbeidet til Tønsberg.').waitFor();
    await page.context().close();
  });

  it('the coordinator seats a new member, records a measure, finds it with the filters, publishes it, and the public sees it; every page passes axe', async () => {
    const page = await h.newPage();
    await signIn(page, DEMO_USERS.coordinator3401);

    // A new person in the network.
    await page.goto('/municipalities/3401/members');
    await page.getByRole('heading', { level: 1, name: 'Personer i SLT-nettverket i Kongsvinger' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ny person' }).click();
    const newMember = page.locator('#members-new-form');
    await newMember.getByLabel('Navn', { exact: true }).fill('Frida Fiktivsen');
    await newMember.getByLabel('Stilling').fill('Miljøterapeut');
    await newMember.getByRole('button', { name: 'Legg til person' }).click();
    await page.getByText('«Frida Fiktivsen» er lagt til.').waitFor();
    await page.getByRole('cell', { name: 'Frida Fiktivsen', exact: true }).waitFor();

    // … seated on the operational tier.
    await page.getByRole('navigation', { name: 'SLT-oppsettet' }).getByRole('link', { name: 'Nivåer og grupper' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nivåer og grupper i Kongsvinger' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Endre SLT – utøvende nivå' }).click();
    await page.getByRole('heading', { name: 'Medlemmer i SLT – utøvende nivå' }).waitFor();
    const seat = page.locator('#membership-form');
    await seat.getByLabel('Person').selectOption({ label: 'Frida Fiktivsen' });
    await seat.getByLabel('Rolle').selectOption({ label: 'Medlem' });
    await seat.getByRole('button', { name: 'Legg til medlem' }).click();
    await page.getByRole('cell', { name: 'Frida Fiktivsen', exact: true }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // A new measure for a target group and a focus area.
    await page.getByRole('navigation', { name: 'SLT-oppsettet' }).getByRole('link', { name: 'Tiltak' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tiltak i Kongsvinger' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Nytt tiltak' }).click();
    const form = page.locator('#measures-new-form');
    await form.getByLabel('Tittel').fill('Sommerjobb for ungdom (e2e)');
    await form.getByLabel('Beskrivelse').fill('Fritidsjobb gjennom sommeren for unge i risiko.');
    await form.getByLabel('Status').selectOption({ label: 'Planlagt' });
    await form.getByRole('checkbox', { name: TARGET_GROUP }).check();
    await form.getByRole('checkbox', { name: FOCUS_AREA }).check();
    await form.getByRole('button', { name: 'Legg til tiltak' }).click();
    await page.getByText('«Sommerjobb for ungdom (e2e)» er lagt til.').waitFor();

    // The register's filters find it, and the URL keeps them.
    await page.getByLabel('Målgruppe', { exact: true }).selectOption({ label: TARGET_GROUP });
    await page.waitForURL(/targetGroupId=/);
    await page.getByLabel('Satsingsområde', { exact: true }).selectOption({ label: FOCUS_AREA });
    await page.waitForURL(/focusAreaId=/);
    await page.getByLabel('Status').first().selectOption({ label: 'Planlagt' });
    await page.waitForURL(/status=planned/);
    const results = page.locator('section[aria-labelledby="measures-list"]');
    await results.getByRole('cell', { name: 'Sommerjobb for ungdom (e2e)', exact: true }).waitFor();
    await page.getByRole('searchbox', { name: 'Søk i tiltak' }).fill('sommerjobb');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.waitForURL(/q=sommerjobb/);
    await results.getByRole('cell', { name: 'Sommerjobb for ungdom (e2e)', exact: true }).waitFor();
    expect(await results.getByRole('row').count()).toBe(2); // the header and the one match
    await page.getByLabel('Status').first().selectOption({ label: 'Aktivt' });
    await results.getByText('Ingen tiltak.').waitFor();
    await page.getByLabel('Status').first().selectOption({ label: 'Planlagt' });
    await results.getByRole('cell', { name: 'Sommerjobb for ungdom (e2e)', exact: true }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Not public yet: an anonymous visitor does not see it.
    const visitor = await h.newPage();
    await visitor.goto('/municipalities/3401/slt');
    await visitor.getByRole('heading', { level: 1, name: 'SLT i Kongsvinger' }).waitFor();
    expect(await visitor.getByText('Sommerjobb for ungdom (e2e)').count()).toBe(0);

    // Marked public …
    await page.getByRole('button', { name: 'Endre Sommerjobb for ungdom (e2e)' }).click();
    const edit = page.locator('#measures-edit-form');
    await edit.getByRole('checkbox', { name: 'Offentlig', exact: true }).check();
    await edit.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('«Sommerjobb for ungdom (e2e)» er lagret.').waitFor();
    await results.getByText('Offentlig', { exact: true }).waitFor();

    // An internal evaluation of it.
    await page.getByRole('button', { name: 'Endre Sommerjobb for ungdom (e2e)' }).click();
    const evaluation = page.locator('#evaluation-form');
    await evaluation.getByLabel('Dato').fill('2026-09-01');
    await evaluation.getByLabel('Resultat').selectOption({ label: 'Delvis oppnådd' });
    await evaluation.getByLabel('Vurdering').fill('Godt oppmøte, få arbeidsgivere.');
    await evaluation.getByRole('button', { name: 'Legg til evaluering' }).click();
    await page.getByRole('cell', { name: 'Godt oppmøte, få arbeidsgivere.' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // … it shows on the public view, without the evaluation.
    await visitor.reload();
    await visitor.getByText('Sommerjobb for ungdom (e2e)').waitFor();
    expect(await visitor.getByText('Godt oppmøte').count()).toBe(0);
    expect(await visitor.getByText('Offentlig visning').isVisible()).toBe(true);
    expect(await accessibilityViolations(visitor)).toEqual([]);
    await visitor.context().close();
    await page.context().close();
  });

  it('the other setup pages and a goal with its chart pass axe, in nynorsk too', async () => {
    const page = await h.newPage();
    await signIn(page, DEMO_USERS.coordinator3401);
    for (const [path, heading] of [
      ['organizations', 'Virksomheter i Kongsvinger'],
      ['target-groups', 'Målgrupper i Kongsvinger'],
      ['focus-areas', 'Satsingsområder i Kongsvinger'],
      ['goals', 'Mål i Kongsvinger'],
      ['slt', 'SLT i Kongsvinger'],
    ] as const) {
      await page.goto(`/municipalities/3401/${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await accessibilityViolations(page), path).toEqual([]);
    }
    expect(await page.getByText('Intern visning').isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Færre unge som begår lovbrudd' }).click();
    await page.getByRole('heading', { level: 1, name: 'Færre unge som begår lovbrudd' }).waitFor();
    await page.locator('figure.chart svg').first().waitFor();
    expect(await page.getByRole('img').first().getAttribute('aria-label')).toContain('Anmeldte lovbrudd');
    expect(await accessibilityViolations(page)).toEqual([]);

    // A refused value is shown at its field: a reversed period names "Periode til".
    const form = page.locator('form[id^="measurement-"]').first();
    await form.getByLabel('Periode fra').fill('2030-12-31');
    await form.getByLabel('Periode til').fill('2030-01-01');
    await form.getByLabel('Verdi', { exact: true }).fill('10');
    await form.getByRole('button', { name: 'Legg til måling' }).click();
    await form.getByText('Kan ikke være før starten.').waitFor();

    await page.getByLabel('Språk').selectOption('nn');
    await page.getByRole('button', { name: 'Legg til indikator' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});
