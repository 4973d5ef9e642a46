import type { FastifyRequest } from 'fastify';
import { canReadInternal } from '../../plugins/auth.js';

/**
 * What a caller may see of a municipality's meetings: the public facts only, or the internal view;
 * closed agenda items either all (coordinators, administrators) or those naming one of the caller's
 * members (a signed-in user is the member of the municipality whose e-mail is the user's).
 */
export interface Caller {
  internal: boolean;
  allClosed: boolean;
  email: string | null;
}

export const PUBLIC_CALLER: Caller = Object.freeze({ internal: false, allClosed: false, email: null });

export function callerOf(request: FastifyRequest, kommunenummer: string): Caller {
  const p = request.principal;
  const internal = canReadInternal(p, kommunenummer);
  if (p.kind !== 'user') return { internal, allClosed: false, email: null };
  return { internal, allClosed: internal && (p.isAdmin || p.roles.get(kommunenummer) === 'coordinator'), email: p.email };
}
