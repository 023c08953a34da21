import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../app/api.ts';
import { uploadSpreadsheet } from '../../imports/upload.ts';

export type RecipientKind = 'individual' | 'collective';
export type UnmatchedReason = 'not_found' | 'ambiguous' | 'unit_unknown';
export interface HistoryImportResult {
  rows: number; created: number; existing: number; matchedPeople: number; matchedOrganisations: number; unmatched: number;
  unmatchedRows: { row: number; name: string; unit: string; kind: RecipientKind; reason: UnmatchedReason }[];
  dryRun: boolean;
}
export interface UnmatchedGroup {
  awardId: string; kind: RecipientKind; name: string; unit: string; birthYear: number | null; count: number;
  awards: { id: string; form: string; year: number; number: string; date: string | null }[];
  candidates: { id: string; fullName: string; birthYear: number | null; units: string[] }[];
}

export const historyTemplateUrl = (format: 'xlsx' | 'csv') => `/api/archive/history/template?format=${format}`;

/** Sends the file as the raw body (the server reads the bytes) through the shared upload; a 422 carries every row error in details.errors. */
export function uploadHistory(file: File, options: { dryRun: boolean; organisationId: string | null; csrfToken: string },
  onProgress: (fraction: number) => void = () => {}): Promise<HistoryImportResult> {
  const url = withQuery('/api/archive/history/import', { dryRun: options.dryRun, fileName: file.name, organisationId: options.organisationId });
  return uploadSpreadsheet<HistoryImportResult>({ url, file, csrfToken: options.csrfToken }, onProgress);
}

export function useUnmatched(q: string) {
  return useQuery({
    queryKey: ['archive', 'history', 'unmatched', q],
    queryFn: () => api.get<{ total: number; groups: UnmatchedGroup[] }>('/api/archive/history/unmatched', { q }),
  });
}

export function useMatch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { awardId: string; sameWritten: boolean; personId?: string; organisationId?: string }) =>
      api.post<{ matched: number }>('/api/archive/history/match', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['archive'] }),
  });
}
