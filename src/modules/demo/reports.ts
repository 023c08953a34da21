// The Cao Bằng campaign's review in the demo: units' reports on the 1948-anniversary campaign's outline (due 10/7/2023).
// Mường Khoa's communes report to the district on the district's own phase (its response plan inherited
// the outline); the district compiles them and reports to the province with the departments. Some units
// sent on time, one late, one report was returned, one is a draft, the rest have not reported — so the
// compiled views have something to show. The texts are demo text, not from the seed.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { isLate } from '../reports/index.ts';
import { liveFigures } from '../reports/index.ts';
import { findPhase } from '../reports/index.ts';
import { CAMPAIGN_1948, CAMPAIGN_1948_RESPONSE } from './movements-campaign-1948.ts';
import type { DemoMovement } from './movements-build.ts';

type Texts = Record<string, string>;
interface DemoReport {
  movementKey: string;
  organisationKey: string;
  status: 'draft' | 'submitted' | 'returned';
  /** first (and only) submission, an instant */
  submittedAt?: string;
  returned?: { at: string; reason: string };
  submittedBy?: string;
  texts: Texts;
}

const texts = (unit: string, t: { lead: string; media: string; results: string; effect: string; awards: string; strengths: string; limits: string; causes?: string; lessons?: string; proposals?: string }): Texts => ({
  '0': `${unit} triển khai đợt thi đua theo Kế hoạch số 1086/KH-UBND ngày 20/4/2023 của Ủy ban nhân dân tỉnh.`,
  '0.0': t.lead, '0.1': t.media, '0.2': t.results, '0.3': t.effect, '0.4': t.awards,
  '1.0': t.strengths, '1.1': t.limits, ...(t.causes ? { '1.2': t.causes } : {}),
  ...(t.lessons ? { '2': t.lessons } : {}), ...(t.proposals ? { '3': t.proposals } : {}),
});

