import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { negotiateLanguage, routes } from '@slt/shared';
import type { FastifyReply, FastifySchemaCompiler, HookHandlerDoneFunction, preHandlerHookHandler } from 'fastify';
import type { Counters } from '../../lib/counters.js';
import type { TSchema } from 'typebox';
import { InvalidFieldError, PayloadTooLargeError, TooManyRequestsError } from '../../lib/errors.js';
import { PerCallerLimit } from '../../lib/semaphore.js';
import { varyOn } from '../../lib/http-cache.js';
import { fromContract } from '../../plugins/contract.js';
import { validatorCompiler } from '../../plugins/validation.js';
import type { ExchangeService } from './exchange.service.js';

/** The import body is read as a stream by the import itself: its schema documents it, the route does not buffer or check it. */
const streamedBody: FastifySchemaCompiler<TSchema> = (context) =>
  context.httpPart === 'body' ? (input: unknown) => ({ value: input }) : validatorCompiler(context);

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,200}$/;

/** Seconds a caller at its limit of running imports and exports is asked to wait. */
const BUSY_RETRY_AFTER_SECONDS = 5;

export const exchangeRoutes: FastifyPluginAsyncTypebox<{
  service: ExchangeService;
  maxBytes: number;
  concurrencyPerCaller: number;
  /** Imports and exports one caller may start a minute, counted for all replicas (0: no quota). */
  quota: { counters: Counters; perMinute: number };
}> = async (app, { service, maxBytes, concurrencyPerCaller, quota }) => {
  // One caller (a user or a token) starts at most `quota.perMinute` imports and exports a minute
  // (all replicas), and runs at most `concurrencyPerCaller` at once in this process; one more is a
  // 429 with Retry-After at once, before its body is read.
  const running = new PerCallerLimit(concurrencyPerCaller);
  const limitCaller: preHandlerHookHandler = (request, reply, done) => {
    const p = request.principal;
    const caller = p.kind === 'anonymous' ? `ip:${request.ip}` : `${p.kind}:${p.id}`;
    if (quota.perMinute > 0) {
      quota.counters.increment(`exchange:${caller}`, 60_000).then(({ current, ttl }) => {
        if (current > quota.perMinute) {
          return done(
            new TooManyRequestsError(
              `Imports and exports are limited to ${quota.perMinute} a minute per user or token: retry in ${Math.ceil(ttl / 1000)} s.`,
              Math.ceil(ttl / 1000),
            ),
          );
        }
        enter(caller, reply, done);
      }, done);
      return;
    }
    enter(caller, reply, done);
  };
  const enter = (caller: string, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const release = running.tryEnter(caller);
    if (!release) {
      return done(
        new TooManyRequestsError(
          `You already have ${concurrencyPerCaller} imports or exports running: wait for one to finish, then retry.`,
          BUSY_RETRY_AFTER_SECONDS,
        ),
      );
    }
    reply.raw.once('close', release);
    done();
  };

  // Within this plugin only: JSON and CSV bodies reach the handler as the raw stream.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(['application/json', 'text/csv'], (_request, payload, done) => done(null, payload));

  app.route({
    ...fromContract(routes.importSetup),
    preHandler: limitCaller,
    validatorCompiler: streamedBody,
    handler: async (request, reply) => {
      const declared = Number(request.headers['content-length']);
      if (declared > maxBytes)
        throw new PayloadTooLargeError(`An import may be at most ${Math.round(maxBytes / 1_048_576)} MB (${maxBytes} bytes).`);
      const format = /^text\/csv\b/i.test(request.headers['content-type'] ?? '') ? 'csv' : 'json';
      if (format === 'csv' && !request.query.entity) {
        throw new InvalidFieldError({
          in: 'query',
          name: 'entity',
          detail: 'a CSV file holds members or measures: say which (entity=members or entity=measures)',
        });
      }
      const key = request.headers['idempotency-key'];
      if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
        throw new InvalidFieldError({ in: 'header', name: 'idempotency-key', detail: 'must be 1–200 letters, digits or . _ : -' });
      }
      // The body is read to a file first, then checked and applied: nothing moves on the socket
      // meanwhile, which the server's idle timeout (30 s) would take for a dead client. The import
      // is bounded by its transaction's own timeouts instead.
      request.raw.socket.setTimeout(0);
      const answer = await service.import(request.scope, {
        body: request.body as unknown as AsyncIterable<Buffer>,
        format,
        entity: request.query.entity,
        dryRun: request.query.dryRun ?? false,
        idempotencyKey: key,
      });
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return reply
        .status(answer.status as 200)
        .header('cache-control', 'no-store')
        .type(answer.contentType)
        .send(answer.body as never);
    },
  });

  app.route({
    ...fromContract(routes.exportSetup),
    preHandler: limitCaller,
    handler: async (request, reply) => {
      const { kommunenummer } = request.scope;
      const document = await service.export(request.scope);
      return reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="slt-${kommunenummer}.json"`)
        .type('application/json; charset=utf-8')
        .send(document as never);
    },
  });

  for (const [route, entity] of [
    [routes.exportMembersCsv, 'members'],
    [routes.exportMeasuresCsv, 'measures'],
  ] as const) {
    app.route({
      ...fromContract(route),
      preHandler: limitCaller,
      handler: async (request, reply) => {
        const { kommunenummer } = request.scope;
        const language = negotiateLanguage(request.headers['accept-language']) === 'en' ? 'en' : 'nb';
        const csv = await service.exportCsv(request.scope, { entity, language });
        varyOn(reply, 'Accept-Language');
        return reply
          .header('cache-control', 'private, no-store')
          .header('content-language', language)
          .header('content-disposition', `attachment; filename="slt-${kommunenummer}-${entity}.csv"`)
          .type('text/csv; charset=utf-8')
          .send(csv);
      },
    });
  }
};
