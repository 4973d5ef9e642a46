import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createToken, DEMO, signIn } from './auth.js';
import { FNR } from './problems.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * The contract's rules, proved route by route from the OpenAPI document: every request string
 * field of every route refuses control characters and national identity numbers with a 400
 * naming the field, and every route under `:kommunenummer` answers a malformed or empty one with
 * a 400 or 404 problem, never a 5xx.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  examples?: unknown[];
  default?: unknown;
  minimum?: number;
  minItems?: number;
  minLength?: number;
  'x-text'?: string;
};
type Parameter = { name: string; in: string; required?: boolean; schema: Schema };
type Operation = {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};
type Document = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

let t: TestApp;
let document: Document;
let admin: string;
let token: string;
const BAD = 'A\u0000B';

beforeAll(async () => {
  t = await createTestApp();
  document = (await (await fetch(`${t.baseUrl}/api/openapi.json`)).json()) as Document;
  admin = (await signIn(t, DEMO.admin)).accessToken;
  const coordinator = (await signIn(t, DEMO.coordinator3401)).accessToken;
  token = (await createToken(t, coordinator, '3401', ['read', 'write', 'import'])).secret;
});
afterAll(async () => {
  await t?.close();
});

const resolve = (schema: Schema): Schema =>
  schema.$ref ? resolve(document.components?.schemas?.[schema.$ref.split('/').pop()!] ?? {}) : schema;
const typesOf = (schema: Schema) => (Array.isArray(schema.type) ? schema.type : [schema.type]);

/** A value the schema accepts (as far as a sample can: enough for the other fields to pass). */
function sample(input: Schema): unknown {
  const schema = resolve(input);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.examples?.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].map(resolve).filter((b) => !typesOf(b).includes('null'));
  if (branches.length) return sample(branches[0]!);
  const type = typesOf(schema).find((x) => x !== 'null');
  switch (type) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((key) => [key, sample(schema.properties?.[key] ?? {})]));
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items ?? {}));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'uuid' || schema.pattern?.includes('[0-9a-f]{8}')) return randomUUID();
      if (schema.format === 'date') return '2026-03-02';
      if (schema.format === 'date-time') return '2026-03-02T10:00:00+01:00';
      if (schema.format === 'email') return 'someone@example.no';
      if (schema.pattern === '^[0-9]{4}$') return '3401';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    default:
      return null;
  }
}

/** Every string field of a schema, as a path of keys (array items at index 0). */
function stringFields(input: Schema, path: (string | number)[] = [], depth = 0): { path: (string | number)[]; schema: Schema }[] {
  const schema = resolve(input);
  if (depth > 8) return [];
  const out: { path: (string | number)[]; schema: Schema }[] = [];
  if (typesOf(schema).includes('string') && schema.enum === undefined && schema.const === undefined) out.push({ path, schema });
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    for (const field of stringFields(branch, path, depth + 1))
      if (!out.some((o) => o.path.join('/') === field.path.join('/'))) out.push(field);
  }
  for (const [key, property] of Object.entries(schema.properties ?? {})) out.push(...stringFields(property, [...path, key], depth + 1));
  if (schema.items) out.push(...stringFields(schema.items, [...path, 0], depth + 1));
  return out;
}

/** The sample body with `value` at `path`, building what lies on the way from the schema. */
function withValue(schema: Schema, base: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const s = resolve(schema);
  const [head, ...rest] = path;
  const objectBranch = [s, ...(s.anyOf ?? []), ...(s.oneOf ?? [])]
    .map(resolve)
    .find((b) => (typeof head === 'number' ? b.items : b.properties?.[head!]));
  const child = typeof head === 'number' ? objectBranch?.items : objectBranch?.properties?.[head!];
  if (typeof head === 'number') {
    const array = Array.isArray(base) ? [...(base as unknown[])] : [];
    array[head] = withValue(child ?? {}, array[head] ?? sample(child ?? {}), rest, value);
    return array;
  }
  const object = base && typeof base === 'object' && !Array.isArray(base) ? { ...base } : ((sample(objectBranch ?? {}) as object) ?? {});
  const current = (object as Record<string, unknown>)[head!];
  return { ...object, [head!]: withValue(child ?? {}, current ?? sample(child ?? {}), rest, value) };
}

const pathOf = (template: string, params: Parameter[]) =>
  template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const parameter = params.find((p) => p.name === name);
    return encodeURIComponent(String(parameter ? sample(parameter.schema) : 'x'));
  });

function operations() {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
  );
}

/**
 * The two walks over every route send hundreds of requests (about 700 for the kommunenummer walk),
 * and their number grows with the contract: 6 s on an idle machine, 30 s at load 19 on two cores.
 */
const ROUTE_WALK_TIMEOUT_MS = 180_000;

interface FieldError {
  in: string;
  pointer: string;
  code?: string;
}

