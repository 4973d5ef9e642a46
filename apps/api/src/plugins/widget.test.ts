import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../test/auth.js';
import { expectProblem } from '../../test/problems.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let dir: string;
const SCRIPT = "customElements.define('slt-organization', class extends HTMLElement {});\n";
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'slt-widget-'));
  writeFileSync(path.join(dir, 'slt-organization.js'), SCRIPT);
  t = await createTestApp({ demoData: false, widgetDistDir: dir });
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the widget script', () => {
  it('is served to any origin as a cacheable JavaScript module, with 304 on its ETag', async () => {
    const response = await call(t, 'GET', '/widget/slt-organization.js', { headers: { origin: 'https://intranett.kongsvinger.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toContain('public');
    expect(await response.text()).toBe(SCRIPT);
    const again = await call(t, 'GET', '/widget/slt-organization.js', { headers: { 'if-none-match': response.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});

describe('without a widget build', () => {
  // An app of its own, opened in a hook: opening one (a database copy, the app) is the slow part
  // on a busy machine, and a hook has the longer limit.
  let bare: TestApp;
  beforeAll(async () => {
    bare = await createTestApp({ demoData: false });
  });
  afterAll(async () => {
    await bare?.close();
  });

  it('the script is a 404 problem', async () => {
    await expectProblem(await call(bare, 'GET', '/widget/slt-organization.js'), 404);
  });
});
