import { rangesOverlap } from '../../platform/vn/dates.ts';

/** People and their employment history as pure rules. */

export interface EmploymentPeriod { id?: string; startDate: string; endDate: string | null }

/** Two employments of one person may not overlap: one nominating organisation on any date. */
export function findOverlap<T extends EmploymentPeriod>(existing: readonly T[], candidate: EmploymentPeriod): T | undefined {
  return existing.find((e) => e.id !== candidate.id
    && rangesOverlap({ start: e.startDate, end: e.endDate }, { start: candidate.startDate, end: candidate.endDate }));
}

/** The employment in force on a date (the employer on that date nominates the person). */
export function employmentOn<T extends EmploymentPeriod>(employments: readonly T[], date: string): T | undefined {
  return employments.find((e) => e.startDate <= date && (e.endDate === null || e.endDate >= date));
}

export const ETHNIC_MAJORITY = 'Kinh';
export function isEthnicMinority(ethnicity: string): boolean {
  return ethnicity.trim() !== '' && ethnicity.trim() !== ETHNIC_MAJORITY;
}
