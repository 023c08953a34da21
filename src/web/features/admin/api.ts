import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { EmailNotices, Grant, Role } from '../../app/auth.tsx';

export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  email: string | null;
  emailNotices: EmailNotices;
  grants: Grant[];
  /** sent back with a change: the server refuses one made from an older version (409 edit.stale) */
  version: number;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  personId?: string;
  email?: string | null;
  /** the first role grant, required with the account */
  role: Role;
  organisationId: string;
}

export interface UserChanges {
  displayName?: string;
  disabled?: boolean;
  password?: string;
  email?: string | null;
  emailNotices?: EmailNotices;
  /** the version of the account as the list showed it */
  version?: number;
}

export { MIN_PASSWORD_LENGTH } from '../account/rules.ts';

const base = '/api/users';
const key = ['users'] as const;

export function useUsers(q: string) {
  return useQuery({
    queryKey: [...key, q],
    queryFn: () => api.get<{ items: UserAccount[] }>(base, { q }),
    select: (data) => data.items,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key });
}

export function useCreateUser() {
  const onSuccess = useInvalidateUsers();
  return useMutation({ mutationFn: (body: NewUser) => api.post<UserAccount>(base, body), onSuccess });
}

export function useUpdateUser() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, ...changes }: UserChanges & { id: string }) => api.patch<UserAccount>(`${base}/${encodeURIComponent(id)}`, changes),
    onSuccess,
  });
}

export function useGrantRole() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ userId, ...body }: { userId: string; role: Role; organisationId: string }) =>
      api.post<Grant>(`${base}/${encodeURIComponent(userId)}/grants`, body),
    onSuccess,
  });
}

export function useRevokeGrant() {
  const onSuccess = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ userId, grantId }: { userId: string; grantId: string }) =>
      api.delete(`${base}/${encodeURIComponent(userId)}/grants/${encodeURIComponent(grantId)}`),
    onSuccess,
  });
}
