import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, seriousViolations, useAppAndBrowser } from './support.ts';


const session = useAppAndBrowser();

async function expectAccessible(page: Page, name: string) {
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

describe('a unit officer at work', () => {
  it('signs in, finds a person by an unaccented name, opens them, switches to English and signs out', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${session.app.baseUrl}/`);
    await page.getByTestId('login-username').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await expectAccessible(page, '01-sign-in');

    await page.getByTestId('login-username').fill('canbo.sgd');
    await page.getByTestId('login-password').fill('thidua2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('logout').waitFor();
    await expectAccessible(page, '02-home');

    await page.goto(`${session.app.baseUrl}/ca-nhan`);
    await page.getByTestId('people-search').fill('nguyen van hoa');
    const row = page.getByTestId('people-table').getByRole('link', { name: 'Nguyễn Văn Hoà' });
    // the list narrows to the one match once the (debounced) search has answered
    await expect.poll(() => page.getByTestId('people-table').getByRole('link').count(), { timeout: 15_000 }).toBe(1);
    await row.waitFor();
    // the officer of Education sees the teacher written "Hoà", not the Finance official written "Hòa"
    expect(await page.getByTestId('people-table').getByRole('link', { name: 'Nguyễn Văn Hòa' }).count()).toBe(0);
    await expectAccessible(page, '03-people-search');

    await row.click();
    await page.getByTestId('person-name').waitFor();
    expect(await page.getByTestId('person-name').textContent()).toBe('Nguyễn Văn Hoà');
    await expect.poll(() => page.getByRole('table').first().textContent()).toContain('Trường Trung học phổ thông chuyên Lê Quý Đôn');
    await expectAccessible(page, '04-person');

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByTestId('logout').textContent()).toMatch(/Sign out/i);
    await expectAccessible(page, '05-person-english');

    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    // the session is gone on the server too: the API refuses the old cookie
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
    await context.close();
  });

  it('works on a phone-sized screen', async () => {
    const context = await session.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${session.app.baseUrl}/dang-nhap`);
    await page.getByTestId('login-username').fill('thuongtruc');
    await page.getByTestId('login-password').fill('thidua2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('logout').waitFor({ state: 'attached' });
    await page.goto(`${session.app.baseUrl}/to-chuc`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await expectAccessible(page, '06-phone-organisations');
    await context.close();
  });
});

describe('an administrator\'s screens', () => {
  it('signs in by keyboard alone, and every administration page passes axe', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${session.app.baseUrl}/dang-nhap`);
    await page.getByTestId('login-username').waitFor();
    await page.getByTestId('login-username').focus();
    await page.keyboard.type('quantri');
    await page.keyboard.press('Tab');
    await page.keyboard.type('thidua2026');
    await page.keyboard.press('Enter');
    await page.getByTestId('logout').waitFor();

    for (const [path, name] of [['/to-chuc', '07-organisation-tree'], ['/quan-tri/nguoi-dung', '08-users'], ['/nhat-ky', '09-audit']] as const) {
      await page.goto(`${session.app.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, name);
    }
    // the audit log already shows the sign-in that just happened
    await expect.poll(() => page.getByRole('table').first().textContent()).toBeTruthy();

    // an organisation's detail, with its council tab
    await page.goto(`${session.app.baseUrl}/to-chuc`);
    await page.getByRole('link', { name: 'Ủy ban nhân dân tỉnh Sơn Hà' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Ủy ban nhân dân tỉnh Sơn Hà' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, '10-organisation');
    await context.close();
  });
});
