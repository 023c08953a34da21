import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { screenshot, settledViolations, signIn, useAppAndBrowser } from './support.ts';

/**
 * Issue 4's story: an officer of the education department downloads the ratings template, fills in this
 * year's ratings for staff (found by their staff codes), imports the file after a dry run, and opens a
 * person to see which titles they now qualify for and why the others are not yet met.
 */

const session = useAppAndBrowser();

// the year under review, as the pages default to it: last year until December
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const YEAR = Number(TODAY.slice(5, 7)) === 12 ? Number(TODAY.slice(0, 4)) : Number(TODAY.slice(0, 4)) - 1;

const signInAs = (username: string): Promise<Page> => signIn(session.browser, session.app.baseUrl, username);

async function expectAccessible(page: Page, name: string) {
  expect(await settledViolations(page, name), `axe on ${name}`).toEqual([]);
}

/** Staff codes and names of the officer's unit, read from the records export (the people API does not show codes). */
async function staffCodes(page: Page, organisationId: string): Promise<Array<{ code: string; name: string }>> {
  const base64 = await page.evaluate(async (id) => {
    const response = await fetch(`/api/records/export.xlsx?organisationId=${id}&kind=ratings`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text);
  }, organisationId);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const codeAt = headers.indexOf('Mã cán bộ');
  const nameAt = headers.indexOf('Họ và tên');
  const found = new Map<string, string>();
  sheet.eachRow((row, n) => {
    const code = String(row.getCell(codeAt).value ?? '').trim();
    if (n > 1 && code) found.set(code, String(row.getCell(nameAt).value ?? ''));
  });
  return [...found].map(([code, name]) => ({ code, name }));
}

describe('records imported from a spreadsheet', () => {
  it('are checked, imported, and change who qualifies', async () => {
    const page = await signInAs('canbo.sgd');
    const organisationId = await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()).grants[0].organisationId as string);

    await page.goto(`${session.app.baseUrl}/ho-so/nhap`);
    await page.getByRole('heading', { name: 'Nhập hồ sơ thi đua từ tệp' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải mẫu Excel' }).click()]);
    const template = new ExcelJS.Workbook();
    await template.xlsx.readFile((await download.path())!);
    const sheet = template.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    expect(headers).toContain('Mã cán bộ');
    expect(headers).toContain('Xếp loại');

    const staff = (await staffCodes(page, organisationId)).slice(0, 6);
    expect(staff.length, 'demo staff with codes in the unit').toBeGreaterThan(0);
    const column = (header: string) => headers.indexOf(header);
    staff.forEach((person, i) => {
      const row = sheet.getRow(2 + i);
      row.getCell(column('Mã cán bộ')).value = person.code;
      row.getCell(column('Năm')).value = YEAR;
      row.getCell(column('Xếp loại')).value = 'Hoàn thành tốt nhiệm vụ';
      row.getCell(column('Số quyết định')).value = '25/QĐ-SGDĐT';
      row.getCell(column('Cơ quan ban hành')).value = 'Sở Giáo dục và Đào tạo';
      row.commit();
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-import-')), 'xep-loai.xlsx');
    await template.xlsx.writeFile(file);

    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-checked').waitFor();
    expect(await page.getByTestId('import-rows').first().textContent()).toBe(String(staff.length));
    await expectAccessible(page, '40-records-import-checked');
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').waitFor();
    await screenshot(page, '41-records-import-done');

    // someone among them who now qualifies for Lao động tiên tiến (a person with a discipline this year would not)
    const qualified = await page.evaluate(async ({ id, year }) => {
      const r = await fetch(`/api/eligibility?organisationId=${id}&awardForm=lao_dong_tien_tien&year=${year}&status=met&pageSize=200`);
      return ((await r.json()).items as Array<{ id: string; name: string }>);
    }, { id: organisationId, year: YEAR });
    const person = qualified.find((q) => staff.some((s) => s.name === q.name));
    expect(person, 'an imported person qualifies for Lao động tiên tiến').toBeDefined();

    await page.goto(`${session.app.baseUrl}/ca-nhan/${person!.id}`);
    await page.getByTestId('record-entry').first().waitFor();
    expect(await page.getByTestId('record-section').textContent()).toContain('Số 25/QĐ-SGDĐT');
    const panel = page.getByTestId('eligibility-panel');
    const lđtt = panel.locator('[data-testid="eligibility-result"][data-award="Lao động tiên tiến"]');
    await expect.poll(() => lđtt.getAttribute('data-status')).toBe('met');
    expect(await lđtt.textContent()).toContain('Đủ điều kiện');
    const national = panel.locator('[data-testid="eligibility-result"][data-award="Chiến sĩ thi đua toàn quốc"]');
    expect(await national.getAttribute('data-status')).toBe('unmet');
    expect(await national.textContent()).toContain('Chưa đủ điều kiện');
    expect(await national.getByTestId('eligibility-reasons').textContent()).toMatch(/Chiến sĩ thi đua cấp tỉnh|sáng kiến/);
    await national.getByRole('button').first().click();
    await national.getByTestId('finding-tree').waitFor();
    await expectAccessible(page, '42-person-eligibility');

    // the same person in the unit's list
    await page.goto(`${session.app.baseUrl}/ai-du-dieu-kien?org=${organisationId}&award=lao_dong_tien_tien&recipient=individual&status=met`);
    await page.getByRole('link', { name: person!.name }).first().waitFor();
    await expectAccessible(page, '43-who-qualifies');

    await page.goto(`${session.app.baseUrl}/tieu-chuan`);
    await page.getByTestId('catalogue-rule').first().waitFor();
    await expectAccessible(page, '44-catalogue');
  });
});
