import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { docxParagraphs, readDocx } from '../src/platform/documents/readback.testing.ts';
import { settledViolations, signIn, useAppAndBrowser } from './support.ts';

/**
 * Issue 6's story on the Cao Bằng campaign (the 1948 anniversary, report due 10/7/2023), replayed with the
 * app's clock started on 8/7/2023: the Department of Education's officer opens the campaign from its plan,
 * writes the report part by part of the outline (one part carrying an HTML payload, which must stay
 * text) and sends it; the provincial standing officer opens the compilation, sees the department as sent
 * on time with its text, and downloads the compiled report as a Word document that contains it.
 */
const JULY_8 = '2023-07-08T02:00:00Z'; // 9:00 in Hà Nội, two days before the deadline
const XSS = '<img src=x onerror=alert(1)>';
const LEAD = 'Ban Giám đốc Sở ban hành kế hoạch hưởng ứng, giao chỉ tiêu cho 42 trường trực thuộc.';
/** Every alert, confirm or prompt any page opened: an executed payload would show up here. */
const dialogs: string[] = [];

const session = useAppAndBrowser({ env: { CLOCK_START: JULY_8 } });

async function signInAs(username: string): Promise<Page> {
  const page = await signIn(session.browser, session.app.baseUrl, username, { width: 1366, height: 900 });
  page.on('dialog', (dialog) => {
    dialogs.push(`${username}: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  return page;
}

async function look(page: Page, name: string) {
  expect((await settledViolations(page, name)).join('\n'), `axe on ${name}`).toBe('');
}

/** Waits for what the page shows after a server step; generous, as CI runs two cores under load. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 250 });

describe('a unit\'s report and its compilation, Sơn Hà 2023 (the Cao Bằng campaign)', { timeout: 180_000 }, () => {
  it('the education officer writes the campaign\'s report from the plan\'s outline and sends it', async () => {
    const officer = await signInAs('canbo.sgd');
    const movements = await officer.evaluate(async () => (await (await fetch('/api/movements?q=75%20nam')).json()) as { items: { id: string; name: string }[] });
    const campaign = movements.items.find((m) => m.name.startsWith('Phát động thi đua'))!;
    await officer.goto(`${session.app.baseUrl}/phong-trao/${campaign.id}?tab=phases`);
    await officer.getByTestId('movement-phase-reports').click();
    await officer.getByTestId('reports-owed').waitFor();
    await look(officer, 'reports-owed');
    await officer.getByTestId('report-open').first().click();
    await officer.getByTestId('report-title').waitFor();
    await poll(() => officer.getByTestId('report-title').textContent()).toContain('Sở Giáo dục và Đào tạo');

    await officer.getByTestId('report-text-0').fill(XSS);
    await officer.getByTestId('report-text-0.0').fill(LEAD);
    await officer.getByTestId('report-text-1.0').fill('Các trường tổ chức nhiều hoạt động thiết thực.\nPhụ huynh học sinh đồng tình ủng hộ.');
    const saved = officer.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/api/reports/phases/'));
    await officer.getByTestId('report-save').click();
    expect((await saved).status()).toBe(200);
    await look(officer, 'report-draft');

    await officer.getByTestId('report-submit').click();
    await officer.getByRole('dialog').getByRole('button', { name: 'Gửi báo cáo' }).click();
    await officer.getByRole('dialog').waitFor({ state: 'detached' });
    await officer.locator('[data-status="submitted"]').waitFor({ timeout: 30_000 });
    // sent: read-only, the payload shown as the text it is, no element made of it
    await poll(() => officer.getByTestId('report-text-0').textContent()).toBe(XSS);
    expect(await officer.locator('img[src="x"]').count()).toBe(0);
    expect(await officer.getByTestId('report-history').textContent()).toContain('Đã gửi');
    await look(officer, 'report-submitted');
  });

  it('the provincial standing officer sees the department as sent, its text, and downloads the compiled report', async () => {
    const standing = await signInAs('thuongtruc');
    // the home page lists the reports sent up among what waits, linked to the compilation
    await poll(() => standing.getByTestId('dashboard-waiting').textContent()).toMatch(/Báo cáo đơn vị gửi về: \d+ báo cáo — /);
    // the bell says who sent what, and leads to the report
    await standing.getByTestId('notification-bell').click();
    const notice = standing.getByTestId('notification-item').filter({ hasText: 'Sở Giáo dục và Đào tạo đã gửi báo cáo' }).first();
    await notice.waitFor();
    await look(standing, 'report-notification');
    await notice.click();
    await standing.waitForURL(/\/bao-cao\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
    await poll(() => standing.getByText('Sở Giáo dục và Đào tạo').first().isVisible()).toBe(true);
    await standing.goto(`${session.app.baseUrl}/bao-cao`);
    await standing.getByTestId('reports-received').waitFor();
    await standing.getByTestId('reports-received').getByRole('link', { name: /Phát động thi đua/ }).first().click();
    await standing.getByTestId('compilation-units').waitFor();
    const education = standing.locator('[data-unit="Sở Giáo dục và Đào tạo"] [data-state]');
    await poll(() => education.getAttribute('data-state')).toBe('on_time');
    await poll(() => standing.locator('[data-unit="Sở Văn hóa, Thể thao và Du lịch"] [data-state]').getAttribute('data-state')).toBe('late');
    const gathered = standing.getByTestId('gathered-0').filter({ hasText: 'Sở Giáo dục và Đào tạo' });
    await poll(() => gathered.textContent()).toContain(XSS);
    expect(await standing.locator('img[src="x"]').count()).toBe(0);
    expect(await standing.getByTestId('compilation-missing').textContent()).toContain('Ủy ban nhân dân huyện Ngọc Lâm');
    await look(standing, 'compilation');

    const [download] = await Promise.all([standing.waitForEvent('download'), standing.getByTestId('compilation-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = fs.readFileSync((await download.path())!);
    expect(file.subarray(0, 2).toString()).toBe('PK');
    const text = docxParagraphs((await readDocx(file)).document).map((p) => p.text).join('\n');
    expect(text).toContain('Tổng hợp kết quả thực hiện đợt thi đua');
    expect(text).toContain('Sở Giáo dục và Đào tạo:');
    expect(text).toContain(LEAD);
    expect(text).toContain(XSS);
  });

  it('no page opened a dialog on its own (the payload never ran)', () => {
    expect(dialogs).toEqual([]);
  });
});
