import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, withQuery } from '../../../app/api.ts';
import { currentLanguage } from '../../../i18n/index.ts';

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

/** Sends the file as the raw body (the server reads the bytes); a 422 carries every row error in details.errors. */
export async function uploadHistory(file: File, options: { dryRun: boolean; organisationId: string | null; csrfToken: string }): Promise<HistoryImportResult> {
  const url = withQuery('/api/archive/history/import', { dryRun: options.dryRun, fileName: file.name, organisationId: options.organisationId });
  const type = file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const response = await fetch(url, {
    method: 'POST', credentials: 'same-origin', body: file,
    headers: { Accept: 'application/json', 'Accept-Language': currentLanguage(), 'Content-Type': type, 'x-csrf-token': options.csrfToken },
  });
  const data = await response.json().catch(() => null) as { error?: { code: string; message: string; details?: unknown } } | null;
  if (!response.ok) throw new ApiError(response.status, data?.error?.code ?? `http_${response.status}`, data?.error?.message ?? String(response.status), data?.error?.details);
  return data as unknown as HistoryImportResult;
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
