import { createContext, useContext, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './api.ts';
import { setAppNow } from './format.ts';

export const ROLES = [
  'system_admin',
  'standing_officer',
  'unit_officer',
  'unit_head',
  'council_member',
  'individual',
] as const;
export type Role = (typeof ROLES)[number];

export interface Grant {
  id: string;
  role: Role;
  organisationId: string;
  organisationName: string;
}

/** How a person wants notices by e-mail: each as it happens, a daily digest at 07:00, or none. */
export const EMAIL_NOTICES = ['each', 'digest', 'none'] as const;
export type EmailNotices = (typeof EMAIL_NOTICES)[number];

export interface Me {
  user: {
    id: string; username: string; displayName: string; locale: string; personId: string | null;
    email: string | null; emailNotices: EmailNotices;
    /** keeps the reference data every tenant reads (server: policy.ts assertOperator) */
    platformOperator: boolean;
  };
  grants: Grant[];
  csrfToken: string;
}

export const meQueryKey = ['auth', 'me'] as const;

/** GET /api/auth/session: the session if signed in (else null, not a 401), and the app's clock. */
interface Session { me: Me | null; now: string; today: string }

async function fetchMe(): Promise<Me | null> {
  const session = await api.get<Session>('/api/auth/session');
  setAppNow(session.now);
  setCsrfToken(session.me?.csrfToken ?? null);
  return session.me;
}

/** The signed-in user, or null when there is none (or a later call answered 401). */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<Me>('/api/auth/login', body),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

export interface Auth {
  me: Me;
  roles: ReadonlySet<Role>;
  /** true when the user holds at least one of the roles, at any organisation */
  hasRole: (...roles: Role[]) => boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ me, children }: { me: Me; children: ReactNode }) {
  const roles = new Set(me.grants.map((g) => g.role));
  const auth: Auth = { me, roles, hasRole: (...wanted) => wanted.some((r) => roles.has(r)) };
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

/** Only inside the signed-in part of the app. */
export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** Who may open organisations at all (an individual only sees their own record). */
export const ORG_READERS: Role[] = ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member'];
/** Who may change organisations (the server enforces scope anyway). */
export const ORG_EDITORS: Role[] = ['system_admin', 'standing_officer'];
/** Who may change people and employments. */
export const PEOPLE_EDITORS: Role[] = ['system_admin', 'standing_officer', 'unit_officer'];
