/**
 * Biểu số 0601.N/BNV-TĐKT — SỐ PHONG TRÀO THI ĐUA (Circular 02/2023/TT-BNV).
 *
 * Layout as found in github.com/lifephongphanmem/thiduakhenthuong (and _php8),
 * resources/views/BaoCao/TT022023/Mau0601.blade.php, a TĐKT product's rendering of the form (the
 * Circular's own text could not be read): "Đơn vị tính: Phong trào"; columns A (the row), B (Mã số),
 * 1 = (2+3+4) Tổng số, then "Số phong trào thi đua chia theo cấp chủ trì phát động thi đua": 2 Cấp
 * Trung ương (Hội đồng Thi đua – Khen thưởng Trung ương), 3 Cấp bộ, ban, ngành, đoàn thể Trung ương,
 * tỉnh, thành phố trực thuộc Trung ương, 4 Cơ quan, tổ chức, đơn vị; rows 01 Tổng số; 1. by scope
 * (02 Toàn quốc, 03 Bộ, ban, ngành, đoàn thể, địa phương, 04 Cụm, khối thi đua do Hội đồng Thi đua –
 * Khen thưởng các cấp tổ chức, 05 Cơ quan, tổ chức, đơn vị); 2. by length (06 under 1 year, 07 1 year,
 * 08 1 to under 3, 09 3 to under 5, 10 5 years or more); 3. by method (11 chuyên đề, 12 thường xuyên
 * hàng năm). The labels and numbers are the source's; the wording of the Circular is not confirmed.
 *
 * Filled from movements issued (status issued or closed) in the reporting period by an organisation
 * in the reporting unit's subtree. Assumed:
 *  - launched by the tree's root (the province, the ministry) → column 3 and row 03; by any other
 *    organisation (departments, districts, communes, units) → column 4 and row 05;
 *  - column 2 and row 02 (national movements) and row 04 (clusters' and blocks' movements) cannot be
 *    told from the data (a movement does not record a cluster, and national plans are not stored):
 *    blank, marked;
 *  - length = the movement's period (period_start to period_end, both inclusive): "1 năm" is exactly
 *    one year, "từ 1 năm đến dưới 3 năm" longer than one year and shorter than three;
 *  - a regular movement (kind regular) is "thường xuyên hàng năm"; every other kind (multi-year,
 *    campaign, special) is "chuyên đề" (the 2022 Law knows these two ways of organising emulation;
 *    the article number was not checked).
 */
import { addDays, type IsoDate } from '../../platform/vn/dates.ts';
import { blankRow, cellsOf, section, UNFILLED_MARK, UNFILLED_NOTE, type FormRow, type StatutoryForm } from './model.ts';

export type MovementKind = 'regular' | 'multi_year' | 'campaign' | 'special';

/** Movements counted together: who launched them, their kind and their period. */
export interface MovementGroup { byRoot: boolean; kind: MovementKind; periodStart: IsoDate; periodEnd: IsoDate; n: number }

export type LengthClass = 'under_one' | 'one' | 'one_to_three' | 'three_to_five' | 'five_or_more';

const plusYears = (d: IsoDate, years: number) => `${Number(d.slice(0, 4)) + years}${d.slice(4)}`;

/** How long a movement runs: its end (the day after its last day) against its start plus whole years. */
export function lengthClass(start: IsoDate, end: IsoDate): LengthClass {
  // ISO dates compare as strings; 29/2 plus a year sorts between 28/2 and 1/3, which is what is meant
  const after = addDays(end, 1);
  if (after < plusYears(start, 1)) return 'under_one';
  if (after === plusYears(start, 1)) return 'one';
  if (after < plusYears(start, 3)) return 'one_to_three';
  if (after < plusYears(start, 5)) return 'three_to_five';
  return 'five_or_more';
}

export function form0601(groups: readonly MovementGroup[]): StatutoryForm {
  const columns = [
    { test: () => true },
    { unfilled: true, test: () => false },
    { test: (g: MovementGroup) => g.byRoot },
    { test: (g: MovementGroup) => !g.byRoot },
  ];
  const width = columns.length;
  const row = (label: string, code: string, style: FormRow['style'], test: (g: MovementGroup) => boolean): FormRow =>
    ({ label, code, style, values: cellsOf(groups, test, columns) });
  const length = (label: string, code: string, wanted: LengthClass) =>
    row(label, code, 'item', (g) => lengthClass(g.periodStart, g.periodEnd) === wanted);

  return {
    code: '0601',
    title: 'SỐ PHONG TRÀO THI ĐUA',
    measure: 'Đơn vị tính: Phong trào',
    stubs: ['', 'Mã số'],
    columns: [
      { label: 'Tổng số', number: '1=(2+3+4)' },
      {
        label: 'Số phong trào thi đua chia theo cấp chủ trì phát động thi đua',
        children: [
          { label: `Cấp Trung ương (Hội đồng Thi đua - Khen thưởng Trung ương)${UNFILLED_MARK}`, number: '2', unfilled: true },
          { label: 'Cấp bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương', number: '3' },
          { label: 'Cơ quan, tổ chức, đơn vị', number: '4' },
        ],
      },
    ],
    rows: [
      row('Tổng số', '01', 'total', () => true),
      section('1. Chia theo phạm vi tổ chức thi đua'),
      blankRow({ label: '- Toàn quốc', code: '02', style: 'item' }, width),
      row('- Bộ, ban, ngành, đoàn thể, địa phương', '03', 'item', (g) => g.byRoot),
      blankRow({ label: '- Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp tổ chức', code: '04', style: 'item' }, width),
      row('- Cơ quan, tổ chức, đơn vị', '05', 'item', (g) => !g.byRoot),
      section('2. Chia theo thời hạn thi đua'),
      length('- Dưới 1 năm', '06', 'under_one'),
      length('- 1 năm', '07', 'one'),
      length('- Từ 1 năm đến dưới 3 năm', '08', 'one_to_three'),
      length('- Từ 3 năm đến dưới 5 năm', '09', 'three_to_five'),
      length('- Từ 5 năm trở lên', '10', 'five_or_more'),
      section('3. Chia theo phương thức tổ chức phong trào thi đua'),
      row('- Thi đua theo chuyên đề', '11', 'item', (g) => g.kind !== 'regular'),
      row('- Thi đua thường xuyên hàng năm', '12', 'item', (g) => g.kind === 'regular'),
    ],
    notes: [
      'Số liệu: các phong trào, kế hoạch thi đua đã ban hành trong kỳ báo cáo (theo ngày ban hành) của đơn vị báo cáo và các đơn vị trực thuộc; '
        + 'cột 3 và mã số 03: phong trào do cấp tỉnh (bộ) phát động; cột 4 và mã số 05: do cơ quan, đơn vị trực thuộc phát động.',
      'Thời hạn thi đua tính từ ngày bắt đầu đến ngày kết thúc phong trào; "1 năm" là đúng một năm.',
      UNFILLED_NOTE,
    ],
    supplement: null,
  };
}
