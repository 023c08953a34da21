// The Sơn La office review (Sơn La provincial Office, May 2022): the Office's internal mid-term review (sơ kết 03 năm) of
// the office-culture movement. Modelled as the demo Văn phòng UBND tỉnh's cascade of the provincial plan
// (its own plan 29/KH-VPUB of 14/8/2019, which the seed cites), with the review as its mid_term_review phase:
// the review's purposes, requirements and contents as the phase outline, its criteria (with rules the
// records can prove), award forms with quotas, priorities, exclusions and dossier, and its deadlines.
// "Sơn La" becomes Sơn Hà; "phòng Tổ chức - Hành chính - Quản trị" becomes the demo's Phòng Hành chính – Tổ chức.
import { inheritPlan } from '../movements/index.ts';
import type { Plan } from '../movements/index.ts';
import { OFFICE_CULTURE_BASIS } from './movements-office-culture.ts';
import {
  idAt, inheritedOf, inheritPhases, kit, signer, validPlan, type DemoMovement, type MovementContext,
} from './movements-build.ts';

export const OFFICE_REVIEW = 'vhcs-vp';
const OFFICE = 'vp-ubnd';
const HR = 'vp-hctc';
const YEARS = { from: 2019, to: 2021 } as const;
const GOOD_EVERY_YEAR = { type: 'rating', atLeast: 'good', years: YEARS } as const;
const ONE_EXCELLENT = { type: 'rating', atLeast: 'excellent', years: YEARS, min: 1 } as const;
const BASE_INITIATIVE = { type: 'initiative', atLeast: 'base', years: YEARS } as const;
const PLAN_29 = 'Kế hoạch số 29/KH-VPUB ngày 14/8/2019 của Văn phòng UBND tỉnh về tổ chức thực hiện phong trào thi đua “Cán bộ, công chức, viên chức Văn phòng UBND tỉnh Sơn Hà thi đua thực hiện văn hóa công sở” giai đoạn 2019-2025';
const PLAN_179 = `${OFFICE_CULTURE_BASIS} của UBND tỉnh về tổ chức thực hiện phong trào thi đua “Cán bộ, công chức, viên chức Sơn Hà thi đua thực hiện văn hóa công sở” giai đoạn 2019-2025`;

const PRIORITIES = [
  'Do chỉ tiêu khen thưởng đề nghị Chủ tịch UBND tỉnh tặng Bằng khen chỉ được 01 tập thể, 01 cá nhân đề nghị Trưởng các phòng, ban, đơn vị tập trung xét khen thưởng đối với tập thể, cá nhân có thành tích thật sự xuất sắc trong thực hiện phong trào thi đua; đảm bảo các tiêu chuẩn theo quy định.',
  'Ưu tiên xét chọn những tập thể nhỏ, cá nhân không giữ chức vụ lãnh đạo, có thành tích tiêu biểu trong thực hiện phong trào thi đua.',
];
const EXCLUSIONS = ['Không đề xuất khen thưởng đối với những tập thể, cá nhân đã được khen thưởng những nội dung chuyên đề khác trong năm 2022.'];

