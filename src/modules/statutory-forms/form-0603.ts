/**
 * Biểu số 0603.N/BNV-TĐKT — SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH,
 * THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG (Circular 02/2023/TT-BNV).
 *
 * Layout as found in github.com/lifephongphanmem/thiduakhenthuong and thiduakhenthuong_php8,
 * resources/views/BaoCao/TT022023/Mau0603.blade.php (a TĐKT product's rendering; the Circular's own
 * text could not be read): columns A, B (Mã số), C (Đơn vị tính), 1 Tổng số, then "Chia ra": 2 Bằng
 * khen, 3 Chiến sĩ thi đua cấp bộ, cấp tỉnh, 4 Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương,
 * tỉnh, thành phố trực thuộc Trung ương, 5 Huy hiệu (kỷ niệm chương) of the same. Rows 01 Tổng số;
 * 02–10 by recipient and 11–17 by basis, as in 0602 (award-rows.ts). The source numbers the two
 * sections "1." and "3."; here they are "1." and "2." (taken for a slip of the source).
 *
 * Filled from awards of the catalogue's province level decided in the reporting period, not revoked,
 * whose recipient was in the subtree at decision time. Assumed:
 *  - column 2 = the provincial Bằng khen (bang_khen_*), 3 = Chiến sĩ thi đua cấp tỉnh, 4 = the
 *    provincial Cờ thi đua; the catalogue has no commemorative medal (kỷ niệm chương, huy hiệu), so
 *    column 5 is blank and marked; column 1 is the sum of columns 2–5;
 *  - "Tập thể lao động xuất sắc", also conferred by the provincial chairman, has no column on the
 *    form as found and is not counted.
 */
import { basisRows, recipientRows, type AwardColumn } from './award-rows.ts';
import { cellsOf, UNFILLED_MARK, UNFILLED_NOTE, type AwardFormInfo, type AwardGroup, type FormRow, type HeaderNode, type StatutoryForm } from './model.ts';

const COLUMNS: { label: string; number: string; pattern: RegExp }[] = [
  { label: 'Bằng khen', number: '2', pattern: /^bang_khen/ },
  { label: 'Chiến sĩ thi đua cấp bộ, cấp tỉnh', number: '3', pattern: /^chien_si_thi_dua/ },
  { label: 'Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương', number: '4', pattern: /^co_thi_dua/ },
  { label: 'Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương', number: '5', pattern: /^(ky_niem_chuong|huy_hieu)/ },
];

/** The catalogue's province-level forms in each column of the form (an empty list: the column is blank). */
export function provinceLevelColumns(catalogue: readonly AwardFormInfo[]) {
  const province = catalogue.filter((f) => f.level === 'province');
  return COLUMNS.map((c) => ({ ...c, codes: province.filter((f) => c.pattern.test(f.code)).map((f) => f.code) }));
}

export function form0603(catalogue: readonly AwardFormInfo[], groups: readonly AwardGroup[]): StatutoryForm {
  const parts = provinceLevelColumns(catalogue);
  const counted = parts.flatMap((p) => p.codes);
  const columns: AwardColumn[] = [
    { test: (g) => counted.includes(g.awardForm) },
    ...parts.map((p) => ({ ...(p.codes.length === 0 && { unfilled: true }), test: (g: AwardGroup) => p.codes.includes(g.awardForm) })),
  ];
  const headers: HeaderNode[] = parts.map((p) => (p.codes.length
    ? { label: p.label, number: p.number } : { label: p.label + UNFILLED_MARK, number: p.number, unfilled: true }));
  const row = (label: string, code: string, style: FormRow['style'], test: (g: AwardGroup) => boolean): FormRow =>
    ({ label, code, unit: '', style, values: cellsOf(groups, test, columns) });

  return {
    code: '0603',
    title: 'SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG',
    measure: null,
    stubs: ['', 'Mã số', 'Đơn vị tính'],
    columns: [{ label: 'Tổng số', number: '1' }, { label: 'Chia ra', children: headers }],
    rows: [
      row('Tổng số', '01', 'total', () => true),
      ...recipientRows('1. Chia theo đối tượng khen thưởng', groups, columns, 2),
      ...basisRows('2. Chia theo phương thức khen thưởng', groups, columns, 11),
    ],
    notes: [
      'Số liệu: Bằng khen, Chiến sĩ thi đua, Cờ thi đua cấp tỉnh có quyết định trong kỳ báo cáo (theo ngày quyết định), của tập thể thuộc '
        + 'đơn vị báo cáo và cá nhân công tác tại đơn vị khi có quyết định; không tính khen thưởng đã bị thu hồi. Danh hiệu "Tập thể lao động '
        + 'xuất sắc" không có cột trong biểu nên không tính.',
      'Lãnh đạo: cá nhân giữ chức vụ lãnh đạo khi có quyết định, xếp theo cấp của đơn vị công tác.',
      UNFILLED_NOTE,
    ],
    supplement: null,
  };
}
