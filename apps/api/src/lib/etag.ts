import { createHash } from 'node:crypto';
import { PreconditionFailedError } from './errors.js';

/** A strong ETag from a resource's representation: equal JSON, equal tag. */
export const etagOf = (representation: unknown): string =>
  `"${createHash('sha256').update(JSON.stringify(representation)).digest('base64url').slice(0, 27)}"`;

const tagsOf = (header: string): string[] => header.split(',').map((tag) => tag.trim().replace(/^W\//, ''));

/** If-None-Match: whether the client's copy is current (a 304 is due). */
export const isNotModified = (ifNoneMatch: string | undefined, etag: string): boolean =>
  ifNoneMatch !== undefined && (ifNoneMatch.trim() === '*' || tagsOf(ifNoneMatch).includes(etag));

/** The version a write expects, from If-Match: any (`*`) or one of the tags. */
export type ExpectedVersion = 'any' | { readonly tags: readonly string[] };

/** If-Match parsed, or null when it is missing (a write then gets a 428). */
export function parseIfMatch(ifMatch: string | undefined): ExpectedVersion | null {
  if (ifMatch === undefined || ifMatch.trim() === '') return null;
  return ifMatch.trim() === '*' ? 'any' : { tags: tagsOf(ifMatch) };
}

/**
 * A write's check of the version it expects against the resource as it is now (read under its
 * row lock): a 412 when it changed since the caller's read.
 */
export function checkVersion(expected: ExpectedVersion, current: unknown): void {
  if (expected === 'any' || expected.tags.includes(etagOf(current))) return;
  throw new PreconditionFailedError('The resource changed since you read it: read it again, then retry.');
}

/** A strong ETag of a JSON text as sent (no re-serialization). */
export const etagOfText = (json: string): string => `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
