/**
 * Form fields as data: one description drives the input, reading an item into the form, and
 * turning the form back into a request body (a create omits empty fields; an update sends only
 * what changed, with emptied fields as null).
 *
 * The descriptions are typed against the route's request bodies from the contract: a field's name
 * is a property of the body, and its kind must produce a value of that property's type (a checkbox
 * a boolean, a number field a number, a select one of the property's values…). A field that may be
 * left empty must be optional in the create body and nullable (clearable) in the update body, or
 * say that emptying it keeps the stored value. So a change of a request schema in
 * `packages/shared` breaks the build of every form that fills it.
 */
export type TextKind = 'text' | 'textarea' | 'date' | 'datetime-local' | 'email' | 'tel' | 'password';
export type FieldKind = TextKind | 'number' | 'select' | 'checkbox' | 'lines' | 'multi';

export interface Option<V extends string = string> {
  value: V;
  label: string;
}

/** What every field has, whatever its kind: what ResourceForm renders from. */
export interface AnyField {
  name: string;
  kind: FieldKind;
  label: string;
  description?: string;
  required?: boolean;
  options?: readonly Option[];
  /** Not sent as it is (a part of a composite value): the page composes it into the body. */
  virtual?: boolean;
  /** Emptying it leaves the stored value as it is (the property cannot be cleared). */
  keepWhenEmpty?: boolean;
}

interface Described<K extends string> {
  name: K;
  label: string;
  description?: string;
  virtual?: never;
}

/**
 * What an empty text, number or select field may do, given the create body's property `CP` and
 * the update body's `UP`: a required field (its emptiness is the server's to refuse); an optional
 * one that a create omits and an update clears with null; or one an update leaves as it is.
 */
type Emptiness<CP, UP> =
  | { required: true; keepWhenEmpty?: false }
  | ([undefined] extends [CP]
      ? [null] extends [UP]
        ? { required?: false; keepWhenEmpty?: boolean }
        : { required?: false; keepWhenEmpty: true }
      : never);

/** The kinds of field that can fill a property whose (non-null) value type is `V`. */
type KindFor<V, CP, UP> =
  | ([string] extends [V] ? { kind: TextKind; options?: never } & Emptiness<CP, UP> : never)
  | ([number] extends [V] ? { kind: 'number'; options?: never } & Emptiness<CP, UP> : never)
  | ([V] extends [string] ? { kind: 'select'; options: readonly Option<V>[] } & Emptiness<CP, UP> : never)
  | ([boolean] extends [V] ? { kind: 'checkbox'; required?: boolean; options?: never } : never)
  | ([string[]] extends [V] ? { kind: 'lines'; required?: boolean; options?: never } : never)
  | ([V] extends [readonly (infer E extends string)[]] ? { kind: 'multi'; required?: boolean; options: readonly Option<E>[] } : never);

type FieldOf<K extends string, CP, UP> = Described<K> & KindFor<NonNullable<CP> & NonNullable<UP>, CP, UP>;

/** A field that is not sent as it is: the page composes it (a meeting rule's parts, a meeting's times). */
export type VirtualField = Omit<AnyField, 'virtual' | 'keepWhenEmpty'> & { virtual: true };

/**
 * A field of a form that creates with body `C` and updates with body `U` (both from the contract).
 * Use `CreateField<C>` for a form that only creates, `UpdateField<U>` for one that only updates.
 */
export type FieldDef<C, U> = ({ [K in keyof C & keyof U & string]-?: FieldOf<K, C[K], U[K]> }[keyof C & keyof U & string] | VirtualField) &
  AnyField;
/** A field of a create-only form: an empty field is left out of the body. */
export type CreateField<C> = FieldDef<C, { [K in keyof C]: C[K] | null }>;
/** A field of an update-only form: an emptied field is sent as null (cleared). */
export type UpdateField<U> = FieldDef<{ [K in keyof U]?: U[K] }, U>;

export type FormValue = string | boolean | string[];
export type FormValues = Record<string, FormValue>;

/** The form's values for an item (or the empty form). */
export function valuesOf(fields: readonly AnyField[], item?: object): FormValues {
  const values: FormValues = {};
  const source = item as Record<string, unknown> | undefined;
  for (const field of fields) {
    const raw = source?.[field.name];
    if (field.kind === 'checkbox') values[field.name] = raw === true;
    else if (field.kind === 'lines' || field.kind === 'multi') values[field.name] = Array.isArray(raw) ? raw.map(String) : [];
    else values[field.name] = raw === null || raw === undefined || typeof raw === 'object' ? '' : String(raw);
  }
  return values;
}

type Json = string | number | boolean | string[];

/** A field's value as the JSON its kind produces, or undefined when it is empty. */
function toJson(field: AnyField, value: FormValue | undefined): Json | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return value;
  if (value === '') return undefined;
  return field.kind === 'number' ? Number(value) : value;
}

/**
 * The one place a form's values become a body: each field was checked against the body's
 * property type when the field list was written, so the assembled object is that body (the server
 * refuses one whose required field was left empty, at that field).
 */
const asBody = <B>(body: Record<string, Json | null>) => body as B;

const same = (a: FormValue | undefined, b: FormValue | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** A create body: every non-virtual field with a value. */
export function createBody<C>(fields: readonly CreateField<C>[], values: FormValues): C;
export function createBody<C, U>(fields: readonly FieldDef<C, U>[], values: FormValues): C;
export function createBody<C, U>(fields: readonly FieldDef<C, U>[], values: FormValues): C {
  const body: Record<string, Json> = {};
  const all: readonly AnyField[] = fields;
  for (const field of all) {
    if (field.virtual) continue;
    const json = toJson(field, values[field.name]);
    if (json !== undefined) body[field.name] = json;
  }
  return asBody<C>(body);
}

/**
 * A PATCH body: only the fields that changed. An emptied field is null (cleared), except a
 * required text field (sent empty, for the server to refuse at its field) and one that keeps its
 * value when emptied (left out).
 */
export function patchBody<U>(fields: readonly UpdateField<U>[], initial: FormValues, values: FormValues): Partial<U>;
export function patchBody<C, U>(fields: readonly FieldDef<C, U>[], initial: FormValues, values: FormValues): Partial<U>;
export function patchBody<C, U>(fields: readonly FieldDef<C, U>[], initial: FormValues, values: FormValues): Partial<U> {
  const body: Record<string, Json | null> = {};
  const all: readonly AnyField[] = fields;
  for (const field of all) {
    if (field.virtual || same(initial[field.name], values[field.name])) continue;
    const json = toJson(field, values[field.name]);
    if (json !== undefined) body[field.name] = json;
    else if (field.required) {
      if (field.kind !== 'number' && field.kind !== 'select') body[field.name] = '';
    } else if (!field.keepWhenEmpty) body[field.name] = null;
  }
  return asBody<Partial<U>>(body);
}
