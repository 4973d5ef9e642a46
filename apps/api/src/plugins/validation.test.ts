import { describe, expect, it } from 'vitest';
import { toFieldErrors } from './validation.js';

describe('toFieldErrors', () => {
  it('turns required and additional-property errors into one entry per field', () => {
    const errors = toFieldErrors(
      [
        { keyword: 'required', schemaPath: '#', instancePath: '', params: { requiredProperties: ['name'] } },
        { keyword: 'boolean', schemaPath: '#/properties/n/additionalProperties', instancePath: '/n/b', params: {} },
        { keyword: 'additionalProperties', schemaPath: '#/properties/n', instancePath: '/n', params: { additionalProperties: ['b', 'a/b'] } },
        { keyword: 'type', schemaPath: '#/properties/n/properties/a', instancePath: '/n/a', params: {}, message: 'must be integer' },
      ],
      'body',
    );
    expect(errors).toEqual([
      { in: 'body', pointer: '/name', name: 'name', detail: 'is required' },
      { in: 'body', pointer: '/n/b', name: 'b', detail: 'is not a known field' },
      { in: 'body', pointer: '/n/a~1b', name: 'a/b', detail: 'is not a known field' },
      { in: 'body', pointer: '/n/a', name: 'a', detail: 'must be integer' },
    ]);
  });

  it('names the request part for query, path and header errors', () => {
    const [query] = toFieldErrors([{ keyword: 'minimum', schemaPath: '#', instancePath: '/limit', params: {}, message: 'must be >= 1' }], 'querystring');
    expect(query).toEqual({ in: 'query', pointer: '/limit', name: 'limit', detail: 'must be >= 1' });
    const [path] = toFieldErrors([{ keyword: 'pattern', schemaPath: '#', instancePath: '/id', params: {}, message: 'bad' }], 'params');
    expect(path?.in).toBe('path');
  });
});
