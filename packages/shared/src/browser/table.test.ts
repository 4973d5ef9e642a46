import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { routes as contract } from '../routes.js';
import * as browser from './index.js';
import { BROWSER_CONSTANTS, renderBrowserConstants, renderBrowserRoutes } from './render.js';

describe('the browser route table', () => {
  it.each([
    ['routes.generated.ts', renderBrowserRoutes],
    ['constants.generated.ts', renderBrowserConstants],
  ])('%s is generated from the current contract (UPDATE_BROWSER_TABLE=1 rewrites it)', (name, render) => {
    const file = fileURLToPath(new URL(`./${name}`, import.meta.url));
    const text = render();
    // eslint-disable-next-line no-restricted-properties -- the test's own switch to rewrite the generated file, not configuration
    if (process.env['UPDATE_BROWSER_TABLE']) writeFileSync(file, text);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('has every route with the method, path and media type the client sends by, and the same constants', () => {
    expect(Object.keys(browser.routes).sort()).toEqual(Object.keys(contract).sort());
    for (const [name, route] of Object.entries(contract)) {
      const slim = browser.routes[name as keyof typeof contract] as { method: string; path: string; produces?: string };
      expect(slim.method, name).toBe(route.method);
      expect(slim.path, name).toBe(route.path);
      expect(slim.produces, name).toBe((route as { produces?: string }).produces);
    }
    for (const [name, value] of Object.entries(BROWSER_CONSTANTS))
      expect(browser[name as keyof typeof BROWSER_CONSTANTS], name).toEqual(value);
  });
});
