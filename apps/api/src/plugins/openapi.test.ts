import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type Operation = {
  operationId?: string;
  tags?: string[];
  summary?: string;
  description?: string;
  security?: Record<string, unknown>[];
  responses?: Record<string, unknown>;
};

describe('OpenAPI', () => {
  it('serves a valid OpenAPI 3.1 document', async () => {
    const response = await fetch(`${t.baseUrl}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, Operation>> };
    expect(document.openapi).toMatch(/^3\.1\./);

    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('gives every operation an operationId, tags, a summary and a problem response', async () => {
    const document = (await (await fetch(`${t.baseUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Operation>>;
    };
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })),
    );
    expect(operations.map((o) => o.key)).toEqual(
      expect.arrayContaining(['GET /api/v1/municipalities', 'GET /api/v1/municipalities/{kommunenummer}']),
    );
    const ids = new Set<string>();
    for (const { key, operation } of operations) {
      expect(operation.operationId, key).toMatch(/^[a-z][A-Za-z]+$/);
      expect(operation.tags?.length, key).toBeGreaterThan(0);
      expect(operation.summary, key).toBeTruthy();
      expect(operation.responses, key).toHaveProperty('500');
      ids.add(operation.operationId!);
    }
    expect(ids.size).toBe(operations.length);
  });

  it('documents who may call each operation, with bearer security on the protected ones', async () => {
    const document = (await (await fetch(`${t.baseUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Operation>>;
      components: { securitySchemes: Record<string, { scheme?: string }> };
    };
    expect(document.components.securitySchemes['bearerAuth']?.scheme).toBe('bearer');
    const tokens = document.paths['/api/v1/municipalities/{kommunenummer}/api-tokens']?.['post'];
    expect(tokens?.security).toEqual([{ bearerAuth: [] }]);
    expect(tokens?.description).toMatch(/Access:.*coordinator/);
    const list = document.paths['/api/v1/municipalities']?.['get'];
    expect(list?.security).toEqual([]);
    expect(list?.description).toMatch(/Access:.*Anyone/);
  });

  it('serves a reference UI at /api/docs', async () => {
    const response = await fetch(`${t.baseUrl}/api/docs/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toMatch(/swagger/i);
  });
});
