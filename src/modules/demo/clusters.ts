import type { Transaction } from 'kysely';
import type { CriterionKind, Database, SheetStatus } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/ids.ts';

/**
 * Demo score sheets of the province's clusters, shaped like a provincial cluster's annual sheet
 * (100 points of criteria in three parts, bonus and penalty items): the districts' cluster in 2024,
 * self-scored and submitted by both districts and left open for the head (canbo.huyen, Mường Khoa) and
 * the following council member (hoidong) to adjust; and the culture–society block in 2025, closed, for
 * the head (the education department) to rank and the standing agency (thuongtruc) to propose.
 */
interface DemoRow { kind: CriterionKind; heading?: string; title: string; max: number }

const NV = 'I. Thực hiện nhiệm vụ chính trị (60 điểm)';
const TD = 'II. Công tác thi đua, khen thưởng (20 điểm)';
const CUM = 'III. Tham gia hoạt động của cụm, khối thi đua (20 điểm)';
const EXTRA = 'IV. Điểm thưởng, điểm trừ';

function rowsFor(year: number, tasks: string): DemoRow[] {
  return [
    { kind: 'criterion', heading: NV, title: `Kết quả thực hiện các chỉ tiêu ${tasks} năm ${year} được giao`, max: 30 },
    { kind: 'criterion', heading: NV, title: 'Công tác cải cách hành chính, chuyển đổi số', max: 10 },
    { kind: 'criterion', heading: NV, title: 'Quốc phòng, an ninh, trật tự an toàn xã hội; phòng, chống tham nhũng, lãng phí', max: 10 },
    { kind: 'criterion', heading: NV, title: 'Thực hiện các chương trình mục tiêu quốc gia, nhiệm vụ trọng tâm của tỉnh', max: 10 },
    { kind: 'criterion', heading: TD, title: 'Ban hành kế hoạch, phát động, sơ kết, tổng kết các phong trào thi đua', max: 8 },
    { kind: 'criterion', heading: TD, title: 'Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến', max: 6 },
    { kind: 'criterion', heading: TD, title: 'Thực hiện đúng quy định về hồ sơ, thủ tục khen thưởng; báo cáo đúng hạn', max: 6 },
    { kind: 'criterion', heading: CUM, title: 'Ký kết giao ước thi đua; tham gia đầy đủ các hội nghị, hoạt động của cụm, khối', max: 10 },
    { kind: 'criterion', heading: CUM, title: 'Phối hợp, hỗ trợ các đơn vị trong cụm, khối; tổ chức các hoạt động khi được phân công', max: 10 },
    { kind: 'bonus', heading: EXTRA, title: 'Có mô hình, cách làm hay được cấp tỉnh trở lên công nhận, nhân rộng', max: 5 },
    { kind: 'penalty', heading: EXTRA, title: 'Chậm gửi báo cáo, hồ sơ theo quy định (mỗi lần trừ 1 điểm)', max: 5 },
    { kind: 'penalty', heading: EXTRA, title: 'Tập thể, cá nhân của đơn vị bị xử lý kỷ luật trong năm', max: 10 },
  ];
}

/** What a member cites for each row, in the order of `rowsFor`. */
const evidenceFor = (year: number) => [
  `Báo cáo kết quả thực hiện nhiệm vụ năm ${year}`, `Kết quả chỉ số cải cách hành chính (PAR Index) năm ${year}`,
  'Báo cáo của cơ quan quân sự, công an cùng cấp', 'Báo cáo kết quả các chương trình mục tiêu quốc gia', `Kế hoạch phát động thi đua năm ${year}`,
  'Danh sách điển hình tiên tiến được biểu dương', 'Sổ theo dõi hồ sơ khen thưởng', 'Bản giao ước thi đua đã ký',
  'Biên bản các hội nghị của cụm, khối', 'Quyết định công nhận mô hình', 'Sổ theo dõi văn bản đến', '',
];

