// The Cao Bằng campaign (2023): the chairman's campaign for the 75th anniversary of President Hồ Chí Minh's
// call to patriotic emulation (11/6/1948 – 11/6/2023), issued by the demo root (UBND tỉnh Sơn Hà), with
// its report outline (đề cương) as the outline of the report phase. "Cao Bằng" becomes Sơn Hà.
//
// The seed gives no number, date or deadline for the units' own plans. Demo assumptions: 1086/KH-UBND of
// 20/4/2023 (after Quyết định 368/QĐ-TTg of 11/4/2023 that it cites) and response plans due 15/5/2023.
// Mường Khoa answers with a short plan of its own (86/KH-UBND, 08/5/2023, demo text); Ngọc Lâm does not.
import { inheritPlan } from '../movements/index.ts';
import { ROOT } from './organisations.ts';
import { inheritPhases, kit, signer, validPlan, type DemoMovement, type MovementContext } from './movements-build.ts';

export const CAMPAIGN_1948 = 'td1948-tinh';
export const CAMPAIGN_1948_RESPONSE = 'td1948-mk';
const NAME = 'Phát động thi đua lập thành tích chào mừng Kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2023)';
const ANNIVERSARY = 'Kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2023)';
/** Members of the demo's provincial clusters and blocks in 2023, other than the districts and the Education and Health departments. */
const CLUSTER_MEMBERS = ['vp-ubnd', 'snv', 'stc', 'snnptnt', 'stnmt', 'svh', 'cty-xskt', 'cty-capnuoc', 'htx-che'];
const UP_TO_TWO = ['h-mk', 'h-nl', 'sgddt', 'syt'];

