import { ProblemType, type Problem } from '@slt/shared';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_JWT_SECRET, createTestApp, type TestApp } from '../../test/test-app.js';
import { buildApp } from '../app.js';
import { fromContract } from './contract.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const readProblem = async (response: Response) => {
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await response.json()) as Problem;
};

describe('problem+json errors', () => {
  it('answers an unknown API path with a 404 problem', async () => {
    const response = await fetch(`${t.baseUrl}/api/v1/nothing-here`);
    expect(response.status).toBe(404);
    const problem = await readProblem(response);
    expect(problem).toMatchObject({ type: ProblemType.notFound, status: 404, instance: '/api/v1/nothing-here' });
    expect(problem.requestId).toBe(response.headers.get('x-request-id'));
  });
});

describe('request bodies, errors and the route declaration check (on an app with extra routes)', () => {
  let extra: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    extra = await buildApp({ config: t.config, database: t.database, logger: t.app.log, jwtSecret: TEST_JWT_SECRET });
    const contract = {
      method: 'POST',
      path: '/api/test/things',
      operationId: 'createThing',
      tags: ['test'],
      summary: 'Create a test thing',
      access: { kind: 'public' },
      body: Type.Object({ name: Type.String({ minLength: 1 }), size: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      response: { 201: Type.Object({ name: Type.String() }) },
      problems: [400],
    } as const;
    extra.route({ ...fromContract(contract), handler: async (req, reply) => reply.status(201).send({ name: req.body.name }) });
    extra.route({
      ...fromContract({ ...contract, method: 'GET', path: '/api/test/boom', operationId: 'boom', body: undefined }),
      handler: async () => {
        throw new Error('connection to db-secret-host.internal:5432 refused');
      },
    });
    await extra.ready();
  });
  afterAll(async () => {
    await extra?.close();
  });

  const post = (payload: string, contentType = 'application/json') =>
    extra.inject({ method: 'POST', url: '/api/test/things', payload, headers: { 'content-type': contentType } });

  it('accepts a valid body', async () => {
    const response = await post(JSON.stringify({ name: 'a', size: 2 }));
    expect(response.statusCode).toBe(201);
  });

  it('names an unknown body field instead of dropping it', async () => {
    const response = await post(JSON.stringify({ name: 'a', size: 2, colour: 'red' }));
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json<{ errors: unknown }>().errors).toEqual([
      { in: 'body', pointer: '/colour', name: 'colour', detail: 'is not a known field', code: 'unknown_field' },
    ]);
  });

  it('lists every bad field with a JSON pointer, and does not coerce body types', async () => {
    const response = await post(JSON.stringify({ size: '2' }));
    expect(response.statusCode).toBe(400);
    const errors = response.json<{ errors: { pointer: string }[] }>().errors;
    expect(errors.map((e) => e.pointer).sort()).toEqual(['/name', '/size']);
  });

  it('answers malformed JSON and a wrong media type with problems', async () => {
    const malformed = await post('{"name":');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<{ type: string }>().type).toBe(ProblemType.badRequest);
    const wrongType = await post('name=a', 'application/x-www-form-urlencoded');
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json<{ type: string }>().type).toBe(ProblemType.unsupportedMediaType);
  });

  it('shows nothing internal on a 500 and logs the details', async () => {
    const before = t.logs.length;
    const response = await extra.inject({ method: 'GET', url: '/api/test/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).not.toMatch(/secret|5432|Error|stack/);
    expect(response.json()).toMatchObject({ type: ProblemType.internal, status: 500 });
    const logged = t.logs.slice(before).find((l) => l['msg'] === 'request failed');
    expect(JSON.stringify(logged)).toMatch(/db-secret-host/);
    expect(logged?.['requestId']).toBe(response.json<{ requestId: string }>().requestId);
  });

  it('refuses to register an API route that does not say who may call it', async () => {
    const app = await buildApp({ config: t.config, database: t.database, logger: t.app.log, jwtSecret: TEST_JWT_SECRET });
    expect(() =>
      app.route({
        method: 'GET',
        url: '/api/v1/undeclared',
        schema: { operationId: 'x', tags: ['x'], summary: 'x' },
        handler: async () => ({}),
      }),
    ).toThrow(/declares no access/);
    expect(() =>
      app.route({ method: 'GET', url: '/api/v1/undocumented', config: { access: { kind: 'public' } }, handler: async () => ({}) }),
    ).toThrow(/operationId/);
    await app.close();
  });
});

describe('request ids and logs', () => {
  it('returns a request id, keeps a safe one the caller sent, and logs it', async () => {
    const response = await fetch(`${t.baseUrl}/api/v1/municipalities/3401`, { headers: { 'x-request-id': 'trace-abc.123' } });
    expect(response.headers.get('x-request-id')).toBe('trace-abc.123');
    const lines = t.logs.filter((l) => l['requestId'] === 'trace-abc.123');
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'request completed', method: 'GET', url: '/api/v1/municipalities/3401', statusCode: 200 }),
    );

    const unsafe = await fetch(`${t.baseUrl}/api/health/live`, { headers: { 'x-request-id': 'bad id\twith tab' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never logs credentials sent in headers', async () => {
    await fetch(`${t.baseUrl}/api/v1/municipalities/3401`, {
      headers: { authorization: 'Bearer top-secret-token', cookie: 'session=top-secret-cookie' },
    });
    expect(JSON.stringify(t.logs)).not.toMatch(/top-secret/);
  });
});
