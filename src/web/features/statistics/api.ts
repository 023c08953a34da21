import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api.ts';
import { statisticsQuery, type StatisticsReport, type StatisticsSearch } from './types.ts';

type Complete = StatisticsSearch & { unit: string; from: number };

/** The figures of the page's search (asked only once a unit and a year are known). */
export function useStatistics(search: StatisticsSearch) {
  const complete = search.unit !== undefined && search.from !== undefined;
  return useQuery({
    queryKey: ['statistics', statisticsQuery(search as Complete)],
    queryFn: () => api.get<StatisticsReport>(withQuery('/api/statistics', statisticsQuery(search as Complete))),
    enabled: complete,
    placeholderData: keepPreviousData,
  });
}

/** The address of the same figures as an XLSX file (a plain download: the session cookie goes with it). */
export const statisticsExportUrl = (search: Complete) => withQuery('/api/statistics.xlsx', statisticsQuery(search));
