import { CalendarVietnamese } from 'date-chinese';
import { addDays, type IsoDate } from './dates.ts';

/**
 * Vietnam's public holidays, computed for any year (pure: no I/O).
 *
 * Labour Code 2019 art. 112(1): Tết Dương lịch 1/1; Tết Âm lịch 5 days; Ngày Chiến thắng 30/4; Quốc tế
 * lao động 1/5; Quốc khánh 2 days (2/9 and one day before or after it); Giỗ Tổ Hùng Vương 10/3 lunar.
 * Art. 112(3): each year the Prime Minister decides which days the 5 Tết days and the second National
 * Day day are. The default here is the usual shape of those decisions — the last day of the lunar year
 * and the first four days of the new one — and, from 2025, 1/9 with 2/9 (the 2025 schedule; cần xác minh:
 * whether this is now fixed by law, docs/legal/README.md). Art. 111(3): a holiday that falls on the weekly
 * rest day is taken on the next working day (nghỉ bù).
 *
 * The lunar dates come from the `date-chinese` library's CalendarVietnamese: the Vietnamese lunar
 * calendar is computed for UTC+7 (since 1968), which puts some new years on another day than the
 * Chinese calendar (UTC+8) — Tết 1985 was on 21/1 in Vietnam and 20/2 in China.
 *
 * What the Government actually decided in a year (days swapped, a make-up Saturday) is data, kept by
 * the platform operator (holiday_days), and a tenant adds its own days off (tenant_holiday_days): see
 * `holidayCalendar` below and modules/calendar.
 */

export interface Holiday { date: IsoDate; name: string }

function gregorian(g: { year: number; month: number; day: number }): IsoDate {
  return `${String(g.year).padStart(4, '0')}-${String(g.month).padStart(2, '0')}-${String(g.day).padStart(2, '0')}`;
}

const lunarCache = new Map<number, { newYear: IsoDate; hungKings: IsoDate }>();

function lunarDays(year: number) {
  let days = lunarCache.get(year);
  if (!days) {
    const calendar = new CalendarVietnamese();
    calendar.fromJDE(calendar.newYear(year));
    const newYear = gregorian(calendar.toGregorian(year));
    const [cycle, lunarYear] = calendar.get();
    const hung = new CalendarVietnamese();
    hung.set(cycle, lunarYear, 3, false, 10); // the 3rd month itself, not a leap 3rd month
    days = { newYear, hungKings: gregorian(hung.toGregorian(year)) };
    lunarCache.set(year, days);
  }
  return days;
}

/** Mùng 1 Tết (the first day of the lunar year that begins in this Gregorian year), in Vietnam's calendar. */
export function lunarNewYear(year: number): IsoDate {
  return lunarDays(year).newYear;
}

/** Giỗ Tổ Hùng Vương: the 10th day of the 3rd lunar month of the lunar year that begins in this year. */
export function hungKingsDay(year: number): IsoDate {
  return lunarDays(year).hungKings;
}

/** The holidays of art. 112(1) in a year, before any nghỉ bù. */
export function statutoryHolidays(year: number): Holiday[] {
  const y = String(year).padStart(4, '0');
  const tet = lunarNewYear(year);
  const days: Holiday[] = [
    { date: `${y}-01-01`, name: 'Tết Dương lịch' },
    { date: addDays(tet, -1), name: 'Tết Nguyên đán (ngày cuối năm)' },
    ...[0, 1, 2, 3].map((i) => ({ date: addDays(tet, i), name: `Tết Nguyên đán (mùng ${i + 1})` })),
    { date: hungKingsDay(year), name: 'Giỗ Tổ Hùng Vương' },
    { date: `${y}-04-30`, name: 'Ngày Chiến thắng' },
    { date: `${y}-05-01`, name: 'Ngày Quốc tế lao động' },
    { date: `${y}-09-02`, name: 'Quốc khánh' },
  ];
  if (year >= 2025) days.push({ date: `${y}-09-01`, name: 'Quốc khánh (ngày liền kề)' });
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

function isWeekend(d: IsoDate): boolean {
  const w = new Date(`${d}T00:00:00Z`).getUTCDay();
  return w === 0 || w === 6;
}

const defaultsCache = new Map<number, Holiday[]>();

/**
 * The days off of a year by default: the statutory holidays, and for each that falls on a Saturday or
 * Sunday the next weekday that is not already off (art. 111(3)). A Tết at year's end can push a nghỉ
 * bù into January: each year is computed with its neighbour's holidays in view.
 */
export function defaultHolidays(year: number): Holiday[] {
  let days = defaultsCache.get(year);
  if (days) return days;
  const statutory = [...statutoryHolidays(year - 1), ...statutoryHolidays(year)];
  const off = new Set(statutory.map((h) => h.date));
  const result: Holiday[] = [...statutory];
  for (const h of statutory) {
    if (!isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || off.has(d)) d = addDays(d, 1);
    off.add(d);
    result.push({ date: d, name: `Nghỉ bù ${h.name}` });
  }
  days = result.filter((h) => h.date.startsWith(String(year).padStart(4, '0'))).sort((a, b) => a.date.localeCompare(b.date));
  defaultsCache.set(year, days);
  return days;
}

/** A day a calendar layer changes: off (a holiday, a day off) or a working day (a make-up Saturday, a swapped day). */
export interface CalendarDay { date: IsoDate; off: boolean; name?: string }

/**
 * A working calendar: which days are off and which weekend days are worked. `holidayCalendar` builds
 * one from the computed defaults and the layers above them (the operator's, then the tenant's: a later
 * layer wins on the same day).
 */
export interface WorkingCalendar {
  /** the day is off although it is a weekday */
  isHoliday(d: IsoDate): boolean;
  /** the day is worked although it is a Saturday or Sunday */
  isWorkedWeekend(d: IsoDate): boolean;
}

export function holidayCalendar(...layers: ReadonlyArray<readonly CalendarDay[]>): WorkingCalendar {
  const overrides = new Map<IsoDate, boolean>();
  for (const layer of layers) for (const day of layer) overrides.set(day.date, day.off);
  const defaultOff = new Map<number, Set<IsoDate>>();
  const isDefault = (d: IsoDate) => {
    const year = Number(d.slice(0, 4));
    let set = defaultOff.get(year);
    if (!set) defaultOff.set(year, set = new Set(defaultHolidays(year).map((h) => h.date)));
    return set.has(d);
  };
  return {
    isHoliday: (d) => overrides.get(d) ?? isDefault(d),
    isWorkedWeekend: (d) => overrides.get(d) === false,
  };
}

/** Vietnam's calendar with nothing but the computed defaults. */
export const DEFAULT_CALENDAR: WorkingCalendar = holidayCalendar();
