/**
 * The draft dossier of the Sơn La office's mid-term review (the demo's Sơn La office review): the proposal letter, the council
 * minutes and the achievement reports, rendered to DOCX and read back from the file's XML (no mocks).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../platform/documents/docx.ts';
import { renderPdf } from '../../platform/documents/pdf.ts';
import { docxParagraphs, flat, readDocx, readPdfText } from '../../platform/documents/readback.testing.ts';
import { achievementReport, councilMinutes, countPhrase, defaultLegalBases, dossierDrafts, proposalLetter, votePercent, type DossierInput } from './dossier.ts';

const MOVEMENT = 'Cán bộ, công chức, viên chức Văn phòng UBND tỉnh Sơn La thi đua thực hiện văn hóa công sở';

const SON_LA: DossierInput = {
  unit: { name: 'Văn phòng UBND tỉnh Sơn La', parentName: 'UBND TỈNH SƠN LA', place: 'Sơn La', abbreviation: 'VPUB' },
  date: '2022-05-20',
  kind: 'thematic',
  movement: { name: MOVEMENT, reference: 'Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh' },
  awardFormName: 'Bằng khen của Chủ tịch UBND tỉnh',
  authority: 'Chủ tịch UBND tỉnh Sơn La',
  recipients: [
    { kind: 'person', name: 'Lường Thị Thủy', position: 'Chuyên viên', unitName: 'Phòng Kinh tế ngành', gender: 'female', birthYear: 1986,
      achievement: 'Ba năm liền hoàn thành xuất sắc nhiệm vụ (2019 - 2021); sáng kiến “Số hóa hồ sơ thi đua” được công nhận cấp cơ sở.',
      votes: { for: 10, of: 11 },
      titles: [{ year: 2021, name: 'Chiến sĩ thi đua cơ sở', decision: 'Quyết định số 25/QĐ-VPUB ngày 12/01/2022 của Văn phòng UBND tỉnh' },
        { year: 2020, name: 'Lao động tiên tiến', decision: 'Quyết định số 18/QĐ-VPUB ngày 15/01/2021 của Văn phòng UBND tỉnh' }] },
    { kind: 'collective', name: 'Phòng Tổ chức - Hành chính - Quản trị', unitName: 'Văn phòng UBND tỉnh Sơn La', votes: { for: 11, of: 11 } },
  ],
  signer: { authority: 'KT.', authorityBody: 'CHÁNH VĂN PHÒNG', title: 'Phó Chánh Văn phòng', name: 'Cầm Ngọc Đức' },
  meeting: { date: '2022-05-18', time: '14 giờ 00', place: 'Phòng họp số 2, Văn phòng UBND tỉnh', members: 11, present: 11, secretBallot: true,
    chair: { name: 'Cầm Ngọc Đức', title: 'Phó Chánh Văn phòng, Chủ tịch Hội đồng' }, secretary: { name: 'Quàng Văn Tiến', title: 'Trưởng phòng Tổ chức - Hành chính - Quản trị' } },
};

/** Text of the paragraphs, and the rows of every table as cell texts, read from word/document.xml. */
async function readBack(buffer: Buffer) {
  const { document } = await readDocx(buffer);
  const paragraphs = docxParagraphs(document).map((p) => p.text);
  const rows = [...document.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/gu)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/gu)].map((tc) => flat(docxParagraphs(tc[0]).map((p) => p.text).join(' '))));
  return { paragraphs, text: flat(paragraphs.join('\n')), rows };
}

