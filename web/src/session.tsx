// Who is signed in: the tokens of this tab and the /auth/me answer, shared by every page.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { api } from './api/client.js';
import { loadTokens, onTokensChange } from './api/session.js';
import type { Me } from './api/types.js';
import { allows, type Permission } from './permissions.js';

export function useSignedIn(): boolean {
  return useSyncExternalStore(onTokensChange, () => loadTokens() !== undefined);
}

interface Session {
  me: Me;
  can(permission: Permission): boolean;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession outside a signed-in page');
  return session;
}

export function useMe() {
  const signedIn = useSignedIn();
  const client = useQueryClient();
  // A new sign-in (maybe as someone else) must not see the previous user's cached pages.
  useEffect(() => {
    if (!signedIn) client.clear();
  }, [signedIn, client]);
  return useQuery({ queryKey: ['me'], queryFn: () => api<Me>('/api/v1/auth/me'), enabled: signedIn, staleTime: 60_000 });
}

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={{ me, can: (permission) => allows(me.role, permission) }}>{children}</SessionContext.Provider>;
}
