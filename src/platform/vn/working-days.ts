import { addDays, isIsoDate, type IsoDate } from './dates.ts';

/**
 * Working days of Vietnam's public administration: Monday to Friday, except public holidays.
 *
 * Fixed holidays (Labour Code 2019 art. 112, as amended in 2025): 1/1 (New Year), 30/4 (Reunification),
 * 1/5 (Labour Day), 2/9 and, from 2025, 1/9 (National Day). Before 2025 the second National Day day was
 * "the day before or after 2/9", chosen each year: it is in the dated list below.
 *
 * Lunar Tết and Hùng Kings' day move with the lunar calendar, and the Government shifts days off around
 * them and around weekend holidays (nghỉ bù). The list below gives the weekdays civil servants were off
 * for those reasons in 2022–2026, taken from the Prime Minister's / Ministry of Labour's yearly notices
 * of holiday schedules (thông báo lịch nghỉ Tết, nghỉ lễ cho cán bộ, công chức, viên chức) as reported in
 * the press; 2027's are an estimate (the notice is not out yet: Tết Đinh Mùi falls on 6/2/2027, Hùng
 * Kings' day on 16/4/2027). Make-up working Saturdays (ngày làm bù) are ignored: a period that crosses
 * one is at most a day longer. Because this list can be wrong or late, the standing officer may always
 * set a later end date for a consultation than the computed one (consultation/service.ts).
 */
const DATED_HOLIDAYS: readonly IsoDate[] = [
  // 2022: New Year on a Saturday (off Mon 3/1); Tết Nhâm Dần 31/1–4/2; Hùng Kings 10/4 (Sun, off Mon 11/4);
  // 30/4–1/5 on a weekend (off 2/5, 3/5); National Day 1/9–2/9
  '2022-01-03', '2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04', '2022-04-11', '2022-05-02', '2022-05-03',
  '2022-09-01',
  // 2023: New Year on a Sunday (off Mon 2/1); Tết Quý Mão 20/1–26/1; Hùng Kings 29/4 (Sat) with 30/4 and 1/5:
  // off 2/5, 3/5; National Day 2/9 on a Saturday: off 1/9 and 4/9
  '2023-01-02', '2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26', '2023-05-02', '2023-05-03',
  '2023-09-01', '2023-09-04',
  // 2024: Tết Giáp Thìn 8/2–14/2; Hùng Kings 18/4; 29/4 swapped off; National Day 2/9–3/9
  '2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14', '2024-04-18', '2024-04-29', '2024-09-03',
  // 2025: Tết Ất Tỵ 27/1–31/1; Hùng Kings 7/4; 2/5 swapped off
  '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-04-07', '2025-05-02',
  // 2026: Tết Bính Ngọ 16/2–20/2; Hùng Kings 26/4 on a Sunday (off Mon 27/4)
  '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-27',
  // 2027 (estimate): Tết Đinh Mùi — 5/2 and 8/2–10/2; Hùng Kings 16/4
  '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-04-16',
];
const DATED = new Set(DATED_HOLIDAYS);

/** Is the date a public holiday in Vietnam (fixed or in the dated list)? */
export function isVietnamHoliday(d: IsoDate): boolean {
  const md = d.slice(5);
  if (md === '01-01' || md === '04-30' || md === '05-01' || md === '09-02') return true;
  if (md === '09-01' && d >= '2025-01-01') return true;
  return DATED.has(d);
}

/** 0 Sunday … 6 Saturday, of a calendar date (computed in UTC: no zone can shift it). */
export function weekday(d: IsoDate): number {
  return new Date(`${d}T00:00:00Z`).getUTCDay();
}

export type Holidays = ReadonlySet<IsoDate> | ((d: IsoDate) => boolean);

export function isWorkingDay(d: IsoDate, holidays: Holidays = isVietnamHoliday): boolean {
  const w = weekday(d);
  if (w === 0 || w === 6) return false;
  return typeof holidays === 'function' ? !holidays(d) : !holidays.has(d);
}

/**
 * The date `n` working days after `start` (start itself not counted): Friday + 1 is Monday. n ≥ 0;
 * n = 0 gives `start`. Holidays default to Vietnam's (isVietnamHoliday).
 */
export function addWorkingDays(start: IsoDate, n: number, holidays: Holidays = isVietnamHoliday): IsoDate {
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
export function lastWorkingDayOf(start: IsoDate, n: number, holidays: Holidays = isVietnamHoliday): IsoDate {
  if (n < 1) throw new RangeError('lastWorkingDayOf: a period has at least one working day');
  return addWorkingDays(addDays(start, -1), n, holidays);
}
