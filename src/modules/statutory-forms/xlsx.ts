import ExcelJS from 'exceljs';
import { formatDate } from '../../platform/vn/dates.ts';
import { CIRCULAR, formNumber, leavesOf, type HeaderNode, type ReportingPeriod, type StatutoryForm } from './model.ts';

/**
 * The one renderer of the statutory forms: a filled form (model.ts) drawn as the paper form reads —
 * the header block, the title and year, the table with its merged head, the lettered and numbered
 * columns row, the rows; then the notes and the signature block. Times New Roman 12 (title 13),
 * A4 landscape, fitted to the page's width, the head repeated on every printed page.
 */
export interface FormHeading { reportingUnit: string; receivingUnit: string; period: ReportingPeriod }

const FONT = 'Times New Roman';
const SIZE = 12;
const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
};
const LINE_HEIGHT = 16;

const height = (n: HeaderNode): number => (n.children?.length ? 1 + Math.max(...n.children.map(height)) : 1);
const leafCount = (n: HeaderNode): number => (n.children?.length ? n.children.reduce((s, c) => s + leafCount(c), 0) : 1);
/** Lines a text takes in a cell this many characters wide (Times New Roman 12 is about one per unit). */
const linesFor = (text: string, width: number) => Math.max(1, text.split('\n').reduce((s, l) => s + Math.ceil(l.length / Math.max(width - 1, 1)), 0));

