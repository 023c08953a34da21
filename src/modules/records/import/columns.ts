import { matchColumns, type ColumnMatch, type ColumnSpec, type MatchOptions } from '../../../platform/spreadsheets/columns.ts';
import type { RecordKind } from '../model.ts';

/**
 * The columns of an import file, per record kind, in the order of the template. The headers are what
 * officers see in Excel; a file is read by header as every import reads it (platform/spreadsheets/columns.ts:
 * folded, and a header may be written without its explanation in brackets, "Hình thức").
 */
export type ColumnKey =
  | 'personCode' | 'unitCode' | 'year' | 'rating' | 'awardForm' | 'basis' | 'reason' | 'kind' | 'title' | 'level'
  | 'recognisedOn' | 'effect' | 'form' | 'startsOn' | 'endsOn' | 'number' | 'date' | 'issuer';

export type Column = ColumnSpec<ColumnKey>;

const subject: Column[] = [
  { key: 'personCode', header: 'Mã cán bộ', width: 14 },
  { key: 'unitCode', header: 'Mã đơn vị', width: 14 },
];
const year: Column = { key: 'year', header: 'Năm', width: 8, required: true };
const number: Column = { key: 'number', header: 'Số quyết định', width: 18 };
const date: Column = { key: 'date', header: 'Ngày quyết định', width: 16 };

export const COLUMNS: Record<RecordKind, Column[]> = {
  ratings: [...subject, year,
    { key: 'rating', header: 'Xếp loại', width: 32, required: true },
    number, date, { key: 'issuer', header: 'Cơ quan ban hành', width: 30 }],
  awards: [...subject, year,
    { key: 'awardForm', header: 'Hình thức (danh hiệu, khen thưởng)', width: 36, required: true },
    { key: 'basis', header: 'Loại khen thưởng (Công trạng/Theo đợt, chuyên đề/Đột xuất/Cống hiến)', width: 24 },
    { key: 'reason', header: 'Nội dung', width: 40 },
    number, date, { key: 'issuer', header: 'Cấp quyết định', width: 30 }],
  initiatives: [...subject, year,
    { key: 'kind', header: 'Loại (Sáng kiến/Đề tài, công trình khoa học)', width: 20 },
    { key: 'title', header: 'Tên sáng kiến', width: 48, required: true },
    { key: 'level', header: 'Cấp công nhận', width: 16, required: true },
    { key: 'recognisedOn', header: 'Ngày công nhận', width: 16 },
    { key: 'effect', header: 'Hiệu quả', width: 30 },
    number, date, { key: 'issuer', header: 'Cơ quan công nhận', width: 30 }],
  disciplines: [...subject,
    { key: 'form', header: 'Hình thức kỷ luật', width: 20, required: true },
    { key: 'startsOn', header: 'Từ ngày', width: 14, required: true },
    { key: 'endsOn', header: 'Đến ngày', width: 14 },
    { key: 'reason', header: 'Lý do', width: 40 },
    number, date, { key: 'issuer', header: 'Cơ quan ban hành', width: 30 }],
};

/** Columns an export adds for reading; an import ignores them, so an export can be imported again. */
export const READING_COLUMNS = [
  { header: 'Họ và tên', width: 28 },
  { header: 'Tên đơn vị', width: 36 },
] as const;

/** The file names of templates and exports: ASCII, so every browser and mail client keeps them. */
export const KIND_SLUGS: Record<RecordKind, string> = {
  ratings: 'xep-loai', awards: 'khen-thuong', initiatives: 'sang-kien', disciplines: 'ky-luat',
};

/** An export's reading columns are passed over, so an export can be imported again. */
export const RECORD_MATCH: MatchOptions = { ignore: READING_COLUMNS.map((c) => c.header) };

export type HeaderMatch = ColumnMatch<ColumnKey>;

/**
 * Finds each template column in a header row (0-based positions). Every template column must be
 * there exactly once; any other non-empty header is an error too (a misspelt header would otherwise
 * drop its column silently), except the reading columns an export adds.
 */
export function matchHeaders(kind: RecordKind, found: string[]): HeaderMatch {
  return matchColumns(COLUMNS[kind], found, RECORD_MATCH);
}

/**
 * The natural key of each kind besides its subject (the partial unique indexes of 0003_records.sql):
 * importing the same row again updates that record instead of adding another.
 */
export const NATURAL_KEYS: Record<RecordKind, string[]> = {
  ratings: ['year'],
  awards: ['award_form', 'year', 'decision_number'],
  initiatives: ['title_fold', 'level'],
  disciplines: ['form', 'starts_on'],
};
