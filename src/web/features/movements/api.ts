import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { versionShown } from '../../app/versions.ts';
import type {
  AwardForm, MovementDetail, MovementPatch, MovementsSearch, MovementSummary, NewMovement, Registration, Responses,
} from './types.ts';

const base = '/api/movements';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
const detailKey = (id: string) => ['movements', 'detail', id];

export function useMovements(search: MovementsSearch) {
  return useQuery({
    queryKey: ['movements', 'list', search],
    queryFn: () => api.get<{ items: MovementSummary[] }>(base, { q: search.q, status: search.status, year: search.year }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  });
}

export function useMovement(id: string) {
  return useQuery({ queryKey: detailKey(id), queryFn: () => api.get<MovementDetail>(one(id)) });
}

export function useResponses(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['movements', 'responses', id],
    queryFn: () => api.get<Responses>(`${one(id)}/responses`),
    enabled,
    retry: false,
  });
}

export function useRegistrations(id: string) {
  return useQuery({
    queryKey: ['movements', 'registrations', id],
    queryFn: () => api.get<{ items: Registration[] }>(`${one(id)}/registrations`),
    select: (data) => data.items,
  });
}

export function useAwardForms() {
  return useQuery({
    queryKey: ['award-forms'],
    queryFn: () => api.get<{ items: AwardForm[] }>('/api/award-forms'),
    select: (data) => data.items,
    staleTime: 60 * 60_000,
  });
}

function useInvalidateMovements() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['movements'] });
}

export function useCreateMovement() {
  const invalidate = useInvalidateMovements();
  return useMutation({ mutationFn: (body: NewMovement) => api.post<MovementDetail>(base, body), onSuccess: invalidate });
}

export function useUpdateMovement(id: string) {
  const invalidate = useInvalidateMovements();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MovementPatch) => api.patch<MovementDetail>(one(id), { version: versionShown(queryClient, detailKey(id)), ...body }),
    onSuccess: invalidate,
  });
}

export function useIssueMovement(id: string) {
  const invalidate = useInvalidateMovements();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { documentNumber: number; documentSymbol: string; issuedOn: string; place?: string }) =>
      api.post<MovementDetail>(`${one(id)}/issue`, body),
    onSuccess: invalidate,
    // a number taken meanwhile: the register's proposal moves on
    onError: () => queryClient.invalidateQueries({ queryKey: ['movements', 'next-number', id] }),
  });
}

/** The register's next number for issuing the plan with this symbol in this year (none while the symbol is not one). */
export function useNextPlanNumber(id: string, symbol: string | null, year: number | null) {
  return useQuery({
    queryKey: ['movements', 'next-number', id, symbol, year],
    queryFn: () => api.get<{ number: number }>(`${one(id)}/next-number`, { symbol: symbol ?? undefined, year: year ?? undefined }),
    enabled: symbol !== null && year !== null,
    retry: false,
  });
}

export function useAmendMovement(id: string) {
  const invalidate = useInvalidateMovements();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MovementPatch & { reason: string }) =>
      api.post<MovementDetail>(`${one(id)}/amendments`, { version: versionShown(queryClient, detailKey(id)), ...body }),
    onSuccess: invalidate,
  });
}

export function useCloseMovement(id: string) {
  const invalidate = useInvalidateMovements();
  return useMutation({ mutationFn: () => api.post<MovementDetail>(`${one(id)}/close`), onSuccess: invalidate });
}

export function useCascadeMovement(id: string) {
  const invalidate = useInvalidateMovements();
  return useMutation({
    mutationFn: (organisationId: string) => api.post<MovementDetail>(`${one(id)}/cascade`, { organisationId }),
    onSuccess: invalidate,
  });
}

export function useRemind(id: string) {
  const invalidate = useInvalidateMovements();
  return useMutation({
    mutationFn: (body: { organisationId: string; message: string }) => api.post<unknown>(`${one(id)}/reminders`, body),
    onSuccess: invalidate,
  });
}

/** "Nhắc tất cả đơn vị quá hạn": the server reminds each overdue unit at most once a day and says how many. */
export function useRemindOverdue(id: string) {
  const invalidate = useInvalidateMovements();
  return useMutation({
    mutationFn: (body: { message: string }) => api.post<{ reminded: number; alreadyToday: number }>(`${one(id)}/reminders/overdue`, body),
    onSuccess: invalidate,
  });
}

/** A title as the registration form sends it: counts, or the people and collectives by name (issue 17.7). */
export interface RegistrationTitleInput {
  awardForm: string; collectives?: number | undefined; individuals?: number | undefined; personIds?: string[]; organisationIds?: string[];
}

export function useRegister(id: string) {
  const invalidate = useInvalidateMovements();
  return useMutation({
    mutationFn: (body: { organisationId: string; titles: RegistrationTitleInput[]; commitments: string }) =>
      api.post<unknown>(`${one(id)}/registrations`, body),
    onSuccess: invalidate,
  });
}

/** The unit's head approves its registration. */
export function useApproveRegistration(id: string) {
  const invalidate = useInvalidateMovements();
  return useMutation({
    mutationFn: (organisationId: string) => api.post<void>(`${one(id)}/registrations/${encodeURIComponent(organisationId)}/approve`, {}),
    onSuccess: invalidate,
  });
}
