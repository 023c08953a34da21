// The An Biên district plan (Kiên Giang, 118/KH-UBND of 17/9/2019): a district's cascade of the office-culture
// movement, made with inheritPlan from the provincial plan (movements-office-culture.ts) and then edited
// to the district's text: its own wording, the local contents đ), e), g) added, state-level awards left to
// the central plan, its dossier, and the routing of nominations through the district Phòng Nội vụ.
// Attached to the demo district Mường Khoa; "An Biên" and "Kiên Giang" become Mường Khoa and Sơn Hà.
import { inheritPlan } from '../movements/index.ts';
import type { Plan } from '../movements/index.ts';
import { OFFICE_CULTURE_BASIS } from './movements-office-culture.ts';
import {
  idAt, inheritedOf, inheritPhases, kit, signer, validPlan, type DemoMovement, type MovementContext,
} from './movements-build.ts';

export const AN_BIEN = 'vhcs-mk';
const DISTRICT = 'h-mk';

const COLLECTIVE_THEME = 'Thi đua xây dựng cơ quan, đơn vị văn minh, hiện đại, xanh, sạch, đẹp';
const REVIEW = (what: 'sơ kết' | 'tổng kết') => `Các cơ quan, ban, ngành, đoàn thể cấp huyện; UBND xã, thị trấn tiến hành ${what}, xét khen thưởng cho tập thể, cá nhân đạt thành tích xuất sắc theo thẩm quyền và lựa chọn tập thể, cá nhân xuất sắc tiêu biểu để đề nghị Ủy ban nhân dân huyện tặng thưởng Giấy khen hoặc trình UBND tỉnh tặng Bằng khen.`;
const DOSSIER = [
  'a) Văn bản đề nghị khen thưởng của cấp trình khen.',
  'b) Biên bản họp Hội đồng Thi đua Khen thưởng của cấp trình khen. Báo cáo thành tích của tập thể, cá nhân đề nghị khen thưởng theo quy định.',
];

