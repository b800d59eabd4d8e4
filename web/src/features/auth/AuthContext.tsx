import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { MeResponse as Me, SessionUser } from '../../../../src/features/auth/contract.ts';
import { api, post, setCsrfToken, setUnauthorizedListener } from '../../api/client.ts';

export type { SessionUser as CurrentUser } from '../../../../src/features/auth/contract.ts';

interface AuthState {
  /** undefined while loading, null when signed out. */
  me: Me | null | undefined;
  /**
   * The session ended while a page was open (idle timeout, signed out elsewhere): the page stays as it is, with
   * whatever the user typed, and the layout asks for the password again.
   */
  expired: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const AuthContext = createContext<AuthState | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const current = await api<Me>('/auth/me');
      setCsrfToken(current.csrfToken);
      setMe(current);
      setExpired(false);
    } catch {
      setCsrfToken(undefined);
      setMe(null);
    }
  }, []);

  useEffect(() => {
    void refresh();
    // A 401 anywhere (idle timeout, logout elsewhere) keeps the page and its form: the layout asks to sign in
    // again over it. Before anyone signed in, it is simply the login page.
    setUnauthorizedListener(() => {
      setCsrfToken(undefined);
      setExpired(true);
    });
    return () => setUnauthorizedListener(undefined);
  }, [refresh]);

  const value = useMemo<AuthState>(
    () => ({
      me,
      expired,
      refresh,
      async login(username, password) {
        await post('/auth/login', { username, password });
        await refresh();
      },
      async logout() {
        await post('/auth/logout').catch(() => undefined);
        setCsrfToken(undefined);
        setExpired(false);
        setMe(null);
      },
    }),
    [me, expired, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The signed-in user; only for pages behind the layout's sign-in guard. */
export function useUser(): SessionUser {
  const { me } = useAuth();
  if (!me) throw new Error('useUser without a signed-in user');
  return me.user;
}
