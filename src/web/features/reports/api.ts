import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { versionShown } from '../../app/versions.ts';
import type { CompilationView, MyReports, ReportView } from './types.ts';

const reportPath = (phaseId: string, organisationId: string) =>
  `/api/reports/phases/${encodeURIComponent(phaseId)}/organisations/${encodeURIComponent(organisationId)}`;
export const compilationPath = (phaseId: string, organisationId: string) =>
  `/api/reports/phases/${encodeURIComponent(phaseId)}/compilations/${encodeURIComponent(organisationId)}`;
export const reportDocxPath = (phaseId: string, organisationId: string) => `${reportPath(phaseId, organisationId)}/document.docx`;

export function useMyReports(phaseId?: string) {
  return useQuery({ queryKey: ['reports', 'mine', phaseId ?? null], queryFn: () => api.get<MyReports>('/api/reports', { phaseId }) });
}

export function useReport(phaseId: string, organisationId: string) {
  return useQuery({ queryKey: ['reports', 'report', phaseId, organisationId], queryFn: () => api.get<ReportView>(reportPath(phaseId, organisationId)) });
}

export function useCompilation(phaseId: string, organisationId: string) {
  return useQuery({ queryKey: ['reports', 'compilation', phaseId, organisationId], queryFn: () => api.get<CompilationView>(compilationPath(phaseId, organisationId)) });
}

/** Every write answers the report as it now stands: it replaces the cached one, and lists refresh. */
function useReportWrite<T>(phaseId: string, organisationId: string, write: (path: string, input: T) => Promise<ReportView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: T) => write(reportPath(phaseId, organisationId), input),
    onSuccess: async (view) => {
      queryClient.setQueryData(['reports', 'report', phaseId, organisationId], view);
      await queryClient.invalidateQueries({ queryKey: ['reports'], predicate: (q) => q.queryKey[1] !== 'report' });
    },
  });
}

export function useSaveReport(phaseId: string, organisationId: string) {
  const queryClient = useQueryClient();
  return useReportWrite<Record<string, string>>(phaseId, organisationId, (path, sections) =>
    api.put<ReportView>(path, { sections, version: versionShown(queryClient, ['reports', 'report', phaseId, organisationId]) }));
}
export const useSubmitReport = (phaseId: string, organisationId: string) =>
  useReportWrite<void>(phaseId, organisationId, (path) => api.post<ReportView>(`${path}/submit`));
export const useReturnReport = (phaseId: string, organisationId: string) =>
  useReportWrite<string>(phaseId, organisationId, (path, reason) => api.post<ReportView>(`${path}/return`, { reason }));
export const useStartFromCompilation = (phaseId: string, organisationId: string) =>
  useReportWrite<void>(phaseId, organisationId, (path) => api.post<ReportView>(`${path}/start-from-compilation`));
