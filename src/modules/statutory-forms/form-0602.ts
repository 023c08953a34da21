/**
 * Biểu số 0602.N/BNV-TĐKT — SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC (Circular 02/2023/TT-BNV).
 *
 * Layout as found in github.com/lifephongphanmem/thiduakhenthuong and thiduakhenthuong_php8,
 * resources/views/BaoCao/TT022023/Mau0602.blade.php (a TĐKT product's rendering; the Circular's own
 * text could not be read): columns A, B (Mã số), C (Đơn vị tính), 1 Tổng số, then "Chia ra": 2 Các
 * loại huân chương, huy chương (mỗi hình thức khen thưởng ghi riêng một cột, each split Tập thể / Cá
 * nhân), 3 Giải thưởng Hồ Chí Minh (Cá nhân), 4 Giải thưởng Nhà nước (Cá nhân), 5 Danh hiệu vinh dự
 * nhà nước (each Tập thể / Cá nhân), 6 Cờ thi đua của Chính phủ (Tập thể), 7 Bằng khen của Thủ tướng
 * Chính phủ (Tập thể, Cá nhân), 8 Danh hiệu "Chiến sĩ thi đua toàn quốc" (Cá nhân), 9 Các hình thức
 * khen thưởng khác (each Tập thể / Cá nhân). Rows: 01 Tổng số; 1. by the body that submitted the
 * proposal to the Prime Minister (02 Bộ, ban, ngành, đoàn thể Trung ương; 03 Tỉnh, thành phố trực
 * thuộc Trung ương); 2. by recipient (06 Tập thể, 07 of which enterprises, 08 Hộ gia đình, 09 Cá
 * nhân, 10–14 leaders by rank, business people, direct workers); 3. by basis (15 Thường xuyên … 21
 * Kháng chiến). Mã số 04 and 05 do not appear in the source (it numbers 1, 2, 3, 6, 7 …): the numbers
 * are kept as found, two digits like the other forms; what 04–05 are could not be confirmed.
 *
 * Filled from awards of the catalogue's State (Chủ tịch nước) and Government (Thủ tướng) levels
 * decided in the reporting period, not revoked, whose recipient was in the subtree at decision time.
 * Assumed:
 *  - one award row (one recipient in one decision) counts one;
 *  - each order or medal of the catalogue gets its own pair of columns (the catalogue has the Labour
 *    Orders); Hồ Chí Minh and State prizes and State honorary titles have no form in the catalogue, so
 *    their columns are blank and marked; "other" forms are any other State or Government form;
 *  - rows 02/03: a province's awards were all proposed by the province (row 03), a ministry's by the
 *    ministry (row 02), whichever unit of it reports;
 *  - leaders by rank: see model.ts leaderRank; households and business people cannot be recorded.
 */
import { basisRows, recipientRows, type AwardColumn } from './award-rows.ts';
import { cellsOf, section, UNFILLED_MARK, UNFILLED_NOTE, type AwardFormInfo, type AwardGroup, type FormRow, type HeaderNode, type StatutoryForm } from './model.ts';

const MEDAL = /^(huan_chuong|huy_chuong)/;
const HONORARY = /^(anh_hung|ba_me_viet_nam_anh_hung|nha_giao_|thay_thuoc_|nghe_si_|nghe_nhan_)/;
const NAMED = ['giai_thuong_ho_chi_minh', 'giai_thuong_nha_nuoc', 'co_thi_dua_chinh_phu', 'bang_khen_thu_tuong', 'chien_si_thi_dua_toan_quoc'];

/** The catalogue's forms this form counts: everything conferred by the State President or the Prime Minister. */
export const stateLevelForms = (catalogue: readonly AwardFormInfo[]) =>
  catalogue.filter((f) => f.level === 'state' || f.level === 'government');

interface Built { header: HeaderNode; columns: AwardColumn[] }

const collective = (g: AwardGroup) => g.collective;
const individual = (g: AwardGroup) => !g.collective;
const KIND = { collective: 'Tập thể', individual: 'Cá nhân' } as const;

/** One award form's columns, split by recipient as the form splits it; unfilled when the catalogue lacks it. */
function formColumns(label: string, number: string | undefined, codes: readonly string[], split: readonly ('collective' | 'individual')[]): Built {
  const unfilled = codes.length === 0;
  const inForm = (g: AwardGroup) => codes.includes(g.awardForm);
  return {
    header: {
      label: unfilled ? label + UNFILLED_MARK : label, ...(number && { number }),
      children: split.map((k) => ({ label: KIND[k], ...(unfilled && { unfilled }) })),
    },
    columns: split.map((k) => ({ ...(unfilled && { unfilled }), test: (g: AwardGroup) => inForm(g) && (k === 'collective' ? collective(g) : individual(g)) })),
  };
}

