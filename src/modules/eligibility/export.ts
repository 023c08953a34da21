import ExcelJS from 'exceljs';
import type { Locale } from '../../platform/i18n/messages.ts';
import type { judgeSubtree } from './service.ts';

type List = Awaited<ReturnType<typeof judgeSubtree>>;

const STATUS_WORDS: Record<Locale, Record<string, string>> = {
  vi: { met: 'Đủ điều kiện', attest: 'Cần xác nhận', unmet: 'Chưa đủ điều kiện' },
  en: { met: 'Eligible', attest: 'Needs attestation', unmet: 'Not eligible' },
};

/** "Who qualifies" as a workbook: one row per person or collective, the reasons in full. */
export async function eligibilityWorkbook(list: List, year: number, locale: Locale): Promise<Buffer> {
  const vi = locale === 'vi';
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(vi ? 'Xét điều kiện' : 'Eligibility');
  sheet.addRow([`${list.rule.awardFormName} — ${vi ? 'năm' : 'year'} ${year} — ${list.organisation.name}`]).font = { bold: true, size: 13 };
  sheet.addRow([`${list.rule.citation} (${list.rule.legalBasisName})`]);
  sheet.addRow([vi
    ? `Đủ điều kiện: ${list.counts.met}; cần xác nhận: ${list.counts.attest}; chưa đủ điều kiện: ${list.counts.unmet}`
    : `Eligible: ${list.counts.met}; needs attestation: ${list.counts.attest}; not eligible: ${list.counts.unmet}`]);
  if (list.cap) {
    sheet.addRow([vi
      ? `Tỷ lệ tối đa ${list.cap.percent}% số đạt "${list.cap.ofName}" (${list.cap.base}): ${list.cap.allowed}`
      : `At most ${list.cap.percent}% of "${list.cap.ofName}" holders (${list.cap.base}): ${list.cap.allowed}`]);
  }
  sheet.addRow([]);
  const header = sheet.addRow(vi ? ['STT', 'Họ và tên / Tập thể', 'Đơn vị', 'Chức vụ', 'Lãnh đạo', 'Kết quả', 'Lý do']
    : ['No.', 'Name', 'Unit', 'Position', 'Leader', 'Result', 'Reasons']);
  header.font = { bold: true };
  list.items.forEach((item, i) => {
    const row = sheet.addRow([i + 1, item.name, item.organisation?.name ?? '', item.position ?? '', item.isLeader ? 'x' : '',
      STATUS_WORDS[locale][item.status], item.reasons.join('\n')]);
    row.getCell(7).alignment = { wrapText: true, vertical: 'top' };
  });
  [6, 32, 36, 24, 9, 18, 80].forEach((width, i) => { sheet.getColumn(i + 1).width = width; });
  return Buffer.from(await book.xlsx.writeBuffer());
}