export async function renderForm(form: StatutoryForm, heading: FormHeading): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'thidua';
  const sheet = workbook.addWorksheet(`Biểu ${form.code}`);
  const leaves = leavesOf(form.columns);
  const stubWidths = [50, 8, 12].slice(0, form.stubs.length);
  const leafWidth = leaves.length > 8 ? 9 : leaves.length > 3 ? 14 : 18;
  const widths = [...stubWidths, ...leaves.map(() => leafWidth)];
  const n = widths.length;
  sheet.columns = widths.map((width) => ({ width, style: { font: { name: FONT, size: SIZE } } }));
  const span = (from: number, to: number) => widths.slice(from - 1, to).reduce((s, w) => s + w, 0);

  // the left block (form number, circular, due date) takes about half the width, the right the rest
  let split = 1;
  while (split < n - 1 && span(1, split) < span(1, n) * 0.45) split++;

  let r = 1;
  const text = (row: number, from: number, to: number, value: string, style: { bold?: boolean; italic?: boolean; size?: number; align?: 'left' | 'center' | 'right' } = {}) => {
    if (to > from) sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = value;
    cell.font = { name: FONT, size: style.size ?? SIZE, bold: style.bold ?? false, italic: style.italic ?? false };
    cell.alignment = { horizontal: style.align ?? 'left', vertical: 'middle', wrapText: true };
    const lines = linesFor(value, span(from, to));
    const line = sheet.getRow(row);
    line.height = Math.max(line.height ?? 0, lines * LINE_HEIGHT * ((style.size ?? SIZE) / SIZE));
    return cell;
  };

  text(r, 1, split, `Biểu số: ${formNumber(form.code)}`, { bold: true });
  text(r++, split + 1, n, `Đơn vị báo cáo: ${heading.reportingUnit}`, { bold: true, align: 'center' });
  text(r, 1, split, `Ban hành theo ${CIRCULAR}`);
  text(r++, split + 1, n, `Đơn vị nhận báo cáo: ${heading.receivingUnit}`, { bold: true, align: 'center' });
  text(r++, 1, split, 'Ngày nhận báo cáo: ngày 15 tháng 12 năm báo cáo', { italic: true });
  r++;
  text(r++, 1, n, form.title, { bold: true, size: 13, align: 'center' });
  const { period } = heading;
  text(r++, 1, n, `Năm ${period.year} (kỳ báo cáo từ ngày ${formatDate(period.from)} đến ngày ${formatDate(period.to)})`, { italic: true, align: 'center' });
  if (form.measure) text(r++, 1, n, form.measure, { italic: true, align: 'right' });

  // the table's head: stubs down the whole depth, groups above their leaves, leaves at the bottom
  const headTop = r;
  const depth = Math.max(...form.columns.map(height));
  const headCell = (row: number, col: number, toRow: number, toCol: number, label: string, unfilled = false) => {
    if (toRow > row || toCol > col) sheet.mergeCells(row, col, toRow, toCol);
    const cell = sheet.getCell(row, col);
    cell.value = label;
    cell.font = { name: FONT, size: SIZE, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    if (unfilled) cell.fill = GREY;
    const rows = toRow - row + 1;
    const need = (linesFor(label, span(col, toCol)) * LINE_HEIGHT) / rows;
    for (let i = row; i <= toRow; i++) sheet.getRow(i).height = Math.max(sheet.getRow(i).height ?? 0, need);
  };
  form.stubs.forEach((label, i) => headCell(headTop, i + 1, headTop + depth - 1, i + 1, label));
  const place = (nodes: readonly HeaderNode[], row: number, rows: number, col: number) => {
    for (const node of nodes) {
      const width = leafCount(node);
      if (node.children?.length) {
        const below = Math.max(...node.children.map(height));
        headCell(row, col, row + rows - below - 1, col + width - 1, node.label);
        place(node.children, row + rows - below, below, col);
      } else {
        headCell(row, col, row + rows - 1, col, node.label, node.unfilled);
      }
      col += width;
    }
  };
  place(form.columns, headTop, depth, form.stubs.length + 1);
  r = headTop + depth;

  // the lettered and numbered columns row: a group's number spans its leaves
  const numbersRow = r;
  form.stubs.forEach((_, i) => headCell(r, i + 1, r, i + 1, String.fromCharCode(65 + i)));
  let col = form.stubs.length + 1;
  const numbered = (nodes: readonly HeaderNode[]) => {
    for (const node of nodes) {
      if (node.number !== undefined) {
        const width = leafCount(node);
        headCell(r, col, r, col + width - 1, node.number);
        col += width;
      } else if (node.children?.length) {
        numbered(node.children);
      } else {
        headCell(r, col, r, col, '');
        col += 1;
      }
    }
  };
  numbered(form.columns);
  r++;

  for (const row of form.rows) {
    const strong = row.style === 'total' || row.style === 'section';
    const cells: (string | number | null)[] = [row.label, row.code ?? '', ...(form.stubs.length > 2 ? [row.unit ?? ''] : []),
      ...(row.values ?? leaves.map(() => null))];
    cells.forEach((value, i) => {
      const cell = sheet.getCell(r, i + 1);
      if (value !== null) cell.value = value;
      cell.border = THIN;
      cell.font = { name: FONT, size: SIZE, bold: strong, italic: row.style === 'sub' && i === 0 };
      cell.alignment = i === 0
        ? { horizontal: 'left', vertical: 'middle', wrapText: true, indent: row.style === 'sub' ? 1 : 0 }
        : { horizontal: 'center', vertical: 'middle', wrapText: true };
      if (i >= form.stubs.length && row.values && value === null) cell.fill = GREY;
    });
    sheet.getRow(r).height = Math.max(LINE_HEIGHT + 2, linesFor(row.label, widths[0]!) * LINE_HEIGHT);
    r++;
  }
  for (let row = headTop; row < numbersRow + 1; row++) {
    for (let c = 1; c <= n; c++) sheet.getCell(row, c).border = THIN;
  }

  r++;
  text(r++, 1, n, 'Ghi chú:', { bold: true, italic: true });
  for (const note of form.notes) text(r++, 1, n, note, { italic: true });

  if (form.supplement) {
    r++;
    text(r++, 1, n, form.supplement.title, { bold: true });
    for (const line of form.supplement.lines) {
      const label = text(r, 1, n - 1, line.label);
      label.border = THIN;
      for (let c = 2; c < n; c++) sheet.getCell(r, c).border = THIN;
      const value = sheet.getCell(r, n);
      value.value = line.value;
      value.font = { name: FONT, size: SIZE };
      value.alignment = { horizontal: 'center', vertical: 'middle' };
      value.border = THIN;
      r++;
    }
  }

  // the signature block: the maker on the left, the head of the unit on the right
  r++;
  text(r++, split + 1, n, '……, ngày …… tháng …… năm ……', { italic: true, align: 'center' });
  text(r, 1, split, 'Người lập biểu', { bold: true, align: 'center' });
  text(r++, split + 1, n, 'Thủ trưởng đơn vị', { bold: true, align: 'center' });
  text(r, 1, split, '(Ký, họ tên)', { italic: true, align: 'center' });
  text(r++, split + 1, n, '(Ký, họ tên, đóng dấu)', { italic: true, align: 'center' });
  for (let i = 0; i < 4; i++) sheet.getRow(r++).height = LINE_HEIGHT;

  sheet.pageSetup = {
    paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
    margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${headTop}:${numbersRow}`,
  };
  sheet.headerFooter = { oddFooter: '&C&"Times New Roman"&10Trang &P/&N' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