interface DemoSheet {
  clusterKey: string; year: number; status: SheetStatus; flagCount: number; bangKhenCount: number; tasks: string;
  /** self points per member organisation key, one per row in order; the account that entered them */
  members: { key: string; points: number[]; by: string | null }[];
}

const SHEETS: DemoSheet[] = [
  {
    clusterKey: 'cum-huyen', year: 2024, status: 'open', flagCount: 1, bangKhenCount: 1, tasks: 'phát triển kinh tế – xã hội',
    members: [
      { key: 'h-mk', by: 'canbo.huyen', points: [27, 9, 9.5, 8, 7.5, 5, 6, 10, 9, 3, 1, 0] },
      { key: 'h-nl', by: null, points: [28, 8.5, 9, 9, 8, 5.5, 5, 10, 9.5, 2, 0, 0] },
    ],
  },
  {
    clusterKey: 'khoi-vhxh', year: 2025, status: 'closed', flagCount: 1, bangKhenCount: 1, tasks: 'chuyên môn của ngành',
    members: [
      { key: 'sgddt', by: 'canbo.sgd', points: [28, 9, 9, 9, 8, 6, 5.5, 10, 9.5, 4, 0, 0] },
      { key: 'syt', by: null, points: [27.5, 8, 9.5, 9, 7.5, 5, 6, 10, 9, 2, 1, 0] },
      { key: 'svh', by: null, points: [26, 8.5, 9, 8.5, 8, 5.5, 6, 9.5, 10, 3, 0, 0] },
    ],
  },
];

/** Writes the demo sheets with the loader's ids (`id(key)`; accounts are `user:<username>`). */
export async function insertDemoScoreSheets(trx: Transaction<Database>, tenantId: string, id: (key: string) => string, now: Date): Promise<void> {
  // submitted at the year-end review, or now if the demo is loaded before it
  const at = (year: number) => {
    const review = new Date(`${year}-12-10T02:00:00Z`);
    return review < now ? review : now;
  };
  for (const s of SHEETS) {
    const sheetId = uuidv7(now.getTime());
    const clusterName = (await trx.selectFrom('clusters').select('name').where('tenant_id', '=', tenantId).where('id', '=', id(s.clusterKey))
      .executeTakeFirstOrThrow()).name;
    await trx.insertInto('cluster_sheets').values({
      tenant_id: tenantId, id: sheetId, cluster_id: id(s.clusterKey), year: s.year, title: `Bảng chấm điểm thi đua năm ${s.year} – ${clusterName}`,
      status: s.status, flag_count: s.flagCount, bang_khen_count: s.bangKhenCount, flag_batch_id: null, bang_khen_batch_id: null,
      created_by: id('user:thuongtruc'), created_at: now, updated_at: now,
    }).execute();
    const rows = rowsFor(s.year, s.tasks).map((r, position) => ({
      tenant_id: tenantId, id: uuidv7(now.getTime()), sheet_id: sheetId, kind: r.kind, heading: r.heading ?? '', title: r.title, max_points: r.max, position,
    }));
    await trx.insertInto('cluster_criteria').values(rows).execute();
    await trx.insertInto('cluster_sheet_entries').values(s.members.map((m) => ({
      tenant_id: tenantId, sheet_id: sheetId, organisation_id: id(m.key), submitted_at: at(s.year), submitted_by: m.by ? id(`user:${m.by}`) : null,
      vote_place: null, vote_note: '',
    }))).execute();
    await trx.insertInto('cluster_scores').values(s.members.flatMap((m) => m.points.map((p, i) => ({
      tenant_id: tenantId, sheet_id: sheetId, criterion_id: rows[i]!.id, organisation_id: id(m.key), self_points: p,
      evidence: p > 0 ? evidenceFor(s.year)[i]! : '', evidence_link: '', adjusted_points: null,
      updated_by: m.by ? id(`user:${m.by}`) : null, updated_at: at(s.year),
    })))).execute();
  }
}
