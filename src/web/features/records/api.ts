import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import type { RecordData, RecordKind, Subject } from './types.ts';

const recordPath = (s: Subject) =>
  s.kind === 'person' ? `/api/people/${encodeURIComponent(s.id)}/record` : `/api/organisations/${encodeURIComponent(s.id)}/record`;

/** The key under which a subject's record (and, since it depends on it, its eligibility) is cached. */
export const recordKey = (s: Subject) => ['records', s.kind, s.id] as const;

export function useRecord(subject: Subject) {
  return useQuery({ queryKey: recordKey(subject), queryFn: () => api.get<RecordData>(recordPath(subject)) });
}

/** The body's subject part: `personId` or `organisationId`. */
export const subjectBody = (s: Subject) => (s.kind === 'person' ? { personId: s.id } : { organisationId: s.id });

/** After any change to a record, the record and every eligibility answer may differ. */
function useInvalidateRecords() {
  const queryClient = useQueryClient();
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: ['records'] }),
    queryClient.invalidateQueries({ queryKey: ['eligibility'] }),
  ]);
}

export function useAddRecord(subject: Subject, kind: RecordKind) {
  const invalidate = useInvalidateRecords();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<{ id: string }>(`/api/records/${kind}`, { ...subjectBody(subject), ...body }),
    onSuccess: invalidate,
  });
}

export function useRemoveRecord() {
  const invalidate = useInvalidateRecords();
  return useMutation({
    mutationFn: ({ kind, id }: { kind: RecordKind; id: string }) => api.delete(`/api/records/${kind}/${encodeURIComponent(id)}`),
    onSuccess: invalidate,
  });
}

export { useInvalidateRecords };
