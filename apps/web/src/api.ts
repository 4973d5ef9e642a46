import { createClient, routes, type Session, type User } from '@slt/shared/browser';
import { QueryClient } from '@tanstack/react-query';
import i18next from './i18n';
import { HAD_SESSION } from './session-flag';

/**
 * The access token lives in memory only (never in storage); the refresh token is an httpOnly
 * cookie the browser sends to /api/v1/auth. On a 401 the client refreshes once, silently, and
 * retries; listeners learn about every session change.
 */
let accessToken: string | null = null;
let currentUser: User | null = null;
const listeners = new Set<(user: User | null) => void>();

export function onSessionChange(listener: (user: User | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Whether this browser had a session: a flag (not the token) in localStorage, so an anonymous
 * visitor's page load does not ask for a refresh that can only answer 401.
 */
export const hadSession = () => typeof localStorage !== 'undefined' && localStorage.getItem(HAD_SESSION) === '1';

export function setSession(session: Session | null) {
  accessToken = session?.accessToken ?? null;
  currentUser = session?.user ?? null;
  if (typeof localStorage !== 'undefined') {
    if (session) localStorage.setItem(HAD_SESSION, '1');
    else localStorage.removeItem(HAD_SESSION);
  }
  for (const listener of listeners) listener(currentUser);
}

export const getCurrentUser = () => currentUser;

let refreshing: Promise<boolean> | null = null;
/** Trades the refresh cookie for a new access token; concurrent callers share one request. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= fetch(routes.refreshSession.path, { method: 'POST', credentials: 'same-origin' })
    .then(async (response) => {
      setSession(response.ok ? ((await response.json()) as Session) : null);
      return response.ok;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/**
 * The session a page load restores from the refresh cookie, when this browser had one: asked for
 * as the app loads, before any page can send a query, and awaited by every request sent while it
 * is under way. Asked for later (by the session provider, after the first render), a page's own
 * query could go out first without a token, get a 401 and show an error: seen on reloads under load.
 */
let restoring: Promise<boolean> | null = hadSession()
  ? refreshSession().finally(() => {
      restoring = null;
    })
  : null;

/** Resolves once the start-up restore (if any) has answered: true when there is a session. */
export function restoredSession(): Promise<boolean> {
  return restoring ?? Promise.resolve(accessToken !== null);
}

async function fetchWithRefresh(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const isAuthCall = String(input).includes('/api/v1/auth/');
  if (restoring && !isAuthCall) await restoring;
  const withToken = (): RequestInit => ({
    ...init,
    // TanStack Query decides when data is stale; the browser revalidates every read (an ETag makes
    // that a cheap 304) instead of serving the public setup's 60-second intranet cache.
    cache: 'no-cache',
    credentials: 'same-origin',
    headers: { ...(init?.headers as Record<string, string>), ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
  });
  const response = await fetch(input, withToken());
  if (response.status !== 401 || isAuthCall || !accessToken) return response;
  return (await refreshSession()) ? fetch(input, withToken()) : response;
}

export const api = createClient({
  fetch: fetchWithRefresh,
  headers: () => ({ 'accept-language': i18next.language }),
});

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      retry: (count, error) => count < 2 && !('status' in error && Number(error.status) < 500),
    },
  },
});
