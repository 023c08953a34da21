import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../app/api.ts';
import { currentLanguage, i18n } from '../../i18n/index.ts';
import type { BatchDetail, BatchStatus, BatchSummary, DocumentKind, NewBatch, Notification, Verdict } from './types.ts';

const base = '/api/nominations/batches';
export const batchUrl = (id: string) => `${base}/${encodeURIComponent(id)}`;

export function useBatches(status: BatchStatus | undefined) {
  return useQuery({
    queryKey: ['nominations', 'list', status ?? null],
    queryFn: () => api.get<{ items: BatchSummary[] }>(base, { status }),
    select: (data) => data.items,
  });
}

export function useBatch(id: string) {
  return useQuery({ queryKey: ['nominations', 'detail', id], queryFn: () => api.get<BatchDetail>(batchUrl(id)), retry: false });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: ['nominations'] }),
    queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  ]);
}

export function useCreateBatch() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: NewBatch) => api.post<{ id: string }>(base, body), onSuccess: invalidate });
}

/** The batch's own steps: each a POST to /batches/:id/<path>. */
export function useBatchStep(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ path, reason }: { path: 'request-approval' | 'send-back' | 'open-appraisal'; reason?: string }) =>
      api.post<void>(`${batchUrl(id)}/${path}`, reason ? { reason } : {}),
    onSuccess: invalidate,
  });
}

export function useSubmitBatch(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: () => api.post<{ receiptNumber: string }>(`${batchUrl(id)}/submit`), onSuccess: invalidate });
}

export function useFinishAppraisal(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => api.post<{ status: 'returned' | 'accepted' }>(`${batchUrl(id)}/finish-appraisal`),
    onSuccess: invalidate,
  });
}

export function useAddCandidate(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { personId?: string; organisationId?: string; achievement?: string }) =>
      api.post<{ id: string }>(`${batchUrl(id)}/candidates`, body),
    onSuccess: invalidate,
  });
}

const candidateUrl = (id: string, candidateId: string) => `${batchUrl(id)}/candidates/${encodeURIComponent(candidateId)}`;

export function useUpdateCandidate(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ candidateId, achievement }: { candidateId: string; achievement: string }) =>
      api.patch<void>(candidateUrl(id, candidateId), { achievement }),
    onSuccess: invalidate,
  });
}

export function useRemoveCandidate(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (candidateId: string) => api.delete(candidateUrl(id, candidateId)), onSuccess: invalidate });
}

export function useVerdict(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ candidateId, verdict, reason }: { candidateId: string; verdict: Verdict; reason: string }) =>
      api.post<void>(`${candidateUrl(id, candidateId)}/verdict`, { verdict, reason }),
    onSuccess: invalidate,
  });
}

export function useForward(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (candidateIds: string[]) => api.post<{ id: string }>(`${batchUrl(id)}/forward`, { candidateIds }),
    onSuccess: invalidate,
  });
}

export const documentUrl = (id: string, documentId: string) => `${batchUrl(id)}/documents/${encodeURIComponent(documentId)}`;
export const draftUrl = (id: string, kind: 'proposal_letter' | 'minutes' | 'achievement_report', candidateId?: string) =>
  `${batchUrl(id)}/drafts/${kind}.docx${candidateId ? `?candidateId=${encodeURIComponent(candidateId)}` : ''}`;

/**
 * Files one PDF of the dossier: the raw file as the body, its name URI-encoded in `x-file-name`.
 * The server answers 201 {id}, or 415/413/400 with a message in the user's language.
 */
export async function uploadDocument(
  { batchId, kind, candidateId, file, csrfToken }: { batchId: string; kind: DocumentKind; candidateId: string | null; file: File; csrfToken: string },
): Promise<{ id: string }> {
  const query = candidateId ? `?candidateId=${encodeURIComponent(candidateId)}` : '';
  let response: Response;
  try {
    response = await fetch(`${batchUrl(batchId)}/documents/${kind}${query}`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': currentLanguage(),
        'Content-Type': 'application/pdf',
        'x-file-name': encodeURIComponent(file.name),
        'x-csrf-token': csrfToken,
      },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    // a proxy's HTML page
  }
  if (response.ok) return data as { id: string };
  const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  throw new ApiError(response.status, error?.code ?? `http_${response.status}`,
    error?.message ?? i18n.t('errors.generic', { status: response.status }), error?.details);
}

export function useUploadDocument(batchId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { kind: DocumentKind; candidateId: string | null; file: File; csrfToken: string }) => uploadDocument({ batchId, ...input }),
    onSuccess: invalidate,
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.get<{ unread: number; items: Notification[] }>('/api/notifications'),
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ marked: number }>('/api/notifications/read', { all: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
