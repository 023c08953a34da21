import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Optimistic concurrency, the browser's half: an edit carries the version of the record as this page loaded it
 * (its detail query's data), and the server refuses it with 409 `edit.stale` when someone saved in between —
 * ErrorAlert then offers to reload. Undefined when the page never loaded the record (the server then applies the
 * fields sent to the row as it is).
 */
export function versionShown(queryClient: QueryClient, detailKey: QueryKey): number | undefined {
  const data = queryClient.getQueryData<{ version?: unknown }>(detailKey);
  return typeof data?.version === 'number' ? data.version : undefined;
}
