/**
 * Biểu số 0605.N/BNV-TĐKT — SỐ LƯỢNG CÔNG CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH,
 * ĐOÀN THỂ TRUNG ƯƠNG, TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG (Circular 02/2023/TT-BNV).
 *
 * Layout as found in github.com/lifephongphanmem/thiduakhenthuong_php8,
 * resources/views/BaoCao/TT022023/Mau0605.blade.php (a TĐKT product's rendering; the Circular's own
 * text could not be read): columns A, B (Mã số), then "Số lượng (Người)": 1 Tổng số, 2 Trong đó: Nữ;
 * rows 01 Tổng số; 1. by age (02 30 and under, 03 31–40, 04 41–50, 05 51–55, 06 56–60, 07 over 60);
 * 2. by training (08 Sơ cấp, 09 Trung cấp, 10 Cao đẳng, 11 Đại học, 12 Trên đại học); 3. by years of
 * TĐKT work (13 under 5, 14 5 to 10, 15 10 and more; the source numbers the last one 14 again, taken
 * for a slip). The source has no "Đơn vị nhận báo cáo" or signature block here; the common ones are
 * added.
 *
 * Derivation: the staff are the people with an employment, overlapping the reporting period, in a
 * standing agency of the subtree (the bodies of form 0604). Everyone so employed is counted: whether
 * they are civil servants is not recorded. Assumed:
 *  - age = the reporting year minus the year of birth; people without one are in no age row (their
 *    number is given under the table);
 *  - years of TĐKT work = the days of all their employments in any standing agency of the tenant, up
 *    to the period's end, over 365.25; 10 years counts as "10 năm trở lên";
 *  - training (rows 08–12) is not recorded: blank and marked;
 *  - ethnic minorities, leaders and the bodies' levels are not on the form as found: given apart,
 *    under the table (a leader: the person's latest employment in the period is a leader's post).
 */
import { blankRow, cellsOf, section, UNFILLED_NOTE, type FormRow, type StatutoryForm } from './model.ts';
import { LEVEL_LABELS, LEVELS } from './form-0604.ts';

/** Staff counted together. */
export interface StaffGroup {
  female: boolean;
  ethnicMinority: boolean;
  leader: boolean;
  /** the level of the body of their latest employment in the period */
  level: string;
  birthYear: number | null;
  seniorityDays: number;
  n: number;
}

export const YEAR_DAYS = 365.25;

export function form0605(groups: readonly StaffGroup[], year: number): StatutoryForm {
  const columns = [{ test: () => true }, { test: (g: StaffGroup) => g.female }];
  const row = (label: string, code: string, style: FormRow['style'], test: (g: StaffGroup) => boolean): FormRow =>
    ({ label, code, style, values: cellsOf(groups, test, columns) });
  const age = (label: string, code: string, from: number, to: number) =>
    row(label, code, 'item', (g) => g.birthYear !== null && year - g.birthYear >= from && year - g.birthYear <= to);
  const years = (g: StaffGroup) => g.seniorityDays / YEAR_DAYS;
  const count = (test: (g: StaffGroup) => boolean) => groups.filter(test).reduce((s, g) => s + g.n, 0);

  return {
    code: '0605',
    title: 'SỐ LƯỢNG CÔNG CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG, TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG',
    measure: null,
    stubs: ['', 'Mã số'],
    columns: [{ label: 'Số lượng (Người)', children: [{ label: 'Tổng số', number: '1' }, { label: 'Trong đó: Nữ', number: '2' }] }],
    rows: [
      row('Tổng số', '01', 'total', () => true),
      section('1. Chia theo độ tuổi'),
      age('- Từ 30 trở xuống', '02', 0, 30),
      age('- Từ 31 đến 40', '03', 31, 40),
      age('- Từ 41 đến 50', '04', 41, 50),
      age('- Từ 51 đến 55', '05', 51, 55),
      age('- Từ 56 đến 60', '06', 56, 60),
      age('- Trên 60 tuổi', '07', 61, Number.POSITIVE_INFINITY),
      section('2. Chia theo trình độ đào tạo'),
      ...['- Sơ cấp', '- Trung cấp', '- Cao đẳng', '- Đại học', '- Trên đại học']
        .map((label, i) => blankRow({ label, code: String(8 + i).padStart(2, '0'), style: 'item' }, columns.length)),
      section('3. Chia theo thâm niên công tác trong lĩnh vực thi đua, khen thưởng'),
      row('- Dưới 5 năm', '13', 'item', (g) => years(g) < 5),
      row('- Từ 5 đến 10 năm', '14', 'item', (g) => years(g) >= 5 && years(g) < 10),
      row('- Từ 10 năm trở lên', '15', 'item', (g) => years(g) >= 10),
    ],
    notes: [
      'Số liệu: những người có quá trình công tác trong kỳ báo cáo tại cơ quan thường trực làm công tác thi đua, khen thưởng thuộc đơn vị '
        + `báo cáo (các cơ quan của biểu 0604). Tuổi = ${year} trừ năm sinh. Thâm niên = tổng thời gian công tác tại các cơ quan thường trực `
        + 'làm công tác thi đua, khen thưởng đến hết kỳ báo cáo.',
      UNFILLED_NOTE,
    ],
    supplement: {
      title: 'Thông tin bổ sung (không thuộc mẫu biểu, để đối chiếu)',
      lines: [
        { label: 'Người dân tộc thiểu số', value: count((g) => g.ethnicMinority) },
        { label: 'Giữ chức vụ lãnh đạo', value: count((g) => g.leader) },
        ...LEVELS.filter((l) => groups.some((g) => g.level === l))
          .map((l) => ({ label: `Công tác ở cơ quan ${LEVEL_LABELS[l]}`, value: count((g) => g.level === l) })),
        { label: 'Không rõ năm sinh (không có trong dòng theo độ tuổi)', value: count((g) => g.birthYear === null) },
      ],
    },
  };
}
