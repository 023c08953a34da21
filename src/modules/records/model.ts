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

/**
 * A choice read from its Vietnamese label, its code or an alias, folded. The folded labels are indexed once,
 * and the answer for each distinct text is remembered (an import of a million rows repeats a few labels).
 */
function labelLookup<T extends string>(labels: Record<T, string>, aliases: Record<string, T>): (text: string) => T | null {
  let index: Map<string, T> | null = null;
  const memo = new Map<string, T | null>();
  return (text) => {
    const known = memo.get(text);
    if (known !== undefined) return known;
    if (!index) {
      index = new Map();
      // the first label (or code) in order wins, aliases after them all
      for (const [value, label] of Object.entries(labels) as [T, string][]) {
        for (const spelling of [foldVietnamese(label), value]) if (!index.has(spelling)) index.set(spelling, value);
      }
      for (const [alias, value] of Object.entries(aliases)) if (!index.has(alias)) index.set(alias, value);
    }
    const folded = foldVietnamese(text).trim();
    const value = folded === '' ? null : index.get(folded) ?? null;
    if (memo.size < 1_000) memo.set(text, value);
    return value;
  };
}

export const parseRating = labelLookup(RATING_LABELS, RATING_ALIASES);
export const parseInitiativeLevel = labelLookup(INITIATIVE_LEVEL_LABELS, LEVEL_ALIASES);
export const parseDisciplineForm = labelLookup(DISCIPLINE_LABELS, {});
export const parseAwardBasis = labelLookup(AWARD_BASIS_LABELS, { 'cong trang': 'merit', 'chuyen de': 'thematic' });
export const parseInitiativeKind = labelLookup(INITIATIVE_KIND_LABELS, { 'de tai': 'scientific_work', 'cong trinh khoa hoc': 'scientific_work' });

export { DISCIPLINE_FORMS, INITIATIVE_LEVELS, RATINGS };

/** The earliest year a record may be for, and the latest: this year (a rating for next year is a typo). */
export const FIRST_RECORD_YEAR = 1975;
export function yearInRange(year: number, currentYear: number): boolean {
  return Number.isInteger(year) && year >= FIRST_RECORD_YEAR && year <= currentYear;
}
