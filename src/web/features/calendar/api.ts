import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { ApiBody, ApiResponse } from '../../api/types.ts';

export type HolidayYear = ApiResponse<'/api/calendar/holidays', 'get'>;
export type DayBody = ApiBody<'/api/calendar/days/{date}', 'put'>;
export type LegalBasisBody = ApiBody<'/api/platform/legal-bases/{code}', 'put'>;

export function useHolidayYear(year: number) {
  return useQuery({ queryKey: ['calendar', year], queryFn: () => api.get<HolidayYear>('/api/calendar/holidays', { year }) });
}

/**
 * A day of this organisation's own calendar, or (shared) of every organisation's: the platform operator's. Set by date:
 * it carries the version of the day as the page's year showed it, none for a day not set yet (409 edit.stale if stale).
 */
export function useSetDay(scope: 'own' | 'shared') {
  const queryClient = useQueryClient();
  const base = scope === 'own' ? '/api/calendar/days' : '/api/platform/holidays';
  const shown = (date: string) =>
    queryClient.getQueryData<HolidayYear>(['calendar', Number(date.slice(0, 4))])?.[scope].find((d) => d.date === date)?.version;
  return useMutation({
    mutationFn: ({ date, ...body }: DayBody & { date: string }) => api.put(`${base}/${encodeURIComponent(date)}`, { version: shown(date), ...body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

export function useDeleteDay(scope: 'own' | 'shared') {
  const queryClient = useQueryClient();
  const base = scope === 'own' ? '/api/calendar/days' : '/api/platform/holidays';
  return useMutation({
    mutationFn: (date: string) => api.delete(`${base}/${encodeURIComponent(date)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

export function useSaveLegalBasis() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, ...body }: LegalBasisBody & { code: string }) => api.put(`/api/platform/legal-bases/${encodeURIComponent(code)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['catalogue'] }),
  });
}
