import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousViolations, SETUP_PASSWORD, signIn, startApp, type RunningApp } from './support.ts';

/**
 * The 2025 reorganisation done on screen: a province's administrator merges two communes into the new
 * commune, then splits the district among two new communes, placing its officials one by one, and sees
 * the result on the units' pages.
 */
let app: RunningApp;
let browser: Browser;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-e2e-reorganise-'));

beforeAll(async () => {
  const passwordFile = path.join(dataDir, 'mat-khau.txt');
  fs.writeFileSync(passwordFile, `${SETUP_PASSWORD}\n`);
  const setup = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/setup.ts', '--tenant', 'Tỉnh Kiên Hà', '--kind', 'province',
    '--admin', 'quantri.kienha', '--email', 'quantri@kienha.gov.vn', '--password-file', passwordFile],
  { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8' });
  if (setup.status !== 0) throw new Error(`setup failed: ${setup.stdout}\n${setup.stderr}`);
  app = await startApp({ dataDir, env: { DEMO_DATA: 'false' } });
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The onboarding imports, called from the signed-in page (its cookie and CSRF token): the starting tree and people. */
async function importCsv(page: Page, kind: 'units' | 'people', csv: string) {
  const result = await page.evaluate(async ({ kind, csv }) => {
    const me = await (await fetch('/api/auth/me')).json() as { csrfToken: string };
    const response = await fetch(`/api/onboarding/${kind}/import?fileName=tep.csv`, {
      method: 'POST', body: csv, headers: { 'content-type': 'text/csv', 'x-csrf-token': me.csrfToken },
    });
    return { status: response.status, body: await response.text() };
  }, { kind, csv });
  expect(result.status, result.body).toBe(200);
}

async function openUnit(page: Page, name: string) {
  const id = await page.evaluate(async (name) => {
    const tree = await (await fetch('/api/organisations/tree?includeEnded=true')).json() as { items: { id: string; name: string }[] };
    return tree.items.find((o) => o.name === name)?.id;
  }, name);
  expect(id, name).toBeTruthy();
  await page.goto(`${app.baseUrl}/to-chuc/${id}`);
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

async function pick(page: Page, testId: string, typed: string, option: RegExp) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

describe('merging communes and splitting a district on screen', () => {
  it('the administrator merges Thứ Ba and Đông Thái into An Biên, then splits the district, and sees both on the units\' pages', async () => {
    const page = await signIn(browser, app.baseUrl, 'quantri.kienha', undefined, SETUP_PASSWORD);
    await importCsv(page, 'units', [
      'Mã đơn vị,Tên đơn vị,Tên viết tắt,Loại hình,Cấp hành chính,Mã đơn vị cấp trên,Mã hành chính,Mã định danh,Hiệu lực từ ngày,Hiệu lực đến ngày,Mã đơn vị kế thừa,Ghi chú kế thừa',
      'HAB,Ủy ban nhân dân huyện An Biên,,UBND,Huyện,,,,01/01/2008,,,',
      'XTB,Ủy ban nhân dân xã Thứ Ba,,UBND,Xã,HAB,,,01/01/2008,,,',
      'XDT,Ủy ban nhân dân xã Đông Thái,,UBND,Xã,HAB,,,01/01/2008,,,',
      'XAB,Ủy ban nhân dân xã An Biên,,UBND,Xã,,,,01/07/2025,,,',
      'XTY,Ủy ban nhân dân xã Tây Yên,,UBND,Xã,,,,01/07/2025,,,',
    ].join('\n'));
    await importCsv(page, 'people', [
      'Mã cán bộ,Họ và tên,Giới tính,Ngày sinh (hoặc năm sinh),Dân tộc,Mã đơn vị,Chức vụ,Lãnh đạo (Có/Không),Trực tiếp lao động (Có/Không),Từ ngày,Đến ngày',
      'CB01,Nguyễn Thị Lan,Nữ,1985,,XTB,Công chức Văn phòng - Thống kê,,,01/03/2018,',
      'CB02,Lê Văn Hùng,Nam,1979,,HAB,Chuyên viên Phòng Nội vụ,,,01/01/2012,',
      'CB03,Phạm Thị Mai,Nữ,1988,,HAB,Kế toán,,,01/05/2016,',
    ].join('\n'));

    // 1. merge: from Thứ Ba's page, with Đông Thái, into the existing commune An Biên on 1/7/2025
    await openUnit(page, 'Ủy ban nhân dân xã Thứ Ba');
    await page.getByTestId('org-merge').click();
    const merge = page.getByRole('dialog');
    await pick(page, 'merge-others', 'dong thai', /Ủy ban nhân dân xã Đông Thái/);
    // the list of units stays open for more: a click elsewhere in the dialog closes it
    await merge.getByText('Các đơn vị bị sáp nhập hết hiệu lực').click();
    await pick(page, 'merge-successor-unit', 'xa an bien', /Ủy ban nhân dân xã An Biên/);
    await screenshot(page, 'reorganise-merge-form');
    await merge.getByRole('button', { name: 'Sáp nhập' }).click();
    const merged = page.getByTestId('reorganise-done');
    await merged.waitFor();
    expect(await merged.innerText()).toContain('Ủy ban nhân dân xã Thứ Ba, Ủy ban nhân dân xã Đông Thái hết hiệu lực từ 30/06/2025');
    expect(await merged.innerText()).toContain('Đã chuyển 1 cán bộ');
    await screenshot(page, 'reorganise-merge-done');
    await merge.getByRole('button', { name: 'Đóng' }).last().click();
    await page.getByText('Hoạt động đến 30/06/2025').first().waitFor();

    // 2. split: the district among An Biên and Tây Yên; Hùng to An Biên, Mai left for later
    await openUnit(page, 'Ủy ban nhân dân huyện An Biên');
    await page.getByTestId('org-split').click();
    const split = page.getByRole('dialog');
    await pick(page, 'split-successor-0-unit', 'xa an bien', /Ủy ban nhân dân xã An Biên/);
    await pick(page, 'split-successor-1-unit', 'tay yen', /Ủy ban nhân dân xã Tây Yên/);
    await split.getByTestId('split-people').getByRole('cell', { name: /^Lê Văn Hùng/ }).waitFor();
    const hung = split.getByTestId('split-people').locator('tr', { hasText: 'Lê Văn Hùng' }).locator('input').first();
    await hung.click();
    await page.getByRole('option', { name: 'Ủy ban nhân dân xã An Biên' }).click();
    await screenshot(page, 'reorganise-split-form');
    expect(await seriousViolations(page)).toEqual([]);
    await split.getByRole('button', { name: 'Chia tách' }).click();
    const splitDone = page.getByTestId('reorganise-done');
    await splitDone.waitFor();
    expect(await splitDone.innerText()).toContain('Kế thừa: Ủy ban nhân dân xã An Biên, Ủy ban nhân dân xã Tây Yên');
    expect(await splitDone.innerText()).toContain('Đã chuyển 1 cán bộ');
    expect(await splitDone.innerText()).toContain('1 cán bộ để sau');
    await screenshot(page, 'reorganise-split-done');
    await split.getByRole('button', { name: 'Đóng' }).last().click();

    // 3. the result on screen: An Biên's page lists its three predecessors, and its members include Lan and Hùng
    await openUnit(page, 'Ủy ban nhân dân xã An Biên');
    for (const name of ['Ủy ban nhân dân xã Thứ Ba', 'Ủy ban nhân dân xã Đông Thái', 'Ủy ban nhân dân huyện An Biên']) {
      await page.getByRole('link', { name }).first().waitFor();
    }
    await screenshot(page, 'reorganise-successor-info');
    await page.getByRole('tab', { name: 'Nhân sự' }).click();
    await page.getByText('Nguyễn Thị Lan').waitFor();
    await page.getByText('Lê Văn Hùng').waitFor();
    expect(await page.getByText('Phạm Thị Mai').count()).toBe(0);
    await screenshot(page, 'reorganise-successor-members');

    // the households page and the residents import, as the administrator sees them
    await page.goto(`${app.baseUrl}/ho-gia-dinh`);
    await page.getByRole('heading', { name: 'Hộ gia đình', level: 1 }).waitFor();
    await screenshot(page, 'households-list');
    await page.goto(`${app.baseUrl}/nhap-du-lieu-ban-dau`);
    await page.getByText('6. Cư dân').click();
    await page.getByText('Người không có quá trình công tác').waitFor();
    await screenshot(page, 'onboarding-residents');
  }, 300_000);
});
