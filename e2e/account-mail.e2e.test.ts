import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { decodedText, eventually, startSmtpServer } from '../src/testing/smtp.ts';
import { screenshot, seriousViolations, signIn, useAppAndBrowser } from './support.ts';

/**
 * E-mail and passwords from the person's side: "my account", a forgotten password by e-mail with a real
 * SMTP server, and the page the mailed link opens. The app sends through the test's SMTP server and
 * writes links to its own address.
 */
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => { smtp = await startSmtpServer(); });
afterAll(async () => { await smtp.close(); });

const session = useAppAndBrowser({
  env: (baseUrl) => ({ SMTP_URL: smtp.url, MAIL_FROM: 'Ban Thi đua – Khen thưởng <thidua@sonla.gov.vn>', PUBLIC_BASE_URL: baseUrl }),
});

const PHONE = { width: 390, height: 844 };
const ADDRESS = 'canbo.sgd@sonla.gov.vn';
const NEW_PASSWORD = 'Mat-khau-moi-2026';
const DEMO_PASSWORD = 'thidua2026';

async function look(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await screenshot(page, `account-${name}`);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

/** The newest password link mailed to the address. */
function mailedLink(address: string): string {
  const mail = smtp.received.filter((m) => m.to.includes(address)).at(-1)!;
  const link = /https?:\/\/\S+\/dat-mat-khau\?ma=[\w-]+/.exec(decodedText(mail.data))?.[0];
  if (!link) throw new Error(`no link in: ${decodedText(mail.data)}`);
  return link;
}

describe('an officer who forgets their password', () => {
  it('sets an e-mail address on My account, asks for a link, opens the mail\'s link and signs in with a new password', async () => {
    const page = await signIn(session.browser, session.app.baseUrl, 'canbo.sgd');
    await page.getByTestId('my-account').click();
    await page.getByTestId('my-email').waitFor();
    expect(await page.getByTestId('my-grants').textContent()).toContain('Cán bộ TĐKT đơn vị');
    await look(page, '01-my-account');

    // a wrong address is refused in the browser, the right one saved with "each notice as it happens"
    await page.getByTestId('my-email').fill('canbo.sgd@');
    await page.getByTestId('mail-save').click();
    await page.getByText('Địa chỉ thư điện tử không hợp lệ').waitFor();
    await page.getByTestId('my-email').fill(ADDRESS);
    await page.getByRole('radio', { name: 'Từng thông báo, ngay khi có' }).check();
    // a new address takes the current password (password links go there)
    await page.getByTestId('mail-save').click();
    await page.getByText('Nhập mật khẩu hiện tại để đổi địa chỉ thư điện tử.').first().waitFor();
    await page.getByTestId('my-email-password').fill(DEMO_PASSWORD);
    await page.getByTestId('mail-save').click();
    await page.getByTestId('mail-saved').waitFor();
    // a wrong current password is refused in the server's words
    await page.getByTestId('current-password').fill('khong-phai-mat-khau');
    await page.getByTestId('new-password').fill(NEW_PASSWORD);
    await page.getByTestId('new-password-repeat').fill(NEW_PASSWORD);
    await page.getByTestId('password-change').click();
    await page.getByText('Mật khẩu hiện tại không đúng.').waitFor();
    await look(page, '02-my-account-saved');
    await page.reload();
    await expect.poll(() => page.getByTestId('my-email').inputValue()).toBe(ADDRESS);
    expect(await page.getByRole('radio', { name: 'Từng thông báo, ngay khi có' }).isChecked()).toBe(true);

    await page.getByTestId('logout').click();
    await page.getByTestId('forgot-password').waitFor();
    await look(page, '03-sign-in');
    await page.getByTestId('forgot-password').click();
    await page.getByTestId('forgot-login').waitFor();
    await look(page, '03b-forgot');
    await page.getByTestId('forgot-login').fill(ADDRESS);
    await page.getByTestId('forgot-submit').click();
    await page.getByTestId('forgot-sent').waitFor();
    const sent = await page.getByTestId('forgot-sent').textContent();
    expect(sent).toContain('Nếu tài khoản có địa chỉ thư điện tử, một liên kết đặt lại mật khẩu đã được gửi tới địa chỉ đó; liên kết có hiệu lực trong 1 giờ.');
    expect(sent).toContain('quản trị hệ thống');
    await look(page, '04-forgot-sent');

    await eventually(() => smtp.received.some((m) => m.to.includes(ADDRESS)));
    const link = mailedLink(ADDRESS);
    expect(link.startsWith(`${session.app.baseUrl}/dat-mat-khau?ma=`)).toBe(true);
    await page.goto(link);
    await page.getByTestId('new-password').waitFor();
    await look(page, '05-set-password');
    // the rule is said up front and checked before the server is asked
    await page.getByTestId('new-password').fill('ngan');
    await page.getByTestId('reset-submit').click();
    await page.getByText('Mật khẩu quá ngắn: cần ít nhất 10 ký tự').waitFor();
    await page.getByTestId('new-password').fill(NEW_PASSWORD);
    await page.getByTestId('new-password-repeat').fill(NEW_PASSWORD);
    await page.getByTestId('reset-submit').click();
    await page.getByTestId('reset-done').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Đã đặt mật khẩu mới');
    await look(page, '06-password-set');

    await page.getByTestId('reset-sign-in').click();
    await page.getByTestId('login-username').fill('canbo.sgd');
    await page.getByTestId('login-password').fill(NEW_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('logout').waitFor();

    // the link worked once: opened again, it says so and offers a new one
    await page.goto(link);
    await page.getByTestId('new-password').fill('Mat-khau-khac-2026');
    await page.getByTestId('new-password-repeat').fill('Mat-khau-khac-2026');
    await page.getByTestId('reset-submit').click();
    await page.getByTestId('reset-invalid').waitFor();
    expect(await page.getByTestId('reset-invalid').textContent()).toContain('Liên kết đặt mật khẩu không đúng, đã được dùng hoặc đã hết hạn');
    await page.getByRole('link', { name: 'Yêu cầu liên kết mới' }).waitFor();
    await look(page, '07-link-used');
    await page.context().close();
  });

  it('the administrator sees the address and the notice preference on the users page', async () => {
    const page = await signIn(session.browser, session.app.baseUrl, 'quantri');
    await page.goto(`${session.app.baseUrl}/quan-tri/nguoi-dung`);
    await page.getByRole('searchbox', { name: 'Tìm người dùng' }).fill('canbo.sgd');
    const row = page.getByRole('row').filter({ hasText: ADDRESS });
    await row.waitFor();
    expect(await row.textContent()).toContain('Từng thông báo, ngay khi có');
    await look(page, '08-admin-users');
    await page.getByRole('button', { name: /^Sửa thư điện tử của/ }).first().click();
    await page.getByTestId('user-email').waitFor();
    expect(await page.getByTestId('user-email').inputValue()).toBe(ADDRESS);
    await look(page, '09-admin-mail');
    await page.context().close();
  });
});

describe('on a phone', () => {
  it('the forgotten-password page answers the same for a stranger, and a bad link says what to do', async () => {
    const context = await session.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${session.app.baseUrl}/dang-nhap`);
    await page.getByTestId('forgot-password').click();
    await page.getByTestId('forgot-login').fill('nguoi.la');
    await look(page, '11-forgot-phone');
    await page.getByTestId('forgot-submit').click();
    await page.getByTestId('forgot-sent').waitFor();
    expect(await page.getByTestId('forgot-sent').textContent()).toContain('liên kết có hiệu lực trong 1 giờ');
    await look(page, '12-forgot-sent-phone');

    await page.goto(`${session.app.baseUrl}/dat-mat-khau?ma=khong-phai-lien-ket-that-12345`);
    await page.getByTestId('new-password').waitFor();
    await look(page, '13-set-password-phone');
    await page.getByTestId('new-password').fill(NEW_PASSWORD);
    await page.getByTestId('new-password-repeat').fill('Mat-khau-khac-2026');
    await page.getByTestId('reset-submit').click();
    await page.getByText('Hai lần nhập mật khẩu mới không khớp').waitFor();
    await page.getByTestId('new-password-repeat').fill(NEW_PASSWORD);
    await page.getByTestId('reset-submit').click();
    await page.getByTestId('reset-invalid').waitFor();
    await look(page, '14-link-invalid-phone');

    await page.goto(`${session.app.baseUrl}/dat-mat-khau`);
    await page.getByTestId('reset-invalid').waitFor();
    expect(await page.getByTestId('reset-invalid').textContent()).toContain('Liên kết không đầy đủ');
    await context.close();
  });

  it('My account fits a phone, opened from the signed-in name in the menu', async () => {
    const page = await signIn(session.browser, session.app.baseUrl, 'canhan', PHONE);
    await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
    await page.getByRole('link', { name: /Tài khoản của tôi/ }).click();
    await page.getByTestId('my-email').waitFor();
    // the navbar has slid away before the picture is taken
    await expect.poll(() => page.locator('#main-nav').evaluate((nav) => nav.getBoundingClientRect().right)).toBeLessThanOrEqual(0);
    await look(page, '15-my-account-phone');
    await page.context().close();
  });
});
