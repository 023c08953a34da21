import { blankRow, cellsOf, section, type AwardGroup, type FormRow } from './model.ts';

/**
 * The rows forms 0602 and 0603 share, as found in both (see form-0602.ts for the source): the
 * recipients, then the basis of the award (phương thức khen thưởng). Mã số run on from `first`.
 */
export interface AwardColumn { unfilled?: boolean; test: (g: AwardGroup) => boolean }

const code = (n: number) => String(n).padStart(2, '0');

export function recipientRows(heading: string, groups: readonly AwardGroup[], columns: readonly AwardColumn[], first: number): FormRow[] {
  const row = (label: string, unit: string, style: FormRow['style'], test: (g: AwardGroup) => boolean, n: number): FormRow =>
    ({ label, code: code(n), unit, style, values: cellsOf(groups, test, columns) });
  const person = (g: AwardGroup) => !g.collective;
  return [
    section(heading),
    row('- Tập thể', 'Tập thể', 'item', (g) => g.collective, first),
    row('Trong đó: Doanh nghiệp', 'Doanh nghiệp', 'sub', (g) => g.collective && g.enterprise, first + 1),
    // awards name a person or an organisation: a household cannot be recorded as a recipient
    blankRow({ label: '- Hộ gia đình', code: code(first + 2), unit: 'Hộ', style: 'item' }, columns.length),
    row('- Cá nhân', 'Người', 'item', person, first + 3),
    row('+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên', 'Người', 'sub', (g) => person(g) && g.leader === 'province', first + 4),
    row('+ Lãnh đạo cấp vụ, sở, ngành và tương đương', 'Người', 'sub', (g) => person(g) && g.leader === 'department', first + 5),
    // nothing records that a person is a business owner
    blankRow({ label: '+ Doanh nhân', code: code(first + 6), unit: 'Người', style: 'sub' }, columns.length),
    row('+ Các cấp lãnh đạo khác từ phó phòng trở lên', 'Người', 'sub', (g) => person(g) && g.leader === 'other', first + 7),
    row('+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu (công nhân, nông dân, …)', 'Người', 'sub',
      (g) => person(g) && g.directWorker, first + 8),
  ];
}

/**
 * By basis: awards.basis knows merit (thường xuyên), thematic (chuyên đề), one-off (đột xuất) and
 * long service (cống hiến); foreign relations (đối ngoại), seniority (niên hạn) and resistance
 * (kháng chiến) awards are not told apart, so those rows are left to the officer.
 */
export function basisRows(heading: string, groups: readonly AwardGroup[], columns: readonly AwardColumn[], first: number): FormRow[] {
  const row = (label: string, test: (g: AwardGroup) => boolean, n: number): FormRow =>
    ({ label, code: code(n), unit: '', style: 'item', values: cellsOf(groups, test, columns) });
  const blank = (label: string, n: number) => blankRow({ label, code: code(n), unit: '', style: 'item' }, columns.length);
  return [
    section(heading),
    row('- Thường xuyên', (g) => g.basis === 'merit', first),
    row('- Chuyên đề', (g) => g.basis === 'thematic', first + 1),
    row('- Đột xuất', (g) => g.basis === 'one_off', first + 2),
    blank('- Đối ngoại', first + 3),
    row('- Cống hiến', (g) => g.basis === 'long_service', first + 4),
    blank('- Niên hạn', first + 5),
    blank('- Kháng chiến', first + 6),
  ];
}

