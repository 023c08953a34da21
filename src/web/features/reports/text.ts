import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/index.ts';

/**
 * The strings of the report screens (báo cáo theo đề cương, tổng hợp), as their own i18next namespace,
 * kept out of the main namespace's type like the records screens' (see features/records/text.ts).
 */
const vi = {
  title: 'Báo cáo theo đề cương',
  phaseLink: 'Báo cáo theo đề cương này',
  intro: 'Báo cáo kết quả phong trào, đợt thi đua theo đề cương của cấp trên: đơn vị soạn, gửi; cấp trên tổng hợp.',
  owedHeading: 'Báo cáo đơn vị phải gửi',
  owedEmpty: 'Không có báo cáo nào đơn vị của bạn phải gửi.',
  receivedHeading: 'Báo cáo nhận để tổng hợp',
  receivedEmpty: 'Không có kỳ báo cáo nào do đơn vị của bạn ban hành.',
  movement: 'Phong trào, đợt thi đua',
  phase: 'Kỳ báo cáo',
  unit: 'Đơn vị',
  issuer: 'Gửi đến',
  dueOn: 'Hạn gửi',
  state: 'Tình trạng',
  submitted: 'Đơn vị trực thuộc đã gửi',
  open: 'Mở báo cáo',
  openCompilation: 'Xem tổng hợp',
  states: { on_time: 'Đã gửi đúng hạn', late: 'Đã gửi quá hạn', draft: 'Đang soạn', returned: 'Bị trả lại', missing: 'Chưa gửi' },
  statuses: { draft: 'Dự thảo', submitted: 'Đã gửi', returned: 'Bị trả lại' },
  reportTitle: 'Báo cáo của {{unit}}',
  receiving: 'Gửi đến',
  status: 'Trạng thái',
  deadline: 'Hạn: hết ngày {{date}} (giờ Việt Nam)',
  lateBadge: 'Quá hạn',
  outlineHeading: 'Nội dung báo cáo theo đề cương',
  sectionText: 'Nội dung chung của mục {{section}}',
  readOnly: 'Báo cáo đã gửi nên chỉ xem được. Cấp trên có thể trả lại để đơn vị bổ sung.',
  empty: 'Chưa có nội dung.',
  returnedTitle: 'Cấp trên đã trả lại báo cáo',
  save: 'Lưu nháp',
  saved: 'Đã lưu.',
  submit: 'Gửi báo cáo',
  submitQuestion: 'Gửi báo cáo lên {{receiving}}? Nội dung đang nhập sẽ được lưu; sau khi gửi, báo cáo chỉ sửa được khi cấp trên trả lại.',
  returnAction: 'Trả lại',
  returnTitle: 'Trả lại báo cáo để bổ sung',
  returnReason: 'Lý do trả lại',
  returnConfirm: 'Trả lại báo cáo',
  docx: 'Tải Word (.docx)',
  figuresHeading: 'Số liệu thi đua, khen thưởng',
  figuresLive: 'Số liệu lấy từ cơ sở dữ liệu, từ {{from}} đến {{to}}, gồm cả các đơn vị đã sáp nhập vào; được chốt khi gửi báo cáo.',
  figuresFrozen: 'Số liệu đã chốt khi gửi báo cáo (từ {{from}} đến {{to}}).',
  figuresCompiled: 'Số liệu hiện tại trong cơ sở dữ liệu, từ {{from}} đến {{to}}, của toàn bộ các đơn vị (kể cả đơn vị đã sáp nhập vào); bảng dưới chia theo từng đơn vị.',
  figures: {
    caption: 'Danh hiệu, hình thức khen thưởng được quyết định trong kỳ',
    awardForm: 'Hình thức', total: 'Tổng số', collectives: 'Tập thể', individuals: 'Cá nhân', women: 'Nữ', ethnicMinorities: 'Dân tộc thiểu số',
    nonLeaders: 'Không giữ chức vụ lãnh đạo', directWorkers: 'Trực tiếp lao động', forMovement: 'Trong đợt thi đua', amount: 'Tiền thưởng (đồng)',
    sum: 'Tổng cộng', none: 'Không có danh hiệu, hình thức khen thưởng nào được quyết định trong kỳ.',
    registrations: 'Đăng ký thi đua: {{units}} đơn vị; {{collectives}} tập thể và {{individuals}} cá nhân đăng ký danh hiệu.',
    nominations: 'Đề nghị khen thưởng: {{submitted}} trường hợp được đề nghị, {{accepted}} được chấp nhận, {{returned}} bị trả lại.',
  },
  historyHeading: 'Lịch sử gửi, trả lại',
  historyEmpty: 'Báo cáo chưa được gửi lần nào.',
  events: { submitted: 'Đã gửi', returned: 'Bị trả lại', resubmitted: 'Gửi lại' },
  by: 'bởi {{name}}',
  compileLink: 'Tổng hợp báo cáo của {{count}} đơn vị trực thuộc',
  compilationTitle: 'Tổng hợp báo cáo – {{unit}}',
  unitsHeading: 'Tình hình báo cáo của các đơn vị',
  unitsSummary: 'Đã gửi {{sent}}/{{count}} đơn vị.',
  missingHeading: 'Đơn vị chưa gửi báo cáo',
  noneMissing: 'Đơn vị nào cũng đã lập báo cáo.',
  submittedAt: 'Thời điểm gửi',
  note: 'Ghi chú',
  byUnitHeading: 'Số liệu khen thưởng theo đơn vị',
  own: '{{unit}} (trực tiếp)',
  totalRow: 'Tổng cộng',
  gatheredHeading: 'Nội dung các đơn vị đã báo cáo',
  noTexts: 'Chưa có đơn vị nào báo cáo mục này.',
  startOwn: 'Lập báo cáo của đơn vị từ bản tổng hợp',
  startOwnQuestion: 'Điền nội dung các đơn vị đã báo cáo vào những mục còn trống trong báo cáo của {{unit}}? Nội dung đã viết được giữ nguyên.',
  openOwn: 'Mở báo cáo của {{unit}}',
  docxCompiled: 'Tải báo cáo tổng hợp (.docx)',
};

