// Typical examples and good deeds of the demo province, shaped like what the Kon Tum office-culture plan (§2.3) and the Quảng Ngãi council plan (§3)
// ask units to find and make known: a commune clerk's good deed, a school's model of office culture, a
// citizen's courage, a teacher and a hospital still being followed. Three are on the public honour board.
import type { Insertable, Transaction } from 'kysely';
import type { Database, ExampleKind, ExamplesTable, ExampleStage, ExampleStageEventsTable } from '../../platform/db/schema.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { EXAMPLE_STAGES, searchText } from '../examples/index.ts';
import { OFFICE_CULTURE } from './movements-office-culture.ts';

interface DemoExample {
  kind: ExampleKind;
  unitKey: string;
  subject: { personKey: string } | { organisationKey: string } | { citizen: string };
  detail: string;
  title: string;
  story: string;
  movementKey?: string;
  stage: ExampleStage;
  recordedBy: string;
  /** who put it on the honour board, and how many days before the load */
  published?: { by: string; daysAgo: number };
}

const DEMO_EXAMPLES: readonly DemoExample[] = [
  {
    kind: 'good_deed', unitKey: 'x-mk', subject: { personKey: 'p-cb-xa' }, detail: 'Chuyên viên Văn phòng HĐND và UBND xã Mường Khoa',
    title: 'Nhặt được 25 triệu đồng, trả lại cho người đánh rơi',
    story: 'Trên đường đi làm sáng 12/10/2026, anh Sùng A Dế nhặt được một túi vải trong có 25 triệu đồng và giấy tờ tùy thân của bà Lò Thị Sươi, '
      + 'bản Nà Pục, vừa bán trâu xong. Anh mang túi về trụ sở xã, cùng Công an xã xác minh và mời bà Sươi đến nhận lại đủ số tiền trong ngày.\n\n'
      + 'Chủ tịch UBND xã đã biểu dương anh tại hội nghị giao ban tháng 10 và giao Văn phòng tổng hợp để đề nghị tặng Giấy khen.',
    stage: 'summarise', recordedBy: 'canbo.xa', published: { by: 'thuongtruc', daysAgo: 20 },
  },
  {
    kind: 'typical_example', unitKey: 'sgddt', subject: { organisationKey: 'sgd-thpt' }, detail: 'Trường Trung học phổ thông trực thuộc Sở Giáo dục và Đào tạo',
    title: 'Mô hình "Văn hóa công sở trong trường học"', movementKey: OFFICE_CULTURE,
    story: 'Hưởng ứng Phong trào thi đua "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở" giai đoạn 2019 – 2025, nhà trường xây dựng '
      + 'bộ quy tắc ứng xử cho giáo viên, nhân viên và học sinh; 100% cán bộ, giáo viên đeo thẻ khi làm nhiệm vụ; văn bản đi, đến được xử lý trên môi '
      + 'trường điện tử; khuôn viên trường xanh – sạch – đẹp, không khói thuốc.\n\n'
      + 'Sau ba năm, mô hình được Sở tổng kết và nhân rộng ra 12 trường trung học phổ thông trong tỉnh.',
    stage: 'replicate', recordedBy: 'canbo.sgd', published: { by: 'thutruong.sgd', daysAgo: 45 },
  },
  {
    kind: 'good_deed', unitKey: 'x-nl', subject: { citizen: 'Ông Lò Văn Pấng' }, detail: 'Thôn Tân Lập, xã Ngọc Lâm',
    title: 'Lao xuống suối cứu hai học sinh bị nước lũ cuốn',
    story: 'Chiều 18/9/2026, mưa lớn làm nước suối Nậm Ty dâng cao, hai em học sinh lớp 5 trên đường đi học về bị trượt chân, nước cuốn đi. Ông Lò Văn '
      + 'Pấng đang làm nương gần đó đã lao xuống dòng nước xiết, đưa cả hai em vào bờ an toàn.\n\n'
      + 'UBND xã đề nghị các đoàn thể tuyên truyền tấm gương dũng cảm cứu người của ông trong toàn xã.',
    stage: 'nurture', recordedBy: 'thuongtruc', published: { by: 'thuongtruc', daysAgo: 5 },
  },
  {
    kind: 'typical_example', unitKey: 'sgd-thpt', subject: { personKey: 'p-hoa-thpt' }, detail: 'Giáo viên Tin học',
    title: 'Thầy giáo đưa "lớp học số" về với học sinh vùng cao',
    story: 'Thầy Nguyễn Văn Hoà xây dựng kho bài giảng điện tử dùng chung và hướng dẫn đồng nghiệp các trường vùng cao dạy học trực tuyến. '
      + 'Nhà trường đang theo dõi, hỗ trợ để tổng kết sáng kiến vào cuối năm học.',
    stage: 'nurture', recordedBy: 'canbo.sgd',
  },
  {
    kind: 'typical_example', unitKey: 'syt', subject: { organisationKey: 'syt-bvdk' }, detail: '',
    title: 'Khoa phòng xanh – sạch – đẹp, không khói thuốc',
    story: 'Bệnh viện phát động mô hình "Khoa phòng xanh – sạch – đẹp, không khói thuốc" từ tháng 8/2026; Sở Y tế ghi nhận để theo dõi, bồi dưỡng.',
    stage: 'discover', recordedBy: 'quantri',
  },
];

