import { Type, type Static } from 'typebox';

/**
 * Stable problem `type` URIs (RFC 9457). They are URNs: identifiers to branch on,
 * not pages to fetch. `title` is the same for every occurrence of a type.
 */
export const ProblemType = {
  validation: 'urn:slt:problem:validation',
  badRequest: 'urn:slt:problem:bad-request',
  unauthorized: 'urn:slt:problem:unauthorized',
  forbidden: 'urn:slt:problem:forbidden',
  notFound: 'urn:slt:problem:not-found',
  conflict: 'urn:slt:problem:conflict',
  /** Marking a handlingsplan adopted without a decision of a meeting of its adopting tier. */
  planAdoptionNeedsDecision: 'urn:slt:problem:plan-adoption-needs-decision',
  preconditionFailed: 'urn:slt:problem:precondition-failed',
  preconditionRequired: 'urn:slt:problem:precondition-required',
  methodNotAllowed: 'urn:slt:problem:method-not-allowed',
  payloadTooLarge: 'urn:slt:problem:payload-too-large',
  invalidDocument: 'urn:slt:problem:invalid-document',
  idempotencyKeyReused: 'urn:slt:problem:idempotency-key-reused',
  unsupportedMediaType: 'urn:slt:problem:unsupported-media-type',
  tooManyRequests: 'urn:slt:problem:too-many-requests',
  unavailable: 'urn:slt:problem:unavailable',
  sourceUnavailable: 'urn:slt:problem:source-unavailable',
  internal: 'urn:slt:problem:internal',
} as const;
export type ProblemTypeUri = (typeof ProblemType)[keyof typeof ProblemType];

/**
 * Stable machine codes for what is wrong with a field: clients translate from these (the
 * `detail` text is English, for developers). `too_long`/`too_short`/`too_small`/`too_large`/
 * `too_many`/`too_few` come with their `limit`; `format:<name>` names the format (`format:email`,
 * `format:date`, …). Codes may be added; a client shows `invalid` for a code it does not know.
 */
export const FIELD_ERROR_CODES = [
  'required',
  'unknown_field',
  'type',
  'too_long',
  'too_short',
  'too_small',
  'too_large',
  'too_many',
  'too_few',
  'not_unique',
  'enum',
  'pattern',
  'format:email',
  'format:date',
  'format:date-time',
  'format:time',
  'format:uuid',
  'format:uri',
  'format',
  'national_id',
  'control_character',
  'before_start',
  'not_in_future',
  'in_future',
  'not_held',
  'no_minutes',
  'minutes_approved',
  'wrong_password',
  'invitation',
  'invalid',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export const ProblemFieldErrorSchema = Type.Object(
  {
    in: Type.Enum(['body', 'query', 'path', 'header'], {
      description: 'Which part of the request the field is in.',
    }),
    pointer: Type.String({
      description: 'JSON Pointer (RFC 6901) to the field within that part, e.g. `/limit`.',
    }),
    name: Type.String({ description: 'The field name (last pointer segment), e.g. `limit`.' }),
    detail: Type.String({ description: 'What is wrong with the value (English, for developers).' }),
    code: Type.Optional(
      Type.String({
        description: `A stable machine code for what is wrong, to translate from: ${FIELD_ERROR_CODES.map((c) => `\`${c}\``).join(', ')} (more may be added).`,
      }),
    ),
    limit: Type.Optional(
      Type.Number({ description: 'The limit a `too_long`, `too_short`, `too_small`, `too_large`, `too_many` or `too_few` refers to.' }),
    ),
  },
  { additionalProperties: false },
);
export type ProblemFieldError = Static<typeof ProblemFieldErrorSchema>;

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'A stable URI identifying the kind of problem.' }),
    title: Type.String(),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String({ description: 'The request path.' })),
    requestId: Type.Optional(Type.String({ description: 'Quote it when reporting a problem.' })),
    errors: Type.Optional(Type.Array(ProblemFieldErrorSchema)),
  },
  {
    additionalProperties: false,
    title: 'Problem',
    description: 'An RFC 9457 problem detail, served as application/problem+json.',
  },
);
export type Problem = Static<typeof ProblemSchema>;