const REPORTS: DemoReport[] = [
  { movementKey: CAMPAIGN_1948_RESPONSE, organisationKey: 'x-ck', status: 'submitted', submittedAt: '2023-07-04T08:30:00Z', texts: texts('UBND xã Chiềng Khoa', {
    lead: 'Đảng ủy, UBND xã ban hành kế hoạch hưởng ứng ngày 12/5/2023; giao chỉ tiêu cho 14 bản.',
    media: 'Tuyên truyền trên hệ thống loa truyền thanh xã 24 buổi; treo 30 băng rôn, khẩu hiệu tại trung tâm xã và nhà văn hóa các bản.',
    results: 'Hoàn thành 100% chỉ tiêu kinh tế - xã hội 6 tháng đầu năm; làm mới 2,5 km đường bê tông nội bản với 1.200 ngày công của Nhân dân.',
    effect: 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt 98%.',
    awards: 'Chủ tịch UBND xã tặng Giấy khen cho 02 tập thể và 05 cá nhân.',
    strengths: 'Nhân dân các bản hưởng ứng tích cực, đóng góp ngày công và hiến đất làm đường.',
    limits: 'Một số bản vùng cao triển khai còn chậm.',
    causes: 'Địa bàn rộng, giao thông đi lại khó khăn trong mùa mưa.',
    lessons: 'Phát huy vai trò của trưởng bản và người có uy tín trong cộng đồng.',
  }) },
  { movementKey: CAMPAIGN_1948_RESPONSE, organisationKey: 'x-nt', status: 'submitted', submittedAt: '2023-07-05T09:10:00Z', texts: texts('UBND xã Nậm Ty', {
    lead: 'UBND xã ban hành kế hoạch triển khai đợt thi đua; thành lập tổ chỉ đạo do Phó Chủ tịch UBND xã làm tổ trưởng.',
    media: 'Lồng ghép tuyên truyền trong 18 cuộc họp bản.',
    results: 'Thu ngân sách trên địa bàn đạt 62% dự toán năm; trồng mới 35 ha rừng.',
    effect: 'Không khí thi đua sôi nổi trong cán bộ và Nhân dân.',
    awards: 'Đề nghị Chủ tịch UBND huyện tặng Giấy khen cho 01 tập thể.',
    strengths: 'Cấp ủy, chính quyền quan tâm chỉ đạo sát sao.',
    limits: 'Công tác phát hiện điển hình tiên tiến còn hạn chế.',
  }) },
  { movementKey: CAMPAIGN_1948_RESPONSE, organisationKey: 'x-ph', status: 'draft', texts: {
    '0.0': 'UBND xã ban hành kế hoạch hưởng ứng ngày 20/5/2023.',
  } },
  { movementKey: CAMPAIGN_1948, organisationKey: 'h-mk', status: 'submitted', submittedAt: '2023-07-09T03:00:00Z', submittedBy: 'canbo.huyen', texts: texts('UBND huyện Mường Khoa', {
    lead: 'UBND huyện ban hành Kế hoạch số 86/KH-UBND ngày 08/5/2023; Hội đồng Thi đua - Khen thưởng huyện phân công thành viên theo dõi từng cụm xã.',
    media: 'Đài Truyền thanh - Truyền hình huyện phát 12 tin, bài; các xã tuyên truyền trên loa truyền thanh.',
    results: '17/17 chỉ tiêu kinh tế - xã hội 6 tháng đầu năm đạt và vượt tiến độ; hoàn thành 6 công trình chào mừng Kỷ niệm 75 năm Ngày Bác Hồ ra Lời kêu gọi thi đua ái quốc.',
    effect: 'Đợt thi đua góp phần hoàn thành nhiệm vụ chính trị 6 tháng đầu năm của huyện.',
    awards: 'Chủ tịch UBND huyện tặng Giấy khen cho 06 tập thể, 14 cá nhân; đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 01 tập thể và 01 cá nhân.',
    strengths: 'Các xã, cơ quan, đơn vị triển khai đồng bộ, đúng tiến độ.',
    limits: 'Một số xã gửi báo cáo chậm; chất lượng báo cáo chưa đồng đều.',
    causes: 'Cán bộ làm công tác thi đua, khen thưởng ở xã kiêm nhiệm nhiều việc.',
    lessons: 'Gắn đợt thi đua với nhiệm vụ chính trị trọng tâm của từng địa phương.',
    proposals: 'Đề nghị tỉnh tổ chức tập huấn nghiệp vụ thi đua, khen thưởng cho cán bộ cấp xã.',
  }) },
  { movementKey: CAMPAIGN_1948, organisationKey: 'syt', status: 'submitted', submittedAt: '2023-07-07T02:15:00Z', texts: texts('Sở Y tế', {
    lead: 'Ban Giám đốc Sở chỉ đạo các đơn vị trực thuộc xây dựng kế hoạch hưởng ứng trước ngày 15/5/2023.',
    media: 'Đăng 9 tin, bài trên Trang thông tin điện tử của Sở.',
    results: 'Khám, chữa bệnh miễn phí cho 1.500 lượt người dân vùng cao; hiến 420 đơn vị máu.',
    effect: 'Chất lượng khám, chữa bệnh và sự hài lòng của người bệnh được nâng lên.',
    awards: 'Giám đốc Sở tặng Giấy khen cho 04 tập thể và 10 cá nhân.',
    strengths: 'Nhiều phần việc thiết thực hướng về cơ sở.',
    limits: 'Một số đơn vị chưa gửi báo cáo đúng thời hạn.',
  }) },
  { movementKey: CAMPAIGN_1948, organisationKey: 'stc', status: 'submitted', submittedAt: '2023-07-10T09:00:00Z', texts: texts('Sở Tài chính', {
    lead: 'Sở ban hành kế hoạch triển khai đợt thi đua; giao các phòng chuyên môn đăng ký phần việc cụ thể.',
    media: 'Phổ biến kế hoạch tại hội nghị cán bộ, công chức.',
    results: 'Thẩm định quyết toán 48 dự án hoàn thành, vượt 20% kế hoạch.',
    effect: 'Tiến độ giải ngân vốn đầu tư công được đẩy nhanh.',
    awards: 'Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 01 tập thể.',
    strengths: 'Gắn thi đua với cải cách hành chính.',
    limits: 'Chưa có nhiều mô hình mới.',
  }) },
  { movementKey: CAMPAIGN_1948, organisationKey: 'svh', status: 'submitted', submittedAt: '2023-07-12T08:00:00Z', texts: texts('Sở Văn hóa, Thể thao và Du lịch', {
    lead: 'Sở chủ trì tổ chức chuỗi hoạt động văn hóa, văn nghệ chào mừng ngày 11/6.',
    media: 'Tổ chức triển lãm ảnh "Thi đua là yêu nước" tại Bảo tàng tỉnh.',
    results: 'Tổ chức 01 liên hoan văn nghệ quần chúng với 18 đội tham gia.',
    effect: 'Lan tỏa tinh thần thi đua ái quốc trong Nhân dân.',
    awards: 'Giám đốc Sở tặng Giấy khen cho 03 tập thể và 06 cá nhân.',
    strengths: 'Hoạt động phong phú, thu hút đông đảo Nhân dân.',
    limits: 'Báo cáo gửi chậm so với thời hạn.',
  }) },
  { movementKey: CAMPAIGN_1948, organisationKey: 'ldld', status: 'returned', submittedAt: '2023-07-08T04:00:00Z',
    returned: { at: '2023-07-11T02:00:00Z', reason: 'Đề nghị bổ sung mục 5 "Công tác khen thưởng trong đợt thi đua" và số liệu cụ thể.' },
    texts: { '0.0': 'Ban Thường vụ Liên đoàn Lao động tỉnh chỉ đạo công đoàn các cấp hưởng ứng đợt thi đua.', '0.2': 'Công nhân, viên chức, lao động thi đua lao động giỏi, lao động sáng tạo.' } },
  { movementKey: CAMPAIGN_1948, organisationKey: 'vp-ubnd', status: 'draft', texts: {
    '0.0': 'Lãnh đạo Văn phòng chỉ đạo các phòng, trung tâm xây dựng kế hoạch hưởng ứng.',
  } },
];

