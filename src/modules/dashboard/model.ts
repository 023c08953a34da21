import type { PhaseKind } from '../movements/index.ts';
import { deadlineInstant } from '../movements/index.ts';
import { addDays, type IsoDate } from '../../platform/vn/dates.ts';
import { isWorkingDay, type Holidays } from '../../platform/vn/working-days.ts';

/**
 * The officer's dashboard as pure rules: which deadlines of the plans issued above a unit fall on it,
 * whether it has met them, and how many working days are left.
 */

/** A phase of a plan, or an award's nomination window (plan.awards[].window) read as a deadline. */
export type DueKind = PhaseKind | 'nomination_window';

/**
 * done / done_late: the unit did it (by the deadline, or after); due / overdue: not done yet, before or after
 * the deadline. For a kind whose completion the system does not record yet (reports, reviews) the
 * status is 'due' whatever the date and `known` is false: the page shows the date only.
 */
export type DueStatus = 'done' | 'done_late' | 'due' | 'overdue';

/** Deadlines passed more than this many days ago no longer show: the page is about what is coming. */
export const DUE_LOOKBACK_DAYS = 60;
export const DUE_LIMIT = 50;

/** Phases a unit below the issuer owes; 'launch' is the issuer's own act. */
export const OWED_PHASE_KINDS: readonly PhaseKind[] = ['response_plan', 'registration', 'periodic_report', 'mid_term_review', 'final_review', 'nomination'];

export function dueStatus(dueOn: IsoDate, doneAt: Date | null, known: boolean, now: Date): DueStatus {
  if (!known) return 'due';
  const deadline = deadlineInstant(dueOn).getTime();
  if (doneAt) return doneAt.getTime() <= deadline ? 'done' : 'done_late';
  return now.getTime() > deadline ? 'overdue' : 'due';
}

/** A deadline this many working days away or fewer is "due soon" (two working weeks). */
export const DUE_SOON_WORKING_DAYS = 10;

/**
 * How far a deadline is, as the page labels it: passed, due soon, or later (the page then gives its
 * date). What the page says of a deadline whose completion the system cannot see: never "due" for one
 * months away.
 */
export type DueTiming = 'past' | 'soon' | 'later';
export function dueTiming(workingDaysLeft: number): DueTiming {
  return workingDaysLeft < 0 ? 'past' : workingDaysLeft <= DUE_SOON_WORKING_DAYS ? 'soon' : 'later';
}

/**
 * Working days from today to the due date: 0 when it is due today, 1 when the next working day is the
 * last, negative when it has passed (−1: the working day after the deadline). Weekends and public
 * holidays do not count, in the tenant's calendar when one is given (modules/calendar).
 */
export function workingDaysLeft(today: IsoDate, dueOn: IsoDate, calendar?: Holidays): number {
  if (dueOn === today) return 0;
  if (dueOn > today) return workingDaysIn(today, dueOn, calendar);
  // a weekend right after the deadline is still "past": at least one
  return -Math.max(1, workingDaysIn(dueOn, today, calendar));
}

/** Working days d with from < d ≤ to. */
function workingDaysIn(from: IsoDate, to: IsoDate, calendar?: Holidays): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) count++;
  return count;
}

/** '/a/b/c/' → ['/a/', '/a/b/']: the organisations strictly above one. */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

export interface OwedItem {
  /** the phase's id, or the plan award's id for a nomination window */
  id: string;
  /** the item of the parent plan this one was copied from in a cascade */
  inheritedFrom: string | null;
  issuerPath: string;
}

/**
 * What falls on the unit at `unitPath`: items of plans issued strictly above it. When a nearer level
 * cascaded the plan, the unit answers the nearer level's copy (a commune answers the district's plan,
 * not the province's it implements), so an item a nearer plan inherited is replaced by that copy.
 */
export function owedBy<T extends OwedItem>(unitPath: string, items: readonly T[]): T[] {
  const above = items.filter((i) => unitPath.startsWith(i.issuerPath) && unitPath !== i.issuerPath);
  const replaced = new Set(above.flatMap((i) => (i.inheritedFrom ? [i.inheritedFrom] : [])));
  return above.filter((i) => !replaced.has(i.id));
}

export interface Punctuality { onTime: number; late: number; missing: number; pending: number }
export const emptyPunctuality = (): Punctuality => ({ onTime: 0, late: 0, missing: 0, pending: 0 });
