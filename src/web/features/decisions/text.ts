import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/index.ts';

/**
 * The strings of the award decision screens, as their own i18next namespace (vi default, en), kept out
 * of the main namespace's type like the records screens' (see features/records/text.ts).
 */
const vi = {
  newTitle: 'Lập quyết định khen thưởng',
  title: 'Quyết định khen thưởng',
  awardForm: 'Hình thức khen thưởng',
  chooseForm: 'Chọn hình thức khen thưởng để xem các trường hợp đã được thẩm định.',
  candidates: 'Tập thể, cá nhân đã được thẩm định',
  noCandidates: 'Không có trường hợp nào chờ quyết định cho hình thức này thuộc thẩm quyền của bạn.',
  councilVote: 'Hình thức này phải được Hội đồng Thi đua - Khen thưởng bỏ phiếu: chỉ chọn được các trường hợp đã được thông qua.',
  name: 'Họ và tên / Tên tập thể',
  unit: 'Đơn vị đề nghị',
  positionUnit: 'Chức vụ – Đơn vị công tác',
  status: 'Trạng thái',
  amount: 'Số tiền (đồng)',
  total: 'Tổng cộng',
  choose: 'Chọn {{name}}',
  chosen: 'Đã chọn {{count}} trường hợp, tổng số tiền {{total}} đồng',
  blocked: { household: 'Chưa hỗ trợ khen thưởng hộ gia đình', vote_required: 'Chưa được Hội đồng bỏ phiếu thông qua' },
  statuses: { accepted: 'Đã thẩm định', voted: 'Hội đồng đã thông qua', draft: 'Dự thảo', issued: 'Đã ban hành' },
  number: 'Số',
  symbol: 'Ký hiệu',
  signedOn: 'Ngày ký',
  place: 'Địa danh',
  signerAuthority: 'Thẩm quyền ký',
  signerAuthorityNone: 'Thủ trưởng ký',
  signerAuthorityBody: 'Chức danh thủ trưởng (sau KT./TM./Q.)',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Họ tên người ký',
  reason: 'Thành tích (lý do khen thưởng)',
  reasonHint: 'Ví dụ: Đã có thành tích xuất sắc trong thực hiện phong trào thi đua … giai đoạn 2019–2022',
  budgetSource: 'Nguồn kinh phí',
  create: 'Lập dự thảo quyết định',
  moneyNote: 'Tiền thưởng = hệ số × mức lương cơ sở áp dụng tại ngày ký, làm tròn lên hàng chục nghìn đồng.',
  issue: 'Ban hành quyết định',
  issueQuestion: 'Ban hành quyết định số {{number}}? Khen thưởng sẽ được ghi vào hồ sơ của {{count}} tập thể, cá nhân và không thể sửa.',
  issued: 'Đã ban hành lúc {{at}}.',
  delete: 'Xóa dự thảo',
  deleteQuestion: 'Xóa dự thảo quyết định số {{number}}? Các trường hợp sẽ được trả lại danh sách chờ quyết định.',
  downloadDocx: 'Tải Word (.docx)',
  downloadPdf: 'Tải PDF',
  authority: 'Cơ quan quyết định',
  year: 'Năm thành tích',
  signer: 'Người ký',
};

const en: typeof vi = {
  newTitle: 'New award decision',
  title: 'Award decision',
  awardForm: 'Award form',
  chooseForm: 'Choose an award form to see the appraised candidates.',
  candidates: 'Appraised collectives and individuals',
  noCandidates: 'No candidate of this award form awaits a decision within your authority.',
  councilVote: 'This form needs the Emulation and Commendation Council\'s vote: only candidates who passed it can be chosen.',
  name: 'Name',
  unit: 'Nominating unit',
  positionUnit: 'Position – unit',
  status: 'Status',
  amount: 'Amount (VND)',
  total: 'Total',
  choose: 'Choose {{name}}',
  chosen: '{{count}} chosen, total {{total}} VND',
  blocked: { household: 'Awards to households are not supported yet', vote_required: 'Not yet passed by the council' },
  statuses: { accepted: 'Appraised', voted: 'Passed by the council', draft: 'Draft', issued: 'Issued' },
  number: 'Number',
  symbol: 'Symbol',
  signedOn: 'Signed on',
  place: 'Place',
  signerAuthority: 'Signing authority',
  signerAuthorityNone: 'The head signs',
  signerAuthorityBody: 'Head\'s title (after KT./TM./Q.)',
  signerTitle: 'Signer\'s title',
  signerName: 'Signer\'s name',
  reason: 'Achievement (reason)',
  reasonHint: 'E.g. Outstanding achievement in the emulation movement … 2019–2022',
  budgetSource: 'Budget source',
  create: 'Draft the decision',
  moneyNote: 'Award money = coefficient × the base salary in force on the signing date, rounded up to 10,000 VND.',
  issue: 'Issue the decision',
  issueQuestion: 'Issue decision no. {{number}}? The award enters the record of {{count}} recipients and can no longer be changed.',
  issued: 'Issued at {{at}}.',
  delete: 'Delete draft',
  deleteQuestion: 'Delete draft decision no. {{number}}? Its candidates return to the list awaiting a decision.',
  downloadDocx: 'Download Word (.docx)',
  downloadPdf: 'Download PDF',
  authority: 'Deciding authority',
  year: 'Achievement year',
  signer: 'Signer',
};

const NS = 'decisions';
i18n.addResourceBundle('vi', NS, vi, true, true);
i18n.addResourceBundle('en', NS, en, true, true);

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type DecisionsKey = Leaves<typeof vi>;

type AnyT = (key: string, options?: Record<string, unknown>) => string;

/** `t` for the decision screens, following the UI language; `common` for the shared words. */
export function useDecisionsText(): { t: (key: DecisionsKey, values?: Record<string, unknown>) => string; common: AnyT } {
  const { t } = useTranslation();
  const any = t as unknown as AnyT;
  return { t: (key, values) => any(`${NS}:${key}`, values), common: (key, values) => any(key, values) };
}

/** 2700000 → '2.700.000', as the decision prints it. */
export const money = (amount: number | null) => (amount === null ? '' : String(amount).replace(/\B(?=(\d{3})+(?!\d))/gu, '.'));
