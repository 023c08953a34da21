import { parseDate, type IsoDate } from '../vn/dates.ts';
import { foldVietnamese } from '../vn/fold.ts';
import type { Cell } from './sheet.ts';

/**
 * What every import file shares: columns found by their header (folded, so tone-mark placement and
 * case do not matter; a header may be written without its explanation in brackets), and cells read
 * as text, dates and years. The records import, the onboarding imports and the history import all
 * read their files through these.
 */
export interface ColumnSpec<K extends string> {
  key: K; header: string; width: number; required?: boolean; date?: boolean; note?: string;
  /** other headers written for the same column (the history import's archives: "Số QĐ", "Họ tên"…) */
  variants?: readonly string[];
}

const shortHeader = (text: string) => foldVietnamese(text.split('(')[0] ?? '');

export type ColumnMatch<K extends string> =
  | { ok: true; positions: Map<K, number>; headers: Map<K, string> }
  | { ok: false; expected: string[]; found: string[] };

export interface MatchOptions {
  /** headers that are no column and are passed over (an export's reading columns, "STT", "Ghi chú") */
  ignore?: readonly string[];
  /** only the required columns must be there (by default every column must be) */
  requiredOnly?: boolean;
  /** a header in the file may carry an explanation in brackets of its own */
  shortFound?: boolean;
}

/**
 * Finds each column in a header row (0-based positions): every column (or every required one) must be
 * there, each at most once, and any other non-empty header is an error too (a misspelt header would
 * otherwise drop its column), except the ignored ones.
 */
export function matchColumns<K extends string>(columns: readonly ColumnSpec<K>[], found: string[], options: MatchOptions = {}): ColumnMatch<K> {
  const ignored = new Set((options.ignore ?? []).map((h) => foldVietnamese(h)));
  const positions = new Map<K, number>();
  const headers = new Map<K, string>();
  let stray = false;
  found.forEach((text, index) => {
    const folded = foldVietnamese(text);
    if (folded === '' || ignored.has(folded)) return;
    const short = options.shortFound ? shortHeader(text) : null;
    const column = columns.find((c) => [c.header, ...(c.variants ?? [])]
      .some((h) => foldVietnamese(h) === folded || shortHeader(h) === folded || foldVietnamese(h) === short));
    if (!column || positions.has(column.key)) { stray = true; return; }
    positions.set(column.key, index);
    headers.set(column.key, text.trim());
  });
  const missing = options.requiredOnly ? columns.some((c) => c.required && !positions.has(c.key)) : positions.size !== columns.length;
  if (stray || missing) {
    return { ok: false, expected: columns.map((c) => c.header), found: found.map((t) => t.trim()).filter(Boolean) };
  }
  return { ok: true, positions, headers };
}

/** Excel stores dates as days since 30/12/1899; a date cell without a date format arrives as that number. */
function fromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2_958_465) return null;
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

/** Printable ASCII is its own NFC form: codes, years, dates and numbers skip the normaliser (a million-row file has millions). */
const ASCII = /^[ -~]*$/;

export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const text = String(cell);
  return (ASCII.test(text) ? text : text.normalize('NFC')).trim();
}

/**
 * A copy of a cell's text that holds nothing else in memory, for text kept while the rest of a file is read
 * (codes looked up, keys of records seen): a cell of a CSV is a slice of the megabyte of the file it was
 * read from, and a slice keeps its whole source alive.
 */
export const detachedText = (text: string): string => (text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8'));

/** The text of a cell on one line: runs of white space (line breaks too) as one space, for lists typed over years. */
export const cellLine = (cell: Cell): string => cellText(cell).replace(/\s+/g, ' ');

/** A real Excel date (exceljs gives UTC midnight), an Excel serial, or text dd/mm/yyyy; null when empty, undefined when wrong. */
export function cellDate(cell: Cell): IsoDate | null | undefined {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return null;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return undefined;
    return new Date(Math.round(cell.getTime() / 60_000) * 60_000).toISOString().slice(0, 10);
  }
  if (typeof cell === 'number') return fromExcelSerial(cell) ?? undefined;
  return parseDate(cell) ?? undefined;
}

/** A date as archives write it: also dd.mm.yyyy, dd-mm-yyyy and yyyy/mm/dd besides cellDate's; null when empty or wrong. */
export function cellLooseDate(cell: Cell): IsoDate | null {
  if (typeof cell !== 'string') return cellDate(cell) ?? null;
  return cellDate(cellLine(cell).replace(/[.-]/g, '/').replace(/^(\d{4})\/(\d{2})\/(\d{2})$/, '$1-$2-$3')) ?? null;
}

/** A year as a number or as text of up to four digits; null otherwise. */
export function cellYear(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : null;
  const text = cellText(cell);
  return /^\d{1,4}$/.test(text) ? Number(text) : null;
}

/**
 * A choice written as a Vietnamese label or as its code (both folded): "Ủy ban nhân dân",
 * "uy ban nhan dan" and "peoples_committee" are the same kind. Extra spellings may be given.
 */
export function labelParser<T extends string>(labels: Readonly<Record<T, string>>, extra: Readonly<Record<string, T>> = {}) {
  const index = new Map<string, T>();
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    index.set(foldVietnamese(code), code);
    index.set(foldVietnamese(label), code);
  }
  for (const [spelling, code] of Object.entries(extra)) index.set(foldVietnamese(spelling), code);
  return (text: string): T | null => index.get(foldVietnamese(text)) ?? null;
}

/** Yes/no cells: "Có", "x", "1", "true"… ; null when the text is neither. */
export function parseYesNo(text: string): boolean | null {
  const folded = foldVietnamese(text);
  if (['co', 'x', '1', 'true', 'yes', 'phai', 'dung'].includes(folded)) return true;
  if (['khong', '0', 'false', 'no', '-'].includes(folded)) return false;
  return null;
}

/** One problem of a file: its spreadsheet row, the column header as written in the file, the message. */
export interface RowError { row: number; column: string; message: string }
