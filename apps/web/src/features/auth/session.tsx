import { routes, type Role, type User } from '@slt/shared/browser';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, getCurrentUser, hadSession, onSessionChange, queryClient, restoredSession, setSession } from '../../api';

interface SessionState {
  user: User | null;
  /** False until the silent refresh at start-up has answered. */
  ready: boolean;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(getCurrentUser);
  // Ready at once for a browser that never signed in: nothing to restore.
  const [ready, setReady] = useState(() => !hadSession());

  useEffect(() => {
    const unsubscribe = onSessionChange(setUser);
    // The restore starts as the app loads (api.ts) and may have answered before this subscription
    // (and, refused, cleared the flag `ready` started from): take the session as it is once the
    // restore has answered.
    void restoredSession().finally(() => {
      setUser(getCurrentUser());
      setReady(true);
    });
    return () => {
      unsubscribe();
    };
  }, []);

  const value: SessionState = {
    user,
    ready,
    async signIn(email, password) {
      setSession(await api.call(routes.login, { body: { email, password } }));
    },
    async signOut() {
      await api.call(routes.logout, {}).catch(() => undefined);
      setSession(null);
      queryClient.clear();
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Whether the user holds `role` (or more) in the municipality; administrators hold every role. */
export function hasRole(user: User | null, kommunenummer: string, role: Role): boolean {
  if (!user) return false;
  if (user.isAdmin) return true;
  const held = user.roles.find((r) => r.kommunenummer === kommunenummer)?.role;
  return held === 'coordinator' || (held === 'member' && role === 'member');
}
