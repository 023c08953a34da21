import { rangesOverlap } from '../../platform/vn/dates.ts';
import { foldVietnamese } from '../../platform/vn/fold.ts';

/** People and their employment history as pure rules. */

export interface EmploymentPeriod { id?: string; startDate: string; endDate: string | null }

/** Two employments of one person may not overlap: one nominating organisation on any date. */
export function findOverlap<T extends EmploymentPeriod>(existing: readonly T[], candidate: EmploymentPeriod): T | undefined {
  return existing.find((e) => e.id !== candidate.id
    && rangesOverlap({ start: e.startDate, end: e.endDate }, { start: candidate.startDate, end: candidate.endDate }));
}


/**
 * Người trực tiếp lao động, sản xuất, công tác — the people the Law asks to favour (workers, farmers,
 * fishermen, co-operative members, soldiers, and those who teach or treat at the front line), as
 * opposed to leaders and office staff. Decided from the post when an employment is written and stored
 * (employments.is_direct_worker), so statistics never parse posts. A leader never counts. The list is
 * a first reading of the term, to confirm with the Home Affairs officers who fill the yearly forms.
 */
const DIRECT_WORK = /^(cong nhan|nong dan|ngu dan|xa vien|thanh vien hop tac xa|nguoi lao dong|lao dong|tho |ky thuat vien|nhan vien|chien si|ha si quan|giao vien|bac si|y si|y ta|dieu duong|ho sinh|duoc si|tuyen truyen vien|cong an vien|dan quan)/;

export function isDirectWorker(position: string, isLeader: boolean): boolean {
  return !isLeader && DIRECT_WORK.test(foldVietnamese(position).trim());
}
