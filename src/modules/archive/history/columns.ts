import type { ColumnSpec, MatchOptions } from '../../../platform/spreadsheets/columns.ts';

/**
 * The columns of a file of past award decisions, in the order of the template. Agencies have kept
 * these archives in Excel for years, each with its own headers, so a header is matched folded (case,
 * diacritics and tone-mark placement do not matter), without its explanation in brackets, and against
 * the variants officers commonly write ("Số QĐ", "Họ tên", "Đơn vị công tác"…); as in every import
 * (platform/spreadsheets/columns.ts), any other non-empty header is an error rather than a column dropped
 * silently, except an order number or a note column ("STT", "Ghi chú"), which every such list has.
 */
export type HistoryColumnKey =
  | 'number' | 'date' | 'authority' | 'form' | 'year' | 'name' | 'kind' | 'birthYear' | 'unit' | 'reason' | 'money';

/** variants: the other headers agencies use for the same column */
export type HistoryColumn = ColumnSpec<HistoryColumnKey> & { variants: readonly string[] };

export const HISTORY_COLUMNS: HistoryColumn[] = [
  { key: 'number', header: 'Số quyết định', width: 18, required: true, variants: ['Số QĐ', 'Số hiệu quyết định', 'Quyết định số', 'Số hiệu văn bản'] },
  { key: 'date', header: 'Ngày quyết định', width: 16, required: true, date: true, variants: ['Ngày QĐ', 'Ngày ký', 'Ngày ban hành', 'Ngày ký quyết định'] },
  { key: 'authority', header: 'Cơ quan quyết định', width: 30, variants: ['Cấp quyết định', 'Cơ quan ban hành', 'Người ký', 'Cấp khen', 'Thẩm quyền'] },
  { key: 'form', header: 'Hình thức khen thưởng', width: 36, required: true,
    variants: ['Hình thức', 'Danh hiệu', 'Danh hiệu, hình thức khen thưởng', 'Danh hiệu thi đua', 'Hình thức khen'] },
  { key: 'year', header: 'Năm thi đua (để trống: năm của quyết định)', width: 12, variants: ['Năm', 'Năm khen thưởng', 'Năm thành tích'] },
  { key: 'name', header: 'Họ và tên (cá nhân) hoặc tên tập thể', width: 32, required: true,
    variants: ['Họ và tên', 'Họ tên', 'Tên cá nhân, tập thể', 'Tên tập thể, cá nhân', 'Cá nhân, tập thể được khen', 'Người được khen', 'Tên'] },
  { key: 'kind', header: 'Cá nhân/Tập thể', width: 14, variants: ['Đối tượng', 'Loại đối tượng', 'Cá nhân hay tập thể', 'Tập thể/Cá nhân'] },
  { key: 'birthYear', header: 'Năm sinh', width: 10, variants: ['Sinh năm'] },
  { key: 'unit', header: 'Đơn vị (khi quyết định)', width: 36, variants: ['Đơn vị', 'Đơn vị công tác', 'Chức vụ, đơn vị', 'Cơ quan, đơn vị', 'Đơn vị công tác khi khen'] },
  { key: 'reason', header: 'Thành tích', width: 40, variants: ['Lý do', 'Nội dung', 'Thành tích khen thưởng', 'Nội dung thành tích', 'Đã có thành tích'] },
  { key: 'money', header: 'Số tiền (đồng)', width: 14, variants: ['Số tiền', 'Tiền thưởng', 'Mức thưởng', 'Tiền thưởng (đồng)', 'Mức tiền thưởng'] },
];

/**
 * How a file's headers are matched: the columns lists carry that say nothing about the award ("STT",
 * "Ghi chú") are passed over; only the required columns must be there, each at most once; a header may
 * carry its own explanation in brackets; an unknown header refuses the file.
 */
export const HISTORY_MATCH: MatchOptions = { ignore: ['STT', 'TT', 'Số TT', 'Số thứ tự', 'Ghi chú'], requiredOnly: true, shortFound: true };

/** The template's example row: a decision of a provincial People's Committee (read by the tests too). */
export const EXAMPLE_ROW = {
  number: '245/QĐ-UBND', date: '15/01/2022', authority: 'Chủ tịch UBND tỉnh', form: 'Bằng khen của Chủ tịch UBND tỉnh', year: 2021,
  name: 'Nguyễn Văn An', kind: 'Cá nhân', birthYear: 1980, unit: 'Sở Giáo dục và Đào tạo',
  reason: 'Đã có thành tích xuất sắc trong công tác năm 2021', money: 1_490_000,
} satisfies Record<HistoryColumnKey, string | number>;
