import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/auth/policy.ts';
import { formatDate } from '../../platform/vn/dates.ts';
import {
  CATEGORY_LABELS, GROUP_LABELS, LEVEL_LABELS, RECIPIENT_LABELS, SHARE_LABELS, type Figures, type PunctualityCounts,
} from './model.ts';
import { statistics, type StatisticsQuery, type StatisticsReport } from './service.ts';
import { awardForms } from './store.ts';

/** The figure columns every breakdown sheet carries, after its own key columns. */
const FIGURE_COLUMNS: { header: string; key: keyof Figures; width: number }[] = [
  { header: 'Tổng số', key: 'total', width: 10 },
  { header: 'Cá nhân', key: 'individuals', width: 10 },
  { header: 'Tập thể', key: 'collectives', width: 10 },
  { header: 'Cá nhân không giữ chức vụ lãnh đạo', key: 'nonLeaders', width: 16 },
  { header: 'Cá nhân trực tiếp lao động, sản xuất, công tác', key: 'directWorkers', width: 18 },
  { header: 'Nữ', key: 'women', width: 8 },
  { header: 'Dân tộc thiểu số', key: 'ethnicMinorities', width: 12 },
  { header: 'Tiền thưởng (đồng)', key: 'money', width: 16 },
  { header: 'Khen thưởng chưa ghi tiền thưởng', key: 'unpriced', width: 14 },
];

const MONEY = '#,##0';
const PERCENT = '0.00%';

/** The title row: the unit, the period and the filters, as an officer would write them on the report. */
export function titleOf(r: StatisticsReport, formNames: ReadonlyMap<string, string>): string {
  const years = r.period.fromYear === r.period.toYear ? `năm ${r.period.fromYear}` : `giai đoạn ${r.period.fromYear}–${r.period.toYear}`;
  const f = r.filter;
  const filters = [
    f.awardForms?.length ? `hình thức: ${f.awardForms.map((c) => formNames.get(c) ?? c).join(', ')}` : null,
    f.level ? LEVEL_LABELS[f.level].toLowerCase() : null,
    f.category ? CATEGORY_LABELS[f.category].toLowerCase() : null,
    f.recipient ? `chỉ ${RECIPIENT_LABELS[f.recipient].toLowerCase()}` : null,
    f.group ? `chỉ ${GROUP_LABELS[f.group].toLowerCase()}` : null,
  ].filter(Boolean);
  return `Thống kê khen thưởng — ${r.organisation.name} — ${years}${filters.length ? ` — ${filters.join('; ')}` : ''}`;
}

interface Column { header: string; width: number; numFmt?: string }

/** One sheet: the title row, the header row (frozen), then the rows. */
function addSheet(workbook: ExcelJS.Workbook, name: string, title: string, columns: Column[], rows: unknown[][]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = columns.map((c) => ({ width: c.width, ...(c.numFmt && { style: { numFmt: c.numFmt } }) }));
  sheet.addRow([title]).font = { bold: true, size: 13 };
  sheet.mergeCells(1, 1, 1, columns.length);
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const row of rows) sheet.addRow(row);
  return sheet;
}

const figureColumns = (): Column[] => FIGURE_COLUMNS.map((c) => ({ header: c.header, width: c.width, ...(c.key === 'money' && { numFmt: MONEY }) }));
const figureCells = (f: Figures) => FIGURE_COLUMNS.map((c) => f[c.key]);
const bold = (sheet: ExcelJS.Worksheet) => { sheet.lastRow!.font = { bold: true }; };

const PUNCTUALITY: { header: string; key: keyof PunctualityCounts }[] = [
  { header: 'phải nộp', key: 'expected' }, { header: 'đúng hạn', key: 'onTime' }, { header: 'trễ hạn', key: 'late' },
  { header: 'không nộp (đã quá hạn)', key: 'missing' }, { header: 'chưa đến hạn', key: 'pending' },
];
const punctualityCells = (p: PunctualityCounts | null) => PUNCTUALITY.map((c) => (p ? p[c.key] : null));
const asDate = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null);

