import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api.ts';

export const FORM_CODES = ['0601', '0602', '0603', '0604', '0605'] as const;
export type FormCode = (typeof FORM_CODES)[number];

export interface StatutoryFormList {
  year: number;
  period: { from: string; to: string };
  dueOn: string;
  forms: { code: FormCode; number: string; title: string }[];
}

/** What the page keeps in its address: the reporting unit and year. */
export interface StatutoryFormsSearch { org?: string | undefined; year?: number | undefined }

export function validateStatutoryFormsSearch(search: Record<string, unknown>): StatutoryFormsSearch {
  const year = Number(search.year);
  return {
    org: typeof search.org === 'string' && search.org.trim() ? search.org.trim() : undefined,
    year: Number.isInteger(year) && year >= 1975 && year <= 2100 ? year : undefined,
  };
}

export function useStatutoryForms(year: number) {
  return useQuery({
    queryKey: ['statutory-forms', year],
    queryFn: () => api.get<StatutoryFormList>(withQuery('/api/statutory-forms', { year })),
  });
}

/** The address of one filled form (a plain download: the session cookie goes with it). */
export const formUrl = (code: FormCode, organisationId: string, year: number) =>
  withQuery(`/api/statutory-forms/${code}.xlsx`, { organisationId, year });
