import { describe, expect, it } from 'vitest';
import { clockStartingAt, fixedClock, systemClock } from './clock.ts';
import {
  addDays,
  formatDate,
  formatLongDate,
  isIsoDate,
  isValidOn,
  parseDate,
  rangesOverlap,
  todayInVietnam,
} from './dates.ts';

describe('formatDate (dd/mm/yyyy)', () => {
  it.each([
    ['2019-09-17', '17/09/2019'],
    ['2020-01-05', '05/01/2020'],
    ['2024-02-29', '29/02/2024'],
    ['1975-04-30', '30/04/1975'],
    ['2026-12-31', '31/12/2026'],
  ])('%s → %s', (iso, expected) => {
    expect(formatDate(iso)).toBe(expected);
  });

  it.each(['2019-02-29', '17/09/2019', '2019-9-17', ''])('rejects %j', (bad) => {
    expect(() => formatDate(bad)).toThrow(RangeError);
  });
});

describe('formatLongDate (Decree 30/2020 date line)', () => {
  it.each([
    ['2019-09-17', 'ngày 17 tháng 9 năm 2019'],
    ['2020-01-05', 'ngày 05 tháng 01 năm 2020'],
    ['2020-02-17', 'ngày 17 tháng 02 năm 2020'],
    ['2020-03-09', 'ngày 09 tháng 3 năm 2020'],
    ['2020-10-01', 'ngày 01 tháng 10 năm 2020'],
    ['2020-11-10', 'ngày 10 tháng 11 năm 2020'],
    ['2020-12-31', 'ngày 31 tháng 12 năm 2020'],
  ])('days below 10 and months 1–2 get a leading zero: %s → %s', (iso, expected) => {
    expect(formatLongDate(iso)).toBe(expected);
  });

  it('place name goes in front: "An Biên, ngày …"', () => {
    expect(formatLongDate('2019-09-17', 'An Biên')).toBe('An Biên, ngày 17 tháng 9 năm 2019');
    expect(formatLongDate('2020-02-03', '  Rạch Giá ')).toBe('Rạch Giá, ngày 03 tháng 02 năm 2020');
  });

  it('an empty place means no prefix', () => {
    expect(formatLongDate('2019-09-17', '')).toBe('ngày 17 tháng 9 năm 2019');
    expect(formatLongDate('2019-09-17', '   ')).toBe('ngày 17 tháng 9 năm 2019');
  });
});

describe('parseDate', () => {
  it.each([
    ['17/09/2019', '2019-09-17'],
    ['5/1/2020', '2020-01-05'],
    ['2019-09-17', '2019-09-17'],
    [' 17/09/2019 ', '2019-09-17'],
    ['29/02/2024', '2024-02-29'], // leap year
    ['29/02/2000', '2000-02-29'], // divisible by 400: leap
    ['2024-02-29', '2024-02-29'],
    ['31/12/2026', '2026-12-31'],
  ])('accepts %j → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    ['31/02/2020', 'no 31 February'],
    ['29/02/2019', '29 February in a non-leap year'],
    ['29/02/1900', 'divisible by 100 but not 400: not leap'],
    ['2019-02-29', 'ISO form, non-leap year'],
    ['31/04/2020', 'April has 30 days'],
    ['00/01/2020', 'day 0'],
    ['01/13/2020', 'month 13'],
    ['2020-1-5', 'ISO needs two-digit month and day'],
    ['17-09-2019', 'dashes only in ISO order'],
    ['09/17/2019', 'US order is not accepted'],
    ['17/09/19', 'two-digit year'],
    ['', 'empty'],
    ['hôm nay', 'not a date'],
  ])('rejects %j (%s)', (input) => {
    expect(parseDate(input)).toBeNull();
  });
});

describe('isIsoDate', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('29/02/2024')).toBe(false);
  });
});

