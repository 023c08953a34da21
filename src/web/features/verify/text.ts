import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/index.ts';

/**
 * Strings of the public verification page and of the certificate actions on the record (print, revoke),
 * in their own i18next namespace (like features/records/text.ts), Vietnamese first.
 */
const vi = {
  title: 'Xác minh bằng khen, giấy khen',
  intro: 'Nhập mã xác minh in dưới mã QR của bằng khen, giấy khen (ví dụ 7KQ4-M2XD-9TPA) để kiểm tra khen thưởng có thật và còn hiệu lực.',
  codeLabel: 'Mã xác minh',
  codePlaceholder: 'XXXX-XXXX-XXXX',
  check: 'Xác minh',
  checkAnother: 'Xác minh mã khác',
  codeRequired: 'Hãy nhập mã xác minh.',
  checking: 'Đang kiểm tra…',
  codeShown: 'Mã: {{code}}',
  valid: {
    title: 'Khen thưởng hợp lệ',
    body: 'Mã này khớp với một khen thưởng đang có hiệu lực trong hệ thống.',
  },
  revoked: {
    title: 'Khen thưởng đã bị thu hồi',
    body: 'Khen thưởng này đã bị thu hồi theo Quyết định số {{number}} ngày {{date}}. Bằng khen, giấy khen mang mã này không còn giá trị.',
  },
  notFound: {
    title: 'Không tìm thấy',
    body: 'Không tìm thấy khen thưởng nào có mã này. Hãy kiểm tra lại mã (mã gồm 12 ký tự, chữ số và chữ cái in hoa). Nếu mã đúng mà vẫn không tìm thấy, bằng khen, giấy khen có thể không do hệ thống này cấp.',
  },
  fields: {
    recipient: 'Tặng',
    unit: 'Đơn vị',
    award: 'Hình thức khen thưởng',
    year: 'Năm',
    decision: 'Quyết định',
    decidedBy: 'Người ký quyết định',
    revocation: 'Quyết định thu hồi',
  },
  decision: 'Số {{number}}{{date}}',
  decisionDate: ', ngày {{date}}',
  signIn: 'Đăng nhập dành cho cán bộ',
  print: 'In bằng/giấy khen',
  printLabel: 'In bằng/giấy khen: {{what}} (PDF)',
  revoke: 'Thu hồi',
  revokeLabel: 'Thu hồi khen thưởng: {{what}}',
  revokeTitle: 'Thu hồi khen thưởng',
  revokeIntro: 'Thu hồi "{{what}}" theo một quyết định thu hồi. Khen thưởng được giữ lại trong hồ sơ (gạch ngang), không còn được tính khi xét khen thưởng, và trang xác minh sẽ báo đã thu hồi.',
  revokeSubmit: 'Thu hồi khen thưởng',
  revokedLine: 'Đã thu hồi theo Quyết định số {{number}} ngày {{date}}',
  revokedDone: 'Đã thu hồi. Số tiền thưởng phải thu hồi: {{amount}}.',
  revokedDoneNoMoney: 'Đã thu hồi. Chưa xác định được số tiền thưởng phải thu hồi.',
  form: {
    decisionNumber: 'Số quyết định thu hồi',
    decidedOn: 'Ngày quyết định',
    decidedBy: 'Người ký (chức vụ)',
    reason: 'Lý do thu hồi',
  },
  verificationCode: 'Mã xác minh: {{code}}',
};

type Messages = typeof vi;
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const en: Shape<Messages> = {
  title: 'Verify a certificate of merit',
  intro: 'Enter the verification code printed under the QR code of the certificate (e.g. 7KQ4-M2XD-9TPA) to check that the award is genuine and still in force.',
  codeLabel: 'Verification code',
  codePlaceholder: 'XXXX-XXXX-XXXX',
  check: 'Verify',
  checkAnother: 'Verify another code',
  codeRequired: 'Enter a verification code.',
  checking: 'Checking…',
  codeShown: 'Code: {{code}}',
  valid: {
    title: 'Valid award',
    body: 'This code matches an award in force in the system.',
  },
  revoked: {
    title: 'Award revoked',
    body: 'This award was revoked by decision {{number}} of {{date}}. A certificate bearing this code is no longer valid.',
  },
  notFound: {
    title: 'Not found',
    body: 'No award has this code. Check the code (12 characters, digits and capital letters). If it is right and still not found, the certificate may not have been issued by this system.',
  },
  fields: {
    recipient: 'Awarded to',
    unit: 'Unit',
    award: 'Award',
    year: 'Year',
    decision: 'Decision',
    decidedBy: 'Signed by',
    revocation: 'Revocation decision',
  },
  decision: 'No. {{number}}{{date}}',
  decisionDate: ' of {{date}}',
  signIn: 'Staff sign-in',
  print: 'Print certificate',
  printLabel: 'Print certificate: {{what}} (PDF)',
  revoke: 'Revoke',
  revokeLabel: 'Revoke award: {{what}}',
  revokeTitle: 'Revoke an award',
  revokeIntro: 'Revoke "{{what}}" by a revocation decision. The award stays in the record (struck through), no longer counts toward other awards, and the verification page will say it was revoked.',
  revokeSubmit: 'Revoke award',
  revokedLine: 'Revoked by decision {{number}} of {{date}}',
  revokedDone: 'Revoked. Award money to recover: {{amount}}.',
  revokedDoneNoMoney: 'Revoked. The award money to recover is not known.',
  form: {
    decisionNumber: 'Revocation decision number',
    decidedOn: 'Decision date',
    decidedBy: 'Signed by (title)',
    reason: 'Reason for revocation',
  },
  verificationCode: 'Verification code: {{code}}',
};

const NS = 'certificates';
i18n.addResourceBundle('vi', NS, vi, true, true);
i18n.addResourceBundle('en', NS, en, true, true);

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type CertificatesKey = Leaves<Messages>;

type AnyT = (key: string, options?: Record<string, unknown>) => string;

/** `t` for the verification page and the certificate actions; follows the UI language. */
export function useCertificatesText(): { t: (key: CertificatesKey, values?: Record<string, unknown>) => string; common: AnyT } {
  const { t } = useTranslation();
  const any = t as unknown as AnyT;
  return { t: (key, values) => any(`${NS}:${key}`, values), common: (key, values) => any(key, values) };
}
