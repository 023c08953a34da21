import { describe, expect, it } from 'vitest';
import { leaderRank, leavesOf, receivingUnit, reportingPeriod, type AwardGroup } from './model.ts';
import { form0601, lengthClass } from './form-0601.ts';
import { form0602 } from './form-0602.ts';
import { form0603 } from './form-0603.ts';
import { bodyClass } from './form-0604.ts';
import { form0605 } from './form-0605.ts';
import { readForm } from './read-form.testing.ts';
import { renderForm } from './xlsx.ts';

describe('the reporting year of TĐKT statistics', () => {
  it('runs from 1 December of the year before to 30 November, due on 15 December', () => {
    expect(reportingPeriod(2025)).toEqual({ year: 2025, from: '2024-12-01', to: '2025-11-30', dueOn: '2025-12-15' });
  });

  it('a province reports to the Ministry of Home Affairs; a unit to the standing agency above it, or to the level itself', () => {
    expect(receivingUnit(null)).toBe('Bộ Nội vụ');
    expect(receivingUnit({ name: 'Ủy ban nhân dân tỉnh Sơn Hà', standingAgencyName: 'Ban Thi đua – Khen thưởng' })).toBe('Ban Thi đua – Khen thưởng');
    expect(receivingUnit({ name: 'Sở Y tế', standingAgencyName: null })).toBe('Sở Y tế');
  });
});

describe('how the forms classify', () => {
  it('a movement of exactly one year is "1 năm"; a day more is "từ 1 năm đến dưới 3 năm"', () => {
    expect(lengthClass('2023-01-01', '2023-06-30')).toBe('under_one');
    expect(lengthClass('2023-01-01', '2023-12-31')).toBe('one');
    expect(lengthClass('2023-03-15', '2024-03-14')).toBe('one');
    expect(lengthClass('2023-01-01', '2024-01-01')).toBe('one_to_three');
    expect(lengthClass('2021-10-28', '2025-12-31')).toBe('three_to_five');
    expect(lengthClass('2019-01-01', '2025-12-31')).toBe('five_or_more');
  });

  it('a leader ranks by the unit employing them: the root, a department or a district committee, anything else', () => {
    expect(leaderRank({ depth: 0, level: 'province', kind: 'peoples_committee' })).toBe('province');
    expect(leaderRank({ depth: 1, level: 'province', kind: 'department' })).toBe('department');
    expect(leaderRank({ depth: 1, level: 'district', kind: 'peoples_committee' })).toBe('department');
    expect(leaderRank({ depth: 2, level: 'province', kind: 'sub_unit' })).toBe('other');
    expect(leaderRank({ depth: 2, level: 'commune', kind: 'peoples_committee' })).toBe('other');
  });

  it('a TĐKT body is placed by its name and its parent\'s', () => {
    expect(bodyClass({ nameFold: 'ban thi dua khen thuong', parentNameFold: 'so noi vu' })).toBe('board_of_home_affairs');
    expect(bodyClass({ nameFold: 'phong thi dua khen thuong', parentNameFold: 'so noi vu' })).toBe('office_of_home_affairs');
    expect(bodyClass({ nameFold: 'vu thi dua khen thuong', parentNameFold: 'bo y te' })).toBe('department_of_ministry');
    expect(bodyClass({ nameFold: 'phong noi vu huyen muong khoa', parentNameFold: 'uy ban nhan dan huyen muong khoa' })).toBe('other');
  });

  it('staff ages and years of TĐKT work fall in the form\'s bands; 10 years is "10 năm trở lên"', () => {
    const person = { female: false, ethnicMinority: false, leader: false, level: 'province', n: 1 };
    const form = form0605([
      { ...person, birthYear: 1995, seniorityDays: 3653 },
      { ...person, birthYear: 1994, seniorityDays: 1826 },
      { ...person, female: true, birthYear: null, seniorityDays: 1827 },
    ], 2025);
    const value = (code: string) => form.rows.find((r) => r.code === code)!.values;
    expect(value('01')).toEqual([3, 1]);
    expect(value('02')).toEqual([1, 0]);
    expect(value('03')).toEqual([1, 0]);
    expect(value('08')).toEqual([null, null]);
    expect(value('13')).toEqual([1, 0]);
    expect(value('14')).toEqual([1, 1]);
    expect(value('15')).toEqual([1, 0]);
  });
});

describe('columns the catalogue cannot fill', () => {
  const group: AwardGroup = { awardForm: 'bang_khen_tinh', collective: false, enterprise: false, leader: null, directWorker: true, basis: 'merit', n: 2 };

  it('0603 without a commemorative medal in the catalogue prints column 5 blank and marked', () => {
    const form = form0603([{ code: 'bang_khen_tinh', name: 'Bằng khen của Chủ tịch UBND tỉnh', recipient: 'both', level: 'province' }], [group]);
    const [, , , , medal] = leavesOf(form.columns);
    expect(medal!.unfilled).toBe(true);
    expect(medal!.label).toMatch(/\(\*\)$/);
    expect(form.rows.find((r) => r.code === '01')!.values).toEqual([2, 2, null, null, null]);
  });

  it('0602 with no State award in the catalogue keeps one blank pair per group', () => {
    const form = form0602([], [], 'province');
    expect(leavesOf(form.columns).filter((l) => l.unfilled)).toHaveLength(leavesOf(form.columns).length - 1);
  });
});

describe('the rendered workbook', () => {
  it('merges a group over its leaves and numbers the group once', async () => {
    const form = form0601([{ byRoot: true, kind: 'regular', periodStart: '2024-01-01', periodEnd: '2024-12-31', n: 4 }]);
    const read = await readForm(await renderForm(form, { reportingUnit: 'Ủy ban nhân dân tỉnh Sơn Hà', receivingUnit: 'Bộ Nội vụ', period: reportingPeriod(2024) }));
    const [total, national, byRoot, other] = read.dataColumns;
    expect(read.headerChain(byRoot!)).toEqual(['Số phong trào thi đua chia theo cấp chủ trì phát động thi đua',
      'Cấp bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương']);
    expect([total, national, byRoot, other].map((c) => read.text(read.numbersRow, c!))).toEqual(['1=(2+3+4)', '2', '3', '4']);
    expect(read.value('01', total!)).toBe(4);
    expect(read.value('07', byRoot!)).toBe(4);
    expect(read.value('02', total!)).toBeNull();
    expect(read.isGrey('02', total!)).toBe(true);
    expect(read.value('12', other!)).toBe(0);
  });
});