describe('todayInVietnam (Asia/Ho_Chi_Minh, UTC+7)', () => {
  it.each([
    ['2026-11-21T17:30:00Z', '2026-11-22'],
    ['2026-11-21T16:59:59Z', '2026-11-21'],
    ['2026-11-21T17:00:00Z', '2026-11-22'],
    ['2026-12-31T17:00:00Z', '2027-01-01'],
    ['2024-02-28T18:00:00Z', '2024-02-29'],
    ['2026-11-22T00:30:00+07:00', '2026-11-22'],
  ])('at %s it is %s in Vietnam', (instant, expected) => {
    expect(todayInVietnam(new Date(instant))).toBe(expected);
  });

  it('works with the injectable clock', () => {
    expect(todayInVietnam(fixedClock('2026-11-21T17:30:00Z').now())).toBe('2026-11-22');
    expect(isIsoDate(todayInVietnam(systemClock.now()))).toBe(true);
  });

  it('rejects an invalid Date', () => {
    expect(() => todayInVietnam(new Date('nope'))).toThrow(RangeError);
  });
});

describe('isValidOn (inclusive at both ends)', () => {
  const term = { validFrom: '2020-01-01', validTo: '2024-12-31' };
  const open = { validFrom: '2020-01-01', validTo: null };
  it.each([
    [term, '2019-12-31', false],
    [term, '2020-01-01', true],
    [term, '2022-06-15', true],
    [term, '2024-12-31', true],
    [term, '2025-01-01', false],
    [open, '2019-12-31', false],
    [open, '2020-01-01', true],
    [open, '2099-12-31', true],
  ])('%j on %s → %s', (range, d, expected) => {
    expect(isValidOn(range, d)).toBe(expected);
  });
});

describe('rangesOverlap (inclusive, null end = open-ended)', () => {
  it.each([
    [{ start: '2020-01-01', end: '2020-12-31' }, { start: '2020-12-31', end: '2021-12-31' }, true],
    [{ start: '2020-01-01', end: '2020-12-31' }, { start: '2021-01-01', end: '2021-12-31' }, false],
    [{ start: '2020-01-01', end: '2020-12-31' }, { start: '2020-03-01', end: '2020-04-01' }, true],
    [{ start: '2020-01-01', end: null }, { start: '2030-01-01', end: '2030-12-31' }, true],
    [{ start: '2020-01-01', end: null }, { start: '2010-01-01', end: '2019-12-31' }, false],
    [{ start: '2020-01-01', end: null }, { start: '2010-01-01', end: null }, true],
    [{ start: '2020-05-05', end: '2020-05-05' }, { start: '2020-05-05', end: '2020-05-05' }, true],
  ])('%j and %j → %s', (a, b, expected) => {
    expect(rangesOverlap(a, b)).toBe(expected);
    expect(rangesOverlap(b, a)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-02-29', 365, '2025-02-28'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2020-03-01', -1, '2020-02-29'],
    ['2019-09-17', 0, '2019-09-17'],
    ['1099-12-31', 1, '1100-01-01'],
  ])('%s + %i days = %s', (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
  });

  it('rejects a fractional number of days and an invalid date', () => {
    expect(() => addDays('2020-01-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('2020-02-30', 1)).toThrow(RangeError);
  });

  it('keeps to the years 1000–2999: a date outside them is not a date of this app', () => {
    expect(() => addDays('2999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0099-12-31', 1)).toThrow(RangeError);
    expect(parseDate('01/01/0000')).toBeNull();
    expect(parseDate('31/12/9999')).toBeNull();
  });
});

describe('fixedClock', () => {
  it('always returns the same instant, and callers cannot move it', () => {
    const clock = fixedClock('2026-11-21T17:30:00Z');
    clock.now().setFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-11-21T17:30:00.000Z');
  });

  it('rejects an unparseable instant', () => {
    expect(() => fixedClock('not a time')).toThrow(RangeError);
  });
});

describe('clockStartingAt', () => {
  it('starts at the given instant and runs with the real clock', () => {
    let real = new Date('2026-11-28T01:00:00Z').getTime();
    const clock = clockStartingAt('2022-05-16T02:00:00Z', { now: () => new Date(real) });
    expect(clock.now().toISOString()).toBe('2022-05-16T02:00:00.000Z');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2022-05-16T02:01:30.000Z');
    expect(() => clockStartingAt('hôm qua')).toThrow(RangeError);
  });
});
