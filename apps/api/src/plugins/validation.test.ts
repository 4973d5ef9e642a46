import { describe, expect, it } from 'vitest';
import { toFieldErrors } from './validation.js';

describe('toFieldErrors', () => {
  it('turns required and additional-property errors into one entry per field', () => {
    const errors = toFieldErrors(
      [
        { keyword: 'required', schemaPath: '#', instancePath: '', params: { requiredProperties: ['name'] } },
        { keyword: 'boolean', schemaPath: '#/properties/n/additionalProperties', instancePath: '/n/b', params: {} },
        {
          keyword: 'additionalProperties',
          schemaPath: '#/properties/n',
          instancePath: '/n',
          params: { additionalProperties: ['b', 'a/b'] },
        },
        { keyword: 'type', schemaPath: '#/properties/n/properties/a', instancePath: '/n/a', params: {}, message: 'must be integer' },
      ],
      'body',
    );
    expect(errors).toEqual([
      { in: 'body', pointer: '/name', name: 'name', detail: 'is required', code: 'required' },
      { in: 'body', pointer: '/n/b', name: 'b', detail: 'is not a known field', code: 'unknown_field' },
      { in: 'body', pointer: '/n/a~1b', name: 'a/b', detail: 'is not a known field', code: 'unknown_field' },
      { in: 'body', pointer: '/n/a', name: 'a', detail: 'must be integer', code: 'type' },
    ]);
  });

  it('names the request part for query, path and header errors', () => {
    const [query] = toFieldErrors(
      [{ keyword: 'minimum', schemaPath: '#', instancePath: '/limit', params: {}, message: 'must be >= 1' }],
      'querystring',
    );
    expect(query).toEqual({ in: 'query', pointer: '/limit', name: 'limit', detail: 'must be >= 1', code: 'too_small' });
    const [path] = toFieldErrors([{ keyword: 'pattern', schemaPath: '#', instancePath: '/id', params: {}, message: 'bad' }], 'params');
    expect(path?.in).toBe('path');
  });

  it('gives every field one stable code, with the limit where there is one', () => {
    const errors = toFieldErrors(
      [
        {
          keyword: 'maxLength',
          schemaPath: '#/properties/name/anyOf/0',
          instancePath: '/name',
          params: { limit: 200 },
          message: 'must not have more than 200 characters',
        },
        {
          keyword: 'type',
          schemaPath: '#/properties/name/anyOf/1',
          instancePath: '/name',
          params: { type: 'null' },
          message: 'must be null',
        },
        { keyword: 'anyOf', schemaPath: '#/properties/name', instancePath: '/name', params: {}, message: 'must match a schema in anyOf' },
        {
          keyword: 'format',
          schemaPath: '#/properties/email',
          instancePath: '/email',
          params: { format: 'email' },
          message: 'must match format "email"',
        },
        { keyword: 'const', schemaPath: '#/properties/role/anyOf/0', instancePath: '/role', params: { allowedValue: 'a' } },
        { keyword: 'const', schemaPath: '#/properties/role/anyOf/1', instancePath: '/role', params: { allowedValue: 'b' } },
        { keyword: 'anyOf', schemaPath: '#/properties/role', instancePath: '/role', params: {} },
        { keyword: 'minLength', schemaPath: '#/properties/title', instancePath: '/title', params: { limit: 1 }, message: 'too short' },
        { keyword: 'enum', schemaPath: '#/properties/kind', instancePath: '/kind', params: { allowedValues: ['x'] }, message: 'enum' },
      ],
      'body',
    );
    expect(errors.map(({ name, code, limit }) => ({ name, code, limit }))).toEqual([
      { name: 'name', code: 'too_long', limit: 200 },
      { name: 'email', code: 'format:email', limit: undefined },
      { name: 'role', code: 'enum', limit: undefined },
      { name: 'title', code: 'too_short', limit: 1 },
      { name: 'kind', code: 'enum', limit: undefined },
    ]);
  });
});
