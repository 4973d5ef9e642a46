/**
 * Who acts and what they may see, resolved once per request (plugins/scope.ts) and handed to the
 * services. Low in the layering on purpose: modules, plugins and lib all import it; it imports nothing.
 */

/** Who did it: a signed-in user, an API token, or the system itself (CLI, demo data). */
export interface Actor {
  type: 'user' | 'token' | 'system';
  id: string | null;
  label: string;
  requestId?: string;
}

/** Which of a municipality's data a caller sees: the public facts only, or the internal view too. */
export type View = 'public' | 'internal';

/**
 * What a caller may do and see in one municipality beyond the view: closed agenda items either
 * all (`allClosed`: coordinators, administrators) or those naming one of the caller's members
 * (a signed-in user is the member of the municipality whose e-mail is the user's); `manages`
 * when the caller runs the municipality's work (coordinators, administrators, its API tokens).
 */
export interface Caller {
  internal: boolean;
  allClosed: boolean;
  manages: boolean;
  email: string | null;
}

export const PUBLIC_CALLER: Caller = Object.freeze({ internal: false, allClosed: false, manages: false, email: null });

/**
 * A request under `/municipalities/:kommunenummer`: the municipality (which exists), its host
 * (itself, unless it is a partner in another municipality's SLT setup), who acts and what they see.
 */
export interface Scope {
  kommunenummer: string;
  host: string;
  actor: Actor;
  caller: Caller;
  view: View;
  /**
   * The setup versions of the host and of the municipality as read at the request's start
   * (`host.hostVersion.ownVersion`): every audited write moves them (lib/setup-version.ts).
   */
  setupVersion: string;
}

/** The internal view, as a flag for the functions that shape rows. */
export const isInternal = (scope: Pick<Scope, 'view'>): boolean => scope.view === 'internal';
