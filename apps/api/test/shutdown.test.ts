import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/slow-server.ts', import.meta.url));
const apiRoot = fileURLToPath(new URL('..', import.meta.url));

describe('graceful shutdown', () => {
  it('on SIGTERM, finishes the in-flight request, refuses new ones and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', fixture], {
      cwd: apiRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = once(child, 'exit');
    const lines = createInterface({ input: child.stdout });
    const logs: Record<string, unknown>[] = [];
    const port = await new Promise<number>((resolve, reject) => {
      lines.on('line', (line) => {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (typeof entry['listening'] === 'number') resolve(entry['listening']);
      });
      child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
    });

    const started = Date.now();
    const inFlight = fetch(`http://127.0.0.1:${port}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGTERM');

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);

    const [code] = await exited;
    expect(code).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/api/health/live`)).rejects.toThrow();
    expect(logs.map((l) => l['msg'])).toContain('shutting down: finishing in-flight requests');
  });
});
