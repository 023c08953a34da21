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

/** A household's members as entered: the head is one of them, and nobody is listed twice. */
export function householdMembersProblem(headPersonId: string, members: readonly { personId: string }[]):
  'household.head_not_member' | 'household.duplicate_member' | null {
  const ids = members.map((m) => m.personId);
  if (new Set(ids).size !== ids.length) return 'household.duplicate_member';
  if (!ids.includes(headPersonId)) return 'household.head_not_member';
  return null;
}

/** Residents and households belong to a commune (xã, phường, đặc khu): its people's committee at commune level, not a school or office there. */
export function isCommune(org: { level: string; kind: string }): boolean {
  return org.level === 'commune' && org.kind === 'peoples_committee';
}
