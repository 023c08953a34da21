// date-chinese ships types (types/index.d.ts) that its package.json "exports" does not point to: the
// part of them holidays.ts uses, declared here.
declare module 'date-chinese' {
  export interface GregorianDate { year: number; month: number; day: number }
  export class CalendarVietnamese {
    constructor();
    /** [cycle, year, month, leap, day] */
    get(): [number, number, number, boolean, number];
    set(cycle: number, year: number, month: number, leap: number | boolean, day: number): this;
    fromJDE(jde: number): this;
    fromGregorian(year: number, month: number, day: number): this;
    toGregorian(gyear?: number): GregorianDate;
    /** the Julian ephemeris day of the lunar new year that begins in the Gregorian year */
    newYear(gyear: number): number;
  }
  export class CalendarChinese extends CalendarVietnamese {}
}