export function buildAnBien(ctx: MovementContext, parent: DemoMovement): DemoMovement {
  const k = kit(ctx);
  const p = parent.plan;
  const plan: Plan = inheritPlan(p, {
    text: `Căn cứ ${OFFICE_CULTURE_BASIS} của Ủy ban nhân dân tỉnh Sơn Hà về tổ chức phong trào thi đua “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở” giai đoạn 2019 - 2025.`,
    movementId: parent.id,
  }, ctx.newId);
  const from = <T extends { inheritedFrom: string | null }>(items: T[], parentItems: { id: string }[], i: number, patch: Partial<T>): T =>
    ({ ...inheritedOf(items, idAt(parentItems, i)), ...patch });

  plan.purposes = [
    from(plan.purposes, p.purposes, 0, { text: 'Tạo sự chuyển biến mạnh mẽ về ý thức và hành động; tự tu dưỡng, rèn luyện, nâng cao ý thức, đạo đức công vụ, đạo đức nghề nghiệp của cán bộ, công chức, viên chức, người lao động; tăng cường kỷ cương, kỷ luật hành chính; phòng, chống tham nhũng, thực hành tiết kiệm, chống lãng phí qua đó tiếp tục xây dựng hình ảnh đội ngũ cán bộ, công chức, viên chức gương mẫu, tận tụy, chuẩn mực, chuyên nghiệp, trách nhiệm, kỷ cương, tận tình, thân thiện; đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh thông qua những việc làm cụ thể hàng ngày, trên mọi lĩnh vực công tác;' }),
    from(plan.purposes, p.purposes, 1, { text: 'Bảo đảm tính liên tục và hiệu quả hoạt động của các cơ quan Đảng, Nhà nước, Mặt trận Tổ quốc và các đoàn thể, tạo môi trường làm việc văn minh, hiện đại, chuyên nghiệp, trách nhiệm, minh bạch, hiệu quả góp phần xây dựng hệ thống chính trị trong sạch, vững mạnh, xây dựng Nhà nước của dân, do dân, vì Nhân dân phục vụ.' }),
  ];
  plan.requirements = [
    from(plan.requirements, p.requirements, 0, { text: 'Việc thực hiện Phong trào thi đua phải trở thành nhiệm vụ trọng tâm trong các phong trào thi đua của cơ quan, ban, ngành, đoàn thể các cấp từ huyện các cơ sở và các cụm, khối thi đua trong toàn huyện.' }),
    from(plan.requirements, p.requirements, 1, { text: 'Phong trào thi đua phải được triển khai sâu rộng trong các cơ quan Đảng, Nhà nước, Mặt trận Tổ quốc và các đoàn thể với nội dung, hình thức phong phú, thiết thực, có tiêu chí rõ ràng, cụ thể phù hợp các quy định của Đảng, Nhà nước và tình hình thực tiễn của từng cơ quan, đơn vị, địa phương;' }),
    from(plan.requirements, p.requirements, 2, { text: 'Đề cao trách nhiệm, vai trò của người đứng đầu cơ quan, đơn vị, địa phương trong việc chỉ đạo và tổ chức thực hiện phong trào thi đua; tổ chức thực hiện phong trào phải thường xuyên, liên tục, có đôn đốc, kiểm tra, đánh giá, sơ kết, tổng kết, kịp thời phát hiện nhân tố mới, bồi dưỡng, nhân rộng các điển hình tiên tiến, gương người tốt, việc tốt, các sáng kiến, kinh nghiệm hay trong Phong trào thi đua.' }),
  ];
  plan.participants = [
    from(plan.participants, p.participants, 0, { scope: 'Các cơ quan ban, ngành, đoàn thể cấp huyện; lực lượng vũ trang Nhân dân, đơn vị sự nghiệp công lập (sau đây gọi tắt là cơ quan, đơn vị)' }),
    from(plan.participants, p.participants, 1, { scope: 'Cán bộ, công chức, viên chức, người lao động và cán bộ, chiến sĩ trong lực lượng vũ trang Nhân dân (sau đây gọi tắt là cán bộ, công chức, viên chức)' }),
  ];

  // 2.1: a)–d) and h) continue the province's five contents; đ), e), g) are the district's own.
  const content = (i: number, text: string) => from(plan.contents, p.contents, i, { text });
  plan.contents = [
    content(0, 'a) Cụ thể hóa các chính sách, quy định của cấp có thẩm quyền; xây dựng, ban hành nội quy, quy chế của cơ quan, đơn vị về văn hóa công sở.'),
    content(1, 'b) Thực hiện đẩy mạnh công tác cải cách hành chính, công khai, minh bạch, đơn giản hóa các thủ tục hành chính, rút ngắn thời gian giải quyết công việc tại cơ quan, đơn vị.'),
    content(2, 'c) Thực hiện ứng dụng rộng rãi công nghệ thông tin trong hoạt động của cơ quan, đơn vị.'),
    content(3, 'd) Xây dựng và giữ gìn cơ quan, đơn vị văn minh, hiện đại, xanh, sạch, đẹp.'),
    k.content('collective', COLLECTIVE_THEME, 'đ) Không có khói thuốc lá tại công sở và nơi công cộng.'),
    k.content('collective', COLLECTIVE_THEME, 'e) Không có rác thải nhựa tại công sở và ngoài cộng đồng.'),
    k.content('collective', COLLECTIVE_THEME, 'g) Đảm bảo vệ sinh môi trường biển, không có rác thải nhất là rác thải nhựa.'),
    content(4, 'h) Tổ chức các phong trào thi đua thiết thực, hiệu quả với nội dung, hình thức phong phú, đa dạng, bám sát các nhiệm vụ chính trị của cơ quan, đơn vị để thu hút, tập hợp sự tham gia của đội ngũ cán bộ, công chức, viên chức góp phần hoàn thành tốt nhiệm vụ được giao.'),
    content(5, 'a) Chấp hành nghiêm túc kỷ cương, kỷ luật hành chính.'),
    content(6, 'b) Thực hiện chuyên nghiệp về chuyên môn, nghiệp vụ.'),
    content(7, 'c) Tinh thần, thái độ làm việc tận tụy, nghiêm túc, trách nhiệm.'),
    content(8, 'd) Thực hiện chuẩn mực trong giao tiếp, ứng xử.'),
    content(9, 'đ) Thường xuyên tu dưỡng, rèn luyện chuẩn mực về đạo đức, lối sống.'),
    content(10, 'e) Trang phục gọn gàng, sạch sẽ, lịch sự, phù hợp với tính chất công việc.'),
    content(11, 'g) Tích cực tham gia các phong trào thi đua yêu nước do cơ quan, đơn vị, phát động, tổ chức.'),
  ];

  // II.1 Tiêu chuẩn: 1.1 state level follows 733/QĐ-TTg; 1.2 for provincial and district awards. The
  // province's b) (administrative reform) is folded into the district's first item, so it is dropped.
  const STATE = ['1.1. Đối với khen cấp Nhà nước: Thực hiện theo Quyết định số 733/QĐ-TTg ngày 14/6/2019 của Thủ tướng Chính phủ về việc ban hành Kế hoạch tổ chức thực hiện phong trào thi đua “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở” giai đoạn 2019 - 2025.'];
  const criterion = (i: number, lines: string[]) => from(plan.criteria, p.criteria, i, { text: lines.join('\n') });
  plan.criteria = [
    k.criterion('bang_khen_thu_tuong', 'collective', STATE),
    k.criterion('bang_khen_thu_tuong', 'individual', STATE),
    criterion(0, [
      '- Xây dựng, ban hành và tổ chức thực hiện các văn bản chỉ đạo, lãnh đạo quản lý, điều hành trong phạm vi chức năng, nhiệm vụ và các văn bản quy định về văn hóa công sở của cơ quan, đơn vị:',
      '+ Xây dựng, cụ thể hóa và thực hiện cơ chế, chính sách, pháp luật đảm bảo chất lượng, công khai, minh bạch, hiệu quả, đúng thời hạn;',
      '+ Bám sát thực tiễn, nghiên cứu bổ sung kịp thời các hướng dẫn; tham mưu cho Huyện ủy, Hội đồng nhân dân huyện ban hành các nghị quyết, chương trình, đề án... cho Ủy ban nhân dân huyện ban hành văn bản pháp luật, chương trình, kế hoạch... đề ra và thực hiện các cơ chế, chính sách nhằm tháo gỡ khó khăn, vướng mắc cho người dân và doanh nghiệp; tăng cường vai trò quản lý nhà nước trên các lĩnh vực, thúc đẩy sự phát triển của huyện;',
      '+ Quản lý và sử dụng có hiệu quả ngân sách nhà nước và các nguồn kinh phí được giao; không để xảy ra lãng phí, tham nhũng; tích cực đấu tranh phòng, chống tham nhũng, thực hành tiết kiệm;',
      '+ Xây dựng, ban hành và thực hiện nghiêm các quy định, nội quy, quy chế của cơ quan, đơn vị, các quy định về văn hóa công sở, bảo đảm kỷ cương, kỷ luật hành chính; quản lý, sử dụng có hiệu quả thời gian làm việc của Nhà nước, của cơ quan, đơn vị;',
      '+ Tổ chức thực hiện có hiệu quả Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về “Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”;',
      '+ Thực hiện đẩy mạnh công tác cải cách hành chính, công khai, minh bạch, đơn giản hóa các thủ tục hành chính, rút ngắn thời gian giải quyết công việc tại cơ quan, đơn vị;',
      '+ Niêm yết đầy đủ các thủ tục hành chính tại trụ sở cơ quan, đơn vị nhằm làm cho hoạt động của cơ quan, đơn vị được công khai, minh bạch;',
      '+ Đơn giản hóa các thủ tục hành chính, rút ngắn thời gian giải quyết công việc, phục vụ Nhân dân tốt hơn;',
      '+ Tăng cường ứng dụng công nghệ thông tin, hiện đại hóa dịch vụ hành chính công, đảm bảo gắn kết chặt chẽ, đồng bộ giữa cải cách hành chính với xây dựng chính quyền điện tử để công khai, minh bạch nhằm tạo điều kiện cho Nhân dân giám sát hoạt động của cơ quan nhà nước thông qua môi trường mạng, đảm bảo hàng năm cắt giảm phần trăm chi phí tối thiểu tuân thủ thủ tục hành chính.',
    ]),
    criterion(2, ['- Thực hiện ứng dụng rộng rãi công nghệ thông tin trong hoạt động nội bộ của cơ quan, đơn vị. Cung cấp thông tin, dịch vụ công trực tuyến mức độ 3, mức độ 4 trên diện rộng cho người dân và doanh nghiệp phù hợp với chức năng, nhiệm vụ được giao.']),
    criterion(3, [
      '- Xây dựng và giữ gìn cơ quan, đơn vị văn minh, hiện đại, xanh, sạch, đẹp:',
      '+ Thực hiện bài trí công sở (Quốc huy, Quốc kỳ, khuôn viên công sở) theo đúng quy định trong Quy chế văn hóa công sở tại các cơ quan hành chính nhà nước. Đối với các cơ quan Đảng, cơ quan của các đoàn thể (treo Cờ của Đảng, đoàn thể) và thực hiện bài trí công sở đúng theo quy định của Đảng, đoàn thể và Quy chế văn hóa công sở tại các cơ quan hành chính nhà nước.',
      '+ Xây dựng và giữ gìn cơ quan, đơn vị văn minh, hiện đại, xanh, sạch, đẹp, an toàn đáp ứng yêu cầu hội nhập quốc tế hiện nay.',
    ]),
    criterion(4, ['- Tổ chức các phong trào thi đua thiết thực, hiệu quả với nội dung, hình thức phong phú, đa dạng, bám sát các nhiệm vụ chính trị của cơ quan, đơn vị để thu hút, tập hợp sự tham gia của đội ngũ cán bộ, công chức, viên chức góp phần hoàn thành tốt nhiệm vụ được giao.']),
    criterion(5, [
      '- Thực hiện chấp hành nghiêm túc kỷ cương, kỷ luật hành chính:',
      '+ Nghiêm chỉnh chấp hành các chủ trương, đường lối của Đảng, pháp luật của Nhà nước, nội quy, quy chế của cơ quan, đơn vị; đeo, cài thẻ tên, phù hiệu, thẻ chức danh đúng quy định khi thực hiện nhiệm vụ;',
      '+ Có ý thức tổ chức kỷ luật; sắp xếp, sử dụng thời gian làm việc khoa học và hiệu quả;',
      '+ Nghiêm túc nhận lỗi, nhận khuyết điểm, thành khẩn tự phê bình, rút kinh nghiệm, có biện pháp và quyết tâm sửa chữa, khắc phục khi để xảy ra sai sót trong thực hiện nhiệm vụ;',
      '+ Giữ gìn đoàn kết nội bộ, xây dựng môi trường làm việc dân chủ, kỷ cương; cộng tác, giúp đỡ đồng nghiệp hoàn thành tốt nhiệm vụ được giao.',
    ]),
    criterion(6, [
      '- Thực hiện chuyên nghiệp về chuyên môn, nghiệp vụ:',
      '+ Thường xuyên học tập để nâng cao trình độ chuyên môn, nghiệp vụ, hoàn thành tốt nhiệm vụ được giao;',
      '+ Chủ động phối hợp trong thực hiện nhiệm vụ, bảo đảm tính chuyên nghiệp làm tròn chức trách, nhiệm vụ được giao;',
      '+ Trung thực, thẳng thắn, khách quan trong báo cáo, đề xuất, tham gia đóng góp với cấp trên.',
    ]),
    criterion(7, [
      '- Tinh thần, thái độ làm việc tận tụy, nghiêm túc, trách nhiệm:',
      '+ Có tinh thần cầu thị, lắng nghe; tâm huyết, tận tụy, gương mẫu, nghiêm túc, trách nhiệm trong công việc; sẵn sàng nhận và nỗ lực hoàn thành mọi nhiệm vụ được phân công; không kén chọn vị trí công tác, chọn việc dễ, bỏ việc khó;',
      '+ Có tinh thần đấu tranh tránh hiện tượng trung bình chủ nghĩa, làm việc qua loa, đại khái, kém hiệu quả;',
      '+ Không gây khó khăn, phiền hà, vùi vĩnh, kéo dài thời gian xử lý công việc của cơ quan, tổ chức và người dân; không thờ ơ, vô cảm, thiếu trách nhiệm trước những khó khăn, bức xúc của người dân;',
      '+ Cán bộ, công chức, viên chức lãnh đạo, quản lý phải công tâm, khách quan trong sử dụng, đánh giá cán bộ thuộc quyền quản lý; không lợi dụng vị trí công tác để bỏ nhiệm người thân, quen; chủ động xin thôi giữ chức vụ khi nhận thấy bản thân còn hạn chế về năng lực và uy tín hoặc để xảy ra hậu quả nghiêm trọng trong lĩnh vực thuộc trách nhiệm được giao.',
    ]),
    criterion(8, [
      '- Thực hiện chuẩn mực trong giao tiếp, ứng xử:',
      '+ Trong giao tiếp với người dân phải tôn trọng, lắng nghe, tận tình hướng dẫn về quy trình xử lý công việc và giải thích cặn kẽ những thắc mắc của người dân. Thực hiện “4 xin, 4 luôn”: Xin chào, xin lỗi, xin cảm ơn, xin phép; luôn mỉm cười, luôn nhẹ nhàng, luôn lắng nghe, luôn giúp đỡ;',
      '+ Đối với lãnh đạo cấp trên phải tuân thủ thứ bậc hành chính, phục tùng sự chỉ đạo, điều hành, phân công công việc của cấp trên; không trốn tránh, thoái thác nhiệm vụ; không nịnh bợ lấy lòng vì động cơ không trong sáng;',
      '+ Đối với đồng nghiệp phải có tinh thần hợp tác, tương trợ trong thực hiện nhiệm vụ; không bè phái gây mất đoàn kết nội bộ của cơ quan, đơn vị;',
      '+ Cán bộ, công chức, viên chức giữ chức vụ lãnh đạo, quản lý không được duy ý chí, áp đặt, bảo thủ; phải tôn trọng, lắng nghe ý kiến của cấp dưới; gương mẫu trong giao tiếp, ứng xử; không nâng đỡ cấp dưới vì động cơ, mục đích không trong sáng.',
    ]),
    criterion(9, [
      '- Thường xuyên tu dưỡng, rèn luyện chuẩn mực về đạo đức, lối sống:',
      '+ Thường xuyên tu dưỡng, rèn luyện về đạo đức, lối sống trong sạch, lành mạnh; thực hiện cần, kiệm, liêm, chính, chí công vô tư; trung thực, giản dị, thẳng thắn, chân thành;',
      '+ Thực hành tiết kiệm, phòng chống tham nhũng, lãng phí, tiêu cực; không có biểu hiện cơ hội, công tâm, khách quan trong thực hiện nhiệm vụ được giao;',
      '+ Thực hiện các chuẩn mực đạo đức nghề nghiệp; không đánh bạc, sa vào các tệ nạn xã hội; không sử dụng đồ uống có cồn trong thời gian làm việc và giờ nghỉ trưa; hút thuốc lá đúng nơi quy định; nơi làm việc ngăn nắp, gọn gàng, sạch sẽ;',
      '+ Tuân thủ kỷ luật phát ngôn, không sử dụng mạng xã hội để khai thác, tuyên truyền các thông tin chưa được kiểm chứng, phiến diện, một chiều ảnh hưởng đến thực thi nhiệm vụ;',
      '+ Tuân thủ chuẩn mực đạo đức gia đình và xã hội, thuần phong mỹ tục, truyền thống văn hóa tốt đẹp của dân tộc; gương mẫu, tránh phô trương, lãng phí, mục đích trục lợi trong việc tổ chức các hoạt động liên hoan, cưới hỏi, tang lễ, mừng thọ, sinh nhật, tân gia...; không mê tín dị đoan và có những hành vi phản cảm khi tham gia lễ hội;',
      '+ Tích cực tham gia xây dựng, giữ gìn không gian xanh, sạch, đẹp; môi trường văn hóa thân thiện, văn minh nơi công sở.',
    ]),
    criterion(10, [
      '- Trang phục gọn gàng, sạch sẽ, lịch sự, phù hợp với tính chất công việc:',
      '+ Khi thực hiện nhiệm vụ trang phục phải gọn gàng, sạch sẽ, lịch sự, đi giày hoặc dép có quai hậu;',
      '+ Trang phục phải phù hợp với tính chất công việc, đặc thù trang phục của ngành và thuần phong, mỹ tục của dân tộc;',
      '+ Đối với ngành có trang phục riêng, phải thực hiện theo quy định của ngành.',
    ]),
    criterion(11, ['- Tích cực tham gia các phong trào thi đua yêu nước do cơ quan, đơn vị, địa phương phát động, góp phần hoàn thành xuất sắc các nhiệm vụ của cơ quan, đơn vị, địa phương.']),
  ];

  // II.2 Hình thức khen thưởng: Giấy khen of the district and the provincial Bằng khen, at the mid-term and
  // final reviews; the Prime Minister's Bằng khen and the Huân chương are not in the district's plan.
  const award = (i: number, what: 'sơ kết' | 'tổng kết') => from(plan.awards, p.awards, i, {
    proposedBy: REVIEW(what), dossier: DOSSIER.map(k.para),
  });
  plan.awards = [award(0, 'sơ kết'), award(1, 'sơ kết'), award(3, 'tổng kết'), award(4, 'tổng kết')];

  const PNV = `${DISTRICT}-pnv`;
  plan.tasks = [
    k.task(null, 'Các cơ quan, ban, ngành, đoàn thể cấp huyện; UBND xã, thị trấn', 'Tổng hợp đăng ký thi đua của đơn vị mình báo cáo Ủy ban nhân dân huyện qua Phòng Nội vụ.'),
    k.task(PNV, 'Phòng Nội vụ', 'Thẩm định hồ sơ, trình UBND huyện; Ủy ban nhân dân huyện khen thưởng theo thẩm quyền hoặc trình cấp có thẩm quyền khen thưởng cho những tập thể và cá nhân đủ tiêu chuẩn.'),
    k.task(null, 'Thủ trưởng các ban, ngành, đoàn thể cấp huyện; Chủ tịch UBND các xã, thị trấn', 'Căn cứ Kế hoạch này và điều kiện cụ thể, xây dựng kế hoạch và triển khai tổ chức thực hiện Phong trào thi đua đảm bảo nội dung, chất lượng và tiến độ; định kỳ hàng năm báo cáo tình hình tổ chức thực hiện Phong trào thi đua về UBND huyện qua Phòng Nội vụ để tổng hợp báo cáo UBND tỉnh. Tổ chức sơ kết, tổng kết, khen thưởng theo thẩm quyền và đề nghị cấp trên khen thưởng.'),
    k.task(null, 'Các cơ quan, địa phương, đơn vị; các cụm, khối thi đua thuộc huyện', 'Căn cứ tình hình cụ thể có các hình thức thông tin, tuyên truyền phù hợp, tạo sự chuyển biến manh mẽ về nhận thức, hành động; tạo sự đồng thuận của toàn xã hội và phát huy sức mạnh tổng hợp của cả hệ thống chính trị trong quyết tâm triển khai tổ chức thực hiện có hiệu quả Phong trào thi đua.'),
    k.task(null, 'Ban Tuyên giáo Huyện ủy, Phòng Văn hóa - Thông tin', 'Đề nghị chỉ đạo Đài Truyền thanh huyện đẩy mạnh công tác thông tin, tuyên truyền, tăng cường thời lượng phát sóng, bám sát cơ sở nhằm phát hiện, biểu dương và nhân rộng những mô hình hay, cách làm mới hiệu quả, các điển hình tiên tiến trong thực hiện Phong trào thi đua.'),
    k.task(null, 'Hội đồng Thi đua - Khen thưởng huyện và các cấp', 'Phân công rõ trách nhiệm cho các thành viên Hội đồng trong quá trình chỉ đạo, theo dõi, hướng dẫn, đôn đốc, kiểm tra việc triển khai thực hiện Phong trào thi đua ở các cơ quan, địa phương.'),
    k.task(null, 'Phòng Văn hóa - Thông tin (chủ trì), Trung tâm Y tế', 'Chủ trì, phối hợp với Trung tâm Y tế, xây dựng kế hoạch phát động Phong trào thi đua “Không có khói thuốc lá tại công sở và nơi công cộng”.'),
    k.task(null, 'Phòng Tài nguyên và Môi trường', 'Chủ trì, phối hợp với các cơ quan có liên quan xây dựng kế hoạch phát động Phong trào thi đua “Không có rác thải nhựa tại công sở và ngoài cộng đồng”.'),
    k.task(null, 'Chủ tịch UBND các xã, thị trấn', 'Tập trung triển khai phong trào thi đua “Đảm bảo vệ sinh môi trường không có rác thải nhất là rác thải nhựa”.'),
    k.task(PNV, 'Cơ quan Thường trực Hội đồng Thi đua - Khen thưởng huyện', 'Hướng dẫn, kiểm tra, theo dõi, đôn đốc các cơ quan, địa phương, đơn vị triển khai, tổ chức thực hiện Kế hoạch này; tham mưu UBND huyện khen thưởng kịp thời những tập thể, cá nhân tiêu biểu; Đẩy mạnh công tác phát hiện, biểu dương, nhân rộng điển hình tiên tiến về Phong trào thi đua.'),
  ];
  plan.recipients = [
    'Ban Thi đua - Khen thưởng', 'Thường trực Huyện ủy', 'Thường trực HĐND huyện', 'CT và các PCT. UBND huyện', 'Thành viên Hội đồng ĐKT huyện',
    'Các ban, ngành, đoàn thể huyện', 'Phòng Nội vụ (3b)', 'UBND các xã, thị trấn', 'LĐVP, CV', 'Lưu: VT.',
  ];
  plan.signer = signer(ctx, 'p-ct-mk', 'Chủ tịch');

  // II.2 Tiến độ: launch 2019, the units' own plans (no date in the seed), sơ kết 2022 and tổng kết 2025 by
  // the district. The province's phases for its units' reviews are not in the district's plan.
  const inherited = inheritPhases(parent.phases, ctx.newId);
  const phase = (i: number, patch: Partial<DemoMovement['phases'][number]>) => ({ ...inheritedOf(inherited, idAt(parent.phases, i)), ...patch });
  const phases = [
    phase(0, { title: 'Năm 2019: Tổ chức phát động tới các cơ quan, đơn vị, địa phương và cán bộ, công chức, viên chức trong huyện; ban hành kế hoạch triển khai thực hiện Phong trào thi đua', startsOn: '2019-09-17' }),
    phase(1, { title: 'Thủ trưởng các ban, ngành, đoàn thể cấp huyện; Chủ tịch UBND các xã, thị trấn xây dựng kế hoạch và triển khai tổ chức thực hiện Phong trào thi đua', dueOn: null }),
    phase(3, { title: 'Năm 2022: UBND huyện tiến hành sơ kết đánh giá kết quả thực hiện Phong trào thi đua để làm cơ sở tiếp tục triển khai phong trào đến năm 2025' }),
    phase(5, { title: 'Năm 2025: UBND huyện tiến hành tổng kết Phong trào thi đua nhân dịp kỷ niệm 80 năm Ngày thành lập nước Cộng hòa xã hội chủ nghĩa Việt Nam (dịp Quốc khánh 02/9/2025)', startsOn: '2025-01-01', dueOn: '2025-09-02' }),
  ];

  return {
    key: AN_BIEN, id: ctx.newId(), organisationKey: DISTRICT, parentKey: parent.key, kind: 'multi_year', status: 'issued',
    name: 'Phong trào thi đua “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở” giai đoạn 2019 - 2025',
    slogan: '', documentNumber: 118, documentSymbol: 'KH-UBND', place: 'Mường Khoa', issuedOn: '2019-09-17',
    periodStart: '2019-01-01', periodEnd: '2025-12-31', plan: validPlan(plan), phases,
  };
}
