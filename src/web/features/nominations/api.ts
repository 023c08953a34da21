import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
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
    mutationFn: ({ path, reason }: { path: 'request-approval' | 'send-back' | 'recall' | 'open-appraisal'; reason?: string }) =>
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
    // the version of the candidate as the batch page showed it: a stale one is refused (409 edit.stale)
    mutationFn: ({ candidateId, achievement, version }: { candidateId: string; achievement: string; version: number }) =>
      api.patch<void>(candidateUrl(id, candidateId), { achievement, version }),
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
    mutationFn: ({ candidateId, verdict, reason, documentKind }: { candidateId: string; verdict: Verdict; reason: string; documentKind?: DocumentKind | undefined }) =>
      api.post<void>(`${candidateUrl(id, candidateId)}/verdict`, { verdict, reason, ...(documentKind && { documentKind }) }),
    onSuccess: invalidate,
  });
}

/** The unit withdraws (rút) a candidate, with the reason the history keeps. */
export function useWithdraw(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ candidateId, reason }: { candidateId: string; reason: string }) => api.post<void>(`${candidateUrl(id, candidateId)}/withdraw`, { reason }),
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

/** Files one PDF of the dossier (the server answers 201 {id}, or 415/413/400 with a message in the user's language). */
function uploadDocument({ batchId, kind, candidateId, file }: { batchId: string; kind: DocumentKind; candidateId: string | null; file: File }) {
  const query = candidateId ? `?candidateId=${encodeURIComponent(candidateId)}` : '';
  return api.upload<{ id: string }>(`${batchUrl(batchId)}/documents/${kind}${query}`, file, 'application/pdf');
}

export function useUploadDocument(batchId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { kind: DocumentKind; candidateId: string | null; file: File }) => uploadDocument({ batchId, ...input }),
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

/** The standing officers of the receiving level a received batch may be assigned to (asked only by who may assign). */
export function useSpecialists(batchId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['nominations', 'specialists', batchId],
    queryFn: () => api.get<{ id: string; displayName: string }[]>(`${batchUrl(batchId)}/specialists`), enabled,
  });
}

/** The standing agency's desk: assign the batch to a specialist; the head reviews the appraised list. */
export function useDeskStep(batchId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (step: { path: 'assign'; userId: string; version: number } | { path: 'review-list'; version: number }) =>
      api.post<void>(`${batchUrl(batchId)}/${step.path}`, step.path === 'assign' ? { userId: step.userId, version: step.version } : { version: step.version }),
    onSuccess: invalidate,
  });
}

/** Who "add everyone who qualifies" would add (counted when the confirmation opens). */
export interface QualifyingSummary { individuals: number; collectives: number; total: number; names: string[] }

export function useQualifying(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['nominations', 'qualifying', id], enabled, retry: false, staleTime: 0,
    queryFn: () => api.get<QualifyingSummary>(`${batchUrl(id)}/qualifying`),
  });
}

export function useAddQualifying(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => api.post<{ added: number; ids: string[] }>(`${batchUrl(id)}/candidates/qualifying`, {}),
    onSuccess: invalidate,
  });
}

export interface CandidateImportResult {
  rows: number; added: number; individuals: number; collectives: number; notEligible: number; dryRun: boolean;
  candidates: { row: number; name: string; eligibility: 'met' | 'attest' | 'unmet' }[];
}

export const candidateTemplateUrl = (format: 'xlsx' | 'csv') => `/api/nominations/candidates/template?format=${format}`;
export const candidateImportUrl = (id: string, dryRun: boolean, fileName: string) =>
  `${batchUrl(id)}/candidates/import?dryRun=${dryRun}&fileName=${encodeURIComponent(fileName)}`;
