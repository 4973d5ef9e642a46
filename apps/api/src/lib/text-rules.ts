import { containsNationalIdNumber } from './national-id.js';

/**
 * The rules for human-entered text, declared in the contract and enforced by validation (and by
 * the import, on each item): no national identity number, no control characters. A string schema
 * says which kind of text it is with `x-text` (see packages/shared/src/schemas/common.ts):
 *
 * - `line` (NameText): one line; every C0 control character is refused, tab aside.
 * - `text` (the default, FreeText): tab, line feed and carriage return allowed, other C0 refused.
 * - `secret` (passwords): control characters refused; never stored as text, so no number check.
 */
export type TextKind = 'line' | 'text' | 'secret';

/** A text rule broken at `pointer` (relative to the checked value). */
export interface TextViolation {
  pointer: string;
  code: 'national_id' | 'control_character';
  detail: string;
}

export const TEXT_DETAILS: Record<TextViolation['code'], string> = {
  national_id: 'must not contain a national identity number (fødselsnummer or D-nummer)',
  control_character: 'must not contain control characters',
};

// eslint-disable-next-line no-control-regex
const CONTROL_IN_LINE = /[\u0000-\u0008\u000a-\u001f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** The first rule `text` breaks, or null. */
export function textViolation(kind: TextKind, text: string): TextViolation['code'] | null {
  if ((kind === 'line' ? CONTROL_IN_LINE : CONTROL_IN_TEXT).test(text)) return 'control_character';
  if (kind !== 'secret' && containsNationalIdNumber(text)) return 'national_id';
  return null;
}

type Schema = {
  type?: unknown;
  enum?: unknown;
  const?: unknown;
  'x-text'?: TextKind;
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  patternProperties?: Record<string, Schema>;
  items?: Schema | Schema[];
  prefixItems?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};

/** Checks a value at one schema position, pushing violations; null when the position holds no text. */
type Check = (value: unknown, pointer: string, out: TextViolation[]) => void;

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const typesOf = (schema: Schema): unknown[] => (Array.isArray(schema.type) ? schema.type : [schema.type]);

function planFor(schema: Schema | undefined, depth = 0): Check | null {
  if (!schema || typeof schema !== 'object' || depth > 32) return null;
  const checks: Check[] = [];
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    const plan = planFor(branch, depth + 1);
    if (plan) checks.push(plan);
  }
  const types = typesOf(schema);
  if (types.includes('string') && schema.enum === undefined && schema.const === undefined) {
    const kind = schema['x-text'] ?? 'text';
    checks.push((value, pointer, out) => {
      if (typeof value !== 'string') return;
      const code = textViolation(kind, value);
      if (code) out.push({ pointer, code, detail: TEXT_DETAILS[code] });
    });
  }
  if (schema.properties) {
    const fields = Object.entries(schema.properties)
      .map(([key, property]) => [key, planFor(property, depth + 1)] as const)
      .filter((entry): entry is readonly [string, Check] => entry[1] !== null);
    if (fields.length) {
      checks.push((value, pointer, out) => {
        if (!value || typeof value !== 'object' || Array.isArray(value)) return;
        for (const [key, check] of fields) {
          const field = (value as Record<string, unknown>)[key];
          if (field !== undefined) check(field, `${pointer}/${escape(key)}`, out);
        }
      });
    }
  }
  const rest = [
    ...(typeof schema.additionalProperties === 'object' ? [schema.additionalProperties as Schema] : []),
    ...Object.values(schema.patternProperties ?? {}),
  ]
    .map((property) => planFor(property, depth + 1))
    .filter((check): check is Check => check !== null);
  if (rest.length) {
    const known = new Set(Object.keys(schema.properties ?? {}));
    checks.push((value, pointer, out) => {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return;
      for (const [key, field] of Object.entries(value)) {
        if (!known.has(key)) for (const check of rest) check(field, `${pointer}/${escape(key)}`, out);
      }
    });
  }
  const items = Array.isArray(schema.items) ? schema.items : schema.items ? [schema.items] : [];
  const itemChecks = [...items, ...(schema.prefixItems ?? [])]
    .map((item) => planFor(item, depth + 1))
    .filter((check): check is Check => check !== null);
  if (itemChecks.length) {
    checks.push((value, pointer, out) => {
      if (!Array.isArray(value)) return;
      value.forEach((item, i) => {
        for (const check of itemChecks) check(item, `${pointer}/${i}`, out);
      });
    });
  }
  if (checks.length === 0) return null;
  if (checks.length === 1) return checks[0]!;
  return (value, pointer, out) => {
    for (const check of checks) check(value, pointer, out);
  };
}

/**
 * Compiles a schema's text rules once: the returned function lists every violation in a value,
 * one per pointer (a union's branches may see the same string twice). Null when the schema holds
 * no strings, so a request without text pays nothing.
 */
export function compileTextRules(schema: unknown): ((value: unknown) => TextViolation[]) | null {
  const plan = planFor(schema as Schema);
  if (!plan) return null;
  return (value) => {
    const out: TextViolation[] = [];
    plan(value, '', out);
    if (out.length < 2) return out;
    const seen = new Set<string>();
    return out.filter((v) => !seen.has(v.pointer) && seen.add(v.pointer) !== undefined);
  };
}