describe('text rules, from the OpenAPI document', () => {
  it(
    'every request string field refuses control characters and national identity numbers, naming the field',
    { timeout: ROUTE_WALK_TIMEOUT_MS },
    async () => {
      const cases: string[] = [];
      const failures: string[] = [];
      for (const { path, method, operation } of operations()) {
        const params = (operation.parameters ?? []).filter((p) => p.in === 'path');
        const url = pathOf(path, params);
        const json = operation.requestBody?.content['application/json']?.schema;
        const targets: { in: 'body' | 'query'; path: (string | number)[]; schema: Schema }[] = [];
        // The import reads its body as a stream: its items are checked by the import (see below).
        if (json && operation.operationId !== 'importSetup') {
          for (const field of stringFields(json)) targets.push({ in: 'body', ...field });
        }
        for (const query of (operation.parameters ?? []).filter((p) => p.in === 'query')) {
          for (const field of stringFields(query.schema))
            targets.push({ in: 'query', path: [query.name, ...field.path], schema: field.schema });
        }
        for (const target of targets) {
          for (const value of [BAD, `Gjelder ${FNR}`, FNR]) {
            // Passwords are hashed, never stored as text: only control characters are refused there.
            if (
              value !== BAD &&
              (target.schema.format || target.schema['x-text'] === 'secret' || target.schema.pattern?.startsWith('^[0-9]{4}'))
            )
              continue;
            const pointer = `/${target.path.join('/')}`;
            let response: Response;
            if (target.in === 'body') {
              const body = withValue(json!, sample(json!), target.path, value);
              response = await call(t, method, url, { bearer: admin, body });
            } else {
              const query = new URLSearchParams({ [String(target.path[0])]: value });
              response = await call(t, method, `${url}?${query.toString()}`, { bearer: admin });
            }
            const text = await response.text();
            const label = `${method} ${path} ${target.in} ${pointer} = ${JSON.stringify(value)}`;
            cases.push(label);
            const errors = response.status === 400 ? ((JSON.parse(text) as { errors?: FieldError[] }).errors ?? []) : [];
            const named = errors.filter((e) => e.in === target.in && e.pointer === pointer);
            // Where no other rule of the field refuses the value, the text rule's code must be among the reasons.
            const plain = !target.schema.format && !target.schema.pattern;
            const code = value === BAD ? 'control_character' : 'national_id';
            if (named.length === 0 || (plain && !named.some((e) => e.code === code)))
              failures.push(`${label}: ${response.status} ${text.slice(0, 300)}`);
          }
        }
      }
      expect(failures).toEqual([]);
      // The walk reached the fields the defects were found in.
      for (const expected of [
        'POST /api/v1/municipalities/{kommunenummer}/members body /phone',
        'PATCH /api/v1/municipalities/{kommunenummer}/members/{memberId} body /phone',
        'POST /api/v1/me/calendar-feeds body /label',
        'POST /api/v1/users body /email',
      ]) {
        expect(
          cases.some((c) => c.startsWith(expected)),
          expected,
        ).toBe(true);
      }
    },
  );

  it("a fødselsnummer is refused where it used to be stored: a member's phone (create and edit), a feed label, a user's e-mail", async () => {
    const coordinator = (await signIn(t, DEMO.coordinator3401)).accessToken;
    const members = '/api/v1/municipalities/3401/members';
    const refused = async (response: Response, pointer: string) => {
      const text = await response.text();
      expect(response.status, text).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((JSON.parse(text) as { errors: FieldError[] }).errors).toContainEqual(
        expect.objectContaining({ pointer, code: 'national_id' }),
      );
    };
    await refused(await call(t, 'POST', members, { bearer: coordinator, body: { name: 'Fnr Telefon', phone: FNR } }), '/phone');
    await refused(
      await call(t, 'POST', members, { bearer: coordinator, body: { name: 'Fnr Epost', email: `${FNR}@example.no` } }),
      '/email',
    );
    const created = await call(t, 'POST', members, { bearer: coordinator, body: { name: 'Fnr Endring' } });
    expect(created.status).toBe(201);
    const member = (await created.json()) as { id: string };
    const patch = await call(t, 'PATCH', `${members}/${member.id}`, {
      bearer: coordinator,
      body: { phone: `${FNR.slice(0, 6)} ${FNR.slice(6)}` },
      headers: { 'if-match': created.headers.get('etag')! },
    });
    await refused(patch, '/phone');
    await refused(
      await call(t, 'POST', '/api/v1/me/calendar-feeds', { bearer: coordinator, body: { label: `Kalender ${FNR}` } }),
      '/label',
    );
    await refused(
      await call(t, 'POST', '/api/v1/users', {
        bearer: admin,
        body: { email: `${FNR}@example.no`, name: 'Fnr', password: 'a-long-enough-password' },
      }),
      '/email',
    );
    // Nothing of it was stored.
    const list = (await (await call(t, 'GET', members, { bearer: coordinator })).json()) as {
      items: { name: string; phone: string | null }[];
    };
    expect(list.items.some((m) => m.name.startsWith('Fnr ') && m.name !== 'Fnr Endring')).toBe(false);
    expect(list.items.find((m) => m.name === 'Fnr Endring')?.phone).toBeNull();
  });

  it('the import refuses them too with a 400 naming the item, also in a dry run and in CSV cells', async () => {
    const url = '/api/v1/municipalities/3401/import';
    for (const dryRun of [true, false]) {
      const response = await call(t, 'POST', `${url}?dryRun=${dryRun}`, {
        bearer: token,
        body: {
          format: 'slt-setup/1',
          members: [
            { externalId: 'm1', name: BAD },
            { externalId: 'm2', name: 'Ok', phone: FNR },
          ],
        },
      });
      const text = await response.text();
      expect(response.status, text).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(text)).toMatchObject({ type: 'urn:slt:problem:validation', status: 400 });
      const errors = (JSON.parse(text) as { errors: FieldError[] }).errors;
      expect(errors).toContainEqual(expect.objectContaining({ pointer: '/members/0/name', code: 'control_character' }));
      expect(errors).toContainEqual(expect.objectContaining({ pointer: '/members/1/phone', code: 'national_id' }));
    }
    const csv = await fetch(`${t.baseUrl}${url}?entity=members&dryRun=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: `externalId,name\nm1,"A\u0000B"\n`,
    });
    const text = await csv.text();
    expect(csv.status, text).toBe(400);
    expect(csv.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((JSON.parse(text) as { errors: FieldError[] }).errors[0]).toMatchObject({
      pointer: '/members/0/name',
      code: 'control_character',
    });
    // Nothing was written.
    const members = (await (await call(t, 'GET', '/api/v1/municipalities/3401/members', { bearer: token })).json()) as {
      items: { name: string }[];
    };
    expect(members.items.some((m) => m.name === 'Ok')).toBe(false);
  });
});

describe('the municipality in the path', () => {
  it(
    'an empty or malformed kommunenummer is a 400 or 404 problem on every route, never a 5xx',
    { timeout: ROUTE_WALK_TIMEOUT_MS },
    async () => {
      const failures: string[] = [];
      let walked = 0;
      for (const { path, method, operation } of operations()) {
        if (!path.includes('{kommunenummer}')) continue;
        const params = (operation.parameters ?? []).filter((p) => p.in === 'path' && p.name !== 'kommunenummer');
        const json = operation.requestBody?.content['application/json']?.schema;
        for (const kommunenummer of ['', 'abc', '12345', '9999']) {
          for (const bearer of [admin, token]) {
            const url = pathOf(path.replace('{kommunenummer}', kommunenummer), params);
            const response = await call(t, method, url, { bearer, ...(json ? { body: sample(json) } : {}) });
            walked += 1;
            const type = response.headers.get('content-type') ?? '';
            // `/municipalities/` is the list itself (a trailing slash is ignored), not a malformed number.
            if (kommunenummer === '' && url === '/api/v1/municipalities/' && method === 'GET') continue;
            // A well-formed unknown number is a 404; another municipality's token is refused its writes first (403).
            const expected = kommunenummer === '9999' && bearer === token ? [400, 403, 404] : [400, 404];
            if (!expected.includes(response.status) || !type.startsWith('application/problem+json')) {
              failures.push(`${method} ${url}: ${response.status} ${type} ${(await response.text()).slice(0, 200)}`);
            } else if (kommunenummer === 'abc' && response.status === 400) {
              const problem = (await response.json()) as { errors?: FieldError[] };
              if (!problem.errors?.some((e) => e.in === 'path' && e.pointer === '/kommunenummer'))
                failures.push(`${method} ${url}: 400 without naming kommunenummer`);
            }
          }
        }
      }
      expect(failures).toEqual([]);
      expect(walked).toBeGreaterThan(100);
    },
  );

  it('GET /api/v1/municipalities//export is a problem, not a 500', async () => {
    const response = await call(t, 'GET', '/api/v1/municipalities//export', { bearer: token });
    expect([400, 404]).toContain(response.status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});

describe('response serializers', () => {
  it('every route’s response schema, for every status it declares, builds into a serializer', () => {
    // They are built on a route's first answer with a status (src/plugins/serialization.ts); here all at once.
    const failures: string[] = [];
    for (const serializer of t.app.responseSerializers) {
      try {
        serializer.build();
      } catch (error) {
        failures.push(`${serializer.route}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    // Reads and writes of every module, each with its problem statuses: far more than a handful.
    expect(t.app.responseSerializers.length).toBeGreaterThan(500);
  });
});
