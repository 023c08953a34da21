import { defaultHolidays, holidayCalendar, type CalendarDay, type WorkingCalendar } from '../../platform/vn/holidays.ts';
import { isWorkingDay } from '../../platform/vn/working-days.ts';
import type { IsoDate } from '../../platform/vn/dates.ts';

/**
 * A tenant's working calendar (pure): the holidays computed for any year (platform/vn/holidays.ts), the
 * shared decisions the platform operator keeps on top of them, and the tenant's own days — a province's
 * decision on nghỉ bù, or a day its offices work. A later layer wins on the same day.
 */
export function tenantCalendar(shared: readonly CalendarDay[], own: readonly CalendarDay[]): WorkingCalendar {
  return holidayCalendar(shared, own);
}

/** What a day is in a calendar: off or worked. */
export function isDayOff(calendar: WorkingCalendar, d: IsoDate): boolean {
  return !isWorkingDay(d, calendar);
}

/**
 * Does marking `date` off (or worked) change anything for this calendar below the layer being edited?
 * A day off on a day that is already off, or a working day on a day already worked, is refused: the
 * administrator meant something else (a wrong date, most often).
 */
export function changesCalendar(below: WorkingCalendar, date: IsoDate, off: boolean): boolean {
  return isDayOff(below, date) !== off;
}

export interface YearView<D extends CalendarDay = CalendarDay> {
  year: number;
  defaults: { date: IsoDate; name: string }[];
  shared: D[];
  own: D[];
  /** the weekdays off and the weekend days worked in the year, as this tenant's calendar says */
  offWeekdays: IsoDate[];
  workedWeekends: IsoDate[];
}

export function yearView<D extends CalendarDay>(year: number, shared: readonly D[], own: readonly D[]): YearView<D> {
  const calendar = tenantCalendar(shared, own);
  const inYear = (d: CalendarDay) => d.date.startsWith(`${year}-`);
  const offWeekdays: IsoDate[] = [];
  const workedWeekends: IsoDate[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const weekend = [0, 6].includes(new Date(t).getUTCDay());
    if (weekend && calendar.isWorkedWeekend(date)) workedWeekends.push(date);
    if (!weekend && calendar.isHoliday(date)) offWeekdays.push(date);
  }
  return { year, defaults: defaultHolidays(year), shared: shared.filter(inYear), own: own.filter(inYear), offWeekdays, workedWeekends };
}
