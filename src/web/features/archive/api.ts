import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api.ts';
import { ARCHIVE_PAGE_SIZE, archiveQuery, type ArchivePage, type ArchiveSearch, type PublicArchivePage, type PublicArchiveSearch } from './types.ts';

/** One page of the archive search; `cursor` is where it starts (null: the first page). */
export function useArchive(search: ArchiveSearch, cursor: string | null) {
  return useQuery({
    queryKey: ['archive', search, cursor],
    queryFn: () => api.get<ArchivePage>(withQuery('/api/archive/awards', { ...archiveQuery(search), pageSize: ARCHIVE_PAGE_SIZE, cursor })),
    placeholderData: keepPreviousData,
  });
}

/** The address of the XLSX export of the same search (a plain download: the session cookie goes with it). */
export const archiveExportUrl = (search: ArchiveSearch) => withQuery('/api/archive/awards.xlsx', archiveQuery(search));

/** The public archive: no sign-in; the tenant from the address (?t=), else the server's only one. */
export function usePublicArchive(s: PublicArchiveSearch) {
  return useQuery({
    queryKey: ['public-archive', s],
    queryFn: () => api.get<PublicArchivePage>(withQuery('/api/public/archive', {
      tenant: s.t, q: s.q, form: s.form, year: s.year, decision: s.decision, page: s.page,
    })),
    placeholderData: keepPreviousData,
    retry: false,
  });
}
