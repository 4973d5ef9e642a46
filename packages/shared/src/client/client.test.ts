import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPath } from '../contract.js';
import { routes } from '../routes.js';
import { createClient, newIdempotencyKey, ProblemError } from './client.js';

/** A real HTTP server that records requests and answers as the test says. */
let server: Server;
let baseUrl: string;
const seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
let answer: { status: number; type: string; body: string; headers?: Record<string, string> } = {
  status: 200,
  type: 'application/json',
  body: '{}',
};
/** Answers given once each, in order, before `answer` applies again. */
const queue: (typeof answer)[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const next = queue.shift() ?? answer;
      res.writeHead(next.status, { 'content-type': next.type, ...next.headers }).end(next.status === 204 ? undefined : next.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('buildPath', () => {
  it('fills and encodes path parameters, and refuses a missing one', () => {
    expect(buildPath('/api/v1/municipalities/:kommunenummer', { kommunenummer: '3401' })).toBe('/api/v1/municipalities/3401');
    expect(buildPath('/a/:x', { x: 'a/b c' })).toBe('/a/a%2Fb%20c');
    expect(() => buildPath('/a/:x', {})).toThrow(/x/);
  });
});

describe('createClient', () => {
  it('sends the method, path, query (skipping undefined) and default headers from the contract', async () => {
    answer = { status: 200, type: 'application/json', body: JSON.stringify({ items: [], nextCursor: null }) };
    const client = createClient({ baseUrl: `${baseUrl}/`, headers: () => ({ 'accept-language': 'nn' }) });
    const page = await client.call(routes.listMunicipalities, { query: { q: 'Kongs', limit: 5, county: undefined } });
    expect(page).toEqual({ items: [], nextCursor: null });
    const request = seen.at(-1)!;
    expect(request.method).toBe('GET');
    expect(request.url).toBe('/api/v1/municipalities?q=Kongs&limit=5');
    expect(request.headers['accept-language']).toBe('nn');
  });

  it('sends JSON bodies and returns undefined for 204', async () => {
    answer = { status: 204, type: 'text/plain', body: '' };
    const client = createClient({ baseUrl });
    const result = await client.call(routes.revokeApiToken, {
      params: { kommunenummer: '3401', tokenId: '00000000-0000-4000-8000-000000000000' },
      headers: { authorization: 'Bearer x' },
    });
    expect(result).toBeUndefined();
    expect(seen.at(-1)).toMatchObject({
      method: 'DELETE',
      url: '/api/v1/municipalities/3401/api-tokens/00000000-0000-4000-8000-000000000000',
    });
    expect(seen.at(-1)!.headers.authorization).toBe('Bearer x');

    answer = { status: 200, type: 'application/json', body: '{"accessToken":"a"}' };
    await client.call(routes.login, { body: { email: 'a@b.no', password: 'pw' } });
    expect(seen.at(-1)!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen.at(-1)!.body)).toEqual({ email: 'a@b.no', password: 'pw' });
  });

  it('request() also returns the status and headers', async () => {
    answer = { status: 200, type: 'application/json', body: '{"kommunenummer":"3401"}' };
    const { body, headers, status } = await createClient({ baseUrl }).request(routes.getMunicipality, {
      params: { kommunenummer: '3401' },
    });
    expect(status).toBe(200);
    expect(body).toEqual({ kommunenummer: '3401' });
    expect(headers.get('content-type')).toBe('application/json');
  });

  it('throws a ProblemError carrying the problem+json answer', async () => {
    const problem = { type: 'urn:slt:problem:not-found', title: 'Not found', status: 404, detail: 'No 9999' };
    answer = { status: 404, type: 'application/problem+json', body: JSON.stringify(problem) };
    const client = createClient({ baseUrl });
    const error = await client.call(routes.getMunicipality, { params: { kommunenummer: '9999' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).status).toBe(404);
    expect((error as ProblemError).problem).toEqual(problem);
    expect((error as ProblemError).message).toBe('Not found: No 9999');
  });

  it('turns a non-JSON error into a generic problem with the status', async () => {
    answer = { status: 502, type: 'text/html', body: '<h1>Bad gateway</h1>' };
    const error = (await createClient({ baseUrl, retries: 0 })
      .call(routes.healthLive, {})
      .catch((e: unknown) => e)) as ProblemError;
    expect(error.status).toBe(502);
    expect(error.problem.type).toBe('about:blank');
  });

  it('sends a token as a bearer credential, asking a token function on every request', async () => {
    answer = { status: 200, type: 'application/json', body: '{}' };
    let current = 'slt_first';
    const client = createClient({ baseUrl, token: () => current });
    await client.call(routes.getMunicipality, { params: { kommunenummer: '3401' } });
    expect(seen.at(-1)!.headers.authorization).toBe('Bearer slt_first');
    current = 'slt_second';
    await client.call(routes.getMunicipality, { params: { kommunenummer: '3401' } });
    expect(seen.at(-1)!.headers.authorization).toBe('Bearer slt_second');
  });

  it('exposes the problem type and every field error of a validation problem', async () => {
    const problem = {
      type: 'urn:slt:problem:validation',
      title: 'Invalid request',
      status: 400,
      errors: [{ in: 'body', pointer: '/members/2/email', name: 'email', detail: 'is not an e-mail address' }],
    };
    answer = { status: 400, type: 'application/problem+json', body: JSON.stringify(problem) };
    const error = (await createClient({ baseUrl })
      .call(routes.createMember, { params: { kommunenummer: '3401' }, body: { name: 'X' } })
      .catch((e: unknown) => e)) as ProblemError;
    expect(error.type).toBe('urn:slt:problem:validation');
    expect(error.errors).toEqual(problem.errors);
  });

  it('retries reads on 503 and 429 (honouring Retry-After), and gives up after the set number of attempts', async () => {
    const before = seen.length;
    queue.push(
      { status: 503, type: 'application/problem+json', body: '{"type":"x","title":"Unavailable","status":503}' },
      {
        status: 429,
        type: 'application/problem+json',
        body: '{"type":"x","title":"Too many","status":429}',
        headers: { 'retry-after': '1' },
      },
    );
    answer = { status: 200, type: 'application/json', body: '{"kommunenummer":"3401"}' };
    const started = Date.now();
    const body = await createClient({ baseUrl, retryDelayMs: () => 1 }).call(routes.getMunicipality, { params: { kommunenummer: '3401' } });
    expect(body).toEqual({ kommunenummer: '3401' });
    expect(seen.length - before).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950); // Retry-After: 1 s

    answer = { status: 503, type: 'application/problem+json', body: '{"type":"x","title":"Unavailable","status":503}' };
    const count = seen.length;
    const error = (await createClient({ baseUrl, retries: 1, retryDelayMs: () => 1 })
      .call(routes.healthLive, {})
      .catch((e: unknown) => e)) as ProblemError;
    expect(error.status).toBe(503);
    expect(seen.length - count).toBe(2);
  });

  it('retries a POST only with an Idempotency-Key, sending the same key every time', async () => {
    answer = { status: 503, type: 'application/problem+json', body: '{"type":"x","title":"Unavailable","status":503}' };
    const client = createClient({ baseUrl, retryDelayMs: () => 1 });
    const input = { params: { kommunenummer: '3401' }, body: { name: 'X' } };
    let count = seen.length;
    await client.call(routes.createMember, input).catch(() => undefined);
    expect(seen.length - count).toBe(1);

    queue.push({ status: 503, type: 'application/problem+json', body: '{"type":"x","title":"Unavailable","status":503}' });
    answer = { status: 201, type: 'application/json', body: '{"id":"m1"}' };
    count = seen.length;
    const key = newIdempotencyKey();
    expect(await client.call(routes.createMember, { ...input, headers: { 'idempotency-key': key } })).toEqual({ id: 'm1' });
    const attempts = seen.slice(count);
    expect(attempts.map((a) => a.headers['idempotency-key'])).toEqual([key, key]);
  });

  it('send() streams raw bytes (Content-Type, Content-Length) and returns the raw answer, unparsed', async () => {
    answer = { status: 200, type: 'application/json', body: '{"dryRun":true}' };
    const text = 'externalId;name\r\nx1;Åse\r\n';
    const bytes = new TextEncoder().encode(text);
    const response = await createClient({ baseUrl, token: 'slt_upload' }).send(routes.importSetup, {
      params: { kommunenummer: '3401' },
      query: { entity: 'members', dryRun: true },
      raw: { contentType: 'text/csv', length: bytes.length, open: () => new Blob([bytes]).stream() },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"dryRun":true}');
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', url: '/api/v1/municipalities/3401/import?entity=members&dryRun=true', body: text });
    expect(request.headers).toMatchObject({
      'content-type': 'text/csv',
      'content-length': String(bytes.length),
      authorization: 'Bearer slt_upload',
    });

    // A stream goes out once, half duplex, never kept for a redirect (fetch would hold every byte sent).
    const inits: RequestInit[] = [];
    const spying = createClient({ baseUrl, fetch: (url, init) => (inits.push(init!), fetch(url, init)) });
    await spying.send(routes.importSetup, {
      params: { kommunenummer: '3401' },
      raw: { contentType: 'text/csv', open: () => new Blob([bytes]).stream() },
    });
    await spying.send(routes.importSetup, { params: { kommunenummer: '3401' }, raw: { contentType: 'text/csv', open: () => text } });
    expect(inits.map((i) => [(i as { duplex?: string }).duplex, i.redirect])).toEqual([
      ['half', 'error'],
      [undefined, undefined],
    ]);

    answer = {
      status: 422,
      type: 'application/problem+json',
      body: JSON.stringify({ type: 'urn:slt:problem:invalid-document', title: 'Invalid document', status: 422, errors: [] }),
    };
    const error = await createClient({ baseUrl })
      .send(routes.importSetup, { params: { kommunenummer: '3401' }, raw: { contentType: 'text/csv', open: () => text } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).type).toBe('urn:slt:problem:invalid-document');
  });

  it('send() retries an upload with an Idempotency-Key from the start (a fresh stream each time), telling onRetry', async () => {
    queue.push(
      { status: 503, type: 'application/problem+json', body: '{"type":"x","title":"Unavailable","status":503}' },
      { status: 429, type: 'application/problem+json', body: '{"type":"x","title":"Too many","status":429}' },
    );
    answer = { status: 200, type: 'application/json', body: '{}' };
    const count = seen.length;
    let opened = 0;
    const retries: { attempt: number; status?: number }[] = [];
    const key = newIdempotencyKey();
    const client = createClient({ baseUrl, retryDelayMs: () => 1, onRetry: ({ attempt, status }) => retries.push({ attempt, status }) });
    await client.send(routes.importSetup, {
      params: { kommunenummer: '3401' },
      headers: { 'idempotency-key': key },
      raw: {
        contentType: 'application/json',
        open: () => {
          opened += 1;
          return new Blob(['{"format":', '"slt-setup/1"}']).stream();
        },
      },
    });
    expect(opened).toBe(3);
    expect(retries).toEqual([
      { attempt: 1, status: 503 },
      { attempt: 2, status: 429 },
    ]);
    const attempts = seen.slice(count);
    expect(attempts.map((a) => [a.headers['idempotency-key'], a.body])).toEqual(
      Array.from({ length: 3 }, () => [key, '{"format":"slt-setup/1"}']),
    );

    // Without a key, an upload is sent once.
    queue.push({ status: 503, type: 'application/problem+json', body: '{"type":"x","title":"Unavailable","status":503}' });
    const before = seen.length;
    const error = (await client
      .send(routes.importSetup, { params: { kommunenummer: '3401' }, raw: { contentType: 'application/json', open: () => '{}' } })
      .catch((e: unknown) => e)) as ProblemError;
    expect(error.status).toBe(503);
    expect(seen.length - before).toBe(1);
  });

  it('iterates over every item of a paginated list, following nextCursor', async () => {
    queue.push(
      {
        status: 200,
        type: 'application/json',
        body: JSON.stringify({ items: [{ kommunenummer: '0301' }, { kommunenummer: '1101' }], nextCursor: 'c2' }),
      },
      { status: 200, type: 'application/json', body: JSON.stringify({ items: [{ kommunenummer: '3401' }], nextCursor: null }) },
    );
    const count = seen.length;
    const numbers: string[] = [];
    for await (const m of createClient({ baseUrl }).paginate(routes.listMunicipalities, { query: { limit: 2, county: '34' } }))
      numbers.push(m.kommunenummer);
    expect(numbers).toEqual(['0301', '1101', '3401']);
    expect(seen.slice(count).map((r) => r.url)).toEqual([
      '/api/v1/municipalities?limit=2&county=34',
      '/api/v1/municipalities?limit=2&county=34&cursor=c2',
    ]);
  });

  it('returns text for a route that produces it (an iCalendar feed)', async () => {
    answer = { status: 200, type: 'text/calendar; charset=utf-8', body: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' };
    const ics = await createClient({ baseUrl }).call(routes.getMunicipalityCalendar, { params: { kommunenummer: '3401' } });
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(seen.at(-1)!.headers.accept).toContain('text/calendar');
  });

  it('works from a plain Node script: the built ESM package (with type declarations) calls the API', async () => {
    const dist = new URL('../../dist/index.js', import.meta.url);
    expect(existsSync(dist), 'run `pnpm --filter @slt/shared build` first (the test command does)').toBe(true);
    expect(existsSync(new URL('../../dist/index.d.ts', import.meta.url))).toBe(true);
    queue.push(
      { status: 200, type: 'application/json', body: JSON.stringify({ items: [{ kommunenummer: '3401' }], nextCursor: 'n' }) },
      { status: 200, type: 'application/json', body: JSON.stringify({ items: [{ kommunenummer: '3403' }], nextCursor: null }) },
    );
    const script = `
      import { createClient, routes } from ${JSON.stringify(dist.href)};
      const client = createClient({ baseUrl: ${JSON.stringify(baseUrl)}, token: process.argv[1] });
      const numbers = [];
      for await (const m of client.paginate(routes.listMunicipalities, { query: { county: '34' } })) numbers.push(m.kommunenummer);
      console.log(JSON.stringify(numbers));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, 'slt_script']);
    expect(JSON.parse(stdout)).toEqual(['3401', '3403']);
    expect(seen.at(-1)!.headers.authorization).toBe('Bearer slt_script');
  });
});
