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

export interface EmploymentSpan { start_date: string; end_date: string | null }

/**
 * The employments that decide who may write about a person (issue 15.4): reading follows every
 * employment, past ones included, but writing follows the employment in force.
 * - Today's employer keeps the person's file: it manages their staffing and payroll and is the unit
 *   that nominates them (Law 2022 art. 84; DOMAIN.md "tuyến trình"). A person with no employment in
 *   force today (retired, between posts) stays with the last unit that employed them.
 * - A record about a past period (a rating for 2018, a discipline from 2018) may also be written by the
 *   unit that employed the person then: the annual rating is decided by the agency that managed the
 *   official in that year (Decree 90/2020 art. 18–20), so that unit holds the paper and the officer who
 *   files it is theirs. The unit someone left in 2019 may still record their 2018 rating, not their 2024 one.
 * Employments are ordered by start date.
 */
export function employmentsDecidingWrites<T extends EmploymentSpan>(
  employments: readonly T[], today: string, period?: { start: string; end: string },
): T[] {
  const inForce = employments.filter((e) => e.start_date <= today && (e.end_date === null || e.end_date >= today));
  const started = employments.filter((e) => e.start_date <= today);
  const keeper = inForce.length > 0 ? inForce : (started.length > 0 ? started : employments).slice(-1);
  const then = period ? employments.filter((e) => rangesOverlap({ start: e.start_date, end: e.end_date }, { start: period.start, end: period.end })) : [];
  return [...new Set([...keeper, ...then])];
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