export function buildOfficeReview(ctx: MovementContext, parent: DemoMovement): DemoMovement {
  const k = kit(ctx);
  const p = parent.plan;
  const plan: Plan = inheritPlan(p, { text: `Thực hiện ${PLAN_179}`, movementId: parent.id }, ctx.newId);
  const from = <T extends { inheritedFrom: string | null }>(items: T[], parentItems: { id: string }[], i: number, patch: Partial<T>): T =>
    ({ ...inheritedOf(items, idAt(parentItems, i)), ...patch });

  // The review's own basis; the schema keeps legal bases per plan, not per phase.
  plan.legalBases.push(k.basis('Hướng dẫn số 856/HD-SNV ngày 15/5/2022 của Sở Nội vụ hướng dẫn sơ kết 03 năm thực hiện phong trào thi đua “Cán bộ, công chức, viên chức tỉnh Sơn Hà thi đua thực hiện văn hóa công sở” giai đoạn 2019-2025'));
  // III.1 Đối tượng khen thưởng
  plan.participants = [
    from(plan.participants, p.participants, 0, { scope: 'Văn phòng UBND tỉnh; Các phòng, ban, đơn vị trực thuộc Văn phòng' }),
    from(plan.participants, p.participants, 1, { scope: 'Cán bộ, công chức, viên chức Văn phòng UBND tỉnh' }),
  ];

  // III.3 Tiêu chuẩn khen thưởng. The rules hold what records can prove; the rest stays in the text.
  const BK_COLLECTIVE = `Thực hiện tốt các nội dung thi đua tại điểm 2.1 khoản 2 Mục II ${PLAN_179} và đạt các tiêu chuẩn sau:`;
  plan.criteria.push(
    k.criterion('bang_khen_tinh', 'collective', [BK_COLLECTIVE,
      '- Tập thể có kế hoạch phát động, triển khai thực hiện phong trào thi đua “Cán bộ, công chức, viên chức Sơn Hà thi đua thực hiện văn hóa công sở” giai đoạn 2019-2025; từ năm 2019 đến năm 2021 được xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó có ít nhất 01 năm được xếp loại hoàn thành xuất sắc nhiệm vụ; có sáng kiến hoặc mô hình tiêu biểu trong xây dựng môi trường công sở văn minh, thân thiện, có hiệu quả, được biểu dương, tuyên truyền trên các phương tiện truyền thông của ngành hoặc của tỉnh.',
    ], { type: 'all', rules: [GOOD_EVERY_YEAR, ONE_EXCELLENT] }),
    k.criterion('bang_khen_tinh', 'collective', [BK_COLLECTIVE,
      `- Các phòng, ban, đơn vị trực thuộc Văn phòng: Từ năm 2019 đến năm 2021, được xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó có ít nhất 01 năm được xếp loại hoàn thành xuất sắc nhiệm vụ; Phòng, ban, đơn vị có cá nhân được cấp cơ sở công nhận sáng kiến hoặc mô hình tiêu biểu đạt một trong các tiêu chí thi đua xây dựng môi trường công sở văn minh, hiện đại, thân thiện, xanh, sạch, đẹp theo quy định tại điểm 2.1 khoản 2 Mục II ${OFFICE_CULTURE_BASIS} của UBND tỉnh.`,
    ], { type: 'all', rules: [GOOD_EVERY_YEAR, ONE_EXCELLENT] }),
    k.criterion('bang_khen_tinh', 'individual', [
      `Thực hiện tốt các nội dung thi đua tại điểm 2.2 khoản 2 Mục II ${PLAN_179} và đạt các tiêu chuẩn sau:`,
      `- Từ năm 2019 đến hết năm 2021 liên tục được xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó có ít nhất 01 năm được xếp loại hoàn thành xuất sắc nhiệm vụ; có sáng kiến hoặc giải pháp theo một trong các tiêu chí thi đua thực hiện kỉ cương, trách nhiệm, tận tụy, chuyên nghiệp quy định điểm 2.2 khoản 2 Mục II ${OFFICE_CULTURE_BASIS} của UBND tỉnh, góp phần thực hiện văn hóa, văn minh công sở, được cấp cơ sở công nhận.`,
    ], { type: 'all', rules: [GOOD_EVERY_YEAR, ONE_EXCELLENT, BASE_INITIATIVE] }),
    k.criterion('giay_khen', 'collective', [
      `Các phòng, ban, đơn vị thực hiện tốt các nội dung thi đua tại điểm 2.1 khoản 2 Mục II ${PLAN_29} và đạt các tiêu chuẩn sau: Từ năm 2019 đến năm 2021, được xếp loại hoàn thành tốt nhiệm vụ trở lên. Phòng, ban, đơn vị có cá nhân được cấp cơ sở công nhận sáng kiến hoặc mô hình tiêu biểu đạt một trong các tiêu chí thi đua xây dựng môi trường công sở văn minh, hiện đại, thân thiện, xanh, sạch, đẹp theo quy định tại điểm 2.1 khoản 2 Mục II Kế hoạch số 29/KH-VPUB ngày 14/8/2019 của Văn phòng UBND tỉnh.`,
    ], GOOD_EVERY_YEAR),
    k.criterion('giay_khen', 'individual', [
      `Thực hiện tốt các nội dung thi đua tại điểm 2.2 khoản 2 Mục II ${PLAN_29} và đạt các tiêu chuẩn sau:`,
      '- Từ năm 2019 đến hết năm 2021 liên tục được xếp loại hoàn thành tốt nhiệm vụ trở lên; có sáng kiến hoặc giải pháp theo một trong các tiêu chí thi đua thực hiện kỉ cương, trách nhiệm, tận tụy, chuyên nghiệp quy định điểm 2.2 khoản 2 Mục II Kế hoạch số 29/KH-VPUB ngày 14/8/2019 của Văn phòng UBND tỉnh góp phần thực hiện văn hóa, văn minh công sở, được cấp cơ sở công nhận.',
    ], { type: 'all', rules: [GOOD_EVERY_YEAR, BASE_INITIATIVE] }),
  );

  // III.2 Hình thức, III.4 Số lượng (for the whole Office), III.5 Hồ sơ: the mid-term awards, made the Office's own.
  const office = ctx.orgId(OFFICE);
  const [gk, bk, state] = [0, 1, 2].map((i) => inheritedOf(plan.awards, idAt(p.awards, i)));
  Object.assign(gk!, {
    proposedBy: 'Các phòng, ban, đơn vị tổ chức họp, lựa chọn và đề xuất tặng Giấy khen của Chánh Văn phòng UBND tỉnh (cấp cơ sở).',
    quotas: [k.quota({ organisationIds: [office], label: 'Số lượng xét tặng Giấy khen của Chánh Văn phòng UBND tỉnh (cả Văn phòng)', collectives: 2, individuals: 5 })],
    priorities: PRIORITIES.map(k.para), exclusions: EXCLUSIONS.map(k.para),
    dossier: ['Tờ trình của phòng, ban, đơn vị đề nghị.', 'Biên bản họp xét của phòng, ban, đơn vị.'].map(k.para),
  });
  Object.assign(bk!, {
    proposedBy: 'Các phòng, ban, đơn vị tổ chức họp, lựa chọn và đề xuất tặng Bằng khen của Chủ tịch UBND tỉnh (cấp tỉnh).',
    quotas: [k.quota({ organisationIds: [office], label: 'Xét tặng không quá 01 tập thể là phòng, ban, đơn vị trực thuộc Văn phòng và không quá 01 cá nhân là cán bộ, công chức, viên chức trực thuộc Văn phòng', collectives: 1, individuals: 1 })],
    priorities: PRIORITIES.map(k.para), exclusions: EXCLUSIONS.map(k.para),
    dossier: [
      'Tờ trình của phòng, ban, đơn vị đề nghị (nêu rõ thông tin hoặc kèm theo danh sách của tập thể, cá nhân được đề nghị khen thưởng).',
      'Biên bản họp xét của phòng, ban, đơn vị.',
      'Báo cáo thành tích (theo Mẫu số 07 tại Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng, thể hiện rõ thành tích theo tiêu chuẩn xét khen thưởng) có xác nhận của Lãnh đạo Văn phòng.',
    ].map(k.para),
  });
  Object.assign(state!, { proposedBy: 'Cấp Nhà nước (có hướng dẫn của Ban Thi đua - Khen thưởng Trung ương sau).' });

  // IV. Tổ chức thực hiện; "trước ngày 21/5/2022" and "trước ngày 26/5/2022" are exclusive: the last days are 20/5 and 25/5.
  plan.tasks = [
    k.task(null, 'Các phòng, ban, đơn vị', 'Căn cứ điều kiện và tình hình thực tế thực hiện sơ kết, đánh giá phong trào; Tổ chức họp, lựa chọn và đề xuất tặng Bằng khen của Chủ tịch UBND tỉnh và Giấy khen của Chánh Văn phòng UBND tỉnh đối với tập thể, cá nhân có thành tích tiêu biểu trong thực hiện phong trào thi đua.'),
    k.task(null, 'Các phòng, ban, đơn vị', 'Hồ sơ đề nghị xét tặng Bằng khen của Chủ tịch UBND tỉnh và Giấy khen của Chánh Văn phòng UBND tỉnh đối với tập thể và cá nhân gửi về Phòng Hành chính – Tổ chức trước ngày 21/5/2022.', '2022-05-20'),
    k.task(HR, 'Phòng Hành chính – Tổ chức', 'Chủ trì, phối hợp với các phòng, ban, đơn vị tham mưu tổ chức sơ kết 03 năm thực hiện phong trào thi đua theo Kế hoạch đảm bảo thiết thực, hiệu quả; thực hiện công tác khen thưởng kịp thời, chính xác theo quy định.'),
    k.task(HR, 'Phòng Hành chính – Tổ chức', 'Tham mưu với Lãnh đạo Văn phòng xây dựng Báo cáo sơ kết 03 năm thực hiện phong trào thi đua “Cán bộ, công chức, viên chức Văn phòng UBND tỉnh Sơn Hà thi đua thực hiện văn hóa công sở” giai đoạn 2019-2025 báo cáo Sở Nội vụ (qua Ban Thi đua – Khen thưởng) trước ngày 26/5/2022.', '2022-05-25'),
  ];
  plan.recipients = [
    `Đ/c ${ctx.personName('p-pct-tinh') ?? ''}-PCT UBND tỉnh (Báo cáo)`, 'Sở Nội vụ (Báo cáo)', 'Lãnh đạo Văn phòng UBND tỉnh',
    'Các phòng, ban, đơn vị trực thuộc', 'Trang thông tin điện tử VP', 'Lưu: VT, TCHCQT,H02b',
  ];
  plan.signer = signer(ctx, 'p-cvp-ubnd', 'Chánh Văn phòng');

  const inherited = inheritPhases(parent.phases, ctx.newId);
  const review = {
    ...inheritedOf(inherited, idAt(parent.phases, 2)),
    title: 'Sơ kết 03 năm thực hiện phong trào thi đua “Cán bộ, công chức, viên chức Văn phòng UBND tỉnh Sơn Hà thi đua thực hiện văn hóa công sở” giai đoạn 2019 - 2025 (Kế hoạch sơ kết tháng 5 năm 2022): báo cáo Sở Nội vụ (qua Ban Thi đua – Khen thưởng) trước ngày 26/5/2022',
    startsOn: null, dueOn: '2022-05-25', dueFrom: 'Phòng Hành chính – Tổ chức tham mưu Lãnh đạo Văn phòng',
    outline: [
      { title: 'I.1. Mục đích', points: [
        'Đánh giá quá trình tổ chức triển khai thực hiện và kết quả của phong trào thi đua trong 03 năm (2019 - 2022) làm cơ sở tiếp tục triển khai thực hiện có hiệu quả phong trào thi đua đến năm 2025.',
        'Biểu dương, tôn vinh các tập thể phòng, ban, đơn vị, cán bộ, công chức, viên chức Văn phòng có thành tích tiêu biểu, xuất sắc trong thực hiện phong trào thi đua; kịp thời phát hiện nhân tố mới, bồi dưỡng nhân rộng các điển hình tiên tiến, cách làm sáng tạo hiệu quả trong thực hiện phong trào thi đua.',
      ] },
      { title: 'I.2. Yêu cầu', points: [
        'Đánh giá thực chất quá trình tổ chức, triển khai thực hiện phong trào; khen thưởng đảm bảo chính xác, công khai, dân chủ, khách quan, đúng thành tích, có tác dụng nêu gương, tuyên truyền giáo dục và nhân rộng; rút ra những bài học kinh nghiệm, xác định mục tiêu, nội dung và các giải pháp tiếp tục đẩy mạnh phong trào thi đua đến năm 2025.',
        'Tổ chức sơ kết bảo đảm thiết thực, hiệu quả, phù hợp với tình hình thực tế của cơ quan Văn phòng UBND tỉnh.',
      ] },
      { title: 'II. Nội dung', points: [
        '1. Đánh giá kết quả công tác lãnh đạo, chỉ đạo của của các phòng, ban, đơn vị trong việc tổ chức phát động và triển khai các phong trào thi đua; sự tham gia và hưởng ứng tích cực của đội ngũ cán bộ, công chức, viên chức trong thực hiện phong trào thi đua.',
        `2. Đánh giá kết quả thực hiện phong trào theo từng nội dung thi đua (theo ${OFFICE_CULTURE_BASIS} của UBND tỉnh và Kế hoạch số 29/KH-VPUB ngày 14/8/2019 của Văn phòng UBND tỉnh), trong đó tập trung đánh giá các giải pháp, mô hình, cách làm sáng tạo, góp phần thực hiện hiệu quả phong trào thi đua của cơ quan Văn phòng.`,
        '3. Đánh giá tác động, hiệu quả của phong trào thi đua đối với việc thực hiện nhiệm vụ chính trị của các phòng, ban, đơn vị gắn với việc đẩy mạnh “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” và các phong trào thi đua, các cuộc vận động đang được triển khai thực hiện.',
        '4. Đánh giá kết quả đạt được, tồn tại, hạn chế, nguyên nhân và bài học kinh nghiệm trong triển khai thực hiện phong trào thi đua; những kiến nghị, đề xuất tiếp tục đẩy mạnh phong trào thi đua trong các năm tiếp theo (2023 - 2025).',
        '5. Xem xét, lựa chọn, biểu dương, tôn vinh kịp thời các tập thể, cá nhân tiêu biểu trong phong trào thi đua các phòng, ban, đơn vị.',
      ] },
    ],
  };
  const nomination = k.phase({
    kind: 'nomination', title: 'Hồ sơ đề nghị xét tặng Bằng khen của Chủ tịch UBND tỉnh và Giấy khen của Chánh Văn phòng UBND tỉnh gửi về Phòng Hành chính – Tổ chức trước ngày 21/5/2022',
    dueOn: '2022-05-20', dueFrom: 'Các phòng, ban, đơn vị thuộc Văn phòng',
  });
  const phases = inherited.map((ph) => (ph.id === review.id ? review : ph));
  phases.splice(phases.indexOf(review) + 1, 0, nomination);

  return {
    key: OFFICE_REVIEW, id: ctx.newId(), organisationKey: OFFICE, parentKey: parent.key, kind: 'multi_year', status: 'issued',
    name: 'Phong trào thi đua “Cán bộ, công chức, viên chức Văn phòng UBND tỉnh Sơn Hà thi đua thực hiện văn hóa công sở” giai đoạn 2019 - 2025',
    slogan: '', documentNumber: 29, documentSymbol: 'KH-VPUB', place: 'Sơn Hà', issuedOn: '2019-08-14',
    periodStart: parent.periodStart, periodEnd: parent.periodEnd, plan: validPlan(plan), phases,
  };
}
