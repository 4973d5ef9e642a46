import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { capture, exited, Processes, waitFor } from './processes.js';

/**
 * Issue 15, acceptance 4: SIGTERM during a bounded load of 200 requests a second over keep-alive
 * connections fails none of them. A request is failed when its connection is reset or it gets
 * anything but a 200; a request whose new connection is refused once the server stopped listening
 * was never accepted (a load balancer sends it to another replica), and ends the load.
 */
const fixture = fileURLToPath(new URL('./fixtures/slow-server.ts', import.meta.url));
const apiRoot = fileURLToPath(new URL('..', import.meta.url));
const processes = new Processes();
afterAll(() => processes.killAll());

describe('graceful shutdown under load', () => {
  it('SIGTERM during 200 req/s over keep-alive connections: 0 failed requests; readiness answers a 503 problem meanwhile', async () => {
    const child = processes.spawn(process.execPath, ['--import', 'tsx', '--conditions=source', fixture], { cwd: apiRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    const output = capture(child);
    const port = await waitFor('the server listening', 60_000, () => {
      for (const line of output.lines) {
        const port = (JSON.parse(line) as { listening?: number }).listening;
        if (port) return port;
      }
      return undefined;
    });

    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const outcomes = { ok: 0, refused: 0, failed: [] as string[], connectionClose: 0, ready: [] as string[] };
    let stop = false;
    const one = (path: string) =>
      new Promise<void>((resolve) => {
        const request = http.get({ host: '127.0.0.1', port, path, agent }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => {
            if (response.headers.connection === 'close') outcomes.connectionClose++;
            if (path === '/api/health/ready') outcomes.ready.push(`${response.statusCode} ${response.headers['content-type']}`);
            else if (response.statusCode === 200) outcomes.ok++;
            else outcomes.failed.push(`${response.statusCode} ${response.headers['content-type']} ${Buffer.concat(chunks).toString().slice(0, 120)}`);
            resolve();
          });
          response.on('error', (error) => {
            outcomes.failed.push(`response ${error.message}`);
            resolve();
          });
        });
        request.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ECONNREFUSED') {
            outcomes.refused++;
            stop = true;
          } else outcomes.failed.push(`${path}: ${error.code ?? error.message} (reused socket: ${request.reusedSocket})`);
          resolve();
        });
      });

    const inFlight: Promise<void>[] = [];
    const started = Date.now();
    let sent = 0;
    let signalled = false;
    // 200 a second (one every 5 ms), for at most 8 s; SIGTERM after 1.5 s.
    while (!stop && Date.now() - started < 8_000) {
      inFlight.push(one(sent % 50 === 0 ? '/slow' : '/api/v1/municipalities?limit=5'));
      sent++;
      if (!signalled && Date.now() - started > 1_500) {
        signalled = true;
        processes.signal(child, 'SIGTERM');
        await new Promise((r) => setTimeout(r, 50));
        // Readiness tells load balancers to go elsewhere, as a problem.
        inFlight.push(one('/api/health/ready'));
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(inFlight);
    agent.destroy();
    const code = await exited(child, 30_000);

    expect(signalled).toBe(true);
    expect(outcomes.failed).toEqual([]);
    expect(outcomes.ok).toBeGreaterThan(100);
    expect(outcomes.connectionClose).toBeGreaterThan(0);
    expect(outcomes.ready).toEqual(['503 application/problem+json; charset=utf-8']);
    expect(code).toBe(0);
  }, 90_000);
});
