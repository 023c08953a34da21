import { describe, expect, it } from 'vitest';
import { CalendarChinese } from 'date-chinese';
import { defaultHolidays, holidayCalendar, hungKingsDay, lunarNewYear, statutoryHolidays } from './holidays.ts';
import { addWorkingDays, isWorkingDay } from './working-days.ts';

describe('lunar holidays, computed for any year', () => {
  it('Tết Nguyên đán falls on the Vietnamese lunar new year', () => {
    expect(lunarNewYear(2024)).toBe('2024-02-10');
    expect(lunarNewYear(2025)).toBe('2025-01-29');
    expect(lunarNewYear(2026)).toBe('2026-02-17');
    expect(lunarNewYear(2027)).toBe('2027-02-06');
  });

  it('1985: Vietnam (UTC+7) celebrated Tết on 21/1, China (UTC+8) on 20/2', () => {
    expect(lunarNewYear(1985)).toBe('1985-01-21');
    const chinese = new CalendarChinese();
    chinese.fromJDE(chinese.newYear(1985));
    expect(chinese.toGregorian(1985)).toEqual({ year: 1985, month: 2, day: 20 });
  });

  it('Giỗ Tổ Hùng Vương is the 10th day of the 3rd lunar month', () => {
    expect(hungKingsDay(2024)).toBe('2024-04-18');
    expect(hungKingsDay(2025)).toBe('2025-04-07');
    expect(hungKingsDay(2026)).toBe('2026-04-26');
    expect(hungKingsDay(2027)).toBe('2027-04-16');
  });

  it('the 5 Tết days are the last day of the lunar year and the first four of the new one (art. 112)', () => {
    const tet2026 = statutoryHolidays(2026).filter((h) => h.name.startsWith('Tết Nguyên đán')).map((h) => h.date);
    expect(tet2026).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
  });

  it('a holiday on the weekend is taken on the next working day (art. 111(3)); 1/9 joins 2/9 from 2025', () => {
    const days = (year: number) => defaultHolidays(year).map((h) => h.date);
    // 2022: New Year on a Saturday → Monday 3/1; 30/4–1/5 on the weekend → 2/5 and 3/5
    expect(days(2022)).toEqual(expect.arrayContaining(['2022-01-03', '2022-05-02', '2022-05-03']));
    // 2026: Hùng Kings' day on Sunday 26/4 → Monday 27/4
    expect(days(2026)).toContain('2026-04-27');
    expect(days(2026)).toEqual(expect.arrayContaining(['2026-09-01', '2026-09-02']));
    expect(days(2024)).not.toContain('2024-09-01');
  });
});

describe('a working calendar: defaults, then the shared decisions, then the tenant\'s own days', () => {
  it('a later layer wins: a day off added, a make-up Saturday worked, a default day given back', () => {
    const shared = [{ date: '2025-01-27', off: true }, { date: '2025-02-03', off: false }, { date: '2025-04-26', off: false }];
    const tenant = [{ date: '2025-12-05', off: true, name: 'Nghỉ theo quyết định của tỉnh' }];
    const calendar = holidayCalendar(shared, tenant);
    expect(isWorkingDay('2025-01-27', calendar)).toBe(false);
    expect(isWorkingDay('2025-02-03', calendar)).toBe(true);
    expect(isWorkingDay('2025-04-26', calendar)).toBe(true); // a Saturday
    expect(isWorkingDay('2025-12-05', calendar)).toBe(false);
    // Fri 24/1/2025 + 1 working day: Tết Ất Tỵ 27/1–31/1 as decided, then Monday 3/2 (worked)
    expect(addWorkingDays('2025-01-24', 1, calendar)).toBe('2025-02-03');
    // without the decisions, the defaults alone close 28/1–31/1 and Monday 3/2 (nghỉ bù for Saturday 1/2)
    expect(addWorkingDays('2025-01-24', 1)).toBe('2025-01-27');
    expect(addWorkingDays('2025-01-27', 1)).toBe('2025-02-04');
  });
});
