import { readFileSync } from 'node:fs';
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

/** What differs between the two journeys: the municipality, its målform and the demo's names. */
interface Journey {
  user: { email: string; name: string };
  language: 'nb' | 'nn';
  municipality: string;
  goal: string;
  measure: string;
  /** The politiråd meeting the plan goes to (Aukra's demo has no upcoming one: its last one). */
  meeting: string;
  words: Record<
    | 'menu'
    | 'home'
    | 'plans'
    | 'title'
    | 'adoptingTier'
    | 'create'
    | 'adopt'
    | 'needsDecision'
    | 'meeting'
    | 'addToAgenda'
    | 'added'
    | 'goToMeeting'
    | 'decision'
    | 'adopted'
    | 'adoptedTag'
    | 'docx'
    | 'pdf',
    string
  >;
}

const nb = {
  menu: 'Hovedmeny',
  home: 'Hjem',
  plans: 'Handlingsplaner',
  title: 'Tittel',
  adoptingTier: 'Vedtas av',
  create: 'Lag utkast',
  adopt: 'Marker som vedtatt',
  needsDecision: 'Planen kan bare markeres som vedtatt med et vedtak fra et møte i nivået som vedtar den.',
  meeting: 'Møte',
  addToAgenda: 'Sett planen på sakslisten',
  added: 'Planen er satt på sakslisten.',
  goToMeeting: 'Gå til møtet for å føre vedtaket',
  decision: 'Vedtak',
  adopted: 'Planen er markert som vedtatt.',
  adoptedTag: 'Vedtatt',
  docx: 'Last ned som Word (DOCX)',
  pdf: 'Last ned som PDF',
};

const JOURNEYS: Journey[] = [
  {
    user: DEMO_USERS.coordinator3401,
    language: 'nb',
    municipality: 'Kongsvinger',
    goal: 'Færre unge som begår lovbrudd',
    measure: 'Oppfølging av ungdom i risiko ved KUSK',
    meeting: 'Politirådet 09.12.2026',
    words: nb,
  },
  {
    user: DEMO_USERS.coordinator1547,
    language: 'nn',
    municipality: 'Aukra',
    goal: 'Samordne det rus- og kriminalitetsførebyggande arbeidet kring barn og unge i Aukra',
    measure: 'Felles foreldremøte om hat-ytringar på nett',
    meeting: 'Politirådet 03.12.2025',
    words: {
      ...nb,
      menu: 'Hovudmeny',
      home: 'Heim',
      plans: 'Handlingsplanar',
      adoptingTier: 'Vert vedteken av',
      adopt: 'Merk som vedteken',
      needsDecision: 'Planen kan berre merkast som vedteken med eit vedtak frå eit møte i nivået som vedtek han.',
      meeting: 'Møte',
      addToAgenda: 'Set planen på sakslista',
      added: 'Planen er sett på sakslista.',
      adopted: 'Planen er merkt som vedteken.',
      adoptedTag: 'Vedteken',
    },
  },
];

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

describe('handlingsplan (Chromium)', () => {
  it.each(JOURNEYS)(
    'the $municipality coordinator drafts a plan 2027–2030, sends it to the politiråd, records the decision, adopts it and downloads it ($language)',
    async ({ user, language, municipality, goal, measure, meeting, words: w }) => {
      const page = await h.newPage();
      await signIn(page, user);
      // The nynorsk catalog loads on demand: the menu is found by its nynorsk name, so the click
      // waits until the switch has happened instead of racing it.
      if (language === 'nn') await page.getByLabel('Språk').selectOption('nn');
      await page.getByRole('navigation', { name: w.menu }).getByRole('link', { name: w.home }).click();
      await page.getByRole('link', { name: w.plans, exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: `${w.plans} for ${municipality}` }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);

      // Draft: a title, the period, the adopting tier, an existing goal and measure.
      const title = `Handlingsplan ${municipality} 2027–2030 (nettlesar)`;
      await page.getByLabel(w.title, { exact: true }).fill(title);
      await page.getByLabel(language === 'nb' ? 'Fra år' : 'Frå år').fill('2027');
      await page.getByLabel('Til år').fill('2030');
      await page.getByLabel(w.adoptingTier).selectOption({ label: 'Politirådet' });
      await page.getByRole('checkbox', { name: new RegExp(`^${goal}`) }).check();
      await page.getByRole('checkbox', { name: measure }).check();
      await page.getByRole('button', { name: w.create }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByRole('cell', { name: measure }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);

      // Adoption is refused before a decision exists.
      await page.getByRole('button', { name: w.adopt }).click();
      await page.getByText(w.needsDecision).waitFor();

      // On the politiråd's agenda, then the decision in the meeting.
      await page.getByLabel(w.meeting, { exact: true }).selectOption({ label: meeting });
      await page.getByRole('button', { name: w.addToAgenda }).click();
      await page.getByText(w.added).waitFor();
      await page.getByRole('link', { name: w.goToMeeting }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(meeting) }).waitFor();
      const decisionText = `${municipality}: politirådet vedtek handlingsplanen for 2027–2030.`;
      const form = page.locator('#decision-form');
      await form.getByLabel(w.decision, { exact: true }).fill(decisionText);
      await form.getByLabel('Under sak').selectOption({ label: `1. ${title}` });
      await form.getByRole('button', { name: 'Registrer vedtak' }).click();
      await page.locator('ol.decisions').getByText(decisionText).waitFor();

      // Back to the plan: adopted with that decision.
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByLabel(w.meeting, { exact: true }).selectOption({ label: meeting });
      await page.getByLabel(w.decision, { exact: true }).selectOption({ label: decisionText });
      await page.getByRole('button', { name: w.adopt }).click();
      await page.getByText(w.adopted).waitFor();
      await page.getByTestId('plan-status').getByText(w.adoptedTag).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);

      // The documents (their content is checked in the API's tests: apps/api/src/modules/plans/plans.test.ts).
      const docx = await download(page, w.docx);
      expect(docx.name).toMatch(/^handlingsplan-\d{4}-2027-2030-\d{4}-\d{2}-\d{2}\.docx$/);
      expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');
      const pdf = await download(page, w.pdf);
      expect(pdf.name).toMatch(/\.pdf$/);
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      await page.context().close();
    },
  );
});
