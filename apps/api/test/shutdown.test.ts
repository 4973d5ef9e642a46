import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { spawnGroup, stopGroup } from '@slt/testing/processes';
import { describe, expect, inject, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/slow-server.ts', import.meta.url));
const apiRoot = fileURLToPath(new URL('..', import.meta.url));

describe('graceful shutdown', () => {
  // The server is a process of its own: it compiles the app with tsx and opens its database
  // (seconds of CPU each, more on a busy machine) before the part under test, which takes 1.5 s.
  it('on SIGTERM, finishes the in-flight request, refuses new ones and exits 0', { timeout: 120_000 }, async () => {
    const child = spawnGroup(
      process.execPath,
      ['--import', 'tsx', '--conditions=source', fixture, inject('sltTemplates').pglite.base.tarball],
      {
        cwd: apiRoot,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const logs: Record<string, unknown>[] = [];
      const waiters: { key: string; resolve: (value: unknown) => void }[] = [];
      const seen = (key: string) =>
        new Promise<unknown>((resolve, reject) => {
          const found = logs.find((entry) => key in entry);
          if (found) return resolve(found[key]);
          waiters.push({ key, resolve });
          void exited.then((code) => reject(new Error(`server exited with ${code} before "${key}"`)));
        });
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        for (const waiter of waiters.filter((w) => w.key in entry)) waiter.resolve(entry[waiter.key]);
      });

      const port = (await seen('listening')) as number;
      const started = Date.now();
      const inFlight = fetch(`http://127.0.0.1:${port}/slow`);
      await seen('slowStarted');
      child.kill('SIGTERM');

      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ finished: true });
      // The answer came after the route's 1.5 s: the request was finished, not cut short.
      expect(Date.now() - started).toBeGreaterThanOrEqual(1400);

      expect(await exited).toBe(0);
      await expect(fetch(`http://127.0.0.1:${port}/api/health/live`)).rejects.toThrow();
      expect(logs.map((l) => l['msg'])).toContain('shutting down: finishing in-flight requests');
    } finally {
      await stopGroup(child, { graceMs: 1_000 });
    }
  });
});
