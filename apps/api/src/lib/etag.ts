import { createHash } from 'node:crypto';
import { PreconditionFailedError, PreconditionRequiredError } from './errors.js';

/** A strong ETag from a resource's representation: equal JSON, equal tag. */
export const etagOf = (representation: unknown): string =>
  `"${createHash('sha256').update(JSON.stringify(representation)).digest('base64url').slice(0, 27)}"`;

const tagsOf = (header: string): string[] => header.split(',').map((tag) => tag.trim().replace(/^W\//, ''));

/** If-None-Match: whether the client's copy is current (a 304 is due). */
export const isNotModified = (ifNoneMatch: string | undefined, etag: string): boolean =>
  ifNoneMatch !== undefined && (ifNoneMatch.trim() === '*' || tagsOf(ifNoneMatch).includes(etag));

/** If-Match on a write: required (428), and must match the current version (412). */
export function checkIfMatch(ifMatch: string | undefined, currentEtag: string): void {
  if (ifMatch === undefined || ifMatch.trim() === '') {
    throw new PreconditionRequiredError('Send the ETag of your last read in If-Match.');
  }
  if (ifMatch.trim() !== '*' && !tagsOf(ifMatch).includes(currentEtag)) {
    throw new PreconditionFailedError('The resource changed since you read it: read it again, then retry.');
  }
}

/** A strong ETag of a JSON text as sent (no re-serialization). */
export const etagOfText = (json: string): string =>
  `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;

