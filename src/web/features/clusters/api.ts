import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { ClusterItem, CriterionInput, SelfScoreInput, Sheet } from './types.ts';

const sheetUrl = (id: string) => `/api/clusters/sheets/${encodeURIComponent(id)}`;
export const rankingXlsxUrl = (id: string) => `${sheetUrl(id)}/ranking.xlsx`;
export const evidenceFileUrl = (id: string, fileId: string) => `${sheetUrl(id)}/evidence/${encodeURIComponent(fileId)}`;

export function useMyClusters(year: number) {
  return useQuery({
    queryKey: ['clusters', 'list', year],
    queryFn: () => api.get<{ items: ClusterItem[] }>('/api/clusters', { year }),
    select: (data) => data.items,
  });
}

export function useSheet(id: string) {
  return useQuery({ queryKey: ['clusters', 'sheet', id], queryFn: () => api.get<Sheet>(sheetUrl(id)), retry: false });
}

/** Every write to a sheet refreshes the sheet (and the list, whose status badge may change). */
function useSheetMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['clusters'] }) });
}

export function useCreateSheet() {
  return useSheetMutation(({ clusterId, year }: { clusterId: string; year: number }) =>
    api.post<{ id: string }>(`/api/clusters/${encodeURIComponent(clusterId)}/sheets`, { year }));
}

export function useMoveSheet(id: string) {
  return useSheetMutation((action: 'open' | 'close' | 'rank' | 'reopen') => api.post(`${sheetUrl(id)}/${action}`));
}

export function useConfigureSheet(id: string) {
  return useSheetMutation((body: { flagCount: number; bangKhenCount: number }) => api.patch(sheetUrl(id), body));
}

export function useSaveCriteria(id: string) {
  return useSheetMutation((criteria: CriterionInput[]) => api.put(`${sheetUrl(id)}/criteria`, { criteria }));
}

export function useSaveSelfScores(id: string) {
  return useSheetMutation(({ organisationId, scores }: { organisationId: string; scores: SelfScoreInput[] }) =>
    api.put(`${sheetUrl(id)}/members/${encodeURIComponent(organisationId)}/scores`, { scores }));
}

/** A signed PDF attached to one of the member's rows while it scores itself. */
export function useAddEvidence(id: string) {
  return useSheetMutation(({ organisationId, criterionId, file }: { organisationId: string; criterionId: string; file: File }) =>
    api.upload<{ id: string }>(`${sheetUrl(id)}/members/${encodeURIComponent(organisationId)}/evidence/${encodeURIComponent(criterionId)}`, file, 'application/pdf'));
}

export function useRemoveEvidence(id: string) {
  return useSheetMutation((fileId: string) => api.delete(evidenceFileUrl(id, fileId)));
}

export function useSubmitSelf(id: string) {
  return useSheetMutation((organisationId: string) => api.post(`${sheetUrl(id)}/members/${encodeURIComponent(organisationId)}/submit`));
}

export function useAdjust(id: string) {
  return useSheetMutation(({ organisationId, ...body }: { organisationId: string; criterionId: string; points: number; reason: string }) =>
    api.post(`${sheetUrl(id)}/members/${encodeURIComponent(organisationId)}/adjustments`, body));
}

export function useTieVote(id: string) {
  return useSheetMutation((body: { order: string[]; reason: string }) => api.post(`${sheetUrl(id)}/tie-vote`, body));
}

export function usePropose(id: string) {
  return useSheetMutation(() => api.post<{ flagBatchId: string | null; bangKhenBatchId: string | null }>(`${sheetUrl(id)}/propose`));
}
