import type { MailMessage } from '../../platform/mail/mailer.ts';

/** The mail that brings a new account its one-time link to set a password (Vietnamese; the account's language is Vietnamese until it signs in). */
export function setupMail(m: { to: string; displayName: string; username: string; tenantName: string; url: string; hours: number }): MailMessage {
  return {
    to: m.to, subject: `[${m.tenantName}] Tài khoản Thi đua – Khen thưởng của bạn`,
    text: `Kính gửi ${m.displayName},\n\nTài khoản ${m.username} đã được tạo cho bạn trên hệ thống Thi đua – Khen thưởng của ${m.tenantName}. `
      + `Mở liên kết sau trong vòng ${m.hours} giờ để đặt mật khẩu (liên kết chỉ dùng được một lần):\n\n${m.url}\n\n`
      + 'Sau khi đặt mật khẩu, đăng nhập bằng tên đăng nhập trên. Nếu liên kết đã hết hạn, dùng "Quên mật khẩu?" ở trang đăng nhập.\n',
  };
}
