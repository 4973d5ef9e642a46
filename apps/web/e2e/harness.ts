import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { startApiProcess } from '@slt/api/test/api-process';
import { childGroups, registerGroups, unregisterGroup } from '@slt/testing/processes';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject, onTestFailed } from 'vitest';
import { env } from './env';
import { CHROMIUM_FLAGS, findBrowser } from './find-browser';

const webRoot = fileURLToPath(new URL('..', import.meta.url));
/** The widget's build (apps/widget), which the API serves at /widget/slt-organization.js. */
export const widgetDist = path.resolve(webRoot, '../widget/dist');

export interface Harness {
  baseUrl: string;
  browser: Browser;
  /** A browser context on the app (its base URL, bokmål unless said), with the step timeout below. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * How long one browser step (a navigation, waiting for an element) may take. Playwright's 30 s
 * default is too short on a busy two-core machine, where Chromium, the API process and another
 * test file share the cores (rendering the API reference alone took over 30 s at load 14); each
 * test's own timeout still bounds the whole journey.
 */
const STEP_TIMEOUT_MS = 90_000;

/**
 * The real product for browser tests: the API process (embedded PostgreSQL in a temp dir, demo
 * data) serving the built web client and the built widget, and Debian's Chromium driven by
 * playwright-core; `apiEnv` adds to the API process's environment (the local statistics server's
 * addresses, say). If any step fails, whatever was started is stopped again before the error is thrown.
 */
export async function startHarness(options: { apiEnv?: Record<string, string> } = {}): Promise<Harness> {
  const webDist = path.join(webRoot, 'dist');
  if (!existsSync(path.join(webDist, 'index.html'))) {
    throw new Error(`${webDist} has no build: run \`vite build\` first (the package's test script does).`);
  }
  const executablePath = findBrowser();
  // A copy of the run's prepared database with the demo data (see e2e/global-setup.ts).
  const api = await startApiProcess(
    env.inherited,
    { WEB_DIST_DIR: webDist, WIDGET_DIST_DIR: widgetDist, ...options.apiEnv },
    { dataTemplate: inject('sltTemplates').pglite.demo.dataDir, serverJs: inject('sltApiServer') },
  );
  let browserGroups: number[] = [];
  const cleanUp = async (browser?: Browser) => {
    await browser?.close().catch(() => undefined);
    for (const pid of browserGroups) unregisterGroup(pid);
    await api.close();
  };
  const groupsBefore = new Set(childGroups());
  const browser = await chromium
    .launch({
      executablePath,
      args: [...CHROMIUM_FLAGS, '--disable-quic'],
    })
    .catch(async (error: unknown) => {
      await cleanUp();
      throw error;
    });
  // Playwright starts the browser in a process group of its own: registered with the run's
  // reaper, so it is killed even if this test process dies before it can close it.
  browserGroups = registerGroups(childGroups().filter((pid) => !groupsBefore.has(pid)));
  // localhost, not 127.0.0.1: the browser treats it as a secure context, so the Secure refresh cookie works.
  const baseUrl = `http://localhost:${api.port}`;
  const newContext = async (options: BrowserContextOptions = {}) => {
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'nb-NO', ...options });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    traceFailures(context);
    return context;
  };
  return {
    baseUrl,
    browser,
    newContext,
    newPage: async () => (await newContext()).newPage(),
    close: () => cleanUp(browser),
  };
}

/**
 * When the test that opened this context fails, prints what the browser saw go wrong (API answers
 * of 400 and above, failed requests, console errors) and the text of each open page's <main>, so
 * a failure on a busy machine can be told apart from a slow one.
 */
function traceFailures(context: BrowserContext): void {
  const events: string[] = [];
  const at = () => new Date().toISOString().slice(11, 23);
  context.on('response', (response) => {
    if (response.status() >= 400) events.push(`${at()} ${response.status()} ${response.request().method()} ${response.url()}`);
  });
  context.on('requestfailed', (request) =>
    events.push(`${at()} failed ${request.method()} ${request.url()}: ${request.failure()?.errorText}`),
  );
  context.on('console', (message) => {
    if (message.type() === 'error') events.push(`${at()} console: ${message.text()}`);
  });
  try {
    onTestFailed(async () => {
      const pages = await Promise.all(
        context.pages().map(async (page) => {
          const main = await page
            .locator('main')
            .first()
            .innerText({ timeout: 5_000 })
            .catch(() => '(no <main>)');
          return `${page.url()}\n${main.slice(0, 2_000)}`;
        }),
      );
      console.error(`Browser context of the failed test:\n${[...events, ...pages].join('\n') || '(nothing went wrong in the browser)'}`);
    });
  } catch {
    // Opened outside a test (in a hook): nothing to attach to.
  }
}

/** Demo accounts (fictional people) the browser tests sign in as, with the name the header shows. */
export const DEMO_USERS = {
  coordinator3401: { email: 'koordinator.3401@demo.invalid', name: 'Kari Koordinator' },
  member3401: { email: 'medlem.3401@demo.invalid', name: 'Mats Medlem' },
  coordinator1547: { email: 'koordinator.1547@demo.invalid', name: 'Nora Nynorsk' },
} as const;

/** Signs in through the bokmål sign-in page and waits until the header names the user. */
export async function signIn(page: Page, user: { email: string; name: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-post').fill(user.email);
  await page.getByLabel('Passord').fill('demo-password');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByText(`Innlogget som ${user.name}`).waitFor();
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core with the WCAG 2.1 A and AA rules; returns the violations, readable. axe is loaded into
 * a document once and run there for every check (the app navigates inside one document), asked
 * for violations only, once the page's finite animations have ended (a dialog fading in has its
 * colours mid-way). Loading it for each check, as @axe-core/playwright does, and collecting the
 * passing nodes too took four times as long.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const { violations } = await page.evaluate(async (tags) => {
    const running = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
    return (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
  }, WCAG_21_AA);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
}
