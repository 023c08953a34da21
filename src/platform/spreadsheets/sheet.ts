import ExcelJS from 'exceljs';
import { AppError } from '../errors.ts';
import { GridBuilder, type Cell, type SheetRow } from './grid.ts';
import { GUIDE_SHEET, readXlsxGrid } from './xlsx.ts';

/**
 * Reading and writing spreadsheets. Reading is bounded, the same way for every import (records,
 * onboarding, past decisions): the upload itself (platform/http/uploads.ts), then XLSX through
 * xlsx.ts (the zip checked and inflated under hard limits, the sheet parsed as it streams) and CSV
 * with a small RFC 4180 reader, both into grid.ts's rows under its row and cell limits. What comes out
 * is a plain grid (header row, then data rows with their spreadsheet row numbers); what the cells mean
 * is decided by each import. Writing goes through exceljs.
 */
export type { Cell, SheetRow } from './grid.ts';
export { MAX_ROWS, MAX_CELLS } from './grid.ts';
export { GUIDE_SHEET, XLSX_LIMITS } from './xlsx.ts';
export interface Sheet { format: 'xlsx' | 'csv'; headers: string[]; rows: SheetRow[] }

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Files people upload by mistake that could pass as text: PDF, and the legacy binary .xls/.doc (OLE). */
const NOT_SHEETS = [Buffer.from('%PDF'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0])];
/** A CSV record wider than Excel's last column (XFD) is not a table. */
const MAX_CSV_FIELDS = 16_384;

const notSpreadsheet = () => new AppError('import.not_spreadsheet', 415);

/** XLSX when it is a zip; CSV when it is UTF-8 text; anything else is refused (415). */
export function sniffFormat(file: Buffer): 'xlsx' | 'csv' {
  if (file.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (file.length === 0 || NOT_SHEETS.some((magic) => file.subarray(0, magic.length).equals(magic))) throw notSpreadsheet();
  if (file.includes(0)) throw notSpreadsheet();
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw notSpreadsheet();
  }
  return 'csv';
}

export async function readSheet(file: Buffer): Promise<Sheet> {
  if (sniffFormat(file) === 'csv') return readCsv(file);
  const grid = await readXlsxGrid(file);
  return { format: 'xlsx', headers: grid.headers.map((c) => (c === null ? '' : c instanceof Date ? c.toISOString() : String(c))), rows: grid.rows };
}

/** The delimiter a header line uses: Excel in a Vietnamese locale writes ";". */
export function csvDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return [',', ';', '\t'].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
}

/**
 * RFC 4180 fields; the delimiter is the one the header line uses (Excel in a Vietnamese locale writes ";").
 * Records go to `onRecord` as they are read (the grid checks its bounds on the way); answers them all
 * when no callback is given.
 */
export function parseCsv(text: string, onRecord?: (record: string[], index: number) => void): string[][] {
  const records: string[][] = [];
  let count = 0;
  scanCsv(text, csvDelimiter(text), false, (record) => {
    if (onRecord) onRecord(record, count); else records.push(record);
    count++;
  });
  return records;
}

/**
 * The records of `text` handed to `emit`. With `partial`, the text is a piece of a longer file: the last
 * record is left unread unless a line break ends it (a quoted field may hold line breaks), and the answer
 * is how many characters were read, so the caller keeps the rest for the next piece.
 */
export function scanCsv(text: string, delimiter: string, partial: boolean, emit: (record: string[]) => void): number {
  let record: string[] = [];
  const push = (field: string) => {
    if (record.length >= MAX_CSV_FIELDS) throw notSpreadsheet();
    record.push(field);
  };
  let i = 0;
  let consumed = 0;
  const n = text.length;
  while (i < n) {
    // one field: quoted (doubled quotes inside), or up to the next delimiter or line break
    if (text[i] === '"') {
      let field = '';
      let from = i + 1;
      let open = false;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) { field += text.slice(from); i = n; open = true; break; }
        if (q + 1 === n && partial) { i = n; open = true; break; } // a doubled quote may follow in the next piece
        if (text[q + 1] === '"') { field += text.slice(from, q + 1); from = q + 2; continue; }
        field += text.slice(from, q);
        i = q + 1;
        break;
      }
      if (open && partial) return consumed;
      // anything after the closing quote up to the delimiter belongs to the field, as spreadsheets read it
      let j = i;
      while (j < n && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') j++;
      field += text.slice(i, j);
      i = j;
      push(field);
    } else {
      let j = i;
      while (j < n && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') j++;
      push(text.slice(i, j));
      i = j;
    }
    if (i >= n) break;
    if (text[i] === delimiter) {
      i++;
      if (i >= n) push('');
      continue;
    }
    // a line break ends the record ("\r" as the last character may be the first half of "\r\n")
    if (text[i] === '\r' && i + 1 === n && partial) return consumed;
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    i++;
    emit(record);
    record = [];
    consumed = i;
  }
  if (partial) return consumed;
  if (record.length > 0) emit(record);
  return n;
}

function readCsv(file: Buffer): Sheet {
  const body = file.subarray(0, 3).equals(UTF8_BOM) ? file.subarray(3) : file;
  const grid = new GridBuilder();
  parseCsv(body.toString('utf8').normalize('NFC'), (record, index) => grid.add(index + 1, record));
  return { format: 'csv', headers: grid.headers.map((c) => String(c ?? '')), rows: grid.rows };
}

// ── writing ────────────────────────────────────────────────────────────────────────────────────

export interface SheetSpec {
  name: string;
  columns: { header: string; width: number; date?: boolean }[];
  rows: Cell[][];
  /** the "Hướng dẫn" sheet: a title per section and its lines (allowed values, formats) */
  guide: { title: string; lines: string[] }[];
}

export async function writeXlsx(spec: SheetSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'thidua';
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width, ...(c.date && { style: { numFmt: 'dd/mm/yyyy' } }) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { vertical: 'middle', wrapText: true };
  for (const row of spec.rows) sheet.addRow(row);
  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.getColumn(1).width = 100;
  for (const section of spec.guide) {
    guide.addRow([section.title]).font = { bold: true };
    for (const line of section.lines) guide.addRow([line]);
    guide.addRow([]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvField(cell: Cell): string {
  const text = cell === null ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** UTF-8 with a byte-order mark: without it Excel reads Vietnamese as Windows-1252. */
export function writeCsv(spec: Pick<SheetSpec, 'columns' | 'rows'>): Buffer {
  const lines = [spec.columns.map((c) => csvField(c.header)), ...spec.rows.map((r) => r.map(csvField))].map((l) => l.join(','));
  return Buffer.concat([UTF8_BOM, Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}
