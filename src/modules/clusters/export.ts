import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/auth/policy.ts';
import { finalPoints } from './model.ts';
import { num, sheetData, standingsOf, type SheetAccess } from './service.ts';

/** The tie-break as printed under the ranking (the same order as model.ts `compare`). */
export const TIE_RULE_VI = 'Xếp hạng theo tổng điểm (tiêu chí + thưởng − trừ). Bằng tổng điểm: (1) điểm các tiêu chí cao hơn (không tính điểm thưởng); '
  + '(2) điểm trừ thấp hơn; (3) nhiều tiêu chí đạt điểm tối đa hơn; (4) vẫn bằng nhau: đồng hạng, cụm, khối biểu quyết (ghi biên bản).';

const KIND_VI = { criterion: 'Tiêu chí', bonus: 'Điểm thưởng', penalty: 'Điểm trừ' } as const;

/**
 * The sheet as an XLSX workbook: the ranking (what the cluster's meeting signs off), then the grid of
 * every member's self and final points per row.
 */
export async function exportRanking(db: Kysely<Database>, actor: Actor, access: SheetAccess): Promise<Buffer> {
  const { sheet, members } = access;
  const data = await sheetData(db, actor.tenantId, sheet.id);
  const standings = standingsOf(members, data);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'thidua';

  const ranking = workbook.addWorksheet('Xếp hạng', { views: [{ state: 'frozen', ySplit: 3 }] });
  ranking.addRow([sheet.title]).font = { bold: true, size: 13 };
  ranking.addRow([`${sheet.cluster_name} – năm ${sheet.year}`]);
  const header = ranking.addRow(['Hạng', 'Đơn vị', 'Điểm tiêu chí', 'Điểm thưởng', 'Điểm trừ', 'Tổng điểm', 'Số tiêu chí đạt tối đa', 'Ghi chú']);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  ranking.columns = [{ width: 7 }, { width: 40 }, { width: 13 }, { width: 13 }, { width: 11 }, { width: 12 }, { width: 14 }, { width: 30 }];
  for (const s of standings) {
    ranking.addRow([s.rank, s.name, s.criteria / 100, s.bonus / 100, s.penalty / 100, s.total / 100, s.fullMarks,
      s.tied ? 'Đồng hạng – cụm, khối biểu quyết' : s.separatedBy === 'vote' ? 'Xếp theo biểu quyết của cụm, khối' : '']);
  }
  ranking.addRow([]);
  ranking.addRow([TIE_RULE_VI]).font = { italic: true };

  const grid = workbook.addWorksheet('Bảng điểm', { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] });
  grid.columns = [{ width: 14 }, { width: 60 }, { width: 10 }, ...members.flatMap(() => [{ width: 12 }, { width: 12 }])];
  const head = grid.addRow(['Loại', 'Nội dung', 'Tối đa', ...members.flatMap((m) => [`${m.name} (tự chấm)`, `${m.name} (điểm được tính)`])]);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  for (const c of data.criteria) {
    const cells = members.flatMap((m) => {
      const score = data.scores.find((s) => s.organisation_id === m.organisation_id && s.criterion_id === c.id);
      const self = num(score?.self_points ?? null);
      return [self, score ? finalPoints({ self, adjusted: num(score.adjusted_points) }) : null];
    });
    grid.addRow([KIND_VI[c.kind], c.heading ? `${c.heading} – ${c.title}` : c.title, Number(c.max_points), ...cells]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
