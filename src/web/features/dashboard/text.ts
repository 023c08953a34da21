import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/index.ts';

/** Strings of the officer's dashboard (the home page): a namespace of its own, see records/text.ts. */
const vi = {
  due: {
    heading: 'Việc đến hạn của đơn vị',
    intro: 'Các mốc tiến độ trong kế hoạch của cấp trên mà đơn vị phải thực hiện, và đơn vị đã làm chưa.',
    none: 'Không có mốc tiến độ nào của cấp trên đến hạn với đơn vị trong thời gian này.',
    all: 'Tất cả phong trào',
    dueOn: 'Hạn',
    what: 'Nội dung',
    unit: 'Đơn vị',
    state: 'Tình trạng',
    from: 'Kế hoạch: {{movement}} ({{issuer}})',
    left: 'còn {{count}} ngày làm việc',
    today: 'hạn hôm nay',
    past: 'quá {{count}} ngày làm việc',
    window: 'Nộp hồ sơ đề nghị {{award}}',
    open: 'Mở',
  },
  kinds: {
    launch: 'Phát động', response_plan: 'Kế hoạch hưởng ứng', registration: 'Đăng ký thi đua', periodic_report: 'Báo cáo định kỳ',
    mid_term_review: 'Sơ kết', final_review: 'Tổng kết', nomination: 'Hồ sơ đề nghị khen thưởng', nomination_window: 'Thời hạn nộp hồ sơ khen thưởng',
  },
  status: { done: 'Đã thực hiện', done_late: 'Thực hiện muộn', due: 'Chưa thực hiện', overdue: 'Quá hạn', unknown: 'Đến hạn' },
  waiting: {
    heading: 'Việc chờ tôi xử lý',
    none: 'Không có việc nào đang chờ bạn xử lý.',
    approvals: 'Hồ sơ đề nghị chờ thủ trưởng duyệt, trình: {{count}}',
    appraisals: 'Hồ sơ đề nghị chờ thẩm định: {{count}}',
    ballots: 'Phiên họp Hội đồng đang bỏ phiếu: {{council}} ngày {{date}} — {{count}} người chờ phiếu của bạn',
    moderation: 'Ý kiến nhân dân chờ xử lý: {{title}} — {{count}} ý kiến',
    reports: 'Báo cáo đơn vị gửi về: {{count}} báo cáo — {{phase}}',
    reportsDue: 'hạn {{date}}',
    unread: 'Thông báo chưa đọc: {{count}} (xem ở biểu tượng chuông phía trên)',
    more: 'Xem tất cả',
  },
  punctuality: {
    heading: 'Tiến độ của đơn vị cấp dưới năm {{year}}',
    intro: 'Kế hoạch hưởng ứng và đăng ký thi đua của từng đơn vị trực thuộc đối với các kế hoạch đơn vị ban hành trong năm.',
    none: 'Năm nay đơn vị chưa ban hành kế hoạch nào có hạn hưởng ứng hoặc đăng ký đối với đơn vị trực thuộc.',
    unit: 'Đơn vị trực thuộc',
    responsePlans: 'Kế hoạch hưởng ứng',
    registrations: 'Đăng ký thi đua',
    onTime: '{{count}} đúng hạn',
    late: '{{count}} muộn',
    missing: '{{count}} chưa nộp (quá hạn)',
    pending: '{{count}} chưa đến hạn',
    link: 'Xem các phong trào năm {{year}}',
  },
  awards: {
    heading: 'Khen thưởng năm {{year}}',
    intro: 'Quyết định khen thưởng trong năm cho cá nhân, tập thể thuộc phạm vi của bạn (không tính khen thưởng đã thu hồi).',
    total: 'Tổng số',
    titles: 'Danh hiệu thi đua',
    awards: 'Hình thức khen thưởng',
    amount: 'Tiền thưởng',
    form: 'Danh hiệu, hình thức',
    count: 'Số lượng',
    none: 'Chưa có quyết định khen thưởng nào trong năm.',
    link: 'Tra cứu khen thưởng',
  },
} as const;

type Messages = { [K in keyof typeof vi]: { [L in keyof (typeof vi)[K]]: string } };

const en: Messages = {
  due: {
    heading: 'Due from my unit',
    intro: 'The deadlines in the plans issued above your unit that fall on it, and whether it has met them.',
    none: 'No deadline of a plan issued above falls on your unit at this time.',
    all: 'All movements',
    dueOn: 'Due',
    what: 'What',
    unit: 'Unit',
    state: 'Status',
    from: 'Plan: {{movement}} ({{issuer}})',
    left: '{{count}} working days left',
    today: 'due today',
    past: '{{count}} working days late',
    window: 'Submit nominations for {{award}}',
    open: 'Open',
  },
  kinds: {
    launch: 'Launch', response_plan: 'Response plan', registration: 'Registration', periodic_report: 'Periodic report',
    mid_term_review: 'Mid-term review', final_review: 'Final review', nomination: 'Nomination dossier', nomination_window: 'Nomination window',
  },
  status: { done: 'Done', done_late: 'Done late', due: 'Not done yet', overdue: 'Overdue', unknown: 'Due' },
  waiting: {
    heading: 'Waiting for me',
    none: 'Nothing is waiting for you.',
    approvals: 'Nomination batches waiting for the head\'s approval: {{count}}',
    appraisals: 'Nomination batches waiting for appraisal: {{count}}',
    ballots: 'Council meeting voting: {{council}} on {{date}} — {{count}} candidates await your ballot',
    moderation: 'Public comments to moderate: {{title}} — {{count}} comments',
    reports: 'Unit reports received: {{count}} — {{phase}}',
    reportsDue: 'due {{date}}',
    unread: 'Unread notifications: {{count}} (see the bell at the top)',
    more: 'See all',
  },
  punctuality: {
    heading: 'Sub-units\' punctuality in {{year}}',
    intro: 'Response plans and registrations of each unit directly below, for the plans your unit issued this year.',
    none: 'This year your unit has issued no plan with response or registration deadlines for the units below.',
    unit: 'Unit below',
    responsePlans: 'Response plans',
    registrations: 'Registrations',
    onTime: '{{count}} on time',
    late: '{{count}} late',
    missing: '{{count}} missing (overdue)',
    pending: '{{count}} not yet due',
    link: 'Movements of {{year}}',
  },
  awards: {
    heading: 'Awards in {{year}}',
    intro: 'Award decisions of the year for people and collectives in your scope (revoked awards excluded).',
    total: 'Total',
    titles: 'Emulation titles',
    awards: 'Award forms',
    amount: 'Award money',
    form: 'Title or award',
    count: 'Number',
    none: 'No award decision this year yet.',
    link: 'Award archive',
  },
};

const NS = 'dashboard';
i18n.addResourceBundle('vi', NS, vi, true, true);
i18n.addResourceBundle('en', NS, en, true, true);

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type DashboardKey = Leaves<Messages>;

type AnyT = (key: string, options?: Record<string, unknown>) => string;

export function useDashboardText(): (key: DashboardKey, values?: Record<string, unknown>) => string {
  const { t } = useTranslation();
  return (key, values) => (t as unknown as AnyT)(`${NS}:${key}`, values);
}
