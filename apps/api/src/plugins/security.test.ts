import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';

/** Issue 15, acceptance 7 (the server's half; Chromium's half: apps/web/e2e/security.e2e.test.ts). */
let t: TestApp;
let dir: string;
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4_000))});\n`;
/** The build's brotli copy of a file (apps/web/scripts/precompress.ts). */
const PRECOMPRESSED = brotliCompressSync(SCRIPT);
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'slt-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="nb"><title>SLT</title><script type="module" src="/assets/app.js"></script></html>',
  );
  writeFileSync(path.join(dir, 'assets', 'app.js'), SCRIPT);
  writeFileSync(path.join(dir, 'assets', 'built.js'), SCRIPT);
  writeFileSync(path.join(dir, 'assets', 'built.js.br'), PRECOMPRESSED);
  writeFileSync(path.join(dir, 'assets', 'app.js.map'), '{"version":3,"sources":["secret.ts"]}');
  t = await createTestApp({ webDistDir: dir, trustProxy: '127.0.0.1' });
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A GET without fetch's transparent decompression: the raw bytes and headers as sent. */
function get(
  pathname: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${t.baseUrl}${pathname}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('security headers', () => {
  it('the app, the API and the API reference refuse framing and carry CSP, Referrer-Policy and nosniff', async () => {
    for (const [pathname, defaultSrc] of [
      ['/', "default-src 'self'"],
      ['/municipalities/3401', "default-src 'self'"],
      ['/api/docs', "default-src 'self'"],
      // The API's answers load nothing: OWASP's REST set, without the page-only headers.
      ['/api/v1/municipalities?limit=5', "default-src 'none'"],
      ['/api/health/live', "default-src 'none'"],
      ['/api/v1/nowhere', "default-src 'none'"],
    ] as const) {
      const r = await get(pathname, { accept: 'text/html' });
      expect(r.status, pathname).toBeLessThan(500);
      const csp = String(r.headers['content-security-policy']);
      expect(csp, pathname).toContain("frame-ancestors 'none'");
      expect(csp, pathname).toContain(defaultSrc);
      if (!pathname.startsWith('/api/v1') && !pathname.startsWith('/api/health')) expect(csp, pathname).toContain("object-src 'none'");
      else expect(r.headers['cross-origin-opener-policy'], pathname).toBeUndefined();
      expect(r.headers['x-frame-options'], pathname).toBe('DENY');
      expect(r.headers['referrer-policy'], pathname).toBe('no-referrer');
      expect(r.headers['x-content-type-options'], pathname).toBe('nosniff');
      expect(r.headers['strict-transport-security'], pathname).toBeUndefined();
    }
  });

  it('HSTS only for requests that came over TLS (here: through a trusted proxy that says https)', async () => {
    const r = await get('/api/health/live', { 'x-forwarded-proto': 'https' });
    expect(r.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('compression and source maps', () => {
  it('JSON and JavaScript are sent with brotli or gzip as the client accepts, and plain to a client that accepts neither', async () => {
    for (const [encoding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const json = await get('/api/v1/municipalities?limit=100', { 'accept-encoding': encoding });
      expect(json.status).toBe(200);
      expect(json.headers['content-encoding']).toBe(encoding);
      expect(json.headers['vary']).toMatch(/accept-encoding/i);
      expect((JSON.parse(decode(json.body).toString()) as { items: unknown[] }).items).toHaveLength(100);
      const script = await get('/assets/app.js', { 'accept-encoding': encoding });
      expect(script.headers['content-encoding']).toBe(encoding);
      expect(decode(script.body).toString()).toBe(SCRIPT);
      expect(script.body.length).toBeLessThan(SCRIPT.length / 4);
    }
    const plain = await get('/api/v1/municipalities?limit=100');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect((JSON.parse(plain.body.toString()) as { items: unknown[] }).items).toHaveLength(100);
  });

  it("the build's precompressed copy is sent as it is to a client that accepts its encoding, the file itself to others", async () => {
    const br = await get('/assets/built.js', { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.body.equals(PRECOMPRESSED)).toBe(true);
    const gzip = await get('/assets/built.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);
    const plain = await get('/assets/built.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('does not serve source maps', async () => {
    const r = await get('/assets/app.js.map');
    expect(r.status).toBe(404);
    expect(r.body.toString()).not.toContain('secret.ts');
  });
});
