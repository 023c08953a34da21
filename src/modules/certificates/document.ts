import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { NATIONAL_MOTTO, NATIONAL_TITLE } from '../../platform/documents/model.ts';
import { mmToPt } from '../../platform/documents/layout.ts';
import { PDF_FONT } from '../../platform/documents/pdf.ts';
import { formatDate, formatLongDate } from '../../platform/vn/dates.ts';
import { authorityLine, formatCode, type CertificateKind } from './model.ts';

/** Everything a certificate prints, already resolved from the award, its form and its recipient. */
export interface Certificate {
  kind: CertificateKind;
  awardFormName: string;
  year: number;
  recipient: { kind: 'person' | 'collective'; name: string; gender: 'male' | 'female' | null; position: string; unitName: string };
  reason: string;
  decisionNumber: string;
  decidedOn: string | null;
  decidedBy: string;
  place: string;
  code: string;
  url: string;
}

/** The titles that sign, longest first: 'Chủ tịch UBND tỉnh Sơn La' signs as 'CHỦ TỊCH'. */
const SIGNER_TITLES = [
  'Chủ tịch nước', 'Thủ tướng Chính phủ', 'Phó Thủ tướng', 'Phó Chủ tịch', 'Chủ tịch', 'Phó Giám đốc', 'Tổng Giám đốc', 'Giám đốc',
  'Bộ trưởng', 'Thứ trưởng', 'Trưởng ban', 'Chánh Văn phòng', 'Cục trưởng', 'Hiệu trưởng', 'Viện trưởng', 'Thủ trưởng',
].sort((a, b) => b.length - a.length);

export function signerTitle(decidedBy: string): string {
  const by = decidedBy.trim();
  const title = SIGNER_TITLES.find((t) => by.toLocaleLowerCase('vi').startsWith(t.toLocaleLowerCase('vi')));
  if (title === 'Thủ tướng Chính phủ') return 'THỦ TƯỚNG';
  return (title ?? by).toLocaleUpperCase('vi');
}

/** The recipient's lines: 'Ông Nguyễn Văn An' with position and unit, or the collective under its parent. */
function recipientLines(c: Certificate): { name: string; detail: string } {
  const r = c.recipient;
  if (r.kind === 'collective') return { name: r.name, detail: r.unitName ? `Thuộc ${r.unitName}` : '' };
  const honorific = r.gender === 'female' ? 'Bà ' : r.gender === 'male' ? 'Ông ' : '';
  const detail = [r.position, r.unitName].filter((s) => s.trim() !== '').join(', ');
  return { name: `${honorific}${r.name}`, detail };
}

const DARK_RED = '#9b1c1c';

/**
 * The certificate as a pdfmake definition: A4 landscape inside a double frame; national title and
 * motto, the conferring authority, BẰNG KHEN / GIẤY KHEN / GIẤY CHỨNG NHẬN, "Tặng" and the recipient,
 * the reason, then the decision and a QR code of the public verification address on the left, place,
 * date and the signer's title on the right (the record names the signer's office, not the person:
 * the signature and name are written on the printed sheet).
 */
export function certificateDefinition(c: Certificate): TDocumentDefinitions {
  const { name, detail } = recipientLines(c);
  const reason = c.reason.trim() || `Đã có thành tích xuất sắc năm ${c.year}`;
  const decision = [`Quyết định số ${c.decisionNumber}`, c.decidedOn ? `ngày ${formatDate(c.decidedOn)}` : ''].filter(Boolean).join(' ');
  const placeDate = c.decidedOn ? formatLongDate(c.decidedOn, c.place) : `${c.place}, ngày … tháng … năm …`;
  const width = 841.89;
  const height = 595.28;
  const frame = (inset: number, lineWidth: number) => ({
    type: 'rect' as const, x: inset, y: inset, w: width - 2 * inset, h: height - 2 * inset, lineWidth, lineColor: DARK_RED,
  });
  const content: Content[] = [
    { text: NATIONAL_TITLE, bold: true, fontSize: 13, alignment: 'center' },
    { text: NATIONAL_MOTTO, bold: true, fontSize: 14, alignment: 'center' },
    { canvas: [{ type: 'line', x1: 300, y1: 2, x2: 442, y2: 2, lineWidth: 0.6 }], margin: [0, 0, 0, 8] },
    { text: authorityLine(c.decidedBy), bold: true, fontSize: 15, alignment: 'center', margin: [0, 4, 0, 0] },
    { text: c.kind.heading, bold: true, fontSize: 40, color: DARK_RED, alignment: 'center', margin: [0, 6, 0, 0] },
    ...(c.kind.titleLine ? [{ text: `${c.kind.titleLine} năm ${c.year}`, bold: true, fontSize: 16, alignment: 'center', margin: [0, 0, 0, 4] } as Content] : []),
    { text: 'Tặng', italics: true, fontSize: 15, alignment: 'center', margin: [0, 6, 0, 2] },
    { text: name, bold: true, fontSize: 22, alignment: 'center' },
    ...(detail ? [{ text: detail, fontSize: 14, alignment: 'center', margin: [0, 2, 0, 0] } as Content] : []),
    { text: reason, italics: true, fontSize: 14, alignment: 'center', margin: [60, 8, 60, 10] },
    {
      columns: [
        {
          width: '*',
          stack: [
            { text: decision, fontSize: 12 },
            { columns: [
              { qr: c.url, fit: 96, eccLevel: 'M', width: 'auto', margin: [0, 6, 8, 0] },
              { width: '*', margin: [0, 14, 0, 0], stack: [
                { text: 'Mã xác minh', fontSize: 10, italics: true },
                { text: formatCode(c.code), bold: true, fontSize: 14, characterSpacing: 1 },
                { text: 'Quét mã QR hoặc truy cập:', fontSize: 9, italics: true, margin: [0, 4, 0, 0] },
                { text: c.url, fontSize: 9 },
              ] },
            ] },
          ],
        },
        {
          width: 320,
          stack: [
            { text: placeDate, italics: true, fontSize: 14, alignment: 'center' },
            { text: signerTitle(c.decidedBy), bold: true, fontSize: 14, alignment: 'center', margin: [0, 4, 0, 0] },
          ],
        },
      ],
      columnGap: 16,
    },
  ];
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [mmToPt(22), mmToPt(16), mmToPt(22), mmToPt(14)],
    info: { title: `${c.kind.heading} – ${name}`, subject: `${c.awardFormName} năm ${c.year}, Quyết định số ${c.decisionNumber}` },
    language: 'vi-VN',
    defaultStyle: { font: PDF_FONT, fontSize: 14, lineHeight: 1.1 },
    background: () => ({ canvas: [frame(mmToPt(8), 2.4), frame(mmToPt(10), 0.8)] }),
    content,
  };
}