export function buildCampaign1948(ctx: MovementContext): DemoMovement {
  const k = kit(ctx);
  const plan = validPlan({
    legalBases: [k.basis(`Căn cứ Quyết định số 368/QĐ-TTg ngày 11/4/2023 của Thủ tướng Chính phủ phê duyệt Đề án tổ chức các hoạt động ${ANNIVERSARY.charAt(0).toLowerCase()}${ANNIVERSARY.slice(1)}`)],
    purposes: k.paras([
      'Tuyên truyền, giáo dục lòng yêu nước, truyền thống cách mạng, truyền thống lịch sử, thể hiện lòng tự hào dân tộc, sức mạnh khối đại đoàn kết toàn dân tộc; củng cố niềm tin của cán bộ, đảng viên và Nhân dân vào sự lãnh đạo của Đảng và thắng lợi của sự nghiệp đổi mới đất nước, vì “mục tiêu dân giàu, nước mạnh, dân chủ, công bằng, văn minh”.',
      `Đẩy mạnh các phong trào thi đua yêu nước nhằm cổ vũ, động viên cán bộ, đảng viên và Nhân dân các dân tộc khắc ghi lời căn dặn của Bác “Thi đua là yêu nước, yêu nước thì phải thi đua, những người thi đua là những người yêu nước nhất”, phát huy truyền thống quê hương cội nguồn cách mạng, đẩy mạnh các phong trào thi đua yêu nước, tiếp tục “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”, thi đua lập thành tích chào mừng ${ANNIVERSARY}, góp phần thực hiện thắng lợi các nhiệm vụ phát triển kinh tế - xã hội năm 2023 và giai đoạn 2021 - 2025.`,
      'Phát hiện, biểu dương khen thưởng kịp thời các tập thể, cá nhân có thành tích tiêu biểu xuất sắc trong phong trào thi đua để tuyên truyền, tạo sức lan tỏa tích cực trong xã hội.',
      // II.2 Mục tiêu thi đua: the schema has no list for targets, so they follow the purposes.
      'Mục tiêu thi đua: Tạo không khí thi đua sôi nổi, rộng khắp ở tất cả các cấp, các ngành, các địa phương, qua đó huy động sức mạnh tổng hợp, sự tham gia tích cực của các tầng lớp Nhân dân thi đua, hoàn thành thắng lợi các mục tiêu, chỉ tiêu phát triển kinh tế - xã hội 6 tháng đầu năm 2023, góp phần thực hiện hoàn thành và hoàn thành vượt mức các chỉ tiêu phát triển kinh tế - xã hội năm 2023 và Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ 2020 - 2025.',
      `Mục tiêu thi đua: Tổ chức các hoạt động ý nghĩa, thiết thực ${ANNIVERSARY}.`,
    ]),
    requirements: k.paras(['Đợt thi đua được triển khai sâu rộng, chất lượng, hiệu quả ở các cấp, các ngành và tạo sự chuyển biến mạnh mẽ về nhận thức và hành động ở các cấp, các ngành, gắn với các nội dung, hành động, việc làm cụ thể, phù hợp với tình hình thực tế của các cơ quan, đơn vị, địa phương, góp phần thực hiện chất lượng, hiệu quả các mục tiêu, nhiệm vụ trong 6 tháng đầu năm 2023.']),
    participants: [
      k.participant('collective', 'Sở, ban, ngành, đoàn thể, lực lượng vũ trang; các huyện, thành phố; các xã, phường, thị trấn; xóm, tổ dân phố trên địa bàn tỉnh Sơn Hà'),
      k.participant('enterprise', 'Doanh nghiệp'),
      k.participant('cooperative', 'Hợp tác xã'),
      k.participant('individual', 'Cán bộ, đảng viên, công chức, viên chức, lực lượng vũ trang, người lao động, học sinh, sinh viên trên địa bàn tỉnh Sơn Hà'),
      k.participant('household', 'Hộ gia đình trên địa bàn tỉnh Sơn Hà'),
      k.participant('citizen', 'Nhân dân trên địa bàn tỉnh Sơn Hà'),
    ],
    // II.1 Nội dung thi đua: for every participant; the schema asks for one kind per content.
    contents: [
      k.content('collective', 'Nội dung thi đua', 'Tập trung chỉ đạo và tổ chức thực hiện hoàn thành và hoàn thành vượt mức các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2023, góp phần thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2023.'),
      k.content('collective', 'Nội dung thi đua', `Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh bằng những việc làm, hành động cụ thể: huy động các nguồn lực chung tay xây dựng Sơn Hà; có những công trình, phần việc cụ thể, thiết thực, các hoạt động văn hóa, văn nghệ, thể thao, các hoạt động tuyên truyền chào mừng ${ANNIVERSARY}.`),
      k.content('individual', 'Nội dung thi đua', 'Chấp hành nghiêm kỷ luật, kỷ cương hành chính, thực hiện văn hóa và đạo đức công vụ; cải tiến lề lối làm việc, tác phong, phong cách công tác, thái độ phục vụ Nhân dân của đội ngũ cán bộ, đảng viên, công chức, viên chức; giải pháp đẩy nhanh tiến độ, nâng cao năng suất, hiệu quả, lập thành tích đặc biệt xuất sắc... trong lao động, học tập, công tác.'),
    ],
    // IV.1 Tiêu chuẩn for the Chairman's Bằng khen
    criteria: [
      k.criterion('bang_khen_tinh', 'collective', [
        'a) Tập thể (sở, ban, ngành, huyện, thành phố, xã, phường, thị trấn; các phòng, ban, đơn vị trực thuộc sở, ban, ngành, huyện, thành phố; doanh nghiệp, hợp tác xã) đạt các tiêu chuẩn sau:',
        '- Chấp hành tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước.',
        '- Có thành tích tiêu biểu, xuất sắc trong đợt thi đua hoặc có giải pháp đẩy nhanh tiến độ, nâng cao năng suất, chất lượng, hiệu quả... trong công tác, lao động sản xuất, học tập, chiến đấu... Trong 6 tháng đầu năm 2023 hoàn thành 100% mục tiêu, nhiệm vụ theo kế hoạch đề ra (trong đó có 20% nhiệm vụ hoàn thành vượt chỉ tiêu, kế hoạch).',
        '- Tích cực tham gia xây dựng các loại quỹ, các hoạt động nhân đạo, từ thiện góp phần thực hiện tốt công tác an sinh xã hội trên địa bàn tỉnh.',
        `- Có công trình, phần việc hoặc tổ chức các hoạt động ý nghĩa, thiết thực chào mừng ${ANNIVERSARY}.`,
      ]),
      k.criterion('bang_khen_tinh', 'individual', [
        'b) Cá nhân (cán bộ, công chức, viên chức, công nhân trong các cơ quan, đơn vị, doanh nghiệp; chiến sĩ trong các đơn vị lực lượng vũ trang; học sinh, sinh viên...) đạt các tiêu chuẩn sau:',
        '- Chấp hành tốt các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước, thực hiện tốt nội quy, quy định của cơ quan, đơn vị và địa phương; tích cực tham gia các hoạt động nhân đạo, từ thiện.',
        `- Gương mẫu đi đầu trong các phong trào thi đua, các cuộc vận động, đặc biệt trong việc “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” và phong trào thi đua lập thành tích chào mừng ${ANNIVERSARY}.`,
        '- Đạt thành tích tiêu biểu xuất sắc trong công tác, học tập, nghiên cứu khoa học, lao động sản xuất, chiến đấu và phục vụ chiến đấu... Trong 6 tháng đầu năm 2023 hoàn thành và hoàn thành vượt mức các nhiệm vụ được giao.',
      ]),
      k.criterion('bang_khen_tinh', 'household', [
        'c) Hộ gia đình đạt các tiêu chuẩn sau:',
        '- Gương mẫu chấp hành tốt chủ trương của Đảng, pháp luật của Nhà nước và quy định của địa phương.',
        '- Sản xuất, kinh doanh hiệu quả, có thu nhập ổn định và mức sống cao hơn các hộ khác trong số các hộ gia đình tại địa phương; áp dụng tiến bộ khoa học kỹ thuật hoặc có cách làm mới, cách làm hay, sáng tạo trong sản xuất, kinh doanh.',
        '- Việc sản xuất, kinh doanh đảm bảo an toàn lao động; vệ sinh môi trường và thực hiện đảm bảo đúng các quy định hiện hành...',
        '- Có tinh thần tương thân, tương ái giúp đỡ các hộ gia đình khác cùng phát triển, có đóng góp tích cực cho địa phương hoặc tạo công ăn việc làm cho nhiều lao động ở địa phương.',
      ]),
      k.criterion('bang_khen_tinh', 'citizen', [
        'd) Cá nhân là người dân trong cộng đồng dân cư đạt các tiêu chuẩn sau:',
        '- Chấp hành tốt các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước, quy định của địa phương.',
        '- Tích cực hưởng ứng các phong trào thi đua, các cuộc vận động do xóm, tổ dân phố phát động, đặc biệt trong việc “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” và phong trào thi đua lập thành tích chào mừng Kỷ niệm 75 năm ngày Chủ tịch Hồ Chí Minh ra lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2023).',
        '- Có nhiều đóng góp (ngày công, tiền của, hiến đất, ...) cho xây dựng nông thôn mới, vì người nghèo, công tác xã hội hóa và an sinh xã hội trong và ngoài địa bàn dân cư.',
      ]),
    ],
    awards: [
      k.award({
        phase: 'final_review', awardForm: 'bang_khen_tinh', recipients: ['collective', 'individual', 'household'],
        // IV.3 Tuyến trình khen thưởng and IV.4 Quy trình xét khen thưởng (the channel, "trực tuyến mức độ 4", is text only)
        proposedBy: [
          'Cấp nào quản lý về tổ chức, cán bộ, công chức, viên chức, người lao động và quỹ lương thì cấp đó chịu trách nhiệm khen thưởng và trình Chủ tịch Ủy ban nhân dân tỉnh khen thưởng đối với các đối tượng thuộc phạm vi quản lý.',
          'Ủy ban nhân dân các huyện, thành phố xét khen thưởng và trình Chủ tịch Ủy ban nhân dân tỉnh khen thưởng đối với các doanh nghiệp, hợp tác xã (không tham gia khối, cụm thi đua thuộc tỉnh), cá nhân, hộ gia đình trên địa bàn.',
          'Các cơ quan, đơn vị, địa phương căn cứ tiêu chuẩn, bình xét khen thưởng và nộp hồ sơ đề nghị khen thưởng bằng hình thức trực tuyến mức độ 4 trong ngày 03 và ngày 04 tháng 7 năm 2023.',
          'Cơ quan thường trực Hội đồng thi đua, khen thưởng tỉnh xem xét, thẩm định, đề nghị Chủ tịch Ủy ban nhân dân tỉnh khen thưởng đối với các trường hợp đủ tiêu chuẩn theo quy định.',
        ].join('\n'),
        quotas: [
          k.quota({ organisationIds: CLUSTER_MEMBERS.map(ctx.orgId), total: 1,
            label: 'Mỗi đơn vị tham gia khối, cụm thi đua thuộc tỉnh (trừ các huyện, thành phố và Sở Giáo dục và Đào tạo, Sở Y tế): 01 tập thể hoặc 01 cá nhân có thành tích tiêu biểu xuất sắc' }),
          k.quota({ organisationIds: UP_TO_TWO.map(ctx.orgId), total: 2,
            label: 'Mỗi huyện, thành phố, Sở Giáo dục và Đào tạo và Sở Y tế: không quá 02 tập thể, cá nhân có thành tích tiêu biểu xuất sắc' }),
        ],
        priorities: ['Chú trọng khen thưởng người trực tiếp lao động, công nhân, nông dân, hộ gia đình.'],
        dossier: [
          'Tờ trình đề nghị khen thưởng.',
          'Biên bản xét khen thưởng của Hội đồng thi đua, khen thưởng của cơ quan, đơn vị, địa phương.',
          'Báo cáo thành tích của cá nhân hoặc tập thể được đề nghị khen thưởng (Theo mẫu số 07 ban hành kèm theo Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật thi đua, khen thưởng). Riêng đối với cá nhân là người lao động không giữ chức vụ lãnh đạo quản lý trong doanh nghiệp, nông dân, hộ gia đình thì địa phương, doanh nghiệp trình khen thưởng có trách nhiệm tóm tắt thành tích cho cá nhân, hộ gia đình.',
        ],
        window: { opens: '2023-07-03', closes: '2023-07-04' },
      }),
      k.award({
        phase: 'final_review', awardForm: 'giay_khen', recipients: ['collective', 'individual'],
        proposedBy: 'Giấy khen của Thủ trưởng các cơ quan, đơn vị, địa phương và doanh nghiệp, hợp tác xã: Các cơ quan, đơn vị, địa phương, doanh nghiệp, hợp tác xã (các đơn vị) căn cứ quy định của pháp luật về công tác thi đua, khen thưởng và nội dung của đợt thi đua quy định số lượng, tiêu chuẩn khen thưởng phù hợp nhằm khuyến khích, động viên các tập thể, cá nhân tích cực tham gia đợt thi đua.',
      }),
    ],
    tasks: [
      k.task(null, 'Hội đồng thi đua, khen thưởng tỉnh', 'Thành viên Hội đồng thi đua, khen thưởng tỉnh phụ trách các khối thi đua chỉ đạo, đôn đốc và kiểm tra các đơn vị thực hiện Kế hoạch này.'),
      k.task(null, 'Ban Tuyên giáo Tỉnh ủy', 'Đề nghị chỉ đạo, định hướng các cơ quan, đơn vị và các cơ quan thông tin, tuyên truyền của tỉnh đẩy mạnh các hoạt động tuyên truyền về đợt thi đua, các điển hình tiên tiến, gương người tốt, việc tốt trên các ấn phẩm báo chí.'),
      k.task(null, 'Mặt trận Tổ quốc Việt Nam tỉnh Sơn Hà', 'Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, các đoàn thể chính trị, xã hội và các tổ chức xã hội nghề nghiệp chỉ đạo và phối hợp chặt chẽ với cấp ủy, chính quyền các cấp tăng cường công tác tuyên truyền, vận động quần chúng Nhân dân, phát huy sức mạnh khối đại đoàn kết toàn dân để tham gia thực hiện phong trào thi đua.'),
      k.task('snv', 'Sở Nội vụ', 'Chủ trì hướng dẫn, đôn đốc các đơn vị tổ chức triển khai thực hiện đợt thi đua; tổng hợp danh sách và đề nghị Chủ tịch Ủy ban nhân dân tỉnh khen thưởng cho tập thể, cá nhân có thành tích xuất sắc trong đợt thi đua theo quy định.'),
      k.task('snv', 'Sở Nội vụ', 'Hướng dẫn các đơn vị xây dựng báo cáo đánh giá tổng kết đợt thi đua và tổng hợp, xây dựng báo cáo tổng kết đợt thi đua trên địa bàn toàn tỉnh.'),
      k.task(null, 'Sở Thông tin và Truyền thông', 'Chủ trì, phối hợp với các cơ quan có liên quan hướng dẫn, chỉ đạo các cơ quan thông tin đại chúng của tỉnh và địa phương đẩy mạnh công tác tuyên truyền về phong trào thi đua yêu nước, kịp thời nêu gương “người tốt, việc tốt”, gương điển hình tiên tiến và nhân tố mới trong phong trào thi đua.'),
      k.task(null, 'Báo Sơn Hà, Đài Phát thanh - Truyền hình Sơn Hà', 'Đẩy mạnh công tác tuyên truyền về thi đua yêu nước, mở các chuyên trang, chuyên mục, xây dựng phóng sự, đưa tin bài về tư tưởng của Bác về thi đua ái quốc; những thành quả đạt được qua các phong trào thi đua; tăng thời lượng phát sóng để biểu dương gương người tốt, việc tốt, các điển hình mới và nhân tố mới trong các phong trào thi đua.'),
      k.task(null, 'Các cơ quan, đơn vị, địa phương, doanh nghiệp', `Xây dựng Kế hoạch triển khai đợt thi đua sát với tình hình thực tế, gắn với nhiệm vụ chính trị trọng tâm năm 2023 của đơn vị; tổ chức các hoạt động văn hóa, văn nghệ, thể thao, các hoạt động tuyên truyền, những công trình, phần việc cụ thể, thiết thực chào mừng ${ANNIVERSARY}.`),
      k.task(null, 'Các cơ quan, đơn vị, địa phương, doanh nghiệp', 'Tuyên truyền, giới thiệu gương điển hình tiên tiến trong đợt thi đua trên cổng thông tin điện tử của đơn vị và gửi Ban Thi đua - Khen thưởng tỉnh để giới thiệu, tuyên truyền trên các phương tiện thông tin đại chúng.'),
      k.task(null, 'Các cơ quan, đơn vị, địa phương, doanh nghiệp', 'Xét, đề nghị khen thưởng hoặc khen thưởng theo thẩm quyền đối với các tập thể, cá nhân có thành tích tiêu biểu xuất sắc trong đợt thi đua theo quy định.'),
      k.task(null, 'Các cơ quan, đơn vị, địa phương, doanh nghiệp', 'Báo cáo kết quả đợt thi đua (theo đề cương gửi kèm) gửi Sở Nội vụ (qua Ban Thi đua - Khen thưởng tỉnh) chậm nhất ngày 10/7/2023 để tổng hợp báo cáo Chủ tịch Ủy ban nhân dân tỉnh.', '2023-07-10'),
    ],
    recipients: [
      'Ban TĐKT TW (b/c)', 'Thường trực Tỉnh uỷ, HĐND, Đoàn ĐBQH tỉnh', 'Chủ tịch, các Phó Chủ tịch UBND tỉnh',
      'UBND các tỉnh trong cụm thi đua 7 tỉnh Miền núi biên giới phía Bắc', 'Các sở, ban, ngành, LLVT tỉnh', 'Ủy ban MTTQ và các đoàn thể tỉnh',
      'UBND các huyện, thành phố', 'Các doanh nghiệp, HTX', 'Các thành viên HĐTĐKT tỉnh', 'Ban TĐKT', 'Lưu: VT, NC, NV.',
    ],
    signer: signer(ctx, 'p-ct-tinh', 'Chủ tịch'),
  });

  return {
    key: CAMPAIGN_1948, id: ctx.newId(), organisationKey: ROOT, parentKey: null, kind: 'campaign', status: 'issued', name: NAME,
    slogan: `Nhân dân và cán bộ tỉnh Sơn Hà thi đua lập thành tích chào mừng Kỷ niệm 75 năm ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2023)`,
    documentNumber: 1086, documentSymbol: 'KH-UBND', place: 'Sơn Hà', issuedOn: '2023-04-20',
    // II.4 Thời gian thi đua và tính xét khen thưởng: từ ngày 01/01/2023 đến hết tháng 6 năm 2023
    periodStart: '2023-01-01', periodEnd: '2023-06-30', plan,
    phases: [
      k.phase({ kind: 'launch', title: `Chủ tịch Ủy ban nhân dân tỉnh phát động thi đua lập thành tích chào mừng ${ANNIVERSARY}`, startsOn: '2023-04-20', dueFrom: 'issuer' }),
      k.phase({ kind: 'response_plan', title: 'Các cơ quan, đơn vị, địa phương, doanh nghiệp xây dựng Kế hoạch triển khai đợt thi đua (hạn do dữ liệu mẫu đặt)', dueOn: '2023-05-15' }),
      k.phase({ kind: 'nomination', title: 'Nộp hồ sơ đề nghị khen thưởng bằng hình thức trực tuyến mức độ 4 trong ngày 03 và ngày 04 tháng 7 năm 2023', startsOn: '2023-07-03', dueOn: '2023-07-04' }),
      k.phase({
        kind: 'final_review', title: 'Báo cáo kết quả đợt thi đua (theo đề cương gửi kèm) gửi Sở Nội vụ (qua Ban Thi đua - Khen thưởng tỉnh) chậm nhất ngày 10/7/2023',
        dueOn: '2023-07-10', dueFrom: 'Các cơ quan, đơn vị, địa phương, doanh nghiệp',
        outline: [
          { title: 'I. Kết quả thực hiện đợt thi đua', points: [
            '1. Công tác lãnh đạo, chỉ đạo triển khai đợt thi đua của ủy, chính quyền, Hội đồng thi đua, khen thưởng cơ quan, đơn vị, địa phương',
            '2. Công tác tuyên truyền triển khai đợt thi đua.',
            '3. Kết quả thực hiện các nội dung của đợt thi đua',
            '4. Tác động của đợt thi đua đối với kết quả thực hiện nhiệm vụ của cơ quan, đơn vị, địa phương',
            '5. Công tác khen thưởng trong đợt thi đua',
          ] },
          { title: 'II. Đánh giá chung', points: ['1. Ưu điểm', '2. Hạn chế', '3. Nguyên nhân của hạn chế'] },
          { title: 'III. Bài học kinh nghiệm', points: [] },
          { title: 'IV. Đề xuất, kiến nghị', points: [] },
        ],
      }),
    ],
  };
}

