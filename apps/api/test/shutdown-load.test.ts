import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
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
    const child = processes.spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=source', fixture, inject('sltTemplates').pglite.base.tarball],
      { cwd: apiRoot, stdio: ['ignore', 'pipe', 'inherit'] },
    );
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
            if (response.statusCode === 200) outcomes.ok++;
            else
              outcomes.failed.push(
                `${response.statusCode} ${response.headers['content-type']} ${Buffer.concat(chunks).toString().slice(0, 120)}`,
              );
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

    // Readiness, as a load balancer polls it: on a keep-alive connection of its own, every 20 ms,
    // so the drain never sees it idle. Before the signal it answers 200; the first answer after
    // it must be a 503 problem (with `Connection: close`, which ends the probe).
    const probeAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const probe = async () => {
      for (;;) {
        const answer = await new Promise<{ line: string; close: boolean }>((resolve) => {
          http
            .get({ host: '127.0.0.1', port, path: '/api/health/ready', agent: probeAgent }, (response) => {
              response.resume();
              response.on('end', () =>
                resolve({
                  line: `${response.statusCode} ${response.headers['content-type']}`,
                  close: response.headers.connection === 'close',
                }),
              );
            })
            .on('error', (error: NodeJS.ErrnoException) => resolve({ line: `error ${error.code ?? error.message}`, close: true }));
        });
        outcomes.ready.push(answer.line);
        if (answer.close) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    let probing: Promise<void> | undefined;

    const inFlight: Promise<void>[] = [];
    let sent = 0;
    let signalledAt: number | undefined;
    // 200 a second (one every 5 ms). SIGTERM once the load is established (100 answers in), not
    // after a fixed time: on a busy machine the server may need longer to warm up. The load runs
    // on until the server stops accepting, or at most 8 s after the signal.
    const warmUpUntil = Date.now() + 60_000;
    while (!stop && (signalledAt === undefined ? Date.now() < warmUpUntil : Date.now() - signalledAt < 8_000)) {
      inFlight.push(one(sent % 50 === 0 ? '/slow' : '/api/v1/municipalities?limit=5'));
      sent++;
      if (probing === undefined && outcomes.ok >= 50) probing = probe();
      if (signalledAt === undefined && outcomes.ok >= 100 && outcomes.ready.length > 0) {
        signalledAt = Date.now();
        processes.signal(child, 'SIGTERM');
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    const signalled = signalledAt !== undefined;
    await Promise.all([...inFlight, probing]);
    agent.destroy();
    probeAgent.destroy();
    const code = await exited(child, 30_000);

    expect(signalled).toBe(true);
    expect(outcomes.failed).toEqual([]);
    expect(outcomes.ok).toBeGreaterThanOrEqual(100);
    expect(outcomes.connectionClose).toBeGreaterThan(0);
    // Readiness tells load balancers to go elsewhere, as a problem, while the requests drain.
    expect(outcomes.ready.at(-1)).toBe('503 application/problem+json; charset=utf-8');
    expect(new Set(outcomes.ready.slice(0, -1))).toEqual(new Set(['200 application/json; charset=utf-8']));
    expect(code).toBe(0);
  }, 90_000);
});
