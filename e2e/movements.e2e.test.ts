import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { docxParagraphs, flat, readDocx, readPdfText } from '../src/platform/documents/readback.testing.ts';
import { settledViolations, signIn, useAppAndBrowser } from './support.ts';

/**
 * Issue 3's story: the province issues a campaign, a unit below it (a commune, since the districts
 * were abolished in 2025) cascades it and adds a local content, and the province sees that unit as
 * responded and the others as overdue once the response deadline has passed.
 */

const session = useAppAndBrowser();

const signInAs = (username: string): Promise<Page> => signIn(session.browser, session.app.baseUrl, username);

async function expectAccessible(page: Page, name: string) {
  expect(await settledViolations(page, name), `axe on ${name}`).toEqual([]);
}

async function checkPdf(file: Buffer) {
  const text = flat((await readPdfText(file)).pages.join('\n'));
  expect(text).toContain('Số: 901/KH-UBND');
  expect(text).toContain('Đợt thi đua chào mừng Đại hội đại biểu Đảng bộ tỉnh');
  expect(text).toContain('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022.');
  expect(text).toContain('Nguyễn Minh Tuấn');
  expect(text).toContain('Thường trực Tỉnh ủy');
}

async function checkDocx(file: Buffer) {
  const text = flat(docxParagraphs((await readDocx(file)).document).map((p) => p.text).join('\n'));
  expect(text).toContain('Số: 901/KH-UBND');
  expect(text).toContain('Thi đua lập thành tích chào mừng Đại hội');
}

async function issue(page: Page, number: number) {
  await page.getByTestId('movement-issue').click();
  // the number with its symbol, as an officer types it (a plan cascaded to a commune has no symbol yet)
  await page.getByLabel('Số văn bản').fill(`${number}/KH-UBND`);
  await page.getByRole('dialog').getByRole('button', { name: 'Ban hành' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByText('Đã ban hành').first().waitFor();
}

describe('a campaign cascaded down the tree', () => {
  it('is issued by the province, cascaded by a commune with a local content, and tracked', async () => {
    const province = await signInAs('thuongtruc');
    // the draft, with a response deadline that has already passed (yesterday in Hà Nội), is set up through the API
    const movementId = await province.evaluate(async () => {
      const me = await (await fetch('/api/auth/me')).json();
      const tree = await (await fetch('/api/organisations/tree')).json();
      const root = tree.items.find((o: { parentId: string | null }) => o.parentId === null);
      const yesterday = new Date(Date.now() - 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
      const response = await fetch('/api/movements', {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({
          organisationId: root.id, kind: 'campaign', name: 'Đợt thi đua chào mừng Đại hội đại biểu Đảng bộ tỉnh', documentSymbol: 'KH-UBND',
          place: 'Sơn Hà', periodStart: '2026-10-01', periodEnd: '2026-12-31',
          plan: { contents: [{ id: crypto.randomUUID(), participantKind: 'collective', title: 'Thi đua lập thành tích chào mừng Đại hội', text: 'Hoàn thành vượt mức các chỉ tiêu năm 2026.' }] },
          phases: [{ kind: 'response_plan', title: 'Các đơn vị ban hành kế hoạch hưởng ứng', dueOn: yesterday }],
        }),
      });
      return (await response.json()).id as string;
    });
    await province.goto(`${session.app.baseUrl}/phong-trao/${movementId}`);
    await province.getByTestId('movement-name').waitFor();
    // the parts that frame the official document, entered before issue
    await province.getByTestId('movement-document-parts').click();
    const parts = province.getByRole('dialog');
    await parts.getByLabel('Căn cứ', { exact: true }).fill('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022');
    await parts.getByLabel('Chức vụ người ký').fill('CHỦ TỊCH');
    await parts.getByLabel('Họ và tên người ký').fill('Nguyễn Minh Tuấn');
    await parts.getByLabel('Nơi nhận').fill('Ban Thi đua – Khen thưởng Trung ương;\nThường trực Tỉnh ủy');
    await parts.getByRole('button', { name: /Lưu/ }).click();
    await parts.waitFor({ state: 'detached' });
    await issue(province, 901);
    // a subtle button under the pointer keeps its contrast (it once left the label at 4.0:1)
    await province.getByRole('link', { name: 'Tải DOCX' }).hover();
    await expectAccessible(province, '20-movement-issued');

    const commune = await signInAs('canbo.xa');
    await commune.goto(`${session.app.baseUrl}/phong-trao/${movementId}`);
    await commune.getByTestId('movement-cascade').click();
    const picker = commune.getByTestId('movement-cascade-organisation');
    await picker.click();
    await picker.fill('xa Muong Khoa');
    await commune.getByRole('option', { name: /Ủy ban nhân dân xã Mường Khoa/ }).first().click();
    await commune.getByRole('dialog').getByRole('button', { name: 'Tạo dự thảo kế hoạch' }).click();
    await commune.getByTestId('movement-parent').waitFor();
    expect(commune.url()).not.toContain(movementId);

    await commune.getByTestId('movement-add-content').click();
    const dialog = commune.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Nội dung/ }).fill('Không có rác thải nhựa tại công sở và nơi công cộng.');
    await dialog.getByRole('button', { name: /Thêm|Lưu/ }).last().click();
    await dialog.waitFor({ state: 'detached' });
    await commune.getByTestId('content-added-badge').first().waitFor();
    await expectAccessible(commune, '21-movement-cascaded');
    await issue(commune, 15);

    await province.reload();
    await province.getByTestId('movement-responses-tab').click();
    const responded = province.locator('[data-testid="response-row"][data-organisation="Ủy ban nhân dân xã Mường Khoa"]');
    await expect.poll(() => responded.getAttribute('data-state')).toBe('done');
    expect(await province.locator('[data-testid="response-row"][data-state="overdue"]').count()).toBeGreaterThan(0);
    await expectAccessible(province, '22-movement-responses');

    // the issued plan downloads as the official document, in both formats
    for (const [label, check] of [['Tải PDF', checkPdf], ['Tải DOCX', checkDocx]] as const) {
      const [download] = await Promise.all([province.waitForEvent('download'), province.getByRole('link', { name: label }).click()]);
      await check(fs.readFileSync((await download.path())!));
    }
  });
});
