import ExcelJS from 'exceljs';

/**
 * A statutory form's workbook read back as an officer reads the paper: rows found by their Mã số
 * (column B), columns by the lettered and numbered row and by the labels of the head above them.
 */
export interface ReadForm {
  sheet: ExcelJS.Worksheet;
  /** the text of a cell, a merged cell's being its master's */
  text(row: number, col: number): string;
  headTop: number;
  numbersRow: number;
  /** how many lettered columns (A, B, C) come before the numbered ones */
  stubs: number;
  /** the columns holding numbers, left to right */
  dataColumns: number[];
  /** the columns a printed number ("1", "2", "1=(2+3+4)") stands above */
  columnsNumbered(number: string): number[];
  /** the head's labels above a column, top to bottom, each once */
  headerChain(col: number): string[];
  rowOf(code: string): number;
  /** a cell of a data row: a number, or null when printed blank */
  value(code: string, col: number): number | null;
  /** the cell is filled grey: blank for the officer to fill */
  isGrey(code: string, col: number): boolean;
  /** the texts of every row, for finding labels */
  find(text: string): { row: number; col: number } | null;
}

export async function readForm(file: Buffer): Promise<ReadForm> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  const text = (row: number, col: number) => {
    const value = sheet.getCell(row, col).master.value;
    return value === null || value === undefined ? '' : String(value);
  };
  let headTop = 0;
  let numbersRow = 0;
  for (let r = 1; r <= sheet.rowCount; r++) {
    if (!headTop && text(r, 2) === 'Mã số') headTop = r;
    if (text(r, 1) === 'A' && text(r, 2) === 'B') { numbersRow = r; break; }
  }
  if (!headTop || !numbersRow) throw new Error('no table head found');
  const stubs = text(numbersRow, 3) === 'C' ? 3 : 2;
  const dataColumns: number[] = [];
  for (let c = stubs + 1; c <= sheet.columnCount; c++) dataColumns.push(c);
  const rows = new Map<string, number>();
  for (let r = numbersRow + 1; r <= sheet.rowCount; r++) {
    const code = text(r, 2);
    if (/^\d{2}$/.test(code) && text(r, 1) !== '') rows.set(code, r);
    if (text(r, 1) === 'Ghi chú:') break;
  }
  const rowOf = (code: string) => {
    const r = rows.get(code);
    if (!r) throw new Error(`no row with Mã số ${code}`);
    return r;
  };
  return {
    sheet, text, headTop, numbersRow, stubs, dataColumns,
    columnsNumbered: (number) => dataColumns.filter((c) => text(numbersRow, c) === number),
    headerChain: (col) => {
      const out: string[] = [];
      for (let r = headTop; r < numbersRow; r++) {
        const label = text(r, col);
        if (label && out.at(-1) !== label) out.push(label);
      }
      return out;
    },
    rowOf,
    value: (code, col) => {
      const value = sheet.getCell(rowOf(code), col).value;
      return typeof value === 'number' ? value : null;
    },
    isGrey: (code, col) => {
      const fill = sheet.getCell(rowOf(code), col).fill;
      return fill?.type === 'pattern' && fill.pattern === 'solid';
    },
    find: (wanted) => {
      for (let r = 1; r <= sheet.rowCount; r++) {
        for (let c = 1; c <= sheet.columnCount; c++) if (text(r, c) === wanted) return { row: r, col: c };
      }
      return null;
    },
  };
}
