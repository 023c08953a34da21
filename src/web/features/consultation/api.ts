import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

export type ConsultationState = 'scheduled' | 'open' | 'ended' | 'closed';
export type CommentStatus = 'pending' | 'published' | 'hidden';

export interface PublicSummary { id: string; title: string; publisher: string; channel: string; startsOn: string; endsOn: string; candidateCount: number }
export interface PublicComment { candidateNo: number | null; authorName: string; body: string; date: string }
export interface PublicConsultation {
  id: string; title: string; publisher: string; channel: string; startsOn: string; endsOn: string; workingDays: number; open: boolean;
  candidates: { no: number; name: string; position: string; unit: string; award: string }[];
  comments: PublicComment[];
}
export interface StaffSummary {
  id: string; title: string; organisationName: string; awardFormName: string; channel: string; startsOn: string; endsOn: string; workingDays: number;
  state: ConsultationState; candidateCount: number; pendingCount: number;
}
export interface StaffComment {
  id: string; candidateNo: number | null; authorName: string; contact: string; body: string; status: CommentStatus; handlingNote: string;
  handledBy: string | null; handledAt: string | null; createdAt: string; sender: string;
  /** sent back with a moderation (optimistic concurrency) */
  version: number;
}
export interface StaffConsultation {
  id: string; title: string; organisationId: string; organisationName: string; awardForm: string; awardFormName: string; channel: string;
  startsOn: string; endsOn: string; workingDays: number; state: ConsultationState; closedAt: string | null;
  candidates: { candidateId: string; batchId: string; no: number; name: string; position: string; unitName: string; awardName: string; status: string }[];
  comments: StaffComment[];
}
export interface Preview {
  batchId: string; receivingOrganisationName: string; awardForm: string; awardFormName: string; today: string; workingDays: number | null;
  endsOn: string | null; defaultTitle: string;
  batches: { id: string; title: string; organisationName: string; year: number }[];
  candidates: { id: string; batchId: string; name: string; position: string; unitName: string; status: string; listedOn: string | null }[];
}

const enc = encodeURIComponent;

export const usePublicConsultations = () =>
  useQuery({ queryKey: ['public-consultations'], queryFn: () => api.get<{ items: PublicSummary[] }>('/api/public/consultations') });

export const usePublicConsultation = (id: string) =>
  useQuery({ queryKey: ['public-consultations', id], queryFn: () => api.get<PublicConsultation>(`/api/public/consultations/${enc(id)}`) });

export function useSendComment(id: string) {
  return useMutation({
    mutationFn: (body: { candidateNo?: number; authorName?: string; contact?: string; body: string }) =>
      api.post<{ status: 'pending' }>(`/api/public/consultations/${enc(id)}/comments`, body),
  });
}

export const useConsultations = () =>
  useQuery({ queryKey: ['consultations'], queryFn: () => api.get<{ items: StaffSummary[] }>('/api/consultations') });

export const useConsultation = (id: string) =>
  useQuery({ queryKey: ['consultations', id], queryFn: () => api.get<StaffConsultation>(`/api/consultations/${enc(id)}`) });

export const usePreview = (batchId: string | undefined) =>
  useQuery({
    queryKey: ['consultations', 'preview', batchId], enabled: Boolean(batchId),
    queryFn: () => api.get<Preview>('/api/consultations/preview', { batchId }),
  });

export function useCreateConsultation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { batchIds: string[]; candidateIds: string[]; title: string; channel: string; startsOn: string; workingDays?: number; endsOn?: string }) =>
      api.post<{ id: string }>('/api/consultations', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['consultations'] }),
  });
}

export function useModerate(consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // version: the comment's as the page showed it (another officer's handling meanwhile answers 409 edit.stale)
    mutationFn: ({ commentId, ...body }: { commentId: string; version: number; status?: 'published' | 'hidden'; handlingNote?: string }) =>
      api.patch<void>(`/api/consultations/${enc(consultationId)}/comments/${enc(commentId)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['consultations'] }),
  });
}

export function useCloseConsultation(consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>(`/api/consultations/${enc(consultationId)}/close`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['consultations'] }),
  });
}

export function useExtendConsultation(consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (endsOn: string) => api.post<void>(`/api/consultations/${enc(consultationId)}/extend`, { endsOn }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['consultations'] }),
  });
}
