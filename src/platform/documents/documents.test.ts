/**
 * Render the An Biên district plan (one of the plans the demo replays) to DOCX and PDF and read both files back: the XML inside the
 * DOCX, the text pdf.js extracts from the PDF (with the font embedded). No mocks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AN_BIEN_PLAN } from './an-bien-plan.fixture.ts';
import { renderDocx } from './docx.ts';
import type { OfficialDocument } from './model.ts';
import { renderPdf } from './pdf.ts';
import { docxParagraphs, flat, readDocx, readPdfText, type DocxParts, type PdfText } from './readback.testing.ts';

// Enough body to run onto a second page, so the page number (pages 2+) can be checked.
const PLAN: OfficialDocument = {
  ...AN_BIEN_PLAN,
  sections: [
    ...AN_BIEN_PLAN.sections,
    {
      title: 'TỔ CHỨC THỰC HIỆN',
      children: Array.from({ length: 8 }, (_, i) => ({
        title: `Giao Phòng Nội vụ (cơ quan Thường trực Hội đồng Thi đua - Khen thưởng huyện) hướng dẫn, kiểm tra, theo dõi, đôn đốc việc thực hiện, nhiệm vụ ${i + 1}.`,
      })),
    },
  ],
};

const SUBJECT =
  'Tổ chức phong trào thi đua “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở” giai đoạn 2019 - 2025';
const LEGAL_BASIS =
  'Căn cứ Kế hoạch số 127/KH-UBND ngày 19/8/2019 của Ủy ban nhân dân tỉnh Kiên Giang về tổ chức phong trào thi đua “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở” giai đoạn 2019 - 2025.';

/** What both renderers must print, in reading order. */
const EXPECTED_IN_ORDER = [
  'UBND TỈNH KIÊN GIANG',
  'ỦY BAN NHÂN DÂN',
  'HUYỆN AN BIÊN',
  'Số: 118/KH-UBND',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'An Biên, ngày 17 tháng 9 năm 2019',
  'KẾ HOẠCH',
  SUBJECT,
  LEGAL_BASIS,
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Mục đích:',
  '2. Yêu cầu:',
  'II. ĐỐI TƯỢNG, NỘI DUNG, THỜI GIAN PHONG TRÀO THI ĐUA',
  '“Thi đua xây dựng cơ quan, đơn vị văn minh, hiện đại, xanh, sạch, đẹp”:',
  'd) Xây dựng và giữ gìn cơ quan, đơn vị văn minh, hiện đại, xanh, sạch, đẹp.',
  'đ) Không có khói thuốc lá tại công sở và nơi công cộng.',
  'e) Không có rác thải nhựa tại công sở và ngoài cộng đồng.',
  'III. TỔ CHỨC THỰC HIỆN',
  'Nơi nhận:',
  '- Ban Thi đua - Khen thưởng;',
  '- Lưu: VT.',
];

