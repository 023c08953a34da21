import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, SETUP_PASSWORD, signIn, startApp, writeImportFile, type Cell, type RunningApp } from './support.ts';

/**
 * "Go live", item 2: a province starts from an empty database (no demo), its administrator set up by
 * `npm run setup`, then builds its tree of units and its people from files on the onboarding page — a
 * first file with a mistake (named by row and column), the corrected one, then the people.
 */
let app: RunningApp;
let browser: Browser;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-e2e-onboarding-'));

beforeAll(async () => {
  const passwordFile = path.join(dataDir, 'mat-khau.txt');
  fs.writeFileSync(passwordFile, `${SETUP_PASSWORD}\n`);
  const setup = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/setup.ts', '--tenant', 'Tỉnh Sơn Hà', '--kind', 'province',
    '--admin', 'quantri.sonha', '--email', 'quantri@sonha.gov.vn', '--password-file', passwordFile],
  { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8' });
  if (setup.status !== 0) throw new Error(`setup failed: ${setup.stdout}\n${setup.stderr}`);
  app = await startApp({ dataDir, env: { DEMO_DATA: 'false' } });
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const file = (name: string, headers: string[], rows: Cell[][]) => writeImportFile(path.join(dataDir, name), headers, rows);
const UNIT_HEADERS = ['Mã đơn vị', 'Tên đơn vị', 'Tên viết tắt', 'Loại hình', 'Cấp hành chính', 'Mã đơn vị cấp trên', 'Mã hành chính', 'Mã định danh',
  'Hiệu lực từ ngày', 'Hiệu lực đến ngày', 'Mã đơn vị kế thừa', 'Ghi chú kế thừa'];
const PEOPLE_HEADERS = ['Mã cán bộ', 'Họ và tên', 'Giới tính', 'Ngày sinh (hoặc năm sinh)', 'Dân tộc', 'Mã đơn vị', 'Chức vụ', 'Lãnh đạo (Có/Không)',
  'Trực tiếp lao động (Có/Không)', 'Từ ngày', 'Đến ngày'];
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('a province onboards its units and people from files', () => {
  it('the administrator imports units (after fixing a named error), then people, and sees the tree', async () => {
    const page = await signIn(browser, app.baseUrl, 'quantri.sonha', undefined, SETUP_PASSWORD);
    // the navigation offers the page (the sidebar scrolls; open it by its address)
    expect(await page.getByRole('link', { name: 'Nhập dữ liệu ban đầu' }).count()).toBeGreaterThan(0);
    await page.goto(`${app.baseUrl}/nhap-du-lieu-ban-dau`);
    await page.getByRole('heading', { name: 'Nhập dữ liệu ban đầu', level: 1 }).waitFor();

    const units = [
      ['SNV', 'Sở Nội vụ', 'SNV', 'Sở, ban, ngành', 'Tỉnh', '', '', '', d('2008-01-01'), null, '', ''],
      ['BTDKT', 'Ban Thi đua - Khen thưởng', '', 'Phòng, ban trực thuộc', 'Tỉnh', 'SNV', '', '', d('2008-01-01'), null, '', ''],
      ['HAB', 'Ủy ban nhân dân huyện An Biên', '', 'UBND', 'Huyện', '', '', '', d('2008-01-01'), d('2025-06-30'), 'XAB; XTB', 'Chia cho hai xã'],
      ['XAB', 'Ủy ban nhân dân xã An Biên', '', 'UBND', 'Xã', '', '', '', d('2025-07-01'), null, '', ''],
      ['XTB', 'Ủy ban nhân dân xã Thứ Ba', '', 'UBND', 'Xã', 'KHONG-CO', '', '', d('2025-07-01'), null, '', ''],
    ];
    await page.locator('input[type="file"]').setInputFiles(await file('don-vi-loi.xlsx', UNIT_HEADERS, units));
    await page.getByTestId('import-check').click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    await expect.poll(() => errors.locator('tbody tr').first().innerText()).toMatch(/6\s+Mã đơn vị cấp trên\s+Không có đơn vị cấp trên mã "KHONG-CO"/);
    await screenshot(page, 'onboarding-units-errors');

    units[4]![5] = '';
    await page.locator('input[type="file"]').setInputFiles(await file('don-vi.xlsx', UNIT_HEADERS, units));
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-checked').waitFor();
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-created').innerText()).toBe('5');
    await screenshot(page, 'onboarding-units-done');

    await page.getByText('2. Cán bộ và quá trình công tác').click();
    await page.locator('input[type="file"]').setInputFiles(await file('can-bo.xlsx', PEOPLE_HEADERS, [
      ['CB001', 'Nguyễn Thị Hoa', 'Nữ', '1985', '', 'BTDKT', 'Trưởng ban', 'Có', '', d('2015-01-01'), null],
      ['CB002', 'Trần Văn Bình', 'Nam', '12/05/1979', 'Tày', 'HAB', 'Công chức', '', '', d('2010-01-01'), d('2025-06-30')],
      ['CB002', 'Trần Văn Bình', 'Nam', '', '', 'XAB', 'Công chức', '', '', d('2025-07-01'), null],
    ]));
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-checked').waitFor();
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-created').innerText()).toBe('3');
    await screenshot(page, 'onboarding-people-done');

    await page.goto(`${app.baseUrl}/to-chuc`);
    await page.getByText('Sở Nội vụ').first().waitFor();
    await page.getByText('Ủy ban nhân dân xã An Biên').first().waitFor();
    await screenshot(page, 'onboarding-tree');
  }, 300_000);
});
