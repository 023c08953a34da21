import { allOf, type ApiResponse } from '../../api/types.ts';

/** The report's filters; the lists below name each of their values (the page's choices). */
type Filter = Required<StatisticsReport['filter']>;
export const LEVELS = allOf<Filter['level']>()(['state', 'government', 'province', 'base']);
export const CATEGORIES = allOf<Filter['category']>()(['title', 'award']);
export const RECIPIENTS = allOf<Filter['recipient']>()(['individual', 'collective']);
export const GROUPS = allOf<Filter['group']>()(['non_leader', 'direct_worker', 'female', 'ethnic_minority']);
export type Level = (typeof LEVELS)[number];
export type Category = (typeof CATEGORIES)[number];
export type Recipient = (typeof RECIPIENTS)[number];
export type Group = (typeof GROUPS)[number];

/** What the statistics page keeps in its address (a view can be bookmarked, linked or printed again). */
export interface StatisticsSearch {
  unit?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  /** award form codes, comma-separated */
  forms?: string | undefined;
  level?: Level | undefined;
  category?: Category | undefined;
  recipient?: Recipient | undefined;
  group?: Group | undefined;
  /** what the bar chart shows */
  chart?: 'unit' | undefined;
}

/** GET /api/statistics, as the server's schema says (src/web/api/openapi.ts) */
export type StatisticsReport = ApiResponse<'/api/statistics', 'get'>;
export type Figures = StatisticsReport['totals'];
export type Unit = StatisticsReport['organisation'];
export type Punctuality = StatisticsReport['punctuality']['plans'];
export type ShareKey = StatisticsReport['shares'][number]['key'];

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const year = (v: unknown) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1945 && n <= 2100 ? n : undefined;
};
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined => (list as readonly unknown[]).includes(v) ? (v as T) : undefined;

export function validateStatisticsSearch(search: Record<string, unknown>): StatisticsSearch {
  return {
    unit: text(search.unit), from: year(search.from), to: year(search.to), forms: text(search.forms),
    level: oneOf(LEVELS, search.level), category: oneOf(CATEGORIES, search.category), recipient: oneOf(RECIPIENTS, search.recipient),
    group: oneOf(GROUPS, search.group), chart: search.chart === 'unit' ? 'unit' : undefined,
  };
}

/** The API's query for the page's search, once a unit and a first year are known. */
export function statisticsQuery(s: StatisticsSearch & { unit: string; from: number }) {
  return {
    organisationId: s.unit, fromYear: s.from, toYear: s.to ?? s.from, awardForms: s.forms, level: s.level, category: s.category,
    recipient: s.recipient, group: s.group,
  };
}
