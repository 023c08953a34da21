/**
 * Test fixture: the opening of the An Biên district plan, one of the plans the demo replays ("Số:
 * 118/KH-UBND … An Biên, ngày 17 tháng 9 năm 2019"), real text, trimmed to a few sections.
 */
import type { OfficialDocument } from './model.ts';

const MOVEMENT =
  '“Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở” giai đoạn 2019 - 2025';

export const AN_BIEN_PLAN: OfficialDocument = {
  parentBody: 'UBND TỈNH KIÊN GIANG',
  issuingBody: 'ỦY BAN NHÂN DÂN HUYỆN AN BIÊN',
  number: 118,
  symbol: 'KH-UBND',
  place: 'An Biên',
  date: '2019-09-17',
  kind: 'KH',
  subject: `Tổ chức phong trào thi đua ${MOVEMENT}`,
  legalBases: [
    'Căn cứ Kế hoạch số 127/KH-UBND ngày 19/8/2019 của Ủy ban nhân dân tỉnh Kiên Giang về tổ ' +
      `chức phong trào thi đua ${MOVEMENT}`,
  ],
  preamble: [
    `UBND huyện xây dựng Kế hoạch tổ chức phong trào thi đua ${MOVEMENT} với những nội dung ` +
      'cụ thể như sau:',
  ],
  sections: [
    {
      title: 'MỤC ĐÍCH, YÊU CẦU',
      children: [
        {
          title: 'Mục đích:',
          paragraphs: [
            '- Tạo sự chuyển biến mạnh mẽ về ý thức và hành động; tự tu dưỡng, rèn luyện, nâng cao ' +
              'ý thức, đạo đức công vụ, đạo đức nghề nghiệp của cán bộ, công chức, viên chức, người ' +
              'lao động; tăng cường kỷ cương, kỷ luật hành chính; phòng, chống tham nhũng, thực ' +
              'hành tiết kiệm, chống lãng phí;',
            '- Bảo đảm tính liên tục và hiệu quả hoạt động của các cơ quan Đảng, Nhà nước, Mặt trận ' +
              'Tổ quốc và các đoàn thể, tạo môi trường làm việc văn minh, hiện đại, chuyên nghiệp, ' +
              'trách nhiệm, minh bạch, hiệu quả.',
          ],
        },
        {
          title: 'Yêu cầu:',
          paragraphs: [
            '- Việc thực hiện Phong trào thi đua phải trở thành nhiệm vụ trọng tâm trong các phong ' +
              'trào thi đua của cơ quan, ban, ngành, đoàn thể các cấp từ huyện đến cơ sở.',
          ],
        },
      ],
    },
    {
      title: 'ĐỐI TƯỢNG, NỘI DUNG, THỜI GIAN PHONG TRÀO THI ĐUA',
      children: [
        {
          title: 'Nội dung thi đua đối với tập thể:',
          paragraphs: ['**“Thi đua xây dựng cơ quan, đơn vị văn minh, hiện đại, xanh, sạch, đẹp”**:'],
          children: [
            { title: 'Cụ thể hóa các chính sách, quy định của cấp có thẩm quyền.' },
            { title: 'Thực hiện đẩy mạnh công tác cải cách hành chính.' },
            { title: 'Thực hiện ứng dụng rộng rãi công nghệ thông tin.' },
            { title: 'Xây dựng và giữ gìn cơ quan, đơn vị văn minh, hiện đại, xanh, sạch, đẹp.' },
            { title: 'Không có khói thuốc lá tại công sở và nơi công cộng.' },
            { title: 'Không có rác thải nhựa tại công sở và ngoài cộng đồng.' },
          ],
        },
      ],
    },
  ],
  closing: [
    `Trên đây là Kế hoạch tổ chức phát động Phong trào thi đua ${MOVEMENT}. Trong quá trình ` +
      'thực hiện nếu có vướng mắc, khó khăn kịp thời báo cáo UBND huyện./.',
  ],
  signature: { authority: 'TM.', authorityBody: 'ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Trần Hoàng Mâm' },
  recipients: [
    'Ban Thi đua - Khen thưởng',
    'Thường trực Huyện ủy',
    'Thường trực HĐND huyện',
    'CT và các PCT. UBND huyện',
    'Các ban, ngành, đoàn thể huyện',
    'UBND các xã, thị trấn',
  ],
  archive: [],
};