/** Mường Khoa's response plan (demo text, not a seed): the campaign inherited, with the district's own tasks. */
export function buildCampaign1948Response(ctx: MovementContext, parent: DemoMovement): DemoMovement {
  const k = kit(ctx);
  const plan = inheritPlan(parent.plan, {
    text: `Thực hiện Kế hoạch số ${parent.documentNumber}/${parent.documentSymbol} ngày 20/4/2023 của Ủy ban nhân dân tỉnh Sơn Hà ${NAME.charAt(0).toLowerCase()}${NAME.slice(1)}`,
    movementId: parent.id,
  }, ctx.newId);
  plan.tasks = [
    k.task(null, 'Các cơ quan, đơn vị thuộc huyện; Ủy ban nhân dân các xã', 'Xây dựng kế hoạch triển khai đợt thi đua; bình xét, gửi hồ sơ đề nghị khen thưởng về Phòng Nội vụ chậm nhất ngày 30/6/2023; báo cáo kết quả đợt thi đua theo đề cương gửi Phòng Nội vụ chậm nhất ngày 05/7/2023.', '2023-07-05'),
    k.task('h-mk-pnv', 'Phòng Nội vụ huyện Mường Khoa', 'Hướng dẫn, đôn đốc các cơ quan, đơn vị, Ủy ban nhân dân các xã triển khai đợt thi đua; thẩm định hồ sơ, trình Ủy ban nhân dân huyện đề nghị Chủ tịch Ủy ban nhân dân tỉnh khen thưởng trong ngày 03 và ngày 04 tháng 7 năm 2023; tổng hợp báo cáo kết quả đợt thi đua gửi Sở Nội vụ chậm nhất ngày 10/7/2023.', '2023-07-10'),
  ];
  plan.recipients = ['UBND tỉnh (b/c)', 'Sở Nội vụ (Ban Thi đua - Khen thưởng)', 'Các cơ quan, đơn vị thuộc huyện', 'UBND các xã', 'Lưu: VT.'];
  plan.signer = signer(ctx, 'p-ct-mk', 'Chủ tịch');
  return {
    key: CAMPAIGN_1948_RESPONSE, id: ctx.newId(), organisationKey: 'h-mk', parentKey: parent.key, kind: 'campaign', status: 'issued',
    name: parent.name, slogan: parent.slogan, documentNumber: 86, documentSymbol: 'KH-UBND', place: 'Mường Khoa', issuedOn: '2023-05-08',
    periodStart: parent.periodStart, periodEnd: parent.periodEnd, plan: validPlan(plan), phases: inheritPhases(parent.phases, ctx.newId),
  };
}
