import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api.ts';
import { ARCHIVE_PAGE_SIZE, archiveQuery, type ArchivePage, type ArchiveSearch } from './types.ts';

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
