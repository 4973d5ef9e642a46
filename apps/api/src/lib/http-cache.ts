import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/** Anonymous (public-view) answers: shared caches and intranets may keep them a minute, and serve them stale while revalidating. */
export const PUBLIC_CACHE = 'public, max-age=60, stale-while-revalidate=300';
/** Answers for an authenticated caller: revalidated every time (an ETag makes that a 304). */
export const PRIVATE_CACHE = 'private, no-cache';

/** Adds a request header to Vary, keeping what is there (CORS adds Origin). */
export function varyOn(reply: FastifyReply, name: string): void {
  const existing = reply.getHeader('vary');
  const names = existing
    ? String(existing)
        .split(',')
        .map((n) => n.trim())
    : [];
  if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) reply.header('vary', [...names, name].join(', '));
}

/**
 * The caching of every public read, set before its handler (which may refine it): public and
 * briefly cacheable for anonymous callers, private and revalidated for everyone else, varying on
 * Authorization either way.
 */
export function publicReadCaching(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  reply.header('cache-control', request.principal.kind === 'anonymous' ? PUBLIC_CACHE : PRIVATE_CACHE);
  varyOn(reply, 'Authorization');
  done();
}
