import { ProblemType, type FieldErrorCode, type ProblemFieldError, type ProblemTypeUri } from '@slt/shared';

/**
 * An error a service throws on purpose. The problem plugin turns it into an
 * RFC 9457 answer; nothing below the routes knows about HTTP beyond this status.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly type: ProblemTypeUri,
    readonly title: string,
    detail: string,
    readonly errors?: ProblemFieldError[],
  ) {
    super(detail);
    this.name = 'AppError';
  }
}

export class NotFoundError extends AppError {
  constructor(detail: string) {
    super(404, ProblemType.notFound, 'Not found', detail);
  }
}

/** A well-formed request whose field has a value the rules refuse. */
export class InvalidFieldError extends AppError {
  constructor(field: { in: ProblemFieldError['in']; name: string; detail: string; code?: FieldErrorCode }) {
    super(400, ProblemType.validation, 'Invalid request', `${field.name}: ${field.detail}`, [
      { in: field.in, pointer: `/${field.name}`, name: field.name, detail: field.detail, code: field.code ?? 'invalid' },
    ]);
  }
}

export class UnauthorizedError extends AppError {
  constructor(detail = 'Sign in, or send a valid token in the Authorization header.') {
    super(401, ProblemType.unauthorized, 'Unauthorized', detail);
  }
}

export class ForbiddenError extends AppError {
  constructor(detail = 'You are not allowed to do this.') {
    super(403, ProblemType.forbidden, 'Forbidden', detail);
  }
}

export class ConflictError extends AppError {
  /** `field`: the body field whose change the current state refuses (named in the problem's errors). */
  constructor(detail: string, field?: { in: ProblemFieldError['in']; name: string; detail: string; code: FieldErrorCode }) {
    super(
      409,
      ProblemType.conflict,
      'Conflict',
      detail,
      field && [{ in: field.in, pointer: `/${field.name}`, name: field.name, detail: field.detail, code: field.code }],
    );
  }
}

export class TooManyRequestsError extends AppError {
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, ProblemType.tooManyRequests, 'Too many requests', detail);
  }
}

export class PreconditionFailedError extends AppError {
  constructor(detail: string) {
    super(412, ProblemType.preconditionFailed, 'Precondition failed', detail);
  }
}

export class PreconditionRequiredError extends AppError {
  constructor(detail: string) {
    super(428, ProblemType.preconditionRequired, 'Precondition required', detail);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(detail: string) {
    super(413, ProblemType.payloadTooLarge, 'Payload too large', detail);
  }
}

/** A well-formed document with invalid items: every one of them, each with its JSON pointer. */
export class InvalidDocumentError extends AppError {
  constructor(errors: ProblemFieldError[]) {
    super(
      422,
      ProblemType.invalidDocument,
      'Invalid document',
      `${errors.length} problem${errors.length === 1 ? '' : 's'} in the document: nothing was imported.`,
      errors,
    );
  }
}

/**
 * A document whose items hold text the text rules refuse (a national identity number, a control
 * character): a 400 like the same text in any other request, listing every problem of the
 * document with its JSON pointer.
 */
export class InvalidItemTextError extends AppError {
  constructor(errors: ProblemFieldError[]) {
    super(
      400,
      ProblemType.validation,
      'Invalid request',
      `${errors.length} problem${errors.length === 1 ? '' : 's'} in the document, text that must not be stored among them: nothing was imported.`,
      errors,
    );
  }
}

export class IdempotencyKeyReusedError extends AppError {
  constructor() {
    super(
      422,
      ProblemType.idempotencyKeyReused,
      'Idempotency-Key reused',
      'This Idempotency-Key was used for a different request: use a new key for a new request.',
    );
  }
}
