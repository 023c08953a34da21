import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { meQueryKey, type EmailNotices, type Me } from '../../app/auth.tsx';

export interface OwnMail { email: string | null; emailNotices: EmailNotices }

/** My own e-mail address and notice preference; the answer updates who-I-am in place. */
export function useUpdateOwnMail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<OwnMail> & { currentPassword?: string }) => api.patch<OwnMail>('/api/auth/me', body),
    onSuccess: (mail) => queryClient.setQueryData<Me | null>(meQueryKey, (me) => (me ? { ...me, user: { ...me.user, ...mail } } : me)),
  });
}

export function useChangeOwnPassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<void>('/api/auth/me/password', body),
  });
}

/** The server answers 202 whatever the login, whether or not mail is configured. */
export function useForgotPassword() {
  return useMutation({ mutationFn: (login: string) => api.post<{ accepted: true }>('/api/auth/password/forgot', { login }) });
}

/** Setting a password with a one-time link ends every session of the account, perhaps this browser's. */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string; password: string }) => api.post<void>('/api/auth/password/reset', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
