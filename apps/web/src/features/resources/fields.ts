/**
 * Form fields as data: one description drives the input, reading an item into the form, and
 * turning the form back into a request body (a create omits empty fields; an update sends only
 * what changed, with emptied fields as null).
 */
export type FieldKind =
  'text' | 'textarea' | 'number' | 'date' | 'datetime-local' | 'email' | 'tel' | 'password' | 'select' | 'checkbox' | 'lines' | 'multi';

export interface Option {
  value: string;
  label: string;
}

export interface FieldDef {
  name: string;
  kind: FieldKind;
  label: string;
  description?: string;
  required?: boolean;
  options?: Option[];
  /** Fields that are not sent as they are (parts of a composite value): the resource composes them. */
  virtual?: boolean;
}

export type FormValue = string | boolean | string[];
export type FormValues = Record<string, FormValue>;

/** The form's values for an item (or the empty form). */
export function valuesOf(fields: FieldDef[], item?: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const raw = item?.[field.name];
    if (field.kind === 'checkbox') values[field.name] = raw === true;
    else if (field.kind === 'lines' || field.kind === 'multi') values[field.name] = Array.isArray(raw) ? raw.map(String) : [];
    else values[field.name] = raw === null || raw === undefined ? '' : String(raw);
  }
  return values;
}

/** Reads a form element into values, by the field descriptions. */
export function readForm(fields: FieldDef[], form: HTMLFormElement): FormValues {
  const data = new FormData(form);
  const values: FormValues = {};
  for (const field of fields) {
    if (field.kind === 'checkbox') values[field.name] = data.get(field.name) === 'on';
    else if (field.kind === 'multi') values[field.name] = data.getAll(field.name).map(String);
    else if (field.kind === 'lines') {
      values[field.name] = String(data.get(field.name) ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    } else values[field.name] = String(data.get(field.name) ?? '').trim();
  }
  return values;
}

type Json = string | number | boolean | string[] | null;

function toJson(field: FieldDef, value: FormValue): Json {
  if (field.kind === 'number') return value === '' ? null : Number(value);
  if (typeof value === 'string') return value === '' ? null : value;
  return value;
}

const same = (a: FormValue, b: FormValue) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A create body: every non-virtual field with a value. `B` is the route's body type from the
 * contract: the fields are named after its properties and their kinds give the JSON types.
 */
export function createBody<B extends object = Record<string, Json>>(fields: FieldDef[], values: FormValues): B {
  const body: Record<string, Json> = {};
  for (const field of fields) {
    if (field.virtual) continue;
    const json = toJson(field, values[field.name]!);
    if (json !== null && !(Array.isArray(json) && json.length === 0 && field.kind !== 'multi' && field.kind !== 'lines'))
      body[field.name] = json;
  }
  return body as B;
}

/** A PATCH body: only the fields that changed; an emptied field is null (cleared). `B` as for createBody. */
export function patchBody<B extends object = Record<string, Json>>(fields: FieldDef[], initial: FormValues, values: FormValues): B {
  const body: Record<string, Json> = {};
  for (const field of fields) {
    if (field.virtual || same(initial[field.name]!, values[field.name]!)) continue;
    body[field.name] = toJson(field, values[field.name]!);
  }
  return body as B;
}
