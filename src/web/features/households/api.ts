import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { ApiBody, ApiResponse } from '../../api/types.ts';

export type HouseholdItem = ApiResponse<'/api/households', 'get'>['items'][number];
export type Household = ApiResponse<'/api/households/{id}', 'get'>;
export type NewHousehold = ApiBody<'/api/households', 'post'>;
export type HouseholdChanges = ApiBody<'/api/households/{id}', 'patch'>;

export function useHouseholds(q: string, includeClosed: boolean) {
  return useQuery({
    queryKey: ['households', 'list', q, includeClosed],
    queryFn: () => api.get<ApiResponse<'/api/households', 'get'>>('/api/households', { q: q || undefined, includeClosed: String(includeClosed), pageSize: 200 }),
    placeholderData: keepPreviousData,
  });
}

export function useHousehold(id: string | null) {
  return useQuery({
    queryKey: ['households', 'detail', id],
    queryFn: () => api.get<Household>(`/api/households/${encodeURIComponent(id!)}`),
    enabled: id !== null,
  });
}

function useWrite<B>(fn: (body: B) => Promise<Household>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['households'] }) });
}

export const useCreateHousehold = () => useWrite((body: NewHousehold) => api.post<Household>('/api/households', body));
export const useUpdateHousehold = (id: string) => useWrite((body: HouseholdChanges) => api.patch<Household>(`/api/households/${encodeURIComponent(id)}`, body));
export const useCloseHousehold = (id: string) =>
  useWrite((body: { version: number; closedOn: string }) => api.post<Household>(`/api/households/${encodeURIComponent(id)}/close`, body));
