import type { FastifySchemaCompiler } from 'fastify';
import type { ProblemFieldError } from '@slt/shared';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { compileTextRules, type TextViolation } from '../lib/text-rules.js';

type JsonSchema = { type?: unknown; properties?: Record<string, JsonSchema>; items?: JsonSchema; default?: unknown };

const INTEGER = /^-?(0|[1-9][0-9]*)$/;
const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** Converts one query/path/header string strictly: `1.5` never becomes an integer, `0x10` never 16. */
function convertScalar(schema: JsonSchema | undefined, value: unknown): unknown {
  if (typeof value !== 'string' || !schema) return value;
  if (schema.type === 'integer' && INTEGER.test(value)) return Number(value);
  if (schema.type === 'number' && NUMBER.test(value)) return Number(value);
  if (schema.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/**
 * Query strings, paths and headers arrive as strings: convert the flat fields their schema
 * types, and fill in defaults. Returns a function built once per schema (this runs per request).
 */
function stringConverter(schema: JsonSchema): (input: unknown) => unknown {
  const properties = Object.entries(schema.properties ?? {});
  return (input) => {
    if (typeof input !== 'object' || input === null) return input;
    return convertStrings(properties, input as Record<string, unknown>);
  };
}

function convertStrings(properties: [string, JsonSchema][], input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...input };
  for (const [key, property] of properties) {
    const value = out[key];
    if (value === undefined) {
      if (property.default !== undefined) out[key] = property.default;
      continue;
    }
    if (property.type === 'array') {
      out[key] = (Array.isArray(value) ? value : [value]).map((item) => convertScalar(property.items, item));
    } else {
      out[key] = convertScalar(property, value);
    }
  }
  return out;
}

/**
 * Validates every request part with TypeBox's compiled checker. Query, path and header values
 * are converted from strings (strictly) and get their defaults; bodies are checked exactly as sent.
 * Unknown fields are never dropped: schemas say `additionalProperties: false`, and a stray
 * field is an error that names it.
 */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const checker = Compile(schema);
  const convert = httpPart === 'body' ? undefined : stringConverter(schema);
  // Human-entered text (bodies and query strings) also obeys the text rules (lib/text-rules.ts).
  const textRules = httpPart === 'body' || httpPart === 'querystring' ? compileTextRules(schema) : null;
  return (input: unknown) => {
    const value = convert ? convert(input) : input;
    const text = textRules ? textRules(value).map(textError) : [];
    if (checker.Check(value) && text.length === 0) return { value };
    return { error: [...checker.Errors(value), ...text] as never };
  };
};

/** A text rule's violation in the shape of a validator error, carrying its code. */
const textError = (violation: TextViolation): SchemaError => ({
  keyword: violation.code,
  schemaPath: '#/x-text',
  instancePath: violation.pointer,
  params: { code: violation.code },
  message: violation.detail,
});

interface SchemaError {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

const partNames: Record<string, ProblemFieldError['in']> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

const lastSegment = (pointer: string): string => (pointer.split('/').pop() ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
const escapeSegment = (name: string): string => name.replace(/~/g, '~0').replace(/\//g, '~1');

type Coded = { code: string; limit?: number };

const LIMITED: Record<string, string> = {
  maxLength: 'too_long',
  minLength: 'too_short',
  maximum: 'too_large',
  exclusiveMaximum: 'too_large',
  minimum: 'too_small',
  exclusiveMinimum: 'too_small',
  maxItems: 'too_many',
  minItems: 'too_few',
};

/** The stable machine code (and limit) of one validator error, for clients to translate from. */
export function codeOf(error: SchemaError): Coded {
  const limited = LIMITED[error.keyword];
  if (limited) {
    const limit = error.params['limit'];
    return typeof limit === 'number' ? { code: limited, limit } : { code: limited };
  }
  switch (error.keyword) {
    case 'format':
      return { code: typeof error.params['format'] === 'string' ? `format:${error.params['format']}` : 'format' };
    case 'enum':
    case 'const':
      return { code: 'enum' };
    case 'type':
      return { code: 'type' };
    case 'pattern':
      return { code: 'pattern' };
    case 'uniqueItems':
      return { code: 'not_unique' };
    default:
      return { code: 'invalid' };
  }
}

/** Of several errors at one field (a nullable or union field reports each branch), the one that says most. */
function mostSpecific(errors: SchemaError[]): SchemaError {
  const telling = errors.filter((e) => e.keyword !== 'anyOf' && !(e.keyword === 'type' && e.params['type'] === 'null'));
  if (telling.length === 0) return errors[0]!;
  return telling.find((e) => e.keyword !== 'const' && e.keyword !== 'type') ?? telling[0]!;
}

/**
 * Turns validator errors into one entry per bad field, each with a JSON pointer and a stable
 * `code` (with its `limit` where there is one).
 */
export function toFieldErrors(errors: readonly SchemaError[], context: string | undefined): ProblemFieldError[] {
  const part = partNames[context ?? 'body'] ?? 'body';
  const out: ProblemFieldError[] = [];
  const seen = new Set<string>();
  const add = (pointer: string, detail: string, coded: Coded) => {
    if (seen.has(pointer)) return;
    seen.add(pointer);
    out.push({ in: part, pointer, name: pointer === '' ? part : lastSegment(pointer), detail, ...coded });
  };
  const byPointer = new Map<string, SchemaError[]>();
  for (const error of errors) {
    if (error.keyword === 'boolean' && error.schemaPath.endsWith('/additionalProperties')) continue;
    if (error.keyword === 'additionalProperties' && Array.isArray(error.params['additionalProperties'])) {
      for (const name of error.params['additionalProperties'] as string[]) {
        add(`${error.instancePath}/${escapeSegment(name)}`, 'is not a known field', { code: 'unknown_field' });
      }
    } else if (error.keyword === 'required' && Array.isArray(error.params['requiredProperties'])) {
      for (const name of error.params['requiredProperties'] as string[]) {
        add(`${error.instancePath}/${escapeSegment(name)}`, 'is required', { code: 'required' });
      }
    } else if (typeof error.params['code'] === 'string') {
      add(error.instancePath, error.message ?? error.keyword, { code: error.params['code'] });
    } else {
      byPointer.set(error.instancePath, [...(byPointer.get(error.instancePath) ?? []), error]);
    }
  }
  for (const [pointer, atPointer] of byPointer) {
    const error = mostSpecific(atPointer);
    const allConst = atPointer.every((e) => e.keyword === 'const' || e.keyword === 'anyOf');
    add(
      pointer,
      allConst ? 'must be one of the allowed values' : (error.message ?? error.keyword),
      allConst ? { code: 'enum' } : codeOf(error),
    );
  }
  return out;
}
