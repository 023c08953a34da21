import type { IsoDate } from '../../platform/vn/dates.ts';
import type { AwardBasis } from '../records/index.ts';

/**
 * The statutory annual statistical forms of emulation and commendation work (biểu mẫu báo cáo thống
 * kê ngành Nội vụ, lĩnh vực thi đua, khen thưởng: Circular 02/2023/TT-BNV of 23/3/2023, in force from
 * 10/5/2023), filled from the data. Pure rules and the description of a filled form; no I/O.
 *
 * What could be established about the forms, and from where, is written at the top of each form's
 * file (form-0601.ts … form-0605.ts). Common to all five, as found:
 *  - the header block "Biểu số: 06xx.N/BNV-TĐKT", "Ban hành theo Thông tư số 02/2023/TT-BNV ngày
 *    23/3/2023", "Ngày nhận báo cáo: Ngày 15 tháng 12 năm báo cáo", "Đơn vị báo cáo", "Đơn vị nhận
 *    báo cáo"; the title; "Năm …"; columns lettered A, B (Mã số), C (Đơn vị tính) then numbered 1, 2 …;
 *    the signature block "Người lập biểu (Ký, họ tên)" / "Thủ trưởng đơn vị (Ký, họ tên, đóng dấu)"
 *    (github.com/lifephongphanmem/thiduakhenthuong_php8, resources/views/BaoCao/TT022023/Mau0601–0605,
 *    a Vietnamese TĐKT product's rendering of the forms: a secondary source, not the Circular's text);
 *  - the reporting period of this field: from 1 December of the year before to 30 November of the
 *    reporting year (Sở Nội vụ Hưng Yên's summary of the Circular, sonv.hungyen.gov.vn/portal/pages/
 *    print.aspx?p=10987; the other fields count the calendar year). Not checked against the Circular.
 * Circular 18/2025/TT-BNV (8/10/2025) issues a new statistical regime for the Home Affairs sector; its
 * forms could not be read, so the 2023 layouts are used for every year.
 */
export const FORM_CODES = ['0601', '0602', '0603', '0604', '0605'] as const;
export type FormCode = (typeof FORM_CODES)[number];

export const FORM_TITLES: Record<FormCode, string> = {
  '0601': 'Số phong trào thi đua',
  '0602': 'Số lượng khen thưởng cấp Nhà nước',
  '0603': 'Số lượng khen thưởng cấp bộ, ban, ngành, đoàn thể Trung ương và tỉnh, thành phố trực thuộc Trung ương',
  '0604': 'Số lượng tổ chức làm công tác thi đua, khen thưởng',
  '0605': 'Số lượng công chức làm công tác thi đua, khen thưởng',
};

/** "0601.N/BNV-TĐKT": N for a yearly (năm) form of the Ministry of Home Affairs, TĐKT field. */
export const formNumber = (code: FormCode) => `${code}.N/BNV-TĐKT`;

export const CIRCULAR = 'Thông tư số 02/2023/TT-BNV ngày 23/3/2023';
/** The receiver of a province's (ministry's) forms; a unit inside reports to the level above it. */
export const MINISTRY_OF_HOME_AFFAIRS = 'Bộ Nội vụ';

/** Years a form may be asked for: the archive's records start in 1975 (records/model.ts). */
export const MIN_YEAR = 1975;
export const MAX_YEAR = 2100;

export interface ReportingPeriod { year: number; from: IsoDate; to: IsoDate; dueOn: IsoDate }

/** The TĐKT reporting year: 1/12 of the year before to 30/11; the forms are due on 15/12. */
export function reportingPeriod(year: number): ReportingPeriod {
  return { year, from: `${year - 1}-12-01`, to: `${year}-11-30`, dueOn: `${year}-12-15` };
}

/**
 * An award counts in the period of its decision date. An undated decision counts as of 31/12 of the
 * award's year (as awards/recipient.ts places its recipient), which falls in the next year's period.
 */
export const undatedAwardYear = (period: ReportingPeriod) => period.year - 1;

/**
 * Who receives a unit's forms: a province's (the tree's root) go to the Ministry of Home Affairs; a
 * unit inside sends them to the standing agency of the level above it, or to that level itself.
 */
export function receivingUnit(parent: { name: string; standingAgencyName: string | null } | null): string {
  if (!parent) return MINISTRY_OF_HOME_AFFAIRS;
  return parent.standingAgencyName ?? parent.name;
}

// ---------------------------------------------------------------------------------------------
// A filled form, as the renderer draws it

/** A column of the table's head: a leaf holds numbers; a group heads its children (merged cells). */
export interface HeaderNode {
  label: string;
  /** the printed column number ("1", "1=(2+3+4)"); a group's number covers all its leaves */
  number?: string;
  children?: HeaderNode[];
  /** the data cannot fill this column: printed blank and marked (*) for the officer to fill by hand */
  unfilled?: boolean;
}

