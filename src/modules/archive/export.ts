import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/auth/policy.ts';
import { AWARD_BASIS_LABELS } from '../records/index.ts';
import { EXPORT_CAP } from './model.ts';
import { archiveFilter, type ArchiveQuery } from './service.ts';
import { searchArchive, type ArchiveRow } from './store.ts';

const COLUMNS: { header: string; width: number; date?: boolean }[] = [
  { header: 'STT', width: 7 },
  { header: 'Cá nhân/Tập thể', width: 14 },
  { header: 'Họ và tên / Tên tập thể', width: 32 },
  { header: 'Đơn vị', width: 36 },
  { header: 'Danh hiệu, hình thức khen thưởng', width: 40 },
  { header: 'Năm', width: 8 },
  { header: 'Loại khen thưởng', width: 18 },
  { header: 'Số quyết định', width: 18 },
  { header: 'Ngày quyết định', width: 14, date: true },
  { header: 'Cơ quan quyết định', width: 30 },
  { header: 'Ngày thu hồi', width: 14, date: true },
  { header: 'Số quyết định thu hồi', width: 18 },
];

export const capMessage = (cap: number) =>
  `Kết quả tìm kiếm có hơn ${cap.toLocaleString('vi-VN')} dòng: tệp chỉ gồm ${cap.toLocaleString('vi-VN')} dòng đầu. Hãy thu hẹp điều kiện tìm kiếm (đơn vị, năm, hình thức) để xuất đủ.`;

const asDate = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null);

function cells(r: ArchiveRow, n: number) {
  return [
    n, r.person_id || (!r.organisation_id && r.written_kind === 'individual') ? 'Cá nhân' : 'Tập thể', r.person_name ?? r.collective_name ?? r.written_name, r.unit_name, r.award_form_name, r.year,
    AWARD_BASIS_LABELS[r.basis], r.decision_number, asDate(r.decided_on), r.decided_by, asDate(r.revoked_on), r.revocation_number,
  ];
}

/**
 * The current search as an XLSX file (same filter, same order, same scope), at most EXPORT_CAP rows:
 * one more is read to know whether the file is cut, and a cut file says so in its last row.
 */
export async function exportAwards(db: Kysely<Database>, actor: Actor, query: ArchiveQuery, cap = EXPORT_CAP) {
  const filter = await archiveFilter(db, actor, query, { limit: cap + 1 });
  const rows = await searchArchive(db, actor.tenantId, filter);
  const capped = rows.length > cap;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'thidua';
  const sheet = workbook.addWorksheet('Khen thưởng', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width, ...(c.date && { style: { numFmt: 'dd/mm/yyyy' } }) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { vertical: 'middle', wrapText: true };
  rows.slice(0, cap).forEach((r, i) => sheet.addRow(cells(r, i + 1)));
  if (capped) {
    const note = sheet.addRow([capMessage(cap)]);
    note.font = { bold: true, color: { argb: 'FFC00000' } };
  }
  return { file: Buffer.from(await workbook.xlsx.writeBuffer()), rows: Math.min(rows.length, cap), capped };
}
