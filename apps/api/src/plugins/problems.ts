import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ProblemType, type Problem } from '@slt/shared';
import { databaseFaultOf, RETRY_AFTER_SECONDS } from '../lib/database-errors.js';
import { AppError, TooManyRequestsError } from '../lib/errors.js';
import { toFieldErrors, validatorCompiler } from './validation.js';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** Known framework errors with a client-side cause, by Fastify error code. */
const clientErrors: Record<string, { type: Problem['type']; title: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { type: ProblemType.unsupportedMediaType, title: 'Unsupported media type' },
  FST_ERR_CTP_BODY_TOO_LARGE: { type: ProblemType.payloadTooLarge, title: 'Payload too large' },
  FST_ERR_CTP_INVALID_JSON_BODY: { type: ProblemType.badRequest, title: 'Malformed request body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { type: ProblemType.badRequest, title: 'Malformed request body' },
};

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Omit<Problem, 'instance' | 'requestId'>) {
  const body: Problem = { ...problem, instance: request.url.split('?')[0] ?? request.url, requestId: request.id };
  return reply.status(problem.status).type(PROBLEM_MEDIA_TYPE).send(body);
}

/**
 * RFC 9457 problem+json for every error: validation errors list each bad field with a
 * JSON pointer; 5xx answers say nothing internal (the log has the details, keyed by request id).
 */
export const problemsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setValidatorCompiler(validatorCompiler);

    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.validation) {
        const errors = toFieldErrors(error.validation, error.validationContext);
        return sendProblem(request, reply, {
          type: ProblemType.validation,
          title: 'Invalid request',
          status: 400,
          detail: errors.map((e) => `${e.name}: ${e.detail}`).join('; '),
          errors,
        });
      }
      if (error instanceof AppError) {
        if (error instanceof TooManyRequestsError) reply.header('retry-after', String(error.retryAfterSeconds));
        if (error.status === 401) reply.header('www-authenticate', 'Bearer');
        return sendProblem(request, reply, {
          type: error.type,
          title: error.title,
          status: error.status,
          detail: error.message,
          ...(error.errors ? { errors: error.errors } : {}),
        });
      }
      // A foreign key still pointing at a row being removed: the row is in use.
      if (postgresCodeOf(error) === '23503') {
        return sendProblem(request, reply, {
          type: ProblemType.conflict,
          title: 'Conflict',
          status: 409,
          detail: 'Other records still refer to this one: remove or change them first.',
        });
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        const known = clientErrors[error.code];
        return sendProblem(request, reply, {
          type: known?.type ?? (status === 429 ? ProblemType.tooManyRequests : ProblemType.badRequest),
          title: known?.title ?? 'Bad request',
          status,
          detail: error.message,
        });
      }
      const fault = databaseFaultOf(error);
      if (fault) {
        // One short line: an outage answers every request this way, and the details add nothing.
        request.log.warn({ fault, code: codeOf(error) }, 'database not available: answered 503');
        reply.header('retry-after', String(RETRY_AFTER_SECONDS[fault]));
        return sendProblem(request, reply, {
          type: ProblemType.unavailable,
          title: 'Service unavailable',
          status: 503,
          detail:
            fault === 'timeout'
              ? 'The database is busy and this request waited too long: retry in a moment.'
              : 'The database is not available right now: retry in a moment.',
        });
      }
      request.log.error({ err: error }, 'request failed');
      return sendProblem(request, reply, {
        type: ProblemType.internal,
        title: 'Internal server error',
        status: 500,
        detail: 'Something went wrong on our side. Quote the request id if you report it.',
      });
    });
  },
  { name: 'problems' },
);

/** The error code (SQLSTATE or a socket error's) of an error or its cause, for the log. */
function codeOf(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 3; e = e.cause as never, depth++) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

/** The SQLSTATE of a database error, also when wrapped (drizzle puts the driver's error in `cause`). */
function postgresCodeOf(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 3; e = e.cause as never, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

/** The 404 problem for a path no route matches. */
export function notFoundProblem(request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(request, reply, {
    type: ProblemType.notFound,
    title: 'Not found',
    status: 404,
    detail: `No resource at ${request.method} ${request.url.split('?')[0]}`,
  });
}