export type RowStyle = 'total' | 'section' | 'item' | 'sub';

export interface FormRow {
  label: string;
  /** Mã số (column B); none on section headings */
  code: string | null;
  /** Đơn vị tính (column C), on forms that have it */
  unit?: string;
  style: RowStyle;
  /** one per leaf column; a null value is a cell the data cannot fill; no values on a section heading */
  values: (number | null)[] | null;
  /** the data cannot fill this row (printed blank and marked) */
  unfilled?: boolean;
}

export interface Supplement { title: string; lines: { label: string; value: number }[] }

export interface StatutoryForm {
  code: FormCode;
  title: string;
  /** "Đơn vị tính: Phong trào" above the table, where the form has it */
  measure: string | null;
  /** the lettered columns before the numbered ones: A (the row's name), B (Mã số), C (Đơn vị tính) */
  stubs: string[];
  columns: HeaderNode[];
  rows: FormRow[];
  /** footnotes printed under the table: how the figures were derived and what is left blank */
  notes: string[];
  /** figures the data gives that the form has no place for, printed apart from it */
  supplement: Supplement | null;
}

/** The marker on labels of what the officer fills by hand. */
export const UNFILLED_MARK = ' (*)';
export const UNFILLED_NOTE = '(*) Hệ thống chưa có dữ liệu để tính chỉ tiêu này: ô để trống (tô xám), đơn vị điền tay.';

export function leavesOf(nodes: readonly HeaderNode[]): HeaderNode[] {
  return nodes.flatMap((n) => (n.children?.length ? leavesOf(n.children) : [n]));
}

/** A row's cells from one test per leaf column: a column marked unfilled prints blank. */
export function cellsOf<G extends { n: number }>(groups: readonly G[], row: (g: G) => boolean,
  columns: readonly { unfilled?: boolean; test: (g: G) => boolean }[]): (number | null)[] {
  return columns.map((c) => (c.unfilled ? null : sum(groups, (g) => row(g) && c.test(g))));
}

function sum<G extends { n: number }>(groups: readonly G[], test: (g: G) => boolean): number {
  let total = 0;
  for (const g of groups) if (test(g)) total += g.n;
  return total;
}

/** A row the data cannot fill: every cell blank. */
export const blankRow = (row: Omit<FormRow, 'values' | 'unfilled'>, width: number): FormRow =>
  ({ ...row, label: row.label + UNFILLED_MARK, values: Array.from({ length: width }, () => null), unfilled: true });

export const section = (label: string): FormRow => ({ label, code: null, style: 'section', values: null });

// ---------------------------------------------------------------------------------------------
// What the forms are filled from (store.ts reads it, set-based)

/** The catalogue's award forms, as 0602 and 0603 choose their columns from it. */
export interface AwardFormInfo { code: string; name: string; recipient: 'individual' | 'collective' | 'both' | 'household' | 'community'; level: 'state' | 'government' | 'ministry' | 'province' | 'commune' | 'base' }

/**
 * The rank of a person's leader post, from the unit employing them at decision time (0602, 0603
 * rows "Lãnh đạo cấp bộ, cấp tỉnh … trở lên", "… cấp vụ, sở, ngành và tương đương", "Các cấp lãnh
 * đạo khác từ phó phòng trở lên"). Assumed, the data knowing only is_leader and the unit:
 *  - the tree's root (the provincial People's Committee, a ministry) or a central body: province level;
 *  - a body directly under a province (sở, ban, ngành, the provincial office) or a district People's
 *    Committee (whose chair ranks with a department's director): department level;
 *  - any other leader post (phòng, public service units, communes): other.
 */
export type LeaderRank = 'province' | 'department' | 'other';
export interface LeaderUnit { depth: number; level: string; kind: string }

export function leaderRank(unit: LeaderUnit | null): LeaderRank {
  if (!unit) return 'other';
  if (unit.depth === 0 || unit.level === 'central') return 'province';
  if ((unit.depth === 1 && unit.level === 'province') || (unit.level === 'district' && unit.kind === 'peoples_committee')) return 'department';
  return 'other';
}

/** Awards counted together: same form, same kind of recipient, same rank, same basis. */
export interface AwardGroup {
  awardForm: string;
  collective: boolean;
  /** a collective that is an enterprise (organisations.kind) */
  enterprise: boolean;
  /** an individual holding a leader's post at decision time, and its rank */
  leader: LeaderRank | null;
  /** an individual who is a direct worker (awards.recipient_direct_worker, 0013) */
  directWorker: boolean;
  basis: AwardBasis;
  n: number;
}
