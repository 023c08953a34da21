import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string; displayName: string } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Record<string, unknown>;
}

interface AuditPage {
  items: AuditEntry[];
  nextBefore: string | null;
}

export const AUDIT_LIMIT = 50;

/** Newest first; each further page asks for entries before the last id seen (the server's cursor). */
export function useAudit(filter: { organisationId?: string; entityType?: string }) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam }) =>
      api.get<AuditPage>('/api/audit', { ...filter, before: pageParam, limit: AUDIT_LIMIT }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
