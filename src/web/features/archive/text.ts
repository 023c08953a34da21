import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/index.ts';

/**
 * The archive screen's strings: an i18next namespace of its own (kept out of the main namespace's
 * type, see records/text.ts), Vietnamese first.
 */
const vi = {
  nav: 'Tra cứu khen thưởng',
  title: 'Tra cứu khen thưởng',
  intro: 'Ai đã được khen thưởng gì, năm nào, theo quyết định nào — trong phạm vi đơn vị bạn được giao. Gõ tên không dấu cũng được.',
  name: 'Họ tên cá nhân hoặc tên tập thể',
  namePlaceholder: 'Ví dụ: nguyen van an',
  unit: 'Đơn vị',
  unitHelp: 'Khen thưởng của cá nhân công tác tại đơn vị (và đơn vị trực thuộc) vào thời điểm quyết định, và của tập thể thuộc đơn vị.',
  awardForm: 'Danh hiệu, hình thức khen thưởng',
  yearFrom: 'Từ năm',
  yearTo: 'Đến năm',
  decisionNumber: 'Số quyết định',
  decisionPlaceholder: 'Ví dụ: 45/QĐ-UBND',
  revoked: 'Khen thưởng đã thu hồi',
  revokedInclude: 'Hiện',
  revokedExclude: 'Ẩn',
  revokedOnly: 'Chỉ thu hồi',
  all: 'Tất cả',
  person: 'Đang xem lịch sử khen thưởng của một cá nhân',
  collective: 'Đang xem lịch sử khen thưởng của một tập thể',
  clearSubject: 'Bỏ lọc',
  export: 'Xuất Excel',
  exportHelp: 'Tệp Excel gồm kết quả tìm kiếm hiện tại (tối đa 50.000 dòng).',
  empty: 'Không có khen thưởng nào khớp với điều kiện tìm kiếm.',
  recipient: 'Cá nhân, tập thể',
  unitColumn: 'Đơn vị (khi quyết định)',
  year: 'Năm',
  decision: 'Quyết định',
  decidedBy: 'Cơ quan quyết định',
  status: 'Tình trạng',
  collectiveBadge: 'Tập thể',
  revokedBadge: 'Đã thu hồi {{date}}',
  previous: 'Trang trước',
  next: 'Trang sau',
  page: 'Trang {{page}}',
  basis: { merit: 'Công trạng', thematic: 'Theo đợt, chuyên đề', one_off: 'Đột xuất', long_service: 'Cống hiến' },
  history: 'Tra cứu khen thưởng',
} as const;

type Messages = { [K in keyof typeof vi]: (typeof vi)[K] extends string ? string : { [L in keyof (typeof vi)[K]]: string } };

const en: Messages = {
  nav: 'Award archive',
  title: 'Award archive',
  intro: 'Who received which title or award, for which year, by which decision — within the units you are responsible for. Diacritics are optional.',
  name: 'Name of the person or collective',
  namePlaceholder: 'For example: nguyen van an',
  unit: 'Unit',
  unitHelp: 'Awards of people working in the unit (or below it) at the time of the decision, and of collectives in it.',
  awardForm: 'Title or award',
  yearFrom: 'From year',
  yearTo: 'To year',
  decisionNumber: 'Decision number',
  decisionPlaceholder: 'For example: 45/QĐ-UBND',
  revoked: 'Revoked awards',
  revokedInclude: 'Show',
  revokedExclude: 'Hide',
  revokedOnly: 'Only revoked',
  all: 'All',
  person: 'Showing the award history of one person',
  collective: 'Showing the award history of one collective',
  clearSubject: 'Clear',
  export: 'Export to Excel',
  exportHelp: 'An Excel file with the current search results (at most 50,000 rows).',
  empty: 'No award matches the search.',
  recipient: 'Person or collective',
  unitColumn: 'Unit (at decision time)',
  year: 'Year',
  decision: 'Decision',
  decidedBy: 'Decided by',
  status: 'Status',
  collectiveBadge: 'Collective',
  revokedBadge: 'Revoked {{date}}',
  previous: 'Previous page',
  next: 'Next page',
  page: 'Page {{page}}',
  basis: { merit: 'Merit', thematic: 'Campaign or theme', one_off: 'One-off', long_service: 'Long service' },
  history: 'Award archive',
};

const NS = 'archive';
i18n.addResourceBundle('vi', NS, vi, true, true);
i18n.addResourceBundle('en', NS, en, true, true);

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type ArchiveKey = Leaves<Messages>;

type AnyT = (key: string, options?: Record<string, unknown>) => string;

/** `t` for the archive screen: `t('title')`, `t('basis.merit')`; follows the UI language. */
export function useArchiveText(): (key: ArchiveKey, values?: Record<string, unknown>) => string {
  const { t } = useTranslation();
  return (key, values) => (t as unknown as AnyT)(`${NS}:${key}`, values);
}
