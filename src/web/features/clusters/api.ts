import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { versionShown } from '../../app/versions.ts';
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

const sheetKey = (id: string) => ['clusters', 'sheet', id];

export function useSheet(id: string) {
  return useQuery({ queryKey: sheetKey(id), queryFn: () => api.get<Sheet>(sheetUrl(id)), retry: false });
}

/** The version of a member's entry as the sheet page showed it (its self-scores are saved from it). */
function entryVersionShown(queryClient: QueryClient, id: string, organisationId: string): number | undefined {
  return queryClient.getQueryData<Sheet>(sheetKey(id))?.members.find((m) => m.organisationId === organisationId)?.version ?? undefined;
}

/** Every write to a sheet refreshes the sheet (and the list, whose status badge may change). */
function useSheetMutation<V, R>(fn: (vars: V, queryClient: QueryClient) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (vars: V) => fn(vars, queryClient), onSuccess: () => queryClient.invalidateQueries({ queryKey: ['clusters'] }) });
}

export function useCreateSheet() {
  return useSheetMutation(({ clusterId, year }: { clusterId: string; year: number }) =>
    api.post<{ id: string }>(`/api/clusters/${encodeURIComponent(clusterId)}/sheets`, { year }));
}

export function useMoveSheet(id: string) {
  return useSheetMutation((action: 'open' | 'close' | 'rank' | 'reopen') => api.post(`${sheetUrl(id)}/${action}`));
}

export function useConfigureSheet(id: string) {
  return useSheetMutation((body: { flagCount: number; bangKhenCount: number }, queryClient) =>
    api.patch(sheetUrl(id), { version: versionShown(queryClient, sheetKey(id)), ...body }));
}

export function useSaveCriteria(id: string) {
  return useSheetMutation((criteria: CriterionInput[], queryClient) =>
    api.put(`${sheetUrl(id)}/criteria`, { criteria, version: versionShown(queryClient, sheetKey(id)) }));
}

export function useSaveSelfScores(id: string) {
  return useSheetMutation(({ organisationId, scores }: { organisationId: string; scores: SelfScoreInput[] }, queryClient) =>
    api.put(`${sheetUrl(id)}/members/${encodeURIComponent(organisationId)}/scores`, { scores, version: entryVersionShown(queryClient, id, organisationId) }));
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
