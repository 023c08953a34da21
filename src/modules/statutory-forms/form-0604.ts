/**
 * Biểu số 0604.N/BNV-TĐKT — SỐ LƯỢNG TỔ CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH,
 * ĐOÀN THỂ TRUNG ƯƠNG, TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG (Circular 02/2023/TT-BNV).
 *
 * Layout as found in github.com/lifephongphanmem/thiduakhenthuong_php8,
 * resources/views/BaoCao/TT022023/Mau0604.blade.php (a TĐKT product's rendering; the Circular's own
 * text could not be read): columns A, B (Mã số), C (Đơn vị tính), 1 Số lượng; rows 01 Tổng số (Tổ
 * chức); "Chia theo cơ cấu tổ chức bộ máy": 02 Cấp Vụ thuộc bộ, ban, ngành, đoàn thể Trung ương (Vụ),
 * 03 Cấp phòng, ban hoặc bộ phận thuộc Vụ (Phòng), 04 Cấp ban thuộc Sở Nội vụ (Ban), 05 Cấp phòng
 * thuộc Sở Nội vụ (Phòng). The source has no signature block on this form; the common one is added.
 *
 * Derivation (the data knows no "TĐKT body" as such): the bodies are the standing agencies, i.e. the
 * organisations some organisation names as its standing_agency_id (Ban Thi đua – Khen thưởng, a
 * district's Phòng Nội vụ, a commune's Phòng Văn hóa – Xã hội), in the subtree and existing during
 * the reporting period. Assumed:
 *  - row 01 counts them all, at every level of the subtree;
 *  - their place in rows 02–05 is read from names (organisations.name_fold): a "Vụ …" (02), a
 *    "Phòng …" under a Vụ (03), a "Ban …" (04) or a "Phòng …" (05) directly under the "Sở Nội vụ";
 *    the other bodies (districts', communes', units') are in row 01 only;
 *  - the TĐKT councils in force during the period are not on the form as found: they are given
 *    apart, under the table, with the bodies by level.
 */
import type { Supplement, StatutoryForm } from './model.ts';

export type BodyClass = 'department_of_ministry' | 'office_of_department' | 'board_of_home_affairs' | 'office_of_home_affairs' | 'other';

/** Standing agencies counted together: their folded name, their parent's, their level. */
export interface BodyGroup { nameFold: string; parentNameFold: string | null; level: string; n: number }
export interface CouncilGroup { level: string; n: number }

const startsWith = (text: string | null, word: string) => text !== null && (text === word || text.startsWith(`${word} `));

export function bodyClass(body: Pick<BodyGroup, 'nameFold' | 'parentNameFold'>): BodyClass {
  if (startsWith(body.nameFold, 'vu')) return 'department_of_ministry';
  if (startsWith(body.parentNameFold, 'vu')) return 'office_of_department';
  if (startsWith(body.parentNameFold, 'so noi vu')) {
    if (startsWith(body.nameFold, 'ban')) return 'board_of_home_affairs';
    if (startsWith(body.nameFold, 'phong')) return 'office_of_home_affairs';
  }
  return 'other';
}

export const LEVEL_LABELS: Record<string, string> = { central: 'Trung ương', province: 'cấp tỉnh', district: 'cấp huyện', commune: 'cấp xã' };
export const LEVELS = ['central', 'province', 'district', 'commune'] as const;

export function form0604(bodies: readonly BodyGroup[], councils: readonly CouncilGroup[]): StatutoryForm {
  const count = (wanted: BodyClass) => bodies.filter((b) => bodyClass(b) === wanted).reduce((s, b) => s + b.n, 0);
  const total = bodies.reduce((s, b) => s + b.n, 0);
  const supplement: Supplement = {
    title: 'Thông tin bổ sung (không thuộc mẫu biểu, để đối chiếu)',
    lines: [
      ...LEVELS.filter((l) => bodies.some((b) => b.level === l)).map((l) => ({
        label: `Cơ quan thường trực làm công tác thi đua, khen thưởng ${LEVEL_LABELS[l]}`,
        value: bodies.filter((b) => b.level === l).reduce((s, b) => s + b.n, 0),
      })),
      { label: 'Hội đồng Thi đua - Khen thưởng hoạt động trong kỳ', value: councils.reduce((s, c) => s + c.n, 0) },
      ...LEVELS.filter((l) => councils.some((c) => c.level === l)).map((l) => ({
        label: `- Hội đồng ${LEVEL_LABELS[l]}`, value: councils.filter((c) => c.level === l).reduce((s, c) => s + c.n, 0),
      })),
    ],
  };
  return {
    code: '0604',
    title: 'SỐ LƯỢNG TỔ CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG, TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG',
    measure: null,
    stubs: ['', 'Mã số', 'Đơn vị tính'],
    columns: [{ label: 'Số lượng', number: '1' }],
    rows: [
      { label: 'Tổng số', code: '01', unit: 'Tổ chức', style: 'total', values: [total] },
      { label: 'Chia theo cơ cấu tổ chức bộ máy', code: null, style: 'section', values: null },
      { label: '- Cấp Vụ thuộc bộ, ban, ngành, đoàn thể Trung ương', code: '02', unit: 'Vụ', style: 'item', values: [count('department_of_ministry')] },
      { label: '- Cấp phòng, ban hoặc bộ phận thuộc Vụ', code: '03', unit: 'Phòng', style: 'item', values: [count('office_of_department')] },
      { label: '- Cấp ban thuộc Sở Nội vụ', code: '04', unit: 'Ban', style: 'item', values: [count('board_of_home_affairs')] },
      { label: '- Cấp phòng thuộc Sở Nội vụ', code: '05', unit: 'Phòng', style: 'item', values: [count('office_of_home_affairs')] },
    ],
    notes: [
      'Số liệu: các cơ quan thường trực làm công tác thi đua, khen thưởng (Ban Thi đua - Khen thưởng, Phòng Nội vụ, bộ phận được giao) '
        + 'thuộc đơn vị báo cáo, có hoạt động trong kỳ báo cáo. Mã số 01 gồm cả cơ quan thường trực cấp huyện, cấp xã và của các đơn vị.',
    ],
    supplement,
  };
}
