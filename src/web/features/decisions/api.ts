import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { Decision, DecidableList, DraftInput } from './types.ts';

export function useDecidable(awardForm: string | null, signedOn: string) {
  return useQuery({
    queryKey: ['decisions', 'candidates', awardForm, signedOn],
    queryFn: () => api.get<DecidableList>('/api/decisions/candidates', { awardForm, signedOn: signedOn || undefined }),
    enabled: Boolean(awardForm),
    placeholderData: keepPreviousData,
  });
}

export function useDecision(id: string) {
  return useQuery({ queryKey: ['decisions', id], queryFn: () => api.get<Decision>(`/api/decisions/${encodeURIComponent(id)}`) });
}

export function useCreateDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DraftInput) => api.post<{ id: string }>('/api/decisions', body),
    // success or a number taken meanwhile: the register's proposal moves on
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['decisions'] }),
  });
}

/** The register's next number for a decision on this candidate (its deciding authority), symbol and year. */
export function useNextDecisionNumber(candidateId: string | null, symbol: string | null, year: number | null) {
  return useQuery({
    queryKey: ['decisions', 'next-number', candidateId, symbol, year],
    queryFn: () => api.get<{ number: number }>('/api/decisions/next-number', { candidateId, symbol, year }),
    enabled: candidateId !== null && symbol !== null && year !== null,
    retry: false,
  });
}

/** Issues with one key per page visit: a retried or doubled click is answered the same by the server. */
export function useIssueDecision(id: string, idempotencyKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`/api/decisions/${encodeURIComponent(id)}/issue`, { idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['decisions'] }),
  });
}

export function useDeleteDecision(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`/api/decisions/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['decisions'] }),
  });
}