export interface DemoReportContext {
  tenantId: string;
  orgId: (key: string) => string;
  userId: (username: string) => string;
  movements: readonly DemoMovement[];
  now: Date;
}

/** The demo reports, written as the app writes them: figures frozen at submission, the history of each. */
export async function loadDemoReports(db: Kysely<Database>, ctx: DemoReportContext) {
  for (const r of REPORTS) {
    const movement = ctx.movements.find((m) => m.key === r.movementKey)!;
    const phaseId = movement.phases.find((p) => p.kind === 'final_review')!.id;
    const phase = (await findPhase(db, ctx.tenantId, phaseId))!;
    const organisation = await db.selectFrom('organisations').select('path').where('tenant_id', '=', ctx.tenantId)
      .where('id', '=', ctx.orgId(r.organisationKey)).executeTakeFirstOrThrow();
    const submittedAt = r.submittedAt ? new Date(r.submittedAt) : null;
    const figures = submittedAt ? await liveFigures(db, ctx.tenantId, phase, organisation.path) : null;
    const id = uuidv7(ctx.now.getTime());
    const by = r.submittedBy ? ctx.userId(r.submittedBy) : null;
    await db.insertInto('unit_reports').values({
      tenant_id: ctx.tenantId, id, movement_id: movement.id, phase_id: phaseId, organisation_id: ctx.orgId(r.organisationKey), status: r.status,
      sections: JSON.stringify(r.texts), figures: r.status === 'submitted' && figures ? JSON.stringify(figures) : null,
      first_submitted_at: submittedAt, submitted_at: submittedAt, submitted_by: submittedAt ? by : null, returned_reason: r.returned?.reason ?? null,
      created_by: by, created_at: ctx.now, updated_at: ctx.now,
    }).execute();
    const events = [
      ...(submittedAt ? [{ event: 'submitted' as const, at: submittedAt, reason: '', late: isLate(phase.due_on, submittedAt) }] : []),
      ...(r.returned ? [{ event: 'returned' as const, at: new Date(r.returned.at), reason: r.returned.reason, late: false }] : []),
    ];
    if (events.length) {
      await db.insertInto('unit_report_events').values(events.map((e) => ({
        tenant_id: ctx.tenantId, id: uuidv7(e.at.getTime()), report_id: id, event: e.event, reason: e.reason, late: e.late,
        figures: e.event === 'submitted' && figures ? JSON.stringify(figures) : null, actor_user_id: e.event === 'submitted' ? by : null, at: e.at,
      }))).execute();
    }
  }
  return REPORTS.length;
}
