import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPath } from '../contract.js';
import { routes } from '../routes.js';
import { createClient, ProblemError } from './client.js';

/** A real HTTP server that records requests and answers as the test says. */
let server: Server;
let baseUrl: string;
const seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
let answer: { status: number; type: string; body: string } = { status: 200, type: 'application/json', body: '{}' };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(answer.status, { 'content-type': answer.type }).end(answer.status === 204 ? undefined : answer.body);
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
    expect(seen.at(-1)).toMatchObject({ method: 'DELETE', url: '/api/v1/municipalities/3401/api-tokens/00000000-0000-4000-8000-000000000000' });
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
    const error = (await createClient({ baseUrl })
      .call(routes.healthLive, {})
      .catch((e: unknown) => e)) as ProblemError;
    expect(error.status).toBe(502);
    expect(error.problem.type).toBe('about:blank');
  });
});
