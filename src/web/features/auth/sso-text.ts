import { defineTexts } from '../../i18n/texts.ts';

/** Single sign-on on the sign-in page: the provider's button and why the provider's sign-in was refused here. */
const vi = {
  or: 'hoặc',
  button: 'Đăng nhập bằng {{name}}',
  refusedTitle: 'Không đăng nhập được bằng {{name}}',
  errors: {
    not_provisioned: 'Tài khoản {{who}} chưa được cấp trong hệ thống, hãy liên hệ quản trị.',
    ambiguous_email: 'Địa chỉ thư điện tử {{who}} đang gắn với nhiều tài khoản trong hệ thống nên không xác định được tài khoản của bạn. Hãy liên hệ quản trị để sửa.',
    account_disabled: 'Tài khoản của bạn đã bị vô hiệu hóa. Hãy liên hệ quản trị nếu cần dùng lại.',
    no_role: 'Tài khoản của bạn chưa được giao vai trò nào (hoặc vai trò đã bị thu hồi). Hãy liên hệ quản trị của đơn vị.',
    linked_elsewhere: 'Tài khoản có địa chỉ {{who}} đã gắn với một danh tính đăng nhập một lần khác. Hãy liên hệ quản trị.',
    provider: 'Máy chủ đăng nhập một lần từ chối hoặc trả lời không hợp lệ. Vui lòng thử lại hoặc đăng nhập bằng mật khẩu.',
    unknown: 'Không đăng nhập được. Vui lòng thử lại hoặc liên hệ quản trị.',
  },
};

const en: typeof vi = {
  or: 'or',
  button: 'Sign in with {{name}}',
  refusedTitle: 'Could not sign in with {{name}}',
  errors: {
    not_provisioned: 'The account {{who}} has not been given access to this system; please contact the administrator.',
    ambiguous_email: 'The e-mail address {{who}} belongs to more than one account here, so yours cannot be told apart. Please ask the administrator to fix it.',
    account_disabled: 'Your account has been disabled. Please contact the administrator if you need it again.',
    no_role: 'Your account holds no role (or its roles were revoked). Please contact your unit\'s administrator.',
    linked_elsewhere: 'The account with the address {{who}} is already linked to another single sign-on identity. Please contact the administrator.',
    provider: 'The single sign-on server refused or gave an invalid answer. Please try again or sign in with your password.',
    unknown: 'Could not sign in. Please try again or contact the administrator.',
  },
};

export const ssoTexts = defineTexts('sso', { vi, en });
