import { buildPath, type RouteContract } from '@slt/shared';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { PreconditionRequiredError } from '../lib/errors.js';
import { etagOf, etagOfText, isNotModified, parseIfMatch, type ExpectedVersion } from '../lib/etag.js';
import { setupTag } from '../lib/setup-version.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The version a write expects (from If-Match), on routes whose contract says `ifMatch`. */
    expectedVersion: ExpectedVersion;
  }
}

type Payload = unknown;
const isSuccess = (reply: FastifyReply) => reply.statusCode >= 200 && reply.statusCode < 300;

/**
 * The hooks that do what a contract declares about versions and locations, so that a handler
 * only returns data: `etag` hashes the answer once (an object before serialization, a text as
 * sent) and answers a matching If-None-Match with 304; `ifMatch` refuses a write without
 * If-Match (428) and hands the expected version on; `location` fills the created resource's path
 * from the answer and the path parameters; a contract whose only success is 201 answers 201.
 */
export function versioningHooks(contract: RouteContract) {
  if (contract.etag === 'setup') return setupVersionHooks(contract);
  const statuses = Object.keys(contract.response)
    .map(Number)
    .filter((s) => s >= 200 && s < 300);
  const created = statuses.length === 1 && statuses[0] === 201;
  const { etag, ifMatch, location } = contract;
  // A read answers If-None-Match with 304 where its contract declares the 304.
  const read = contract.method === 'GET' && 304 in contract.response;

  function finish(request: FastifyRequest, reply: FastifyReply, tag: string): boolean {
    reply.header('etag', tag);
    if (read && isNotModified(request.headers['if-none-match'], tag)) {
      reply.code(304);
      return true;
    }
    return false;
  }

  const preHandler = ifMatch
    ? (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
        const expected = parseIfMatch(request.headers['if-match']);
        if (!expected) return done(new PreconditionRequiredError('Send the ETag of your last read in If-Match.'));
        request.expectedVersion = expected;
        done();
      }
    : undefined;

  const preSerialization =
    etag || location || created
      ? (request: FastifyRequest, reply: FastifyReply, payload: Payload, done: (err: Error | null, value?: Payload) => void) => {
          if (!isSuccess(reply) || payload === null || typeof payload !== 'object') return done(null, payload);
          if (created && reply.statusCode === 200) reply.code(201);
          if (location && !reply.hasHeader('location')) {
            // The answer's fields (`:id`) and the request's path parameters (`:kommunenummer`) fill the path.
            reply.header('location', buildPath(location, { ...(request.params as object), ...(payload as Record<string, string>) }));
          }
          if (etag && finish(request, reply, etagOf(payload))) return done(null, null);
          done(null, payload);
        }
      : undefined;

  // Answers sent as text (JSON assembled by PostgreSQL, iCalendar) are hashed as they are sent.
  const onSend = etag
    ? (request: FastifyRequest, reply: FastifyReply, payload: Payload, done: (err: Error | null, value?: Payload) => void) => {
        if (typeof payload !== 'string' || reply.statusCode !== 200 || reply.hasHeader('etag')) return done(null, payload);
        if (!finish(request, reply, etagOfText(payload))) return done(null, payload);
        // After the app's own 304 clean-up has run: no body, and no headers describing one.
        reply.removeHeader('content-type');
        reply.removeHeader('content-length');
        done(null, null);
      }
    : undefined;

  return { preHandler, preSerialization, onSend };
}

/**
 * `etag: 'setup'`: the tag comes from the municipality's setup version, read with the scope
 * (lib/setup-version.ts). A matching If-None-Match is a 304 before the handler runs: no document
 * is built, no statement beyond the scope's. Other answers carry the tag when they succeed.
 */
function setupVersionHooks(contract: RouteContract) {
  if (contract.method !== 'GET' || !(304 in contract.response) || !contract.path.includes('/:kommunenummer')) {
    throw new Error(`${contract.operationId}: etag 'setup' is for municipality reads that declare a 304`);
  }
  const preHandler = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const tag = setupTag(request.url, request.scope);
    reply.header('etag', tag);
    if (!isNotModified(request.headers['if-none-match'], tag)) return done();
    void reply.code(304).send();
  };
  const onSend = (_request: FastifyRequest, reply: FastifyReply, payload: Payload, done: (err: Error | null, value?: Payload) => void) => {
    if (reply.statusCode !== 304 && !isSuccess(reply)) reply.removeHeader('etag');
    done(null, payload);
  };
  return { preHandler, preSerialization: undefined, onSend };
}