/** "Mỗi hình thức khen thưởng ghi riêng một cột": a pair per form, or one blank pair when there is none. */
function eachForm(label: string, number: string, forms: readonly AwardFormInfo[]): Built {
  const built = forms.length ? forms.map((f) => formColumns(f.name, undefined, [f.code], ['collective', 'individual']))
    : [formColumns('…', undefined, [], ['collective', 'individual'])];
  return { header: { label, number, children: built.map((b) => b.header) }, columns: built.flatMap((b) => b.columns) };
}

export function form0602(catalogue: readonly AwardFormInfo[], groups: readonly AwardGroup[], tenantKind: 'province' | 'ministry'): StatutoryForm {
  const counted = stateLevelForms(catalogue);
  const has = (code: string) => (counted.some((f) => f.code === code) ? [code] : []);
  const parts: Built[] = [
    eachForm('Các loại huân chương, huy chương (Mỗi hình thức khen thưởng ghi riêng một cột)', '2',
      counted.filter((f) => f.level === 'state' && MEDAL.test(f.code))),
    formColumns('Giải thưởng Hồ Chí Minh', '3', has('giai_thuong_ho_chi_minh'), ['individual']),
    formColumns('Giải thưởng Nhà nước', '4', has('giai_thuong_nha_nuoc'), ['individual']),
    eachForm('Danh hiệu vinh dự nhà nước (Mỗi hình thức khen thưởng ghi riêng một cột)', '5',
      counted.filter((f) => f.level === 'state' && HONORARY.test(f.code))),
    formColumns('Cờ thi đua của Chính phủ', '6', has('co_thi_dua_chinh_phu'), ['collective']),
    formColumns('Bằng khen của Thủ tướng Chính phủ', '7', has('bang_khen_thu_tuong'), ['collective', 'individual']),
    formColumns('Danh hiệu "Chiến sĩ thi đua toàn quốc"', '8', has('chien_si_thi_dua_toan_quoc'), ['individual']),
    eachForm('Các hình thức khen thưởng khác (Mỗi hình thức khen thưởng ghi riêng một cột)', '9',
      counted.filter((f) => !NAMED.includes(f.code) && !(f.level === 'state' && (MEDAL.test(f.code) || HONORARY.test(f.code))))),
  ];
  const codes = counted.map((f) => f.code);
  const columns: AwardColumn[] = [{ test: (g) => codes.includes(g.awardForm) }, ...parts.flatMap((p) => p.columns)];
  const row = (label: string, code: string, unit: string, style: FormRow['style'], test: (g: AwardGroup) => boolean): FormRow =>
    ({ label, code, unit, style, values: cellsOf(groups, test, columns) });

  return {
    code: '0602',
    title: 'SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC',
    measure: null,
    stubs: ['', 'Mã số', 'Đơn vị tính'],
    columns: [
      { label: 'Tổng số', number: '1' },
      { label: 'Chia ra', children: parts.map((p) => p.header) },
    ],
    rows: [
      row('Tổng số', '01', '', 'total', () => true),
      section('1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng'),
      row('- Bộ, ban, ngành, đoàn thể Trung ương', '02', 'Bộ, ngành', 'item', () => tenantKind === 'ministry'),
      row('- Tỉnh, thành phố trực thuộc Trung ương', '03', 'Tỉnh, TP', 'item', () => tenantKind === 'province'),
      ...recipientRows('2. Chia theo đối tượng khen thưởng', groups, columns, 6),
      ...basisRows('3. Chia theo phương thức khen thưởng', groups, columns, 15),
    ],
    notes: [
      'Số liệu: khen thưởng cấp Nhà nước có quyết định trong kỳ báo cáo (theo ngày quyết định), của tập thể thuộc đơn vị báo cáo '
        + 'và cá nhân công tác tại đơn vị khi có quyết định; không tính khen thưởng đã bị thu hồi. Mỗi lượt khen thưởng (một tập thể, '
        + 'cá nhân trong một quyết định) tính là một.',
      'Lãnh đạo: cá nhân giữ chức vụ lãnh đạo khi có quyết định, xếp theo cấp của đơn vị công tác.',
      UNFILLED_NOTE,
    ],
    supplement: null,
  };
}
