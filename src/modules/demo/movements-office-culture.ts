// The Kon Tum office-culture plan (2019): the provincial plan of the movement "Cán bộ, công chức, viên chức thi đua
// thực hiện văn hóa công sở" 2019–2025, issued by the demo root (UBND tỉnh Sơn Hà). Only the place names
// and the issuer are adapted; wording, dates and structure follow the seed.
//
// The seed leaves its number and date blank ("Số: /KH-UBND … ngày tháng năm"). We use 179/KH-UBND of
// 02/8/2019: the number and date under which the Sơn La office review cites its province's plan of this same
// movement, so the Office's cascade (movements-office-review.ts) cites it word for word.
import { ROOT } from './organisations.ts';
import { kit, signer, validPlan, type DemoMovement, type MovementContext } from './movements-build.ts';

export const OFFICE_CULTURE = 'vhcs-tinh';
export const OFFICE_CULTURE_BASIS = 'Kế hoạch số 179/KH-UBND ngày 02/8/2019';

const COLLECTIVE_THEME = 'Thi đua xây dựng cơ quan, đơn vị văn minh, hiện đại, xanh, sạch, đẹp';
const INDIVIDUAL_THEME = 'Thi đua thực hiện kỷ cương, trách nhiệm, tận tụy, chuyên nghiệp';
const BY_LAW = 'Trình tự, thủ tục khen thưởng thực hiện theo quy định của pháp luật hiện hành về thi đua, khen thưởng.';

