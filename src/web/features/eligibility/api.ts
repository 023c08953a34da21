import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api.ts';
import type { Subject } from '../records/types.ts';
import { PAGE_SIZE, type Catalogue, type EligibilityList, type EligibilitySearch, type SubjectJudgement } from './types.ts';

export function useSubjectEligibility(subject: Subject, year: number) {
  const path = subject.kind === 'person'
    ? `/api/eligibility/people/${encodeURIComponent(subject.id)}`
    : `/api/eligibility/organisations/${encodeURIComponent(subject.id)}`;
  return useQuery({
    queryKey: ['eligibility', subject.kind, subject.id, year],
    queryFn: () => api.get<SubjectJudgement>(path, { year }),
    placeholderData: keepPreviousData,
  });
}

/** The list's query string, shared by the page and the spreadsheet download. */
export function listQuery(search: EligibilitySearch, year: number) {
  return {
    organisationId: search.org,
    ...(search.movement && search.criterion
      ? { movementId: search.movement, criterionId: search.criterion }
      : { awardForm: search.award, recipient: search.recipient ?? 'individual' }),
    year,
    status: search.status,
    leader: search.leader,
    q: search.q,
  };
}

export function useEligibilityList(search: EligibilitySearch, year: number) {
  return useQuery({
    queryKey: ['eligibility', 'list', search, year],
    queryFn: () => api.get<EligibilityList>('/api/eligibility', { ...listQuery(search, year), page: search.page ?? 1, pageSize: PAGE_SIZE }),
    enabled: Boolean(search.org && (search.award || (search.movement && search.criterion))),
    placeholderData: keepPreviousData,
  });
}

export const exportUrl = (search: EligibilitySearch, year: number) => withQuery('/api/eligibility/export.xlsx', listQuery(search, year));

export function useCatalogue() {
  return useQuery({ queryKey: ['catalogue'], queryFn: () => api.get<Catalogue>('/api/catalogue'), staleTime: 10 * 60_000 });
}

export function useSetCap(awardForm: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // version: the tenant's own setting as the page showed it, none while the default holds (409 edit.stale if stale)
    mutationFn: (body: { percent: number; citation: string; version?: number | undefined }) => api.put(`/api/catalogue/caps/${encodeURIComponent(awardForm)}`, body),
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: ['catalogue'] }),
      queryClient.invalidateQueries({ queryKey: ['eligibility'] }),
    ]),
  });
}

export function useAddBaseSalary() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { effectiveFrom: string; amount: number; citation: string }) => api.post('/api/catalogue/base-salaries', body),
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: ['catalogue'] }),
      queryClient.invalidateQueries({ queryKey: ['eligibility'] }),
    ]),
  });
}
