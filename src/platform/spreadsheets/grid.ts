import { AppError } from '../errors.ts';

/**
 * What a spreadsheet is read into — the header row, then the data rows with their spreadsheet row
 * numbers — and the bounds on it, the same for XLSX and CSV. The bounds keep one upload's memory in
 * hand: rows (an onboarding file of 100,000 people with their employments fits), and cells, counted
 * as the width of each row kept, so a row stretched to column XFD costs what it weighs.
 */
export type Cell = string | number | Date | null;
export interface SheetRow { row: number; cells: Cell[] }

export const MAX_ROWS = 200_000;
export const MAX_CELLS = 6_000_000;

export const tooManyRows = () => new AppError('import.too_many_rows', 400, { limit: MAX_ROWS.toLocaleString('vi-VN') });
const tooManyCells = () => new AppError('import.too_many_cells', 413, { limit: MAX_CELLS.toLocaleString('vi-VN') });

export const isBlank = (cells: readonly Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/** Rows as they are read: row 1 is the headers, blank rows are passed over, the bounds are checked on the way. */
export class GridBuilder {
  headers: Cell[] = [];
  readonly rows: SheetRow[] = [];
  private cells = 0;

  add(row: number, cells: Cell[]) {
    if (row === 1) { this.headers = cells; this.count(cells); return; }
    if (row < 2 || isBlank(cells)) return;
    if (this.rows.length >= MAX_ROWS) throw tooManyRows();
    this.count(cells);
    this.rows.push({ row, cells });
  }

  private count(cells: readonly Cell[]) {
    this.cells += cells.length;
    if (this.cells > MAX_CELLS) throw tooManyCells();
  }
}
