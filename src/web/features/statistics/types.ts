/** What the statistics page keeps in its address (a view can be bookmarked, linked or printed again). */
export const LEVELS = ['state', 'government', 'province', 'base'] as const;
export const CATEGORIES = ['title', 'award'] as const;
export const RECIPIENTS = ['individual', 'collective'] as const;
export const GROUPS = ['non_leader', 'direct_worker', 'female', 'ethnic_minority'] as const;
export type Level = (typeof LEVELS)[number];
export type Category = (typeof CATEGORIES)[number];
export type Recipient = (typeof RECIPIENTS)[number];
export type Group = (typeof GROUPS)[number];

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

export interface Figures {
  total: number; individuals: number; collectives: number; nonLeaders: number; directWorkers: number;
  women: number; ethnicMinorities: number; money: number; unpriced: number;
}
export interface Unit { id: string; name: string; validTo: string | null }
export interface Punctuality { expected: number; onTime: number; late: number; missing: number; pending: number }
export type ShareKey = 'nonLeaders' | 'directWorkers' | 'women' | 'ethnicMinorities' | 'individuals' | 'collectives';

export interface StatisticsReport {
  organisation: Unit;
  period: { fromYear: number; toYear: number };
  filter: { awardForms?: string[]; level?: Level; category?: Category; recipient?: Recipient; group?: Group };
  mergedIn: Unit[];
  totals: Figures;
  shares: { key: ShareKey; count: number; of: number; fraction: number }[];
  byForm: (Figures & { code: string; name: string; category: Category; level: Level })[];
  byLevel: (Figures & { level: Level })[];
  byCategory: (Figures & { category: Category })[];
  byYear: (Figures & { year: number })[];
  byUnit: (Figures & { organisation: Unit; rest: boolean })[];
  returns: { total: number; candidates: number; batches: number; moreReasons: number; reasons: { reason: string; count: number; candidates: number; lastAt: string }[] };
  punctuality: {
    plans: Punctuality; registrations: Punctuality; moreMovements: number;
    movements: { id: string; name: string; issuedOn: string; issuer: string; planDue: string | null; registrationDue: string | null;
      plans: Punctuality | null; registrations: Punctuality | null }[];
  };
}

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
