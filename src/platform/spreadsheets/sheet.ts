import ExcelJS from 'exceljs';
import { AppError } from '../errors.ts';

/**
 * Reading and writing spreadsheets: XLSX through exceljs, CSV with a small RFC 4180 reader. What comes
 * out is a plain grid (header row, then data rows with their spreadsheet row numbers); what the cells
 * mean is decided in validate.ts.
 */
export type Cell = string | number | Date | null;
export interface SheetRow { row: number; cells: Cell[] }
export interface Sheet { format: 'xlsx' | 'csv'; headers: string[]; rows: SheetRow[] }

export const MAX_ROWS = 50_000;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Files people upload by mistake that could pass as text: PDF, and the legacy binary .xls/.doc (OLE). */
const NOT_SHEETS = [Buffer.from('%PDF'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0])];

const notSpreadsheet = () => new AppError('import.not_spreadsheet', 415);
const tooManyRows = () => new AppError('import.too_many_rows', 400, { limit: MAX_ROWS.toLocaleString('vi-VN') });

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
  return sniffFormat(file) === 'xlsx' ? readXlsx(file) : readCsv(file);
}

/** exceljs gives rich text, hyperlinks and formulas as objects; a cell is its visible value. */
function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('formula' in value || 'sharedFormula' in value) return plainCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return null;
}

const isBlank = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

async function readXlsx(file: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    throw notSpreadsheet(); // a zip, but not a workbook (a .docx, a damaged file)
  }
  // the data sheet is the first one; the template's "Hướng dẫn" sheet is for reading
  const sheet = workbook.worksheets.find((ws) => ws.name !== GUIDE_SHEET) ?? workbook.worksheets[0];
  if (!sheet) throw notSpreadsheet();
  if (sheet.actualRowCount - 1 > MAX_ROWS) throw tooManyRows();
  const width = sheet.columnCount;
  const cellsOf = (r: number) => {
    const row = sheet.getRow(r);
    return Array.from({ length: width }, (_, i) => plainCell(row.getCell(i + 1).value));
  };
  const headers = cellsOf(1).map((c) => (c === null ? '' : String(c)));
  const rows: SheetRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = cellsOf(r);
    if (!isBlank(cells)) rows.push({ row: r, cells });
  }
  return { format: 'xlsx', headers, rows };
}

/** RFC 4180 fields; the delimiter is the one the header line uses (Excel in a Vietnamese locale writes ";"). */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === delimiter) {
      record.push(field); field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field); field = '';
      records.push(record); record = [];
      if (records.length > MAX_ROWS + 1) throw tooManyRows();
    } else {
      field += ch;
    }
  }
  if (field !== '' || record.length > 0) { record.push(field); records.push(record); }
  return records;
}

function readCsv(file: Buffer): Sheet {
  const body = file.subarray(0, 3).equals(UTF8_BOM) ? file.subarray(3) : file;
  const records = parseCsv(body.toString('utf8').normalize('NFC'));
  const [header = [], ...data] = records;
  const rows: SheetRow[] = [];
  data.forEach((cells, i) => { if (!isBlank(cells)) rows.push({ row: i + 2, cells }); });
  if (rows.length > MAX_ROWS) throw tooManyRows();
  return { format: 'csv', headers: header, rows };
}

// ── writing ────────────────────────────────────────────────────────────────────────────────────

export const GUIDE_SHEET = 'Hướng dẫn';

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
