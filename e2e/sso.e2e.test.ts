import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freePort, screenshot, seriousViolations, useAppAndBrowser } from './support.ts';
import { startOidcProvider, TEST_OIDC_CLIENT, type TestOidcProvider } from '../src/testing/oidc-provider.ts';

/**
 * Single sign-on in the browser: the demo province's app with the province's provider (a real
 * oidc-provider on 127.0.0.1, its development sign-in form), chosen before the app starts because the
 * provider must know the app's callback address and the app the provider's.
 */
const env: Record<string, string> = {};
let provider: TestOidcProvider | undefined;
beforeAll(async () => {
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({ redirectUris: [`${appUrl}/api/auth/oidc/callback`] });
  // the unit officer of Education at the provider: no e-mail on the demo account, found by username
  provider.identities.set('vneid-001088001234', { preferred_username: 'canbo.sgd', name: 'Cán bộ Sở Giáo dục' });
  provider.identities.set('vneid-001099005678', { email: 'nguoi.moi@sonha.gov.vn', preferred_username: 'nguoi.moi' });
  Object.assign(env, {
    PORT: String(port), PUBLIC_BASE_URL: appUrl, OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: TEST_OIDC_CLIENT.clientId,
    OIDC_CLIENT_SECRET: TEST_OIDC_CLIENT.clientSecret, OIDC_NAME: 'Cổng dịch vụ công tỉnh',
  });
});
afterAll(async () => { await provider?.close(); });
const session = useAppAndBrowser({ env });

async function throughProvider(page: Page, login: string) {
  await page.getByTestId('login-sso').click();
  // the provider's own sign-in page
  await page.waitForURL((url) => url.origin === provider!.issuer);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('mat-khau-o-cong');
  await page.locator('button[type="submit"]').click();
}

describe('signing in with the province\'s provider', () => {
  it('the sign-in page offers the provider; its sign-in form leads to the home page, signed in', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${session.app.baseUrl}/dang-nhap`);
    await page.getByTestId('login-sso').waitFor();
    expect(await page.getByTestId('login-sso').textContent()).toBe('Đăng nhập bằng Cổng dịch vụ công tỉnh');
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'sso-01-sign-in');
    expect(await seriousViolations(page)).toEqual([]);

    await throughProvider(page, 'vneid-001088001234');
    await page.getByTestId('logout').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Xin chào, /u);
    await screenshot(page, 'sso-02-home');
    const me = await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()) as { user: { username: string } });
    expect(me.user.username).toBe('canbo.sgd');
    await context.close();
  });

  it('comes back to the page asked for before signing in', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${session.app.baseUrl}/ca-nhan?q=nguyen`);
    await page.getByTestId('login-sso').waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/ca-nhan?q=nguyen');
    await throughProvider(page, 'vneid-001088001234');
    await page.getByTestId('logout').waitFor();
    expect(`${new URL(page.url()).pathname}${new URL(page.url()).search}`).toBe('/ca-nhan?q=nguyen');
    await context.close();
  });

  it('tells a person the system has no account for that it must be given one, and signs no one in', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${session.app.baseUrl}/dang-nhap`);
    await throughProvider(page, 'vneid-001099005678');
    await page.getByTestId('sso-refusal').waitFor();
    expect(await page.getByTestId('sso-refusal').textContent())
      .toContain('Tài khoản nguoi.moi@sonha.gov.vn chưa được cấp trong hệ thống, hãy liên hệ quản trị.');
    await screenshot(page, 'sso-03-refused');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(401);
    await context.close();
  });
});