const en: typeof vi = {
  title: 'Reports on an outline',
  phaseLink: 'Reports on this outline',
  intro: 'Reports on a movement or campaign against the outline set above: units write and send them; the level above compiles them.',
  owedHeading: 'Reports my units owe',
  owedEmpty: 'Your units owe no report.',
  receivedHeading: 'Reports received to compile',
  receivedEmpty: 'No report phase was issued by your units.',
  movement: 'Movement or campaign',
  phase: 'Report phase',
  unit: 'Unit',
  issuer: 'Sent to',
  dueOn: 'Due',
  state: 'State',
  submitted: 'Sent by units below',
  open: 'Open the report',
  openCompilation: 'Open the compilation',
  states: { on_time: 'Sent on time', late: 'Sent late', draft: 'Being written', returned: 'Returned', missing: 'Not sent' },
  statuses: { draft: 'Draft', submitted: 'Sent', returned: 'Returned' },
  reportTitle: 'Report of {{unit}}',
  receiving: 'Sent to',
  status: 'Status',
  deadline: 'Due by the end of {{date}} (Việt Nam time)',
  lateBadge: 'Late',
  outlineHeading: 'The report, part by part of the outline',
  sectionText: 'General text of part {{section}}',
  readOnly: 'The report has been sent and can only be read. The level above may return it for additions.',
  empty: 'Nothing written.',
  returnedTitle: 'The level above returned the report',
  save: 'Save draft',
  saved: 'Saved.',
  submit: 'Send the report',
  submitQuestion: 'Send the report to {{receiving}}? What you typed is saved first; once sent, it changes only if the level above returns it.',
  returnAction: 'Return',
  returnTitle: 'Return the report for additions',
  returnReason: 'Reason for returning',
  returnConfirm: 'Return the report',
  docx: 'Download Word (.docx)',
  figuresHeading: 'Emulation and award figures',
  figuresLive: 'Figures from the database, {{from}} to {{to}}, including units merged into this one; frozen when the report is sent.',
  figuresFrozen: 'Figures frozen when the report was sent ({{from}} to {{to}}).',
  figuresCompiled: 'Figures as they stand in the database, {{from}} to {{to}}, over every unit (merged ones included); the table below splits them by unit.',
  figures: {
    caption: 'Titles and awards decided in the period',
    awardForm: 'Award form', total: 'Total', collectives: 'Collectives', individuals: 'Individuals', women: 'Women', ethnicMinorities: 'Ethnic minorities',
    nonLeaders: 'Non-leaders', directWorkers: 'Direct workers', forMovement: 'For this campaign', amount: 'Money (VND)',
    sum: 'Total', none: 'No title or award was decided in the period.',
    registrations: 'Registrations: {{units}} units; {{collectives}} collectives and {{individuals}} individuals registered for titles.',
    nominations: 'Nominations: {{submitted}} nominated, {{accepted}} accepted, {{returned}} returned.',
  },
  historyHeading: 'Sent and returned',
  historyEmpty: 'The report has not been sent yet.',
  events: { submitted: 'Sent', returned: 'Returned', resubmitted: 'Sent again' },
  by: 'by {{name}}',
  compileLink: 'Compile the reports of {{count}} units below',
  compilationTitle: 'Compilation – {{unit}}',
  unitsHeading: 'Where the units stand',
  unitsSummary: '{{sent}} of {{count}} units have sent their report.',
  missingHeading: 'Units that have not reported',
  noneMissing: 'Every unit has started its report.',
  submittedAt: 'Sent at',
  note: 'Note',
  byUnitHeading: 'Award figures by unit',
  own: '{{unit}} (itself)',
  totalRow: 'Total',
  gatheredHeading: 'What the units reported',
  noTexts: 'No unit has reported on this part yet.',
  startOwn: 'Start my unit\'s report from this compilation',
  startOwnQuestion: 'Fill the empty parts of the report of {{unit}} with what its units reported? What is already written is kept.',
  openOwn: 'Open the report of {{unit}}',
  docxCompiled: 'Download the compiled report (.docx)',
};

const NS = 'reports';
i18n.addResourceBundle('vi', NS, vi, true, true);
i18n.addResourceBundle('en', NS, en, true, true);

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type ReportsKey = Leaves<typeof vi>;

type AnyT = (key: string, options?: Record<string, unknown>) => string;

/** `t` for the report screens, following the UI language; `common` for the shared words. */
export function useReportsText(): { t: (key: ReportsKey, values?: Record<string, unknown>) => string; common: AnyT } {
  const { t } = useTranslation();
  const any = t as unknown as AnyT;
  return { t: (key, values) => any(`${NS}:${key}`, values), common: (key, values) => any(key, values) };
}

/** 2700000 → '2.700.000'. */
export const money = (amount: number) => String(amount).replace(/\B(?=(\d{3})+(?!\d))/gu, '.');