function expectInOrder(text: string, needles: readonly string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle.normalize('NFC'), from);
    expect(at, `"${needle}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

describe('DOCX', () => {
  let docx: DocxParts;
  let text: string;
  beforeAll(async () => {
    const buffer = await renderDocx(PLAN);
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    docx = await readDocx(buffer);
    text = docxParagraphs(docx.document)
      .map((p) => p.text)
      .join('\n');
  });

  const paragraph = (t: string) => {
    const found = docxParagraphs(docx.document).find((p) => p.text === t.normalize('NFC'));
    expect(found, `paragraph "${t}"`).toBeDefined();
    return found?.xml ?? '';
  };

  it('prints the header, title, body and signature in order', () => {
    expectInOrder(text, EXPECTED_IN_ORDER);
    // The signature follows the recipients' cell (left column first, then right).
    expectInOrder(text, ['- Lưu: VT.', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Trần Hoàng Mâm']);
  });

  it('lays the header out as a borderless two-column table', () => {
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/u.exec(docx.document)?.[0] ?? '';
    expect(table).toContain('<w:top w:val="none"');
    expect(docxParagraphs(table).map((p) => p.text)).toEqual(
      expect.arrayContaining(['Số: 118/KH-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']),
    );
    expect(table.match(/<w:tc>/gu)).toHaveLength(2);
  });

  it('formats per Decree 30: bold titles, italic date and legal bases, justified body', () => {
    expect(paragraph('KẾ HOẠCH')).toMatch(/<w:jc w:val="center"\/>[\s\S]*<w:b\/>/u);
    expect(paragraph(SUBJECT)).toContain('<w:b/>');
    expect(paragraph('Độc lập - Tự do - Hạnh phúc')).toContain('<w:b/>');
    expect(paragraph('An Biên, ngày 17 tháng 9 năm 2019')).toContain('<w:i/>');
    const basis = paragraph(LEGAL_BASIS);
    expect(basis).toContain('<w:i/>');
    expect(basis).toContain('<w:jc w:val="both"/>');
    expect(basis).toContain('<w:ind w:firstLine="720"/>');
    expect(paragraph('Nơi nhận:')).toMatch(/<w:b\/>[\s\S]*<w:i\/>[\s\S]*<w:sz w:val="24"\/>/u);
    expect(paragraph('- Lưu: VT.')).toContain('<w:sz w:val="22"/>');
    expect(paragraph('Trần Hoàng Mâm')).toContain('<w:b/>');
  });

  it('is A4 portrait with 20/20/30/20 mm margins in Times New Roman', () => {
    expect(docx.document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(docx.document).toMatch(/<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"/u);
    expect(docx.styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"[^>]*w:hAnsi="Times New Roman"\/><w:sz w:val="28"\/>/u);
  });

  it('numbers pages from page 2, centred at the top', () => {
    expect(docx.document).toContain('<w:titlePg/>');
    expect(docx.document).toMatch(/<w:headerReference w:type="first"/u);
    const numbered = docx.headers.filter((h) => h.includes('<w:instrText xml:space="preserve">PAGE</w:instrText>'));
    expect(numbered).toHaveLength(1);
    expect(numbered[0]).toContain('<w:jc w:val="center"/>');
  });

  it('leaves blanks in an unnumbered, undated draft', async () => {
    const draft = await readDocx(await renderDocx({ ...PLAN, number: null, date: null }));
    const texts = docxParagraphs(draft.document).map((p) => p.text);
    expect(texts).toContain('Số:      /KH-UBND');
    expect(texts).toContain('An Biên, ngày      tháng      năm 20…');
  });
});

describe('PDF', () => {
  let buffer: Buffer;
  let pdf: PdfText;
  beforeAll(async () => {
    buffer = await renderPdf(PLAN);
    expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    pdf = await readPdfText(buffer);
  });

  it('gives back the same Vietnamese text, diacritics intact, in order', () => {
    const all = flat(pdf.pages.join('\n'));
    expectInOrder(all, EXPECTED_IN_ORDER.map(flat));
    expectInOrder(all, ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Trần Hoàng Mâm']);
    // Precomposed NFC letters came back, not base letters with stray marks.
    expect(all).toContain('Ủy ban nhân dân tỉnh Kiên Giang');
    expect(all).toBe(all.normalize('NFC'));
  });

  it('breaks lines at spaces only (no "127/ KH- UBND" in justified lines)', () => {
    expect(flat(pdf.pages[0] ?? '')).toContain('127/KH-UBND ngày 19/8/2019');
  });

  it('embeds the Tinos font (subset TrueType)', () => {
    const raw = buffer.toString('latin1');
    expect(raw).toContain('/FontFile2');
    for (const face of ['Tinos-Regular', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-BoldItalic']) {
      expect(raw).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${face}\\b`, 'u'));
    }
  });

  it('is A4 and numbers pages from page 2', () => {
    expect(buffer.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/u);
    expect(pdf.pageCount).toBeGreaterThanOrEqual(2);
    expect(pdf.pages[0]?.trimStart().startsWith('UBND TỈNH KIÊN GIANG')).toBe(true);
    const lines = (page: string | undefined) => (page ?? '').split('\n').map((l) => l.trim());
    expect(lines(pdf.pages[0])).not.toContain('1');
    expect(lines(pdf.pages[1])).toContain('2');
  });

  it('leaves blanks in an unnumbered, undated draft', async () => {
    const draft = flat((await readPdfText(await renderPdf({ ...PLAN, number: null, date: null }))).pages[0] ?? '');
    expect(draft).toMatch(/Số: \/KH-UBND/u);
    expect(draft).toContain('An Biên, ngày tháng năm 20…');
  });
});