const DAY = 24 * 60 * 60 * 1000;

export async function insertDemoExamples(trx: Transaction<Database>, tenantId: string, refs: {
  id: (key: string) => string; orgName: (key: string) => string; personName: (key: string) => string; movementOf: (key: string) => string;
}, now: Date): Promise<number> {
  const examples: Insertable<ExamplesTable>[] = [];
  const events: Insertable<ExampleStageEventsTable>[] = [];
  for (const [i, e] of DEMO_EXAMPLES.entries()) {
    const id = uuidv7(now.getTime());
    const recordedAt = new Date(now.getTime() - (60 - i) * DAY);
    const subjectName = 'personKey' in e.subject ? refs.personName(e.subject.personKey)
      : 'organisationKey' in e.subject ? refs.orgName(e.subject.organisationKey) : e.subject.citizen;
    examples.push({
      tenant_id: tenantId, id, kind: e.kind, organisation_id: refs.id(e.unitKey),
      subject_kind: 'personKey' in e.subject ? 'person' : 'organisationKey' in e.subject ? 'collective' : 'citizen',
      person_id: 'personKey' in e.subject ? refs.id(e.subject.personKey) : null,
      subject_organisation_id: 'organisationKey' in e.subject ? refs.id(e.subject.organisationKey) : null,
      subject_name: subjectName, subject_detail: e.detail, title: e.title, story: e.story,
      movement_id: e.movementKey ? refs.movementOf(e.movementKey) : null, stage: e.stage,
      search_fold: searchText({ title: e.title, story: e.story, subjectName, subjectDetail: e.detail }),
      published_at: e.published ? new Date(now.getTime() - e.published.daysAgo * DAY) : null,
      published_by: e.published ? refs.id(`user:${e.published.by}`) : null,
      created_by: refs.id(`user:${e.recordedBy}`), created_at: recordedAt, updated_at: recordedAt,
    });
    // the steps it went through, one week apart
    const steps = EXAMPLE_STAGES.slice(0, EXAMPLE_STAGES.indexOf(e.stage) + 1);
    steps.forEach((to, n) => events.push({
      tenant_id: tenantId, id: uuidv7(now.getTime()), example_id: id, from_stage: n === 0 ? null : steps[n - 1]!, to_stage: to, note: '',
      actor_user_id: refs.id(`user:${e.recordedBy}`), at: new Date(recordedAt.getTime() + n * 7 * DAY),
    }));
  }
  await trx.insertInto('examples').values(examples).execute();
  await trx.insertInto('example_stage_events').values(events).execute();
  return examples.length;
}