/** The report as a workbook: one sheet per table of the page. */
export async function statisticsWorkbook(r: StatisticsReport, formNames: ReadonlyMap<string, string>): Promise<Buffer> {
  const title = titleOf(r, formNames);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'thidua';

  const t = r.totals;
  const shares = new Map(r.shares.map((s) => [s.key, s]));
  const share = (key: keyof typeof SHARE_LABELS) => {
    const s = shares.get(key)!;
    return [SHARE_LABELS[key], s.count, s.of, s.fraction];
  };
  const summary = addSheet(workbook, 'Tổng hợp', title,
    [{ header: 'Chỉ tiêu', width: 62 }, { header: 'Số lượng', width: 16, numFmt: MONEY }, { header: 'Trên tổng số', width: 14 },
      { header: 'Tỷ lệ', width: 10, numFmt: PERCENT }],
    [
      ['Tổng số khen thưởng', t.total, null, null],
      share('individuals'), share('collectives'), share('nonLeaders'), share('directWorkers'), share('women'), share('ethnicMinorities'),
      ['Tiền thưởng đã ghi (đồng)', t.money, null, null],
      ['Khen thưởng chưa ghi tiền thưởng', t.unpriced, null, null],
      ['Hồ sơ đề nghị bị trả lại (lượt)', r.returns.total, null, null],
    ]);
  if (r.mergedIn.length) {
    summary.addRow([]);
    summary.addRow([`Bao gồm số liệu của đơn vị đã sáp nhập, hợp nhất vào ${r.organisation.name}: ${r.mergedIn
      .map((u) => (u.validTo ? `${u.name} (đến ${formatDate(u.validTo)})` : u.name)).join('; ')}.`]);
  }

  const byForm = addSheet(workbook, 'Theo hình thức', title,
    [{ header: 'STT', width: 6 }, { header: 'Danh hiệu, hình thức khen thưởng', width: 40 }, { header: 'Loại', width: 22 },
      { header: 'Cấp', width: 14 }, ...figureColumns()],
    r.byForm.map((f, i) => [i + 1, f.name, CATEGORY_LABELS[f.category], LEVEL_LABELS[f.level], ...figureCells(f)]));
  byForm.addRow([null, 'Tổng cộng', null, null, ...figureCells(t)]);
  bold(byForm);

  const byLevel = addSheet(workbook, 'Theo cấp', title, [{ header: 'Cấp khen thưởng', width: 22 }, ...figureColumns()],
    r.byLevel.map((l) => [LEVEL_LABELS[l.level], ...figureCells(l)]));
  byLevel.addRow(['Tổng cộng', ...figureCells(t)]);
  bold(byLevel);

  const byCategory = addSheet(workbook, 'Theo loại', title, [{ header: 'Loại', width: 24 }, ...figureColumns()],
    r.byCategory.map((c) => [CATEGORY_LABELS[c.category], ...figureCells(c)]));
  byCategory.addRow(['Tổng cộng', ...figureCells(t)]);
  bold(byCategory);

  const byYear = addSheet(workbook, 'Theo năm', title, [{ header: 'Năm', width: 8 }, ...figureColumns()],
    r.byYear.map((y) => [y.year, ...figureCells(y)]));
  byYear.addRow(['Tổng cộng', ...figureCells(t)]);
  bold(byYear);

  const byUnit = addSheet(workbook, 'Theo đơn vị', title,
    [{ header: 'STT', width: 6 }, { header: 'Đơn vị', width: 48 }, ...figureColumns()],
    r.byUnit.map((u, i) => [i + 1, u.rest ? `${u.organisation.name} và đơn vị khác` : u.organisation.name, ...figureCells(u)]));
  byUnit.addRow([]);
  byUnit.addRow([null, 'Đơn vị đã sáp nhập được tính ở cả đơn vị cũ và đơn vị kế thừa (trong thời gian đơn vị cũ còn hoạt động), nên tổng các dòng có thể lớn hơn tổng số.']);

  const returns = addSheet(workbook, 'Hồ sơ bị trả lại', title,
    [{ header: 'STT', width: 6 }, { header: 'Lý do trả lại', width: 60 }, { header: 'Số lượt trả lại', width: 12 },
      { header: 'Trong đó: trả lại từng cá nhân, tập thể', width: 18 }, { header: 'Lần gần nhất', width: 14, numFmt: 'dd/mm/yyyy' }],
    r.returns.reasons.map((x, i) => [i + 1, x.reason || '(không ghi lý do)', x.count, x.candidates, new Date(x.lastAt)]));
  returns.addRow([null, r.returns.moreReasons ? `Tổng cộng (kể cả ${r.returns.moreReasons} lý do khác không liệt kê)` : 'Tổng cộng',
    r.returns.total, r.returns.candidates, null]);
  bold(returns);

  const p = r.punctuality;
  const responses = addSheet(workbook, 'Hưởng ứng phong trào', title,
    [{ header: 'STT', width: 6 }, { header: 'Phong trào, kế hoạch', width: 48 }, { header: 'Cơ quan ban hành', width: 30 },
      { header: 'Ngày ban hành', width: 12, numFmt: 'dd/mm/yyyy' }, { header: 'Hạn nộp kế hoạch', width: 12, numFmt: 'dd/mm/yyyy' },
      ...PUNCTUALITY.map((c) => ({ header: `Kế hoạch: ${c.header}`, width: 11 })),
      { header: 'Hạn đăng ký thi đua', width: 12, numFmt: 'dd/mm/yyyy' },
      ...PUNCTUALITY.map((c) => ({ header: `Đăng ký: ${c.header}`, width: 11 }))],
    p.movements.map((m, i) => [i + 1, m.name, m.issuer, asDate(m.issuedOn), asDate(m.planDue), ...punctualityCells(m.plans),
      asDate(m.registrationDue), ...punctualityCells(m.registrations)]));
  responses.addRow([null, p.moreMovements ? `Tổng cộng (kể cả ${p.moreMovements} phong trào khác không liệt kê)` : 'Tổng cộng',
    null, null, null, ...punctualityCells(p.plans), null, ...punctualityCells(p.registrations)]);
  bold(responses);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The statistics the page shows, as an XLSX file (same query, same scope). */
export async function exportStatistics(db: Kysely<Database>, actor: Actor, query: StatisticsQuery, now: Date): Promise<Buffer> {
  const report = await statistics(db, actor, query, now);
  const forms = await awardForms(db, actor.tenantId);
  return statisticsWorkbook(report, new Map(forms.map((f) => [f.code, f.name])));
}
