import { rangesOverlap } from '../../platform/vn/dates.ts';

/** People and their employment history as pure rules. */

export interface EmploymentPeriod { id?: string; startDate: string; endDate: string | null }

/** Two employments of one person may not overlap: one nominating organisation on any date. */
export function findOverlap<T extends EmploymentPeriod>(existing: readonly T[], candidate: EmploymentPeriod): T | undefined {
  return existing.find((e) => e.id !== candidate.id
    && rangesOverlap({ start: e.startDate, end: e.endDate }, { start: candidate.startDate, end: candidate.endDate }));
}

