import type { MailMessage } from '../../platform/mail/mailer.ts';

/** The e-mail that carries a one-time link to set a new password, in the account's language. */
export function resetMail(options: {
  to: string; locale: 'vi' | 'en'; displayName: string; username: string; tenantName: string; url: string; hours: number;
}): MailMessage {
  const { to, displayName, username, tenantName, url, hours } = options;
  if (options.locale === 'en') {
    return {
      to, subject: `[${tenantName}] Set a new password`,
      text: `Dear ${displayName},\n\nSomeone asked to set a new password for the account ${username}. Open this link within ${hours} hour(s) to choose one (it works once):\n\n${url}\n\nIf it was not you, ignore this message: your password stays as it is.\n`,
    };
  }
  return {
    to, subject: `[${tenantName}] Đặt lại mật khẩu`,
    text: `Kính gửi ${displayName},\n\nCó yêu cầu đặt lại mật khẩu cho tài khoản ${username}. Mở liên kết sau trong vòng ${hours} giờ để đặt mật khẩu mới (liên kết chỉ dùng được một lần):\n\n${url}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.\n`,
  };
}
