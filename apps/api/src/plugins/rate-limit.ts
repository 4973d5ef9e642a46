import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { rateLimitStore, type Counters } from '../lib/counters.js';
import { TooManyRequestsError } from '../lib/errors.js';

/** The anonymous API: everything under /api/ but health probes and sign-in (which has its own throttle). */
const LIMITED = /^\/api\/(?!health\/|v1\/auth\/)/;

/**
 * Each process takes an address's counts in leases of a twentieth of the limit (30 of the default
 * 600): one upsert per lease (lib/counters.ts). A small limit is counted one by one.
 */
const leaseOf = (perMinute: number) => Math.max(1, Math.floor(perMinute / 20));

/**
 * Anonymous API requests are limited per client address (a fixed window of a minute, counted in
 * PostgreSQL so that all replicas share one limit): an intranet that polls too eagerly gets a 429
 * problem with Retry-After, never a slower API for everyone. With R replicas an address may be
 * refused up to (R − 1) leases early, never late. Authenticated callers are not limited here
 * (sign-in has its own throttle, failed credentials theirs). `perMinute` 0 turns it off.
 */
export const anonymousRateLimitPlugin = fp(
  async (app: FastifyInstance, options: { perMinute: number; counters: Counters }) => {
    if (options.perMinute === 0) return;
    await app.register(rateLimit, {
      global: true,
      // After the route's checks and after a 304 from the setup version (the contract's preHandler
      // comes first): as on GitHub's API, a conditional read answered 304 does not count, so an
      // intranet that revalidates its copy (many readers behind one address) is not refused for
      // it. A 304 costs the scope's one indexed lookup, about what refusing it would.
      hook: 'preHandler',
      max: options.perMinute,
      timeWindow: 60_000,
      store: rateLimitStore(options.counters, 'anonymous:', leaseOf(options.perMinute)),
      keyGenerator: (request) => request.ip,
      allowList: (request) => request.principal.kind !== 'anonymous' || !LIMITED.test(request.url),
      errorResponseBuilder: (_request, context) =>
        new TooManyRequestsError(
          `Anonymous requests are limited to ${context.max} a minute per address: retry in ${Math.ceil(context.ttl / 1000)} s, or authenticate with a token.`,
          Math.max(1, Math.ceil(context.ttl / 1000)),
        ),
    });
  },
  { name: 'anonymous-rate-limit', dependencies: ['auth'] },
);