export function buildOfficeCulture(ctx: MovementContext): DemoMovement {
  const k = kit(ctx);
  const plan = validPlan({
    legalBases: [k.basis('Thực hiện Quyết định số 733/QĐ-TTg ngày 14 tháng 6 năm 2019 của Thủ tướng Chính phủ về việc ban hành Kế hoạch tổ chức thực hiện Phong trào thi đua “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở” giai đoạn 2019 - 2025')],
    purposes: k.paras([
      '1.1. Tạo sự chuyển biến mạnh mẽ về ý thức và hành động; tự tu dưỡng, rèn luyện, nâng cao ý thức, đạo đức công vụ, đạo đức nghề nghiệp của cán bộ, công chức, viên chức; tăng cường kỷ cương, kỷ luật hành chính; phòng, chống tham nhũng, thực hành tiết kiệm, chống lãng phí qua đó tiếp tục xây dựng hình ảnh đội ngũ cán bộ, công chức, viên chức tỉnh Sơn Hà gương mẫu, tận tụy, chuẩn mực, chuyên nghiệp, trách nhiệm, kỷ cương, thân thiện; đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh thông qua những việc làm cụ thể hàng ngày, trên mọi lĩnh vực công tác;',
      'b) Bảo đảm tính liên tục và hiệu quả hoạt động của các cơ quan Đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể, tạo môi trường làm việc hiện đại, chuyên nghiệp, trách nhiệm, minh bạch, hiệu quả góp phần xây dựng hệ thống chính trị trong sạch, vững mạnh, thực hiện thắng lợi các mục tiêu, nhiệm vụ phát triển kinh tế - xã hội của tỉnh giai đoạn 2019 -2025.',
    ]),
    requirements: k.paras([
      '2.1. Việc thực hiện Phong trào thi đua phải trở thành nhiệm vụ trọng tâm trong các phong trào thi đua của Sở, ban, ngành, Mặt trận Tổ quốc, đoàn thể tỉnh, các tổ chức kinh tế-xã hội tỉnh, các huyện, thành phố và các cụm, khối thi đua trên địa bàn tỉnh.',
      '2.2. Phong trào thi đua phải được triển khai sâu rộng trong các cơ quan Đảng Nhà nước, Mặt trận Tổ quốc và các đoàn thể nhân dân với nội dung, hình thức phong phú, thiết thực, có tiêu chí rõ ràng, cụ thể phù hợp các quy định của Đảng, Nhà nước và tình hình thực tiễn của từng cơ quan, đơn vị;',
      '2.3. Đề cao trách nhiệm, vai trò của người đứng đầu cơ quan, tổ chức, đơn vị trong việc chỉ đạo và tổ chức thực hiện Phong trào thi đua phải thường xuyên, liên tục, có đôn đốc, kiểm tra, đánh giá, sơ kết, tổng kết; kịp thời phát hiện nhân tố mới, bồi dưỡng, nhân rộng các điển hình tiên tiến, gương người tốt, việc tốt, các sáng kiến, kinh nghiệm hay trong Phong trào thi đua.',
    ]),
    participants: [
      k.participant('collective', 'Các cơ quan Đảng, cơ quan Nhà nước, Mặt trận Tổ quốc và các tổ chức thành viên, tổ chức chính trị - xã hội, tổ chức xã hội - nghề nghiệp, đơn vị sự nghiệp công lập thuộc tỉnh, lực lượng vũ trang nhân dân, Cơ quan trung ương đóng trên địa bàn tỉnh và các đơn vị khác là thành viên cụm, khối thi đua do Ủy ban nhân dân tỉnh tổ chức (gọi tắt là cơ quan, đơn vị)'),
      k.participant('individual', 'Cán bộ, công chức, viên chức, người lao động và cán bộ, chiến sĩ trong lực lượng vũ trang nhân dân thuộc các tập thể nêu trên (gọi tắt là cán bộ, công chức, viên chức)'),
    ],
    // 0–4: the 05 contents for collectives; 5–11: the 07 contents for individuals
    contents: [
      ...[
        'Xây dựng, ban hành các chính sách, quy định, nội quy, quy chế của cơ quan, đơn vị về văn hóa công sở. Triển khai đồng bộ, có hiệu quả trong cơ quan, đơn vị, địa phương các quy định mới của Đảng và nhà nước về việc thực hiện kỷ luật, kỷ cương hành chính, văn hóa công sở và Kết luận số 1663-KL/TU ngày 24/4/2015 của Ban Thường vụ Tỉnh ủy “về tăng cường kỷ luật, kỷ cương hành chính trong các cơ quan, đơn vị trên địa bàn tỉnh”;',
        'Thực hiện cải cách hành chính theo hướng công khai - minh bạch - đơn giản hóa và rút ngắn thời gian giải quyết tại cơ quan, đơn vị, địa phương (tối thiểu 30% so với quy định);',
        'Đẩy mạnh ứng dụng công nghệ thông tin trong quản lý hành chính, nâng cao năng suất lao động, thực hiện cung cấp dịch vụ công trực tuyến ở mức độ cao và trong nhiều lĩnh vực. Phân đấu đến hết năm 2020 giảm 30% thời gian các phiên họp, 100% thực hiện gửi nhận văn bản điện tử giữa các cơ quan trong hệ thống hành chính Nhà nước. Các Sở, ngành phải là những cơ quan đi đầu trong việc thực hiện “hành chính phi giấy tờ” trên địa bàn tỉnh;',
        'Xây dựng môi trường làm việc dân chủ, văn hóa, thân thiện, hiện đại; bài trí và giữ gìn cơ quan, đơn vị văn minh, hiện đại, xanh, sạch, đẹp;',
        'Tổ chức các phong trào thi đua thiết thực, hiệu quả với nội dung, hình thức phong phú, đa dạng, bám sát các nhiệm vụ chính trị của cơ quan, đơn vị để thu hút, tập hợp sự tham gia của đội ngũ cán bộ, công chức, viên chức, người lao động, góp phần hoàn thành tốt nhiệm vụ được giao.',
      ].map((text) => k.content('collective', COLLECTIVE_THEME, text)),
      ...[
        'Chấp hành nghiêm túc kỷ luật, kỷ cương hành chính; thực hiện việc đeo, cài thẻ tên, phù hiệu, thẻ chức danh đúng quy định khi thi hành nhiệm vụ; sử dụng thời gian làm việc khoa học và hiệu quả; sẵn sàng nhận và nỗ lực hoàn thành mọi nhiệm vụ được phân công; tuân thủ kỷ luật phát ngôn, không sử dụng mạng xã hội để khai thác, tuyên truyền các thông tin chưa được kiểm chứng, phiến diện, một chiều, ảnh hưởng đến thực thi nhiệm vụ; không sử dụng đồ uống có cồn trước, trong giờ làm việc, học tập, giờ nghỉ ngơi giữa giờ làm việc, học tập và khi điều khiển phương tiện tham gia giao thông;',
        'Chủ động phối hợp trong thực hiện nhiệm vụ, công vụ, đảm bảo tính chuyên nghiệp, hiện đại, đáp ứng yêu cầu thực thi công vụ trong tình hình mới;',
        'Tinh thần, thái độ làm việc tận tụy, nghiêm túc, trách nhiệm, không kén chọn vị trí công tác, chọn việc dễ, bỏ việc khó;',
        'Thực hiện chuẩn mực trong giao tiếp, ứng xử: Đối với người dân luôn thực hiện tốt “4 xin, 4 luôn”; đối với lãnh đạo cấp trên phải tuân thủ thứ bậc hành chính; đối với đồng nghiệp phải có tinh thần hợp tác, tương trợ, không bè phái; đối với cán bộ, công chức, viên chức giữ chức vụ lãnh đạo, quản lý không được duy ý chí, áp đặt, bảo thủ, phải gương mẫu, tôn trọng và lắng nghe.',
        'Thường xuyên học tập, nghiên cứu khoa học, nâng cao năng lực thực tiễn, trình độ chuyên môn, nghiệp vụ; tu dưỡng, rèn luyện chuẩn mực về đạo đức, lối sống, đạo đức gia đình và xã hội, đạo đức công vụ, đạo đức nghề nghiệp và chuẩn mực ngoại giao với đối tác quốc tế;',
        'Thực hiện nghiêm túc quy định về trang phục nơi công sở, ăn mặc gọn gàng, sạch đẹp, lịch sự, phù hợp với tính chất công việc, đặc thù trang phục của ngành, của cơ quan, đơn vị và thuần phong, mỹ tục của dân tộc.',
        'Tích cực tham gia các phong trào thi đua yêu nước do cơ quan, đơn vị và địa phương phát động, tổ chức; xây dựng và giữ gìn không gian xanh, sạch, đẹp, môi trường văn hóa thân thiện, văn minh nơi công sở.',
      ].map((text) => k.content('individual', INDIVIDUAL_THEME, text)),
    ],
    // IV.1 Tiêu chuẩn thi đua: the seed's criteria are for the movement as a whole, not per award form; the
    // schema needs one award form per criterion, so they are filed under the provincial Bằng khen.
    // 0–4: collectives a)–đ); 5–11: individuals a)–g)
    criteria: [
      k.criterion('bang_khen_tinh', 'collective', [
        'a) Xây dựng, ban hành và tổ chức thực hiện các văn bản chỉ đạo, lãnh đạo, quản lý, điều hành trong phạm vi chức năng, nhiệm vụ được giao và các văn bản quy định về văn hóa công sở của cơ quan, đơn vị đảm bảo chất lượng, công khai, minh bạch, hiệu quả, đúng thời hạn;',
        '- Bám sát thực tiễn, nghiên cứu bổ sung kịp thời các hướng dẫn, tham mưu cấp có thẩm quyền xây dựng các nghị quyết, chương trình, đề án..., ban hành các văn bản pháp luật, đề ra và thực hiện các cơ chế, chính sách nhằm tháo gỡ khó khăn, vướng mắc cho người dân và doanh nghiệp; tăng cường vai trò quản lý nhà nước trên các lĩnh vực, góp phần thúc đẩy sự phát triển của địa phương;',
        '- Quản lý và sử dụng có hiệu quả ngân sách nhà nước và các nguồn kinh phí được giao; không để xảy ra lãng phí, tham nhũng; tích cực đấu tranh phòng, chống tham nhũng;',
        '- Xây dựng, ban hành và thực hiện nghiêm các quy định, nội quy, quy chế của cơ quan, đơn vị, các quy định về văn hóa công sở, bảo đảm kỷ cương, kỷ luật hành chính; quản lý, sử dụng có hiệu quả thời gian làm việc của Nhà nước, của cơ quan, đơn vị;',
        '- Tổ chức thực hiện có hiệu quả Chỉ thị số 05-CT/TW của Bộ Chính trị về “Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”.',
      ]),
      k.criterion('bang_khen_tinh', 'collective', [
        'b) Thực hiện đẩy mạnh công tác cải cách hành chính, công khai, minh bạch, đơn giản hóa các thủ tục hành chính, rút ngắn thời gian giải quyết công việc tại cơ quan, đơn vị:',
        '- Niêm yết đầy đủ các thủ tục hành chính tại trụ sở cơ quan, đơn vị nhằm làm cho hoạt động của cơ quan, đơn vị được công khai, minh bạch;',
        '- Đơn giản hóa các thủ tục hành chính, rút ngắn thời gian giải quyết công việc, phục vụ nhân dân tốt hơn;',
        '- Tăng cường ứng dụng công nghệ thông tin, hiện đại hóa dịch vụ hành chính công, đảm bảo gắn kết chặt chẽ, đồng bộ giữa cải cách hành chính với xây dựng Chính quyền điện tử để công khai, minh bạch nhằm tạo điều kiện cho nhân dân giám sát hoạt động của cơ quan nhà nước thông qua môi trường mạng.',
      ]),
      k.criterion('bang_khen_tinh', 'collective', ['c) Thực hiện ứng dụng rộng rãi công nghệ thông tin trong hoạt động nội bộ của cơ quan, đơn vị. Cung cấp thông tin, dịch vụ công trực tuyến mức độ 3, 4 trên diện rộng cho người dân và doanh nghiệp phù hợp với chức năng, nhiệm vụ được giao.']),
      k.criterion('bang_khen_tinh', 'collective', [
        'd) Xây dựng và giữ gìn cơ quan, đơn vị văn minh, hiện đại, xanh, sạch, đẹp:',
        '- Thực hiện bài trí công sở (Quốc huy, Quốc kỳ, khuôn viên công sở) theo đúng quy định trong Quy chế văn hóa công sở tại các cơ quan hành chính nhà nước. Đối với các cơ quan Đảng, đoàn thể (treo Cờ của Đảng, đoàn thể) và thực hiện bài trí công sở đúng theo quy định của Đảng, đoàn thể và Quy chế văn hóa công sở tại các cơ quan hành chính nhà nước.',
        '- Xây dựng và giữ gìn cơ quan, đơn vị văn minh, hiện đại, xanh, sạch, đẹp và an toàn, đáp ứng yêu cầu hội nhập quốc tế hiện nay;',
      ]),
      k.criterion('bang_khen_tinh', 'collective', ['đ) Tổ chức các phong trào thi đua thiết thực, hiệu quả với nội dung, hình thức phong phú, đa dạng, bám sát các nhiệm vụ chính trị của cơ quan, đơn vị để thu hút tập hợp sự tham gia của đội ngũ cán bộ, công chức, viên chức góp phần hoàn thành tốt nhiệm vụ được giao.']),
      k.criterion('bang_khen_tinh', 'individual', [
        'a) Thực hiện và chấp hành nghiêm túc kỷ cương, kỷ luật hành chính:',
        '- Nghiêm chỉnh chấp hành các chủ trương, đường lối của Đảng, pháp luật của Nhà nước, nội quy, quy chế của cơ quan, đơn vị; đeo, cài thẻ tên, phù hiệu, thẻ chức danh đúng quy định khi thực hiện nhiệm vụ;',
        '- Có ý thức tổ chức kỷ luật; sắp xếp, sử dụng thời gian làm việc khoa học và hiệu quả;',
        '- Nghiêm túc nhận lỗi, nhận khuyết điểm, thành khẩn tự phê bình, rút kinh nghiệm, có biện pháp và quyết tâm sửa chữa, khắc phục khi để xảy ra sai sót trong thực hiện nhiệm vụ;',
        '- Giữ gìn đoàn kết nội bộ, xây dựng môi trường làm việc dân chủ, kỷ cương; cộng tác, giúp đỡ đồng nghiệp hoàn thành tốt nhiệm vụ được giao.',
      ]),
      k.criterion('bang_khen_tinh', 'individual', [
        'b) Thực hiện chuyên nghiệp về chuyên môn, nghiệp vụ:',
        '- Thường xuyên học tập để nâng cao trình độ chuyên môn, nghiệp vụ, hoàn thành xuất sắc, hoàn thành tốt nhiệm vụ được giao;',
        '- Chủ động phối hợp trong thực hiện nhiệm vụ, bảo đảm tính chuyên nghiệp, làm tròn chức trách, nhiệm vụ được giao;',
        '- Trung thực, thẳng thắn, khách quan trong báo cáo, đề xuất, tham gia đóng góp với cấp trên.',
      ]),
      k.criterion('bang_khen_tinh', 'individual', [
        'c) Tinh thần, thái độ làm việc tận tụy, nghiêm túc, trách nhiệm:',
        '- Có tinh thần cầu thị, lắng nghe; tâm huyết, tận tụy, gương mẫu, nghiêm túc, trách nhiệm trong công việc; sẵn sàng nhận và nỗ lực hoàn thành mọi nhiệm vụ được phân công; không kén chọn vị trí công tác, chọn việc dễ, bỏ việc khó;',
        '- Có tinh thần đấu tranh tránh hiện tượng trung bình chủ nghĩa, làm việc qua loa, đại khái, kém hiệu quả;',
        '- Không gây khó khăn, phiền hà, vôi vãnh, kéo dài thời gian xử lý công việc của cơ quan, tổ chức và người dân; không thờ ơ, vô cảm, thiếu trách nhiệm trước những khó khăn, bức xúc của người dân;',
        '- Cán bộ, công chức, viên chức lãnh đạo, quản lý phải công tâm, khách quan trong sử dụng, đánh giá cán bộ thuộc quyền quản lý; không lợi dụng vị trí công tác để bỏ nhiệm người thân, quen; chủ động xin thôi giữ chức vụ khi nhận thấy bản thân còn hạn chế về năng lực và uy tín hoặc để xảy ra hậu quả nghiêm trọng trong lĩnh vực thuộc trách nhiệm được giao.',
      ]),
      k.criterion('bang_khen_tinh', 'individual', [
        'd) Thực hiện chuẩn mực trong giao tiếp, ứng xử:',
        '- Trong giao tiếp với người dân phải tôn trọng, lắng nghe, tận tình hướng dẫn về quy trình xử lý công việc và giải thích cặn kẽ những thắc mắc của người dân. Thực hiện “4 xin, 4 luôn”: xin chào, xin lỗi, xin cảm ơn, xin phép; luôn mỉm cười, luôn nhẹ nhàng, luôn lắng nghe, luôn giúp đỡ;',
        '- Đối với lãnh đạo cấp trên phải tuân thủ thứ bậc hành chính, phục tùng sự chỉ đạo, điều hành, phân công công việc của cấp trên; không trốn tránh, thoái thác nhiệm vụ; không nịnh bợ lấy lòng vì động cơ không trong sáng;',
        '- Đối với đồng nghiệp phải có tinh thần hợp tác, tương trợ trong thực hiện nhiệm vụ; không bè phái gây mất đoàn kết nội bộ của cơ quan, đơn vị;',
        '- Cán bộ, công chức, viên chức giữ chức vụ lãnh đạo, quản lý không được duy ý chí, áp đặt, bảo thủ; phải tôn trọng, lắng nghe ý kiến của cấp dưới; gương mẫu trong giao tiếp, ứng xử; không nâng đỡ cấp dưới vì động cơ, mục đích không trong sáng.',
      ]),
      k.criterion('bang_khen_tinh', 'individual', [
        'đ) Thường xuyên tu dưỡng, rèn luyện chuẩn mực về đạo đức, lối sống:',
        '- Thường xuyên tu dưỡng, rèn luyện về đạo đức, lối sống trong sạch, lành mạnh; thực hiện cần, kiệm, liêm, chính, chí công vô tư; trung thực, giản dị, thẳng thắn, chân thành;',
        '- Thực hành tiết kiệm, phòng chống tham nhũng, lãng phí, tiêu cực; không có biểu hiện cơ hội, công tâm, khách quan trong thực hiện nhiệm vụ được giao;',
        '- Thực hiện các chuẩn mực đạo đức nghề nghiệp; không đánh bạc, sa vào các tệ nạn xã hội; không sử dụng đồ uống có cồn trước, trong giờ làm việc, học tập, giờ nghỉ ngơi giữa giờ làm việc, học tập và khi điều khiển phương tiện tham gia giao thông; hút thuốc lá đúng nơi quy định; nơi làm việc ngăn nắp, gọn gàng, sạch sẽ;',
        '- Tuân thủ kỷ luật phát ngôn, không sử dụng mạng xã hội để khai thác, tuyên truyền các thông tin chưa được kiểm chứng, phiến diện, một chiều ảnh hưởng đến thực thi nhiệm vụ;',
        '- Tuân thủ chuẩn mực đạo đức gia đình và xã hội, thuần phong mỹ tục, truyền thống văn hóa tốt đẹp của dân tộc; gương mẫu, tránh phô trương, lãng phí mục đích trục lợi trong việc tổ chức các hoạt động liên hoan, cưới hỏi, tang lễ, mừng thọ, sinh nhật, tân gia...; không mê tín dị đoan và có những hành vi phản cảm khi tham gia lễ hội;',
        '- Tích cực tham gia xây dựng, giữ gìn không gian xanh, sạch, đẹp; môi trường văn hóa thân thiện, văn minh nơi công sở.',
      ]),
      k.criterion('bang_khen_tinh', 'individual', [
        'e) Trang phục gọn gàng, lịch sự, phù hợp với tính chất công việc:',
        '- Khi thực hiện nhiệm vụ trang phục phải gọn gàng, sạch sẽ, lịch sự, đi giày hoặc dép có quai hậu;',
        '- Trang phục phải phù hợp với tính chất công việc, đặc thù trang phục của ngành và thuần phong, mỹ tục của dân tộc;',
        '- Đối với ngành có trang phục riêng, phải thực hiện theo quy định của ngành.',
      ]),
      k.criterion('bang_khen_tinh', 'individual', ['g) Tích cực tham gia các phong trào thi đua yêu nước do cơ quan, đơn vị và địa phương tổ chức phát động, góp phần hoàn thành xuất sắc các nhiệm vụ của cơ quan, đơn vị.']),
    ],
    // IV.2 Hình thức khen thưởng: 0–2 sơ kết 2022, 3–6 tổng kết 2025. No quotas: the seed sets none.
    awards: [
      k.award({ phase: 'mid_term_review', awardForm: 'giay_khen', recipients: ['collective', 'individual'],
        proposedBy: 'Các cơ quan, đơn vị tiến hành sơ kết Phong trào thi đua (hình thức gửi báo cáo), tặng giấy khen cho tập thể, cá nhân đạt thành tích xuất sắc theo thẩm quyền.' }),
      k.award({ phase: 'mid_term_review', awardForm: 'bang_khen_tinh', recipients: ['collective', 'individual'],
        proposedBy: 'Các cơ quan, đơn vị lựa chọn tập thể, cá nhân xuất sắc tiêu biểu đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen; Ủy ban nhân dân tỉnh tiến hành sơ kết, xét khen thưởng cho tập thể, cá nhân đạt thành tích xuất sắc theo thẩm quyền.' }),
      k.award({ phase: 'mid_term_review', awardForm: 'bang_khen_thu_tuong', recipients: ['collective', 'individual'],
        proposedBy: 'Ủy ban nhân dân tỉnh lựa chọn tập thể, cá nhân xuất sắc tiêu biểu đề nghị Thủ tướng Chính phủ tặng Bằng khen theo hướng dẫn của Trung ương.' }),
      k.award({ phase: 'final_review', awardForm: 'giay_khen', recipients: ['collective', 'individual'],
        proposedBy: 'Các cơ quan, đơn vị tiến hành tổng kết Phong trào thi đua, tặng giấy khen cho tập thể, cá nhân đạt thành tích xuất sắc theo thẩm quyền.', dossier: [BY_LAW] }),
      k.award({ phase: 'final_review', awardForm: 'bang_khen_tinh', recipients: ['collective', 'individual'],
        proposedBy: 'Các cơ quan, đơn vị lựa chọn tập thể, cá nhân xuất sắc tiêu biểu đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen; Ủy ban nhân dân tỉnh tiến hành tổng kết Phong trào thi đua, xét khen thưởng cho tập thể, cá nhân đạt thành tích xuất sắc theo thẩm quyền.', dossier: [BY_LAW] }),
      k.award({ phase: 'final_review', awardForm: 'bang_khen_thu_tuong', recipients: ['collective', 'individual'],
        proposedBy: 'Ủy ban nhân dân tỉnh lựa chọn tập thể, cá nhân tiêu biểu xuất sắc nhất đề nghị Thủ tướng Chính phủ tặng thưởng Bằng khen theo hướng dẫn của Trung ương.', dossier: [BY_LAW] }),
      k.award({ phase: 'final_review', awardForm: 'huan_chuong_lao_dong_hang_ba', recipients: ['collective', 'individual'],
        proposedBy: 'Ủy ban nhân dân tỉnh lựa chọn tập thể, cá nhân tiêu biểu xuất sắc nhất trình Chủ tịch nước tặng thưởng Huân chương Lao động hạng Ba theo hướng dẫn của Trung ương.', dossier: [BY_LAW] }),
    ],
    // III. Giải pháp thực hiện (no list of its own in the schema: entered as tasks) and VI. Tổ chức thực hiện
    tasks: [
      k.task(null, 'Các cơ quan, đơn vị', 'Căn cứ vào đặc điểm, tình hình, yêu cầu, nhiệm vụ và đối tượng cụ thể để có các hình thức tuyên truyền phù hợp, tạo ra sự chuyển biến mạnh mẽ về nhận thức; tạo sự đồng thuận trong cơ quan, đơn vị và trong toàn xã hội; phát huy sức mạnh tổng hợp của cả hệ thống chính trị trong quyết tâm triển khai tổ chức thực hiện có hiệu quả Phong trào thi đua, tránh hình thức, lãng phí.'),
      k.task(null, 'Ban Tuyên giáo Tỉnh ủy, Sở Thông tin và Truyền thông', 'Đề nghị chỉ đạo, hướng dẫn các cơ quan thông tấn báo chí trung ương đóng chân trên địa bàn và địa phương; Các tạp chí, bản tin; Cổng/trang thông tin điện tử của các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố mở các chuyên trang, chuyên mục, tăng thời lượng, bám sát cơ sở và đẩy mạnh công tác thông tin, tuyên truyền nhằm phát hiện, biểu dương và nhân rộng những mô hình hay, cách làm mới, các điển hình tiên tiến trong thực hiện Phong trào thi đua.'),
      k.task(null, 'Hội đồng Thi đua - Khen thưởng các cấp', 'Phân công rõ trách nhiệm cho các thành viên theo dõi, chỉ đạo, hướng dẫn, đôn đốc, giám sát việc triển khai thực hiện Phong trào thi đua ở các lĩnh vực, địa bàn được phân công. Hàng năm, Hội đồng Thi đua - Khen thưởng tỉnh kết hợp kiểm tra tình hình thực hiện chính sách pháp luật về thi đua, khen thưởng với việc thực hiện Phong trào thi đua ở cơ quan, đơn vị trên địa bàn tỉnh.'),
      k.task(null, 'Thủ trưởng các cơ quan, đơn vị', 'Căn cứ kế hoạch này và điều kiện cụ thể để xây dựng kế hoạch phát động hưởng ứng Phong trào thi đua và tổ chức triển khai thực hiện Phong trào thi đua bảo đảm nội dung, chất lượng và tiến độ; định kỳ hàng năm báo cáo tình hình tổ chức thực hiện Phong trào thi đua về Ủy ban nhân dân tỉnh (qua Ban Thi đua - Khen thưởng) để tổng hợp.'),
      k.task('ban-tdkt', 'Ban Thi đua - Khen thưởng', 'Có trách nhiệm theo dõi, đôn đốc, kiểm tra thực hiện Kế hoạch này, định kỳ hàng năm báo cáo Ủy ban nhân dân tỉnh; đề xuất Ủy ban nhân dân tỉnh sơ kết, tổng kết Phong trào thi đua và khen thưởng các tập thể, cá nhân xuất sắc tiêu biểu trong Phong trào thi đua theo quy định.'),
      k.task('snv', 'Ban Thi đua - Khen thưởng, Sở Nội vụ', 'Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về Ban Thi đua - Khen thưởng, Sở Nội vụ để tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân tỉnh xem xét, điều chỉnh, bổ sung cho phù hợp.'),
    ],
    recipients: [
      'Hội đồng TĐKT TW', 'Ban TĐKT TW', 'Thường trực Tỉnh ủy', 'Thường trực HĐND tỉnh', 'Chủ tịch, các PCT UBND tỉnh',
      'Thành viên Hội đồng TĐKT tỉnh', 'Các cơ quan, đơn vị liên quan', 'Đơn vị thành viên Cụm, khối thi đua thuộc tỉnh', 'Lưu: VT, KTTH2',
    ],
    // The seed is signed "TM. Ủy ban nhân dân / Chủ tịch". The demo has no chairman before 11/2020, so its
    // vice-chairman of the time signs on the chairman's behalf (KT.).
    signer: signer(ctx, 'p-ct-tinh', 'Phó Chủ tịch', 'KT.', 'Chủ tịch'),
  });

  return {
    key: OFFICE_CULTURE, id: ctx.newId(), organisationKey: ROOT, parentKey: null, kind: 'multi_year', status: 'issued',
    name: 'Phong trào thi đua “Cán bộ, công chức, viên chức tỉnh Sơn Hà thi đua thực hiện văn hóa công sở” giai đoạn 2019 - 2025',
    slogan: '', documentNumber: 179, documentSymbol: 'KH-UBND', place: 'Sơn Hà', issuedOn: '2019-08-02',
    periodStart: '2019-01-01', periodEnd: '2025-12-31', plan,
    // V. Tiến độ thực hiện: 0 launch, 1 response plans, 2–3 sơ kết 2022, 4–5 tổng kết 2025
    phases: [
      k.phase({ kind: 'launch', title: 'Ủy ban nhân dân tỉnh tổ chức phát động Phong trào thi đua theo Kế hoạch số 1410/KH-UBND ngày 07 tháng 6 năm 2019', startsOn: '2019-06-07', dueFrom: 'issuer' }),
      k.phase({ kind: 'response_plan', title: 'Các cơ quan, đơn vị phát động hưởng ứng Phong trào thi đua và xây dựng kế hoạch triển khai thực hiện, hoàn thành trong tháng 10 năm 2019', dueOn: '2019-10-31' }),
      k.phase({ kind: 'mid_term_review', title: 'Năm 2022: Các cơ quan, đơn vị báo cáo sơ kết, đánh giá kết quả thực hiện Phong trào thi đua để làm cơ sở tiếp tục triển khai phong trào đến năm 2025', startsOn: '2022-01-01', dueOn: '2022-12-31' }),
      k.phase({ kind: 'mid_term_review', title: 'Năm 2022: Ủy ban nhân dân tỉnh tổ chức sơ kết, đánh giá kết quả thực hiện Phong trào thi đua để làm cơ sở tiếp tục triển khai phong trào đến năm 2025', startsOn: '2022-01-01', dueOn: '2022-12-31', dueFrom: 'issuer' }),
      k.phase({ kind: 'final_review', title: 'Các cơ quan, đơn vị tổ chức tổng kết Phong trào thi đua, hoàn thành trong tháng 5 năm 2025', dueOn: '2025-05-31' }),
      k.phase({ kind: 'final_review', title: 'Ủy ban nhân dân tỉnh tổng kết Phong trào thi đua nhân dịp kỷ niệm 77 năm ngày Bác Hồ ra lời kêu gọi thi đua ái quốc (11 tháng 6 năm 1948 - 11 tháng 6 năm 2025)', dueOn: '2025-06-11', dueFrom: 'issuer' }),
    ],
  };
}
