import type { CandidateStatus, ConsultationStatus } from '../../platform/db/schema.ts';
import { formatDate, type IsoDate } from '../../platform/vn/dates.ts';
import { lastWorkingDayOf, type Holidays } from '../../platform/vn/working-days.ts';

/**
 * Public consultation on nominees (docs/legal/procedure.md#public-consultation): a list published on a channel from a
 * start date for a number of working days; comments are taken until the end of the last day; then the
 * standing agency closes it, and only then may the council step or the decision go on.
 */

/** Candidates the standing agency may publish: accepted at appraisal, or already voted by the council. */
export const LISTABLE: readonly CandidateStatus[] = ['accepted', 'voted'];

export const COMMENT_MAX = 2000;
export const AUTHOR_MAX = 120;
export const CONTACT_MAX = 200;
/** Comments one address may send in the window (the public POST's rate limit). */
export const COMMENT_RATE = { max: 5, timeWindow: 10 * 60_000 } as const;

/**
 * The last day comments are taken: the working days count from the start (a working start counts), in
 * the tenant's working calendar (modules/calendar: the holidays, and its own days off).
 */
export function consultationEnd(startsOn: IsoDate, workingDays: number, calendar?: Holidays): IsoDate {
  return lastWorkingDayOf(startsOn, workingDays, calendar);
}

export type ConsultationState = 'scheduled' | 'open' | 'ended' | 'closed';

export function consultationState(c: { status: ConsultationStatus; starts_on: IsoDate; ends_on: IsoDate }, today: IsoDate): ConsultationState {
  if (c.status === 'closed') return 'closed';
  if (today < c.starts_on) return 'scheduled';
  return today <= c.ends_on ? 'open' : 'ended';
}

/**
 * Closing ends the record of the consultation. It is refused before the end date has passed, always:
 * the law asks the list to stay published for the whole period, and a shortened consultation would not
 * count for the decision. (A list published in error is simply not used: nothing waits on it.)
 */
export function mayClose(c: { status: ConsultationStatus; starts_on: IsoDate; ends_on: IsoDate }, today: IsoDate): boolean {
  return consultationState(c, today) === 'ended';
}

export interface HeldConsultation { candidateId: string; status: ConsultationStatus; endsOn: IsoDate }

/** Whether a candidate's consultation is done: one of its lists has ended and been closed. */
export function consultationDone(held: readonly HeldConsultation[], today: IsoDate): boolean {
  return held.some((h) => h.status === 'closed' && h.endsOn < today);
}

/** What the error says of the latest list a candidate was on: its end date, or a dash when never held. */
export function latestEnd(held: readonly HeldConsultation[]): string {
  const ends = held.map((h) => h.endsOn).sort();
  return ends.length ? formatDate(ends[ends.length - 1]!) : '—';
}
