import { addDays, isIsoDate, type IsoDate } from './dates.ts';
import { DEFAULT_CALENDAR, type WorkingCalendar } from './holidays.ts';

/**
 * Working days of Vietnam's public administration: Monday to Friday, except public holidays, plus the
 * weekend days a calendar says are worked (a make-up Saturday, ngày làm bù).
 *
 * The holidays are computed for any year (holidays.ts: Labour Code 2019 art. 111–112, the lunar dates
 * from the Vietnamese lunar calendar); what the Government or a province decided on top of them is data
 * (modules/calendar), passed in as a `WorkingCalendar`. Functions here stay pure: model.ts code takes
 * the tenant's calendar as an argument, the service reads it.
 */

/** Is the date a default public holiday or nghỉ bù in Vietnam (computed, without any decision on top)? */
export function isVietnamHoliday(d: IsoDate): boolean {
  return DEFAULT_CALENDAR.isHoliday(d);
}

/** 0 Sunday … 6 Saturday, of a calendar date (computed in UTC: no zone can shift it). */
export function weekday(d: IsoDate): number {
  return new Date(`${d}T00:00:00Z`).getUTCDay();
}

/** Holidays as a calendar (with its worked weekend days), a set of days off, or a rule. */
export type Holidays = WorkingCalendar | ReadonlySet<IsoDate> | ((d: IsoDate) => boolean);

export function isWorkingDay(d: IsoDate, holidays: Holidays = DEFAULT_CALENDAR): boolean {
  const w = weekday(d);
  if (typeof holidays === 'function') return w !== 0 && w !== 6 && !holidays(d);
  if ('isHoliday' in holidays) return w === 0 || w === 6 ? holidays.isWorkedWeekend(d) : !holidays.isHoliday(d);
  return w !== 0 && w !== 6 && !holidays.has(d);
}

/**
 * The date `n` working days after `start` (start itself not counted): Friday + 1 is Monday. n ≥ 0;
 * n = 0 gives `start`. Holidays default to Vietnam's computed ones (DEFAULT_CALENDAR).
 */
export function addWorkingDays(start: IsoDate, n: number, holidays: Holidays = DEFAULT_CALENDAR): IsoDate {
  if (!isIsoDate(start)) throw new RangeError(`addWorkingDays: not a date: ${JSON.stringify(start)}`);
  if (!Number.isInteger(n) || n < 0 || n > 3660) throw new RangeError(`addWorkingDays: n must be a whole number of days, got ${n}`);
  let d = start;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d, holidays)) left -= 1;
  }
  return d;
}

/**
 * The last day of a period of `n` working days that opens on `start`: the start counts when it is a
 * working day (a list published on Monday 1/12 for 10 working days stays up until Friday 12/12).
 */
export function lastWorkingDayOf(start: IsoDate, n: number, holidays: Holidays = DEFAULT_CALENDAR): IsoDate {
  if (n < 1) throw new RangeError('lastWorkingDayOf: a period has at least one working day');
  return addWorkingDays(addDays(start, -1), n, holidays);
}
