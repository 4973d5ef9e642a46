import { existsSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, widgetDist, type Harness } from './harness';

/**
 * Issue 15, acceptance 7 in Chromium: the app, the API reference and an intranet page embedding the
 * widget load with 0 Content-Security-Policy violations; the app refuses to be framed; JavaScript,
 * CSS and JSON come compressed; source maps are not served.
 */
const distAssets = path.join(fileURLToPath(new URL('..', import.meta.url)), 'dist', 'assets');

/** Records CSP violations (the DOM event, and Chromium's console report) from before the first script. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const reports: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text()))
      reports.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...reports, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => []))];
}

/** An intranet page on another origin with a strict CSP of its own, which allows the API's origin for the widget. */
function intranetPage(apiOrigin: string): string {
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Intranett</title><link rel="icon" href="data:,">
<script type="module" src="${apiOrigin}/widget/slt-organization.js"></script></head>
<body><main><h1>SLT</h1><slt-organization kommunenummer="3401"></slt-organization>
<iframe title="Appen i en ramme" src="${apiOrigin}/"></iframe></main></body></html>`;
}

let h: Harness;
let intranet: { origin: string; server: Server };
beforeAll(async () => {
  if (!existsSync(path.join(widgetDist, 'slt-organization.js'))) throw new Error(`${widgetDist} has no build`);
  h = await startHarness();
  const html = intranetPage(h.baseUrl);
  const csp = `default-src 'self'; script-src 'self' ${h.baseUrl}; connect-src ${h.baseUrl}; style-src 'self'; frame-src ${h.baseUrl}; img-src 'self' data:`;
  const server = createServer((request, response) => {
    if (request.url === '/')
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp }).end(html);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  intranet = { origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
});
afterAll(async () => {
  await new Promise((resolve) => (intranet ? intranet.server.close(resolve) : resolve(undefined)));
  await h?.close();
});

describe('Content-Security-Policy in Chromium', () => {
  it('the app (search, a municipality, sign-in) loads with 0 violations, its JS, CSS and JSON compressed', async () => {
    const page = await h.newPage();
    const violations = await watchCsp(page);
    const encodings = new Map<string, string | undefined>();
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (/\.(js|css)$/.test(url.pathname) || url.pathname.startsWith('/api/v1/municipalities')) {
        void response.allHeaders().then((headers) => encodings.set(url.pathname, headers['content-encoding']));
      }
    });
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.goto('/municipalities/3401/slt');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.goto('/login');
    await page.getByLabel('E-post').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);

    const assets = [...encodings].filter(([p]) => /\.(js|css)$/.test(p));
    expect(assets.some(([p]) => p.endsWith('.js'))).toBe(true);
    expect(assets.some(([p]) => p.endsWith('.css'))).toBe(true);
    for (const [p, encoding] of assets) expect(['br', 'gzip'], p).toContain(encoding);
    const json = [...encodings].filter(([p]) => p.startsWith('/api/'));
    expect(json.length).toBeGreaterThan(0);
    // Small answers (under 1 KB) go as they are; the big ones compressed.
    expect(
      json.some(([, encoding]) => encoding === 'br' || encoding === 'gzip'),
      JSON.stringify(json),
    ).toBe(true);
    await page.context().close();
  });

  it('the API reference (Swagger UI) renders with 0 violations', async () => {
    const page = await h.newPage();
    const violations = await watchCsp(page);
    await page.goto('/api/docs');
    await page.locator('.swagger-ui .info .title').waitFor();
    await page.locator('.opblock').first().waitFor();
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('an intranet page with a strict CSP shows the widget with 0 violations, and the app refuses to be its frame', async () => {
    const page = await (await h.newContext({ baseURL: undefined })).newPage();
    const refusals: string[] = [];
    page.on('console', (message) => refusals.push(message.text()));
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${intranet.origin}/`);
    const widget = page.locator('slt-organization');
    await widget.getByRole('heading', { level: 2 }).waitFor();
    // Styled by its adopted stylesheet: the tiers are laid out as a grid.
    expect(await widget.locator('.tiers').evaluate((e) => getComputedStyle(e).display)).toBe('grid');
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);

    // The frame: Chromium refuses it (frame-ancestors 'none'): it shows its error page, the app never runs inside it.
    const frame = await expect
      .poll(() => page.frames().find((f) => f !== page.mainFrame()), { timeout: 15_000 })
      .toBeTruthy()
      .then(() => page.frames().find((f) => f !== page.mainFrame())!);
    await expect.poll(() => frame.url(), { timeout: 15_000 }).toMatch(/^chrome-error:/);
    expect(refusals.filter((text) => /Content Security Policy/.test(text))).toEqual([
      expect.stringMatching(/^Framing '.*' violates the following Content Security Policy directive: "frame-ancestors 'none'"/),
    ]);
    await page.context().close();
  });

  it('serves no source map, though the build made them', async () => {
    const maps = existsSync(distAssets) ? readdirSync(distAssets).filter((f) => f.endsWith('.map')) : [];
    expect(maps.length).toBeGreaterThan(0);
    for (const map of maps.slice(0, 3)) {
      const response = await fetch(`${h.baseUrl}/assets/${map}`);
      expect(response.status, map).toBe(404);
    }
  });
});
