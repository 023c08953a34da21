import { describe, expect, it } from 'vitest';
import { addWorkingDays, isVietnamHoliday, isWorkingDay, lastWorkingDayOf } from './working-days.ts';

describe('working days', () => {
  it('skips the weekend: Friday plus one working day is Monday', () => {
    expect(addWorkingDays('2025-08-22', 1, new Set())).toBe('2025-08-25');
    expect(addWorkingDays('2026-11-21', 1, new Set())).toBe('2026-11-23'); // a Saturday start
    expect(addWorkingDays('2026-12-01', 0)).toBe('2026-12-01');
  });

  it('a list published on Tuesday 1/12/2026 for 10 working days stays up until Monday 14/12', () => {
    expect(lastWorkingDayOf('2026-12-01', 10)).toBe('2026-12-14');
    // published on a Saturday: counting starts on Monday
    expect(lastWorkingDayOf('2026-11-21', 1)).toBe('2026-11-23');
  });

  it('skips the fixed holidays: 30/4 and 1/5, 2/9 and (from 2025) 1/9, New Year', () => {
    // Tue 29/4/2025 + 1 → 30/4 and 1/5 are off (Friday 2/5 was swapped only by a decision: modules/calendar)
    expect(addWorkingDays('2025-04-29', 1)).toBe('2025-05-02');
    // Fri 29/8/2025 + 1 → Mon 1/9 and Tue 2/9 are off: Wednesday 3/9
    expect(addWorkingDays('2025-08-29', 1)).toBe('2025-09-03');
    expect(isVietnamHoliday('2026-09-01')).toBe(true);
    // before 2025 the second National Day day was chosen each year: a decision, not a default
    expect(isVietnamHoliday('2024-09-02')).toBe(true);
    expect(isVietnamHoliday('2024-09-01')).toBe(false);
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
  });

  it('skips lunar Tết and Hùng Kings\' day, computed from the lunar calendar', () => {
    // Fri 13/2/2026: Tết Bính Ngọ 16/2–20/2
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    // Fri 24/4/2026: Hùng Kings' day falls on Sunday 26/4, off on Monday 27/4; then 30/4 and 1/5
    expect(addWorkingDays('2026-04-24', 3)).toBe('2026-05-04');
    expect(isWorkingDay('2026-04-27')).toBe(false);
    // 2030: Tết Canh Tuất on Sunday 3/2 — a year no one typed in
    expect(isWorkingDay('2030-02-04')).toBe(false);
  });

  it('takes the holidays as a set or a rule, and refuses nonsense', () => {
    expect(addWorkingDays('2026-12-01', 2, new Set(['2026-12-02']))).toBe('2026-12-04');
    expect(addWorkingDays('2026-12-01', 2, (d) => d === '2026-12-03')).toBe('2026-12-04');
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-12-01', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-12-01', 1.5)).toThrow(RangeError);
  });
});
