import { foldVietnamese } from '../../platform/vn/fold.ts';
import { DISCIPLINE_FORMS, INITIATIVE_LEVELS, RATINGS, type DisciplineForm, type InitiativeLevel, type Rating } from '../rules/index.ts';

/**
 * A person's or a collective's record: annual ratings, titles and awards received, initiatives and
 * disciplinary measures. The Vietnamese wording here is what officers write in decisions and
 * spreadsheets; import files are read against it (folded, so "hoan thanh tot nhiem vu" also matches).
 */
export const RECORD_KINDS = ['ratings', 'awards', 'initiatives', 'disciplines'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const SUBJECT_KINDS = ['person', 'collective'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const AWARD_BASES = ['merit', 'thematic', 'one_off', 'long_service'] as const;
export type AwardBasis = (typeof AWARD_BASES)[number];

export const RATING_LABELS: Record<Rating, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  completed: 'Hoàn thành nhiệm vụ',
  not_completed: 'Không hoàn thành nhiệm vụ',
};

export const INITIATIVE_LEVEL_LABELS: Record<InitiativeLevel, string> = {
  base: 'Cấp cơ sở',
  province: 'Cấp tỉnh',
  national: 'Toàn quốc',
};

export const DISCIPLINE_LABELS: Record<DisciplineForm, string> = {
  reprimand: 'Khiển trách',
  warning: 'Cảnh cáo',
  salary_reduction: 'Hạ bậc lương',
  demotion: 'Giáng chức',
  removal: 'Cách chức',
  dismissal: 'Buộc thôi việc',
};

export const AWARD_BASIS_LABELS: Record<AwardBasis, string> = {
  merit: 'Công trạng',
  thematic: 'Theo đợt, chuyên đề',
  one_off: 'Đột xuất',
  long_service: 'Cống hiến',
};

export const INITIATIVE_KIND_LABELS = { initiative: 'Sáng kiến', scientific_work: 'Đề tài, công trình khoa học' } as const;

/** Extra spellings officers use, folded: "HTXSNV", "xuất sắc", "cơ sở"… */
const RATING_ALIASES: Record<string, Rating> = {
  htxsnv: 'excellent', 'xuat sac': 'excellent',
  httnv: 'good', tot: 'good',
  htnv: 'completed', 'hoan thanh': 'completed',
  khtnv: 'not_completed', 'khong hoan thanh': 'not_completed',
};
const LEVEL_ALIASES: Record<string, InitiativeLevel> = { 'co so': 'base', tinh: 'province', 'cap bo': 'province', 'toan quoc': 'national', 'quoc gia': 'national' };

function lookup<T extends string>(labels: Record<T, string>, aliases: Record<string, T>, text: string): T | null {
  const folded = foldVietnamese(text).trim();
  if (folded === '') return null;
  for (const [value, label] of Object.entries(labels) as [T, string][]) {
    if (foldVietnamese(label) === folded || value === folded) return value;
  }
  return aliases[folded] ?? null;
}

export const parseRating = (text: string) => lookup(RATING_LABELS, RATING_ALIASES, text);
export const parseInitiativeLevel = (text: string) => lookup(INITIATIVE_LEVEL_LABELS, LEVEL_ALIASES, text);
export const parseDisciplineForm = (text: string) => lookup(DISCIPLINE_LABELS, {}, text);
export const parseAwardBasis = (text: string) => lookup(AWARD_BASIS_LABELS, { 'cong trang': 'merit', 'chuyen de': 'thematic' }, text);
export const parseInitiativeKind = (text: string) => lookup(INITIATIVE_KIND_LABELS, { 'de tai': 'scientific_work', 'cong trinh khoa hoc': 'scientific_work' }, text);

export { DISCIPLINE_FORMS, INITIATIVE_LEVELS, RATINGS };

/** The earliest year a record may be for, and the latest: this year (a rating for next year is a typo). */
export const FIRST_RECORD_YEAR = 1975;
export function yearInRange(year: number, currentYear: number): boolean {
  return Number.isInteger(year) && year >= FIRST_RECORD_YEAR && year <= currentYear;
}
