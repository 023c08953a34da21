import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, screenshot, settledViolations, signIn, useAppAndBrowser } from './support.ts';

/**
 * Issue 17 item 10, "what officers expect", on a desktop and a phone: the public searches the award archive without
 * signing in; a deep link survives the sign-in page (and a hostile ?next= does not lead away); focus lands on the
 * new page's heading after a navigation; detail pages say where they are (breadcrumbs); one click reminds every
 * overdue unit after a confirmation naming how many; no page overflows the phone's width; axe finds nothing serious.
 */
const session = useAppAndBrowser();

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const VIEWPORTS = [['desktop', DESKTOP], ['phone', PHONE]] as const;

async function look(page: Page, name: string) {
  expect((await settledViolations(page, `officer-expect-${name}`)).join('\n'), `axe on ${name}`).toBe('');
}

/** The page is no wider than the screen: wide tables scroll inside themselves or become stacked lists. */
async function fitsTheScreen(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} overflows the page sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

/** Focus is on the page's h1 (what a screen reader announces after a navigation). */
async function focusOnHeading(page: Page, heading: string | RegExp) {
  await expect.poll(() => page.evaluate(() => {
    const el = document.activeElement;
    return el?.tagName === 'H1' ? el.textContent : `${el?.tagName ?? 'nothing'} focused`;
  }), { timeout: 10_000 }).toMatch(heading);
}

