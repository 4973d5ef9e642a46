import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { env } from './env';
import { findBrowser } from './find-browser';

const webRoot = fileURLToPath(new URL('..', import.meta.url));
const apiRoot = path.resolve(webRoot, '../api');
/** The widget's build (apps/widget), which the API serves at /widget/slt-organization.js. */
export const widgetDist = path.resolve(webRoot, '../widget/dist');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Harness {
  baseUrl: string;
  browser: Browser;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Stops the API: SIGTERM for a graceful shutdown, SIGKILL if it has not exited after 10 s. */
async function stop(api: ChildProcess): Promise<void> {
  if (api.exitCode !== null || api.signalCode !== null) return;
  const exited = new Promise((resolve) => api.once('exit', resolve));
  api.kill('SIGTERM');
  const timer = setTimeout(() => api.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function waitUntilReady(api: ChildProcess, port: number): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (api.exitCode !== null || api.signalCode !== null) throw new Error(`the API exited (${api.exitCode ?? api.signalCode})`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the API did not become ready within 90 s');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The real product for browser tests: the API process (embedded PostgreSQL in a temp dir, demo
 * data) serving the built web client and the built widget, and Debian's Chromium driven by
 * playwright-core. If any step fails, whatever was started is stopped again before the error is thrown.
 */
export async function startHarness(): Promise<Harness> {
  const webDist = path.join(webRoot, 'dist');
  if (!existsSync(path.join(webDist, 'index.html'))) {
    throw new Error(`${webDist} has no build: run \`vite build\` first (the package's test script does).`);
  }
  const executablePath = findBrowser();
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'slt-e2e-'));
  const { DATABASE_URL: _ignored, ...inherited } = env.inherited;
  // tsx as a loader of this node process (not through a package-manager shim), so signals reach the server.
  const api = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', 'src/server.ts'], {
    cwd: apiRoot,
    env: { ...inherited, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_DATA: 'true', LOG_LEVEL: 'warn', WEB_DIST_DIR: webDist, WIDGET_DIST_DIR: widgetDist },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const cleanUp = async (browser?: Browser) => {
    await browser?.close().catch(() => undefined);
    await stop(api);
    rmSync(dataDir, { recursive: true, force: true });
  };

  const browser = await waitUntilReady(api, port)
    .then(() =>
      chromium.launch({
        executablePath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      }),
    )
    .catch(async (error: unknown) => {
      await cleanUp();
      throw error;
    });
  // localhost, not 127.0.0.1: the browser treats it as a secure context, so the Secure refresh cookie works.
  const baseUrl = `http://localhost:${port}`;
  return {
    baseUrl,
    browser,
    newPage: async () => (await browser.newContext({ baseURL: baseUrl, locale: 'nb-NO' })).newPage(),
    close: () => cleanUp(browser),
  };
}

/** axe-core with the WCAG 2.1 A and AA rules; returns the violations, readable. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
}
