import { defineTexts, type TextKey, type Translate } from '../../i18n/texts.ts';

/** The statutory forms page's strings. */
const vi = {
  title: 'Biểu mẫu báo cáo thống kê thi đua, khen thưởng',
  intro: 'Năm biểu báo cáo thống kê năm về thi đua, khen thưởng (Thông tư 02/2023/TT-BNV), lập sẵn từ dữ liệu của đơn vị báo cáo và các đơn vị trực thuộc. Tải về, kiểm tra, điền các ô tô xám, ký và gửi đúng hạn.',
  unit: 'Đơn vị báo cáo',
  unitHelp: 'Số liệu gồm đơn vị này và các đơn vị trực thuộc.',
  year: 'Năm báo cáo',
  period: 'Kỳ báo cáo năm {{year}}: từ ngày {{from}} đến ngày {{to}}.',
  due: 'Hạn gửi báo cáo: ngày {{date}}.',
  number: 'Biểu số',
  name: 'Tên biểu',
  download: 'Tải Excel',
  downloadLabel: 'Tải biểu {{number}} ({{unit}}, năm {{year}})',
  chooseUnit: 'Chọn đơn vị báo cáo để tải biểu.',
  blankNote: 'Ô tô xám, đánh dấu (*): hệ thống chưa có dữ liệu để tính (ví dụ hộ gia đình, trình độ đào tạo, khen thưởng niên hạn) — đơn vị điền tay. Khen thưởng tính theo ngày quyết định trong kỳ, không tính khen thưởng đã thu hồi.',
  sourceNote: 'Bố cục biểu theo bản hiển thị các biểu 0601–0605 tìm được; một số cột, dòng chưa đối chiếu được với văn bản gốc của Thông tư (ghi rõ trong phần Ghi chú của từng biểu).',
};

const en: typeof vi = {
  title: 'Statutory statistical forms on emulation and commendation',
  intro: 'The five annual statistical forms on emulation and commendation work (Circular 02/2023/TT-BNV), filled from the data of the reporting unit and the units under it. Download, check, fill the grey cells, sign and send on time.',
  unit: 'Reporting unit',
  unitHelp: 'The figures cover this unit and every unit under it.',
  year: 'Reporting year',
  period: 'Reporting period of {{year}}: from {{from}} to {{to}}.',
  due: 'Due on {{date}}.',
  number: 'Form',
  name: 'Title',
  download: 'Download Excel',
  downloadLabel: 'Download form {{number}} ({{unit}}, {{year}})',
  chooseUnit: 'Choose the reporting unit to download the forms.',
  blankNote: 'Grey cells marked (*): the system has no data to compute them (households, training levels, seniority awards …) — the unit fills them by hand. Awards count by their decision date within the period; revoked awards are left out.',
  sourceNote: 'The layouts follow the renderings of forms 0601–0605 that could be found; some columns and rows could not be checked against the Circular itself (each form says which in its notes).',
};

export const statutoryFormsTexts = defineTexts('statutoryForms', { vi, en });
export type StatutoryFormsT = Translate<TextKey<typeof vi>>;
