import { Type, type Static, type TSchema } from 'typebox';

/**
 * `T | null` as a JSON Schema type array (`type: ['object', 'null']`) rather than `anyOf`:
 * the same contract in OpenAPI 3.1, but the serializer can write it without trying each branch.
 */
export function Nullable<T extends TSchema & { type: string }>(schema: T, options: { description?: string } = {}) {
  return Type.Unsafe<Static<T> | null>({ ...schema, ...options, type: [schema.type, 'null'] });
}

/** A page of a cursor-paginated list: pass `nextCursor` back as `cursor` until it is null. */
export const PageSchema = <T extends TSchema>(item: T) =>
  Type.Object(
    {
      items: Type.Array(item),
      nextCursor: Nullable(Type.String(), { description: 'Opaque cursor for the next page; null on the last page.' }),
    },
    { additionalProperties: false },
  );

export const LimitSchema = Type.Integer({
  minimum: 1,
  maximum: 500,
  default: 50,
  description: 'Page size, 1–500.',
});

export const CursorSchema = Type.String({
  minLength: 1,
  maxLength: 200,
  pattern: '^[A-Za-z0-9_-]+$',
  description: 'The `nextCursor` of the previous page.',
});

export const HealthSchema = Type.Object(
  {
    status: Type.Literal('ok'),
  },
  { additionalProperties: false },
);
export type Health = Static<typeof HealthSchema>;

// --- building blocks of the SLT setup's resources --------------------------------------

/**
 * The kind of human-entered text a string holds, for the rules every request string obeys (no
 * national identity number, no control characters; enforced by the API's validation):
 * `line` is one line (tab allowed), `text` (the default for any string) also allows line breaks,
 * `secret` (passwords) is checked for control characters only.
 */
export type TextKind = 'line' | 'text' | 'secret';

/** A short name or title: required, 1–200 characters on one line. */
export const NameText = (options: { description?: string } = {}) =>
  Type.String({ minLength: 1, maxLength: 200, 'x-text': 'line' satisfies TextKind, ...options });
/** Free text: bounded; line breaks allowed; refused when it holds a national identity number. */
export const FreeText = (options: { description?: string } = {}) =>
  Type.String({ maxLength: 4000, 'x-text': 'text' satisfies TextKind, ...options });
/** A calendar date, `YYYY-MM-DD`. */
export const DateSchema = Type.String({ format: 'date', description: 'A calendar date, YYYY-MM-DD.' });
export const TimestampSchema = Type.String({ format: 'date-time' });
/** Optional on create, nullable (to clear) on update. */
export const Clearable = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));

/** Words for the API's enum values in one language (see labels.ts), for intranets that show them. */
export const LabelsSchema = Type.Object(
  {
    language: Type.Enum(['nb', 'nn', 'en'], { description: 'Chosen from Accept-Language (also sent as Content-Language).' }),
    labels: Type.Record(Type.String(), Type.Record(Type.String(), Type.String()), {
      description: 'Per enum (`tierLevel`, `meetingStatus`, …), each value’s label.',
    }),
  },
  { additionalProperties: false, title: 'Labels' },
);
export type Labels = Static<typeof LabelsSchema>;

/** The formats of a document (plan, report, kartlegging, minutes): Word, PDF, and a printable web page. */
export const DocumentFormatSchema = Type.Enum(['docx', 'pdf', 'html'], { description: 'docx (Word), pdf, or html (a printable page).' });
