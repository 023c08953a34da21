import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { ApiBody, ApiResponse } from '../../api/types.ts';

/** GET /api/catalogue/forms: the forms this tenant sees, shared and its own. */
export type FormList = ApiResponse<'/api/catalogue/forms', 'get'>;
export type CatalogueForm = FormList['items'][number];
export type FormInput = ApiBody<'/api/catalogue/forms', 'post'>;
export type RuleHistory = ApiResponse<'/api/catalogue/forms/{code}/rules', 'get'>;
export type RuleVersion = RuleHistory['versions'][number];
export type RuleVersionInput = ApiBody<'/api/catalogue/forms/{code}/rules', 'post'>;
export type PreviewInput = ApiBody<'/api/catalogue/forms/{code}/rules/preview', 'post'>;
export type Preview = ApiResponse<'/api/catalogue/forms/{code}/rules/preview', 'post'>;

const path = (code: string) => `/api/catalogue/forms/${encodeURIComponent(code)}`;

export function useForms() {
  return useQuery({ queryKey: ['catalogue-forms'], queryFn: () => api.get<FormList>('/api/catalogue/forms') });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: ['catalogue-forms'] }),
    queryClient.invalidateQueries({ queryKey: ['catalogue'] }),
    queryClient.invalidateQueries({ queryKey: ['award-forms'] }),
    queryClient.invalidateQueries({ queryKey: ['eligibility'] }),
  ]);
}

export function useSaveForm(code: string | null) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: FormInput & { version?: number }) => (code === null
      ? api.post<CatalogueForm>('/api/catalogue/forms', body)
      : api.put<CatalogueForm>(path(code), body)),
    onSuccess: invalidate,
  });
}

export function useRetireForm(code: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { retiredOn: string; citation: string }) => api.post<CatalogueForm>(`${path(code)}/retirement`, body),
    onSuccess: invalidate,
  });
}

export function useReinstateForm(code: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: () => api.delete(`${path(code)}/retirement`), onSuccess: invalidate });
}

export function useDeleteForm(code: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: () => api.delete(path(code)), onSuccess: invalidate });
}

export function useRuleHistory(code: string) {
  return useQuery({ queryKey: ['catalogue-rules', code], queryFn: () => api.get<RuleHistory>(`${path(code)}/rules`) });
}

export function useSaveRuleVersion(code: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RuleVersionInput) => api.post<{ version: number; validFrom: string }>(`${path(code)}/rules`, body),
    onSuccess: () => Promise.all([invalidate(), queryClient.invalidateQueries({ queryKey: ['catalogue-rules', code] })]),
  });
}

/** The preview runs on demand (a button): the draft is sent as it stands. */
export function usePreview(code: string, input: PreviewInput | null) {
  return useQuery({
    queryKey: ['catalogue-preview', code, input],
    queryFn: () => api.post<Preview>(`${path(code)}/rules/preview`, input),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
