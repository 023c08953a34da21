import { AppError } from '../../platform/errors.ts';
import { deadlineInstant } from '../movements/index.ts';
import type { Period } from './counted.ts';

/**
 * Statistics of titles and awards (issue 6): how many, of which form and level, in which year and
 * unit, to whom (non-leaders, direct workers, women, ethnic minorities — the groups plans ask to
 * favour), and how much money. Pure rules: the period, the filter, the figures and their shares.
 */
export const LEVELS = ['state', 'government', 'province', 'base'] as const;
export type Level = (typeof LEVELS)[number];
export const CATEGORIES = ['title', 'award'] as const;
export type Category = (typeof CATEGORIES)[number];
export const RECIPIENT_KINDS = ['individual', 'collective'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
/** Groups among individuals; filtering by one leaves collectives out. */
export const GROUPS = ['non_leader', 'direct_worker', 'female', 'ethnic_minority'] as const;
export type Group = (typeof GROUPS)[number];

/** The longest period one request may cover. */
export const MAX_SPAN_YEARS = 50;
/** Return reasons listed (latest first); the total counts them all. */
export const REASONS_CAP = 20;
/** Movements listed in the punctuality table (latest first); the totals count them all. */
export const MOVEMENTS_CAP = 50;

export interface StatisticsFilter {
  awardForms?: string[] | undefined;
  level?: Level | undefined;
  category?: Category | undefined;
  recipient?: RecipientKind | undefined;
  group?: Group | undefined;
}

export interface AwardForm { code: string; name: string; category: Category; level: Level; sortOrder: number }

/** A period is at least one year, the first not after the last, at most MAX_SPAN_YEARS long. */
export function checkPeriod(fromYear: number, toYear: number): Period {
  if (toYear < fromYear) throw new AppError('statistics.year_range', 400, { from: fromYear, to: toYear });
  if (toYear - fromYear + 1 > MAX_SPAN_YEARS) throw new AppError('statistics.span', 400, { max: MAX_SPAN_YEARS });
  return { fromYear, toYear };
}

export const yearsOf = (p: Period) => Array.from({ length: p.toYear - p.fromYear + 1 }, (_, i) => p.fromYear + i);

/**
 * The award forms the filter keeps, or null when it keeps them all. Forms named in the filter must
 * exist (an unknown form is a 400, not an empty table); level and category narrow further.
 */
export function formsKept(catalogue: readonly AwardForm[], f: StatisticsFilter): string[] | null {
  const unknown = (f.awardForms ?? []).filter((code) => !catalogue.some((c) => c.code === code));
  if (unknown.length) throw new AppError('statistics.unknown_award_form', 400, { form: unknown.join(', ') });
  if (!f.awardForms?.length && !f.level && !f.category) return null;
  return catalogue.filter((c) => (!f.awardForms?.length || f.awardForms.includes(c.code))
    && (!f.level || c.level === f.level) && (!f.category || c.category === f.category)).map((c) => c.code);
}

/** One row of figures: a count of awards and who received them. */
export interface Figures {
  total: number;
  individuals: number;
  collectives: number;
  /** individuals who held no leader's post at decision time */
  nonLeaders: number;
  directWorkers: number;
  women: number;
  ethnicMinorities: number;
  /** đồng recorded on the awards */
  money: number;
  /** awards with no amount recorded (older records, forms without money) */
  unpriced: number;
}

export const ZERO: Figures = {
  total: 0, individuals: 0, collectives: 0, nonLeaders: 0, directWorkers: 0, women: 0, ethnicMinorities: 0, money: 0, unpriced: 0,
};

export function addFigures(a: Figures, b: Figures): Figures {
  const out = { ...a };
  for (const k of Object.keys(ZERO) as (keyof Figures)[]) out[k] += b[k];
  return out;
}

/** A share as a fraction of its base (0 when the base is empty), rounded to 4 decimals (0.1234 = 12.34%). */
export const fraction = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

export interface Share { key: 'nonLeaders' | 'directWorkers' | 'women' | 'ethnicMinorities' | 'individuals' | 'collectives'; count: number; of: number; fraction: number }

/** The groups among individuals, and individuals and collectives among all awards. */
export function sharesOf(f: Figures): Share[] {
  const among = (key: Share['key'], count: number, of: number): Share => ({ key, count, of, fraction: fraction(count, of) });
  return [
    among('nonLeaders', f.nonLeaders, f.individuals), among('directWorkers', f.directWorkers, f.individuals),
    among('women', f.women, f.individuals), among('ethnicMinorities', f.ethnicMinorities, f.individuals),
    among('individuals', f.individuals, f.total), among('collectives', f.collectives, f.total),
  ];
}

/**
 * Whether a unit's response (its own plan implementing the movement, or its registration) came by
 * the deadline — the end of the due day in Việt Nam (movements/model.ts) — late, not at all once the
 * deadline has passed, or is still pending.
 */
export type Punctuality = 'onTime' | 'late' | 'missing' | 'pending';

export function planPunctuality(dueOn: string, issuedOn: string | null, now: Date): Punctuality {
  if (issuedOn) return issuedOn <= dueOn ? 'onTime' : 'late';
  return now.getTime() > deadlineInstant(dueOn).getTime() ? 'missing' : 'pending';
}

export function registrationPunctuality(dueOn: string, registeredAt: Date | null, now: Date): Punctuality {
  const deadline = deadlineInstant(dueOn).getTime();
  if (registeredAt) return registeredAt.getTime() <= deadline ? 'onTime' : 'late';
  return now.getTime() > deadline ? 'missing' : 'pending';
}

export interface PunctualityCounts { expected: number; onTime: number; late: number; missing: number; pending: number }
export const NO_RESPONSES: PunctualityCounts = { expected: 0, onTime: 0, late: 0, missing: 0, pending: 0 };

export function tally(states: readonly Punctuality[]): PunctualityCounts {
  const out = { ...NO_RESPONSES, expected: states.length };
  for (const s of states) out[s] += 1;
  return out;
}

// ── Vietnamese labels for the XLSX file (the web page has its own text.ts) ──

export const LEVEL_LABELS: Record<Level, string> = {
  state: 'Cấp Nhà nước', government: 'Cấp Chính phủ', province: 'Cấp tỉnh', base: 'Cấp cơ sở',
};
export const CATEGORY_LABELS: Record<Category, string> = { title: 'Danh hiệu thi đua', award: 'Hình thức khen thưởng' };
export const RECIPIENT_LABELS: Record<RecipientKind, string> = { individual: 'Cá nhân', collective: 'Tập thể' };
export const GROUP_LABELS: Record<Group, string> = {
  non_leader: 'Người không giữ chức vụ lãnh đạo', direct_worker: 'Người trực tiếp lao động, sản xuất, công tác',
  female: 'Nữ', ethnic_minority: 'Người dân tộc thiểu số',
};
export const SHARE_LABELS: Record<Share['key'], string> = {
  nonLeaders: 'Người không giữ chức vụ lãnh đạo (trên tổng số cá nhân)',
  directWorkers: 'Người trực tiếp lao động, sản xuất, công tác (trên tổng số cá nhân)',
  women: 'Nữ (trên tổng số cá nhân)', ethnicMinorities: 'Người dân tộc thiểu số (trên tổng số cá nhân)',
  individuals: 'Cá nhân (trên tổng số)', collectives: 'Tập thể (trên tổng số)',
};