function expectInOrder(text: string, needles: readonly string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    expect(at, `"${needle}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

describe('the proposal letter (tờ trình)', () => {
  let doc: Awaited<ReturnType<typeof readBack>>;
  beforeAll(async () => { doc = await readBack(await renderDocx(proposalLetter(SON_LA))); });

  it('is a TTr of the office, addressed to the chairman, under the Law and decree in force on its date', () => {
    expectInOrder(doc.text, [
      'UBND TỈNH SƠN LA', 'VĂN PHÒNG UBND TỈNH SƠN LA', 'Số: /TTr-VPUB', 'Sơn La, ngày 20 tháng 5 năm 2022',
      'TỜ TRÌNH',
      `Về việc đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho tập thể, cá nhân đã có thành tích xuất sắc trong thực hiện phong trào thi đua “${MOVEMENT}”`,
      'Kính gửi: Chủ tịch UBND tỉnh Sơn La',
      // May 2022: the 2022 Law was not yet in force (1/1/2024); the 2003 Law and Decree 91/2017 were
      'Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 16 tháng 11 năm 2013;',
      'Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017',
      `Căn cứ Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh về tổ chức phong trào thi đua “${MOVEMENT}”;`,
    ]);
  });

  it('lists the nominees in a table, collectives first, with post and unit and the award proposed', () => {
    const table = doc.rows.slice(doc.rows.findIndex((r) => r[0] === 'STT'));
    expect(table).toEqual([
      ['STT', 'Họ và tên / Tên tập thể', 'Chức vụ – Đơn vị', 'Hình thức đề nghị'],
      ['1', 'Phòng Tổ chức - Hành chính - Quản trị', 'Văn phòng UBND tỉnh Sơn La', 'Bằng khen của Chủ tịch UBND tỉnh'],
      ['2', 'Lường Thị Thủy', 'Chuyên viên, Phòng Kinh tế ngành', 'Bằng khen của Chủ tịch UBND tỉnh'],
    ].concat(table.slice(3)));
    expect(doc.text).toContain('Văn phòng UBND tỉnh Sơn La kính trình Chủ tịch UBND tỉnh Sơn La xem xét, tặng Bằng khen của Chủ tịch UBND tỉnh cho 01 tập thể và 01 cá nhân');
    expect(doc.text).toContain('Căn cứ Biên bản họp xét đề nghị khen thưởng của Văn phòng UBND tỉnh Sơn La ngày 18/05/2022');
    expectInOrder(doc.text, ['kính trình Chủ tịch UBND tỉnh Sơn La xem xét, quyết định./.', 'Nơi nhận:', '- Như trên;', '- Lưu: VT.', 'KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG', 'Cầm Ngọc Đức']);
  });
});

describe('the council minutes (biên bản họp xét)', () => {
  it('record time, place, attendance, the secret-ballot results and both signatures', async () => {
    const doc = await readBack(await renderDocx(councilMinutes(SON_LA)));
    expectInOrder(doc.text, [
      'BIÊN BẢN', 'Họp xét đề nghị khen thưởng',
      'Thời gian: Vào lúc 14 giờ 00, ngày 18 tháng 5 năm 2022.', 'Địa điểm: Phòng họp số 2, Văn phòng UBND tỉnh',
      'I. THÀNH PHẦN THAM DỰ', '- Chủ trì: Cầm Ngọc Đức – Phó Chánh Văn phòng, Chủ tịch Hội đồng',
      '- Thư ký: Quàng Văn Tiến', 'có mặt: 11/11 thành viên', '1. Ông (Bà) …',
      'II. NỘI DUNG', '1. Xét đề nghị khen thưởng', '2. Kết quả bỏ phiếu kín', '3. Kết luận',
      'cho 01 tập thể và 01 cá nhân có tên nêu trên.', 'Biên bản đã được đọc lại',
      'THƯ KÝ', '(Ký, ghi rõ họ tên)', 'Quàng Văn Tiến', 'CHỦ TRÌ', '(Ký, ghi rõ họ tên)', 'Cầm Ngọc Đức',
    ]);
    expect(doc.text).not.toContain('Nơi nhận');
    const table = doc.rows.slice(doc.rows.findIndex((r) => r[0] === 'STT'), doc.rows.findIndex((r) => r[0] === 'STT') + 3);
    expect(table).toEqual([
      ['STT', 'Họ và tên / Tên tập thể', 'Chức vụ – Đơn vị', 'Hình thức đề nghị', 'Số phiếu đồng ý', 'Tỷ lệ'],
      ['1', 'Phòng Tổ chức - Hành chính - Quản trị', 'Văn phòng UBND tỉnh Sơn La', 'Bằng khen của Chủ tịch UBND tỉnh', '11/11', '100%'],
      ['2', 'Lường Thị Thủy', 'Chuyên viên, Phòng Kinh tế ngành', 'Bằng khen của Chủ tịch UBND tỉnh', '10/11', '90,9%'],
    ]);
  });

  it('leave dotted lines and empty vote cells when the meeting is not yet held, and print as PDF too', async () => {
    const draft = councilMinutes({ ...SON_LA, meeting: undefined, recipients: SON_LA.recipients.map((r) => ({ ...r, votes: undefined })) });
    const doc = await readBack(await renderDocx(draft));
    expect(doc.text).toContain('Thời gian: Vào lúc ………… giờ …………, ngày ………… tháng');
    expect(doc.text).toContain('2. Kết quả biểu quyết');
    expect(doc.rows.find((r) => r[1] === 'Lường Thị Thủy')!.slice(4)).toEqual(['', '']);
    const pdf = await readPdfText(await renderPdf(councilMinutes(SON_LA)));
    const text = flat(pdf.pages.join('\n'));
    for (const needle of ['BIÊN BẢN', 'Họp xét đề nghị khen thưởng', 'Lường Thị Thủy', '90,9%', 'THƯ KÝ', 'Quàng Văn Tiến', 'CHỦ TRÌ']) expect(text).toContain(needle);
  });
});

describe('the achievement reports (báo cáo thành tích)', () => {
  it('for a person follow Mẫu 02: no issuer or number, her data filled in, past titles in a table, two signatures', async () => {
    const person = SON_LA.recipients[0]!;
    const doc = await readBack(await renderDocx(achievementReport(SON_LA, person)));
    expect(doc.text).not.toContain('Số:');
    expectInOrder(doc.text, [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Sơn La, ngày', 'BÁO CÁO THÀNH TÍCH', 'Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh',
      '(Áp dụng cho cá nhân)', 'I. SƠ LƯỢC LÝ LỊCH', '- Họ và tên: Lường Thị Thủy', '- Sinh ngày, tháng, năm: năm 1986; Giới tính: Nữ',
      '- Quê quán: …', '- Đơn vị công tác: Phòng Kinh tế ngành', '- Chức vụ (Đảng, chính quyền, đoàn thể): Chuyên viên',
      'II. THÀNH TÍCH ĐẠT ĐƯỢC', '1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận:',
      `2. Thành tích đạt được của cá nhân trong thực hiện phong trào thi đua “${MOVEMENT}”:`, 'sáng kiến “Số hóa hồ sơ thi đua”',
      'III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN', '1. Danh hiệu thi đua:', '2. Hình thức khen thưởng:',
      'THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ', '(Ký, đóng dấu)', 'Cầm Ngọc Đức', 'NGƯỜI BÁO CÁO THÀNH TÍCH', '(Ký, ghi rõ họ tên)', 'Lường Thị Thủy',
    ]);
    const titles = doc.rows.findIndex((r) => r[0] === 'Năm' && r[1] === 'Danh hiệu thi đua');
    expect(doc.rows.slice(titles, titles + 3)).toEqual([
      ['Năm', 'Danh hiệu thi đua', 'Số, ngày, tháng, năm của quyết định công nhận danh hiệu thi đua; cơ quan ban hành quyết định'],
      ['2020', 'Lao động tiên tiến', 'Quyết định số 18/QĐ-VPUB ngày 15/01/2021 của Văn phòng UBND tỉnh'],
      ['2021', 'Chiến sĩ thi đua cơ sở', 'Quyết định số 25/QĐ-VPUB ngày 12/01/2022 của Văn phòng UBND tỉnh'],
    ]);
    // no award recorded yet: three empty rows to fill in by hand
    const awards = doc.rows.findIndex((r) => r[0] === 'Năm' && r[1] === 'Hình thức khen thưởng');
    expect(doc.rows.slice(awards + 1, awards + 4)).toEqual([['', '', ''], ['', '', ''], ['', '', '']]);
  });

  it('for a collective follow Mẫu 01: its parent and its name in the header, its situation and tasks to complete', async () => {
    const doc = await readBack(await renderDocx(achievementReport(SON_LA, SON_LA.recipients[1]!)));
    expectInOrder(doc.text, [
      'VĂN PHÒNG UBND TỈNH SƠN LA', 'PHÒNG TỔ CHỨC - HÀNH CHÍNH - QUẢN TRỊ', 'BÁO CÁO THÀNH TÍCH',
      'Tên tập thể đề nghị: Phòng Tổ chức - Hành chính - Quản trị', '(Áp dụng cho tập thể)',
      'I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH', '1. Đặc điểm, tình hình:', '2. Chức năng, nhiệm vụ:',
      'II. THÀNH TÍCH ĐẠT ĐƯỢC', 'III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN',
      'THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN TRỰC TIẾP NHẬN XÉT, XÁC NHẬN', 'THỦ TRƯỞNG ĐƠN VỊ',
    ]);
    expect(doc.text).not.toContain('Số:');
  });

  it('come one per nominee after the letter and the minutes', () => {
    const drafts = dossierDrafts(SON_LA);
    expect(drafts.reports.map((r) => r.issuingBody || r.sections[0]!.paragraphs![0])).toEqual(['Phòng Tổ chức - Hành chính - Quản trị', '- Họ và tên: **Lường Thị Thủy**']);
    expect(drafts.proposal.kind).toBe('TTr');
    expect(drafts.minutes.kind).toBe('BB');
  });
});

describe('wording helpers', () => {
  it('count nominees with leading zeros, write shares with a decimal comma, and pick the bases in force', () => {
    expect(countPhrase(SON_LA.recipients)).toBe('01 tập thể và 01 cá nhân');
    expect(countPhrase([SON_LA.recipients[0]!, SON_LA.recipients[0]!, SON_LA.recipients[0]!])).toBe('03 cá nhân');
    expect(votePercent({ for: 9, of: 10 })).toBe('90%');
    expect(votePercent({ for: 2, of: 3 })).toBe('66,7%');
    expect(defaultLegalBases('2024-03-01')[1]).toContain('98/2023/NĐ-CP');
    expect(defaultLegalBases('2025-07-01')[1]).toContain('152/2025/NĐ-CP');
    expect(defaultLegalBases(null)[1]).toContain('152/2025/NĐ-CP');
  });
});