async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const result = await page.evaluate(async ({ method, path, body }) => {
    const { me } = await (await fetch('/api/auth/session')).json() as { me: { csrfToken: string } | null };
    const response = await fetch(path, {
      method, headers: { ...(me ? { 'x-csrf-token': me.csrfToken } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, text: await response.text() };
  }, { method, path, body });
  if (result.status >= 400) throw new Error(`${method} ${path}: ${result.status} ${result.text}`);
  return JSON.parse(result.text) as T;
}

const unaccented = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D').toLowerCase();

async function openMenuOnPhone(page: Page, phone: boolean) {
  if (phone) await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
}

describe('what officers expect', { timeout: 300_000 }, () => {
  for (const [name, viewport] of VIEWPORTS) {
    it(`the public searches the award archive without signing in, on a ${name}`, async () => {
      const context = await session.browser.newContext({ viewport, locale: 'vi-VN' });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(`${session.app.baseUrl}/tra-cuu-cong-khai`);
      await page.getByRole('heading', { level: 1, name: 'Tra cứu khen thưởng công khai' }).waitFor();
      await page.getByTestId('public-archive-results').waitFor();
      const all = await api<{ items: { recipientName: string }[]; total: number }>(page, 'GET', '/api/public/archive');
      expect(all.items.length).toBeGreaterThan(0);
      const someone = all.items[0]!.recipientName;

      await page.getByTestId('public-archive-name').fill(unaccented(someone));
      await page.getByTestId('public-archive-submit').click();
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(unaccented(someone));
      const results = page.getByTestId('public-archive-results');
      await expect.poll(async () => (await results.textContent()) ?? '').toContain(someone);
      await expect.poll(async () => (await results.getByRole('status').textContent()) ?? '').toMatch(/^Tìm thấy (hơn )?[\d.]+ khen thưởng$/u);
      // nothing of the record behind the decision reaches the page: no person or unit links into the signed-in app
      expect(await page.locator('a[href^="/ca-nhan/"], a[href^="/to-chuc/"]').count()).toBe(0);
      await fitsTheScreen(page, 'the public archive');
      await look(page, `public-archive-${name}`);
      await context.close();
    });

    it(`a deep link comes back after signing in, focus moves to the heading, and a batch page fits, on a ${name}`, async () => {
      const phone = name === 'phone';
      const context = await session.browser.newContext({ viewport, locale: 'vi-VN' });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(`${session.app.baseUrl}/tra-cuu-khen-thuong?q=nguyen&revoked=exclude`);
      await page.getByTestId('login-username').waitFor();
      expect(new URL(page.url()).pathname).toBe('/dang-nhap');
      await page.getByTestId('login-username').fill('thuongtruc');
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByRole('heading', { level: 1, name: 'Tra cứu khen thưởng' }).waitFor();
      const back = new URL(page.url());
      expect(back.pathname).toBe('/tra-cuu-khen-thuong');
      expect(back.searchParams.get('q')).toBe('nguyen');
      expect(back.searchParams.get('revoked')).toBe('exclude');
      await focusOnHeading(page, 'Tra cứu khen thưởng');
      await expect.poll(async () => (await page.getByTestId('archive-count').textContent()) ?? '').toMatch(/^Tìm thấy (hơn )?[\d.]+ khen thưởng$/u);
      await page.getByTestId('page-help-toggle').click();
      await page.getByTestId('page-help').waitFor();
      await fitsTheScreen(page, 'the staff archive');
      await look(page, `archive-${name}`);

      // an in-app navigation: the new page's heading takes the focus
      await openMenuOnPhone(page, phone);
      await page.getByRole('link', { name: 'Đề nghị khen thưởng' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Đề nghị khen thưởng' }).waitFor();
      await focusOnHeading(page, 'Đề nghị khen thưởng');

      // a batch of the standing agency's own, with a long title as real ones have (the demo starts with none)
      const me = await api<{ grants: { organisationId: string }[] }>(page, 'GET', '/api/auth/me');
      const title = `Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho các tập thể, cá nhân có thành tích xuất sắc (${name})`;
      const { id } = await api<{ id: string }>(page, 'POST', '/api/nominations/batches', {
        organisationId: me.grants[0]!.organisationId, kind: 'merit', awardForm: 'bang_khen_tinh', title });
      const batch = { id, title };
      await page.goto(`${session.app.baseUrl}/de-nghi/${batch.id}`);
      const crumbs = page.getByTestId('breadcrumbs');
      await crumbs.waitFor();
      expect(await crumbs.locator('[aria-current="page"]').textContent()).toBe(batch.title);
      await crumbs.getByRole('link', { name: 'Đề nghị khen thưởng' }).waitFor();
      await fitsTheScreen(page, 'a batch page');
      await look(page, `batch-${name}`);
      // back up through the breadcrumb: focus on the list's heading
      await crumbs.getByRole('link', { name: 'Đề nghị khen thưởng' }).click();
      await focusOnHeading(page, 'Đề nghị khen thưởng');
      await context.close();
    });
  }

  it('refuses a hostile ?next= after signing in: the app\'s home page, never another site', async () => {
    for (const next of ['//evil.example/', 'https://evil.example/', '/\\evil.example', '/\t/evil.example']) {
      const context = await session.browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(`${session.app.baseUrl}/dang-nhap?next=${encodeURIComponent(next)}`);
      await page.getByTestId('login-username').fill('thuongtruc');
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('logout').waitFor();
      const landed = new URL(page.url());
      expect(landed.origin, next).toBe(session.app.baseUrl);
      expect(landed.pathname, next).toBe('/');
      await context.close();
    }
  });

  it('reminds all overdue units of a movement after a confirmation naming how many, once a day', async () => {
    const page = await signIn(session.browser, session.app.baseUrl, 'thuongtruc', DESKTOP);
    interface Row { organisation: { name: string }; responsePlan: { state: string }; registration: { state: string }; lastReminderAt: string | null }
    const movements = await api<{ items: { id: string; status: string }[] }>(page, 'GET', '/api/movements?status=issued');
    let target: { id: string; overdue: Row[] } | undefined;
    for (const m of movements.items) {
      const detail = await api<{ canWrite: boolean; canTrackResponses: boolean }>(page, 'GET', `/api/movements/${m.id}`);
      if (!detail.canWrite || !detail.canTrackResponses) continue;
      const responses = await api<{ items: Row[] }>(page, 'GET', `/api/movements/${m.id}/responses`);
      const overdue = responses.items.filter((r) => (r.responsePlan.state === 'overdue' || r.registration.state === 'overdue') && !r.lastReminderAt);
      if (overdue.length > 0) {
        target = { id: m.id, overdue };
        break;
      }
    }
    expect(target, 'a demo movement with overdue units').toBeDefined();
    const count = target!.overdue.length;
    await page.goto(`${session.app.baseUrl}/phong-trao/${target!.id}?tab=responses`);
    const button = page.getByTestId('remind-all');
    await expect.poll(async () => (await button.textContent()) ?? '').toBe(`Nhắc tất cả đơn vị quá hạn (${count})`);
    await look(page, 'responses');
    await button.click();
    const confirm = page.getByTestId('remind-all-confirm');
    await expect.poll(async () => (await confirm.textContent()) ?? '').toContain(`Gửi nhắc nhở đến ${count} đơn vị quá hạn`);
    expect(await confirm.textContent()).toContain(target!.overdue[0]!.organisation.name);
    await screenshot(page, 'officer-expect-remind-all-confirm');
    expect((await settledViolations(page, 'officer-expect-remind-all-dialog')).join('\n')).toBe('');
    await page.getByRole('dialog').getByRole('button', { name: `Gửi đến ${count} đơn vị` }).click();
    await expect.poll(async () => (await page.getByTestId('remind-all-result').textContent()) ?? '').toContain(`Đã nhắc ${count} đơn vị quá hạn.`);
    // all reminded today: the button says so and sends nothing more
    await expect.poll(() => button.isDisabled()).toBe(true);
    await look(page, 'remind-all-done');
    const again = await api<{ reminded: number; alreadyToday: number }>(page, 'POST', `/api/movements/${target!.id}/reminders/overdue`,
      { message: 'Đề nghị các đơn vị khẩn trương hưởng ứng.' });
    expect(again).toEqual({ reminded: 0, alreadyToday: count });
  });
});
