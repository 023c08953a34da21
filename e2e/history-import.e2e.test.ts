import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { screenshot, settledViolations, signIn, useAppAndBrowser } from './support.ts';

/**
 * Go live, item 6: the standing agency (thuongtruc) imports its Excel archive of past decisions. The
 * first file has a wrong date; the dry run names the row, the officer corrects it, imports, finds an
 * award of someone the system does not know in the archive by the name written, and matches a
 * recipient it could not place to the right person.
 */
const session = useAppAndBrowser();

const HEADERS = ['STT', 'Số QĐ', 'Ngày ký', 'Cơ quan quyết định', 'Hình thức khen thưởng', 'Năm', 'Họ và tên', 'Cá nhân/Tập thể', 'Đơn vị công tác', 'Thành tích', 'Tiền thưởng'];

async function writeFile(rows: (string | number | null)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('QĐ 2021-2022');
  sheet.addRow(HEADERS);
  rows.forEach((r, i) => sheet.addRow([i + 1, ...r]));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lich-su-')), 'lich-su-khen-thuong.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

describe('importing the award history on day one', () => {
  it('checks, corrects, imports, finds and matches', async () => {
    const page = await signIn(session.browser, session.app.baseUrl, 'thuongtruc');
    // a demo person: written with a unit the province does not have, so the import cannot place them
    const person = await page.evaluate(async () => {
      const response = await fetch('/api/people?q=thi&pageSize=5', { headers: { Accept: 'application/json' } });
      return ((await response.json()) as { items: { id: string; fullName: string }[] }).items[0]!;
    });
    const rows = (date: string) => [
      ['118/QĐ-UBND', '12/01/2022', 'Chủ tịch UBND tỉnh', 'Bằng khen của Chủ tịch UBND tỉnh', 2021, 'Hà Thị Lịch Sử', 'Cá nhân', 'Hợp tác xã Chè Tà Xùa', 'Thành tích xuất sắc', '1.490.000'],
      ['118/QĐ-UBND', date, 'Chủ tịch UBND tỉnh', 'Bằng khen của Chủ tịch UBND tỉnh', 2021, person.fullName, 'Cá nhân', 'Ban quản lý dự án cũ', 'Thành tích xuất sắc', '1.490.000'],
      ['21/QĐ-UBND', '10/01/2023', 'Chủ tịch UBND tỉnh', 'TTLĐXS', 2022, 'Hợp tác xã Chè Tà Xùa', 'Tập thể', '', '', 3_000_000],
    ];

    await page.goto(`${session.app.baseUrl}/tra-cuu-khen-thuong`);
    await page.getByTestId('history-import-link').click();
    await page.getByRole('heading', { name: 'Nhập lịch sử khen thưởng', level: 1 }).waitFor();

    // a date that does not exist: the dry run names row 3 and its column, nothing is saved
    await page.locator('input[type="file"]').setInputFiles(await writeFile(rows('31/02/2022')));
    await page.getByTestId('history-check').click();
    await page.getByTestId('history-errors').waitFor();
    const errorText = await page.getByTestId('history-errors').textContent();
    expect(errorText).toContain('Ngày ký');
    expect(errorText).toContain('31/02/2022');
    expect(await page.getByTestId('history-errors').locator('tbody tr').first().locator('td').first().textContent()).toBe('3');
    expect(await settledViolations(page, '60-history-dry-run-errors'), 'axe').toEqual([]);

    // corrected: checked, then imported
    await page.locator('input[type="file"]').setInputFiles(await writeFile(rows('12/01/2022')));
    await page.getByTestId('history-check').click();
    await page.getByTestId('history-checked').waitFor();
    expect(await page.getByTestId('history-rows').textContent()).toBe('3');
    expect(await page.getByTestId('history-unmatched').first().textContent()).toBe('3');
    await screenshot(page, '61-history-checked');
    await page.getByTestId('history-run').click();
    await page.getByTestId('history-done').waitFor();
    expect(await page.getByTestId('history-done').getByTestId('history-created').textContent()).toBe('3');
    expect(await settledViolations(page, '62-history-imported'), 'axe').toEqual([]);

    // the match-later list offers the demo person for the award written with an unknown unit
    await page.getByTestId('history-match-search').fill(person.fullName);
    const group = page.getByTestId('history-group').filter({ hasText: 'Ban quản lý dự án cũ' });
    await group.getByTestId('history-candidate').first().waitFor();
    await screenshot(page, '63-history-match-later');
    await group.getByTestId('history-candidate').filter({ hasText: person.fullName }).first().click();
    await page.getByTestId('history-matched').waitFor();
    expect(await page.getByTestId('history-matched').textContent()).toContain('1');

    // the archive finds the stranger by the name written, and the matched award on the person
    await page.goto(`${session.app.baseUrl}/tra-cuu-khen-thuong?q=${encodeURIComponent('ha thi lich su')}`);
    await page.getByTestId('archive-table').getByText('Hà Thị Lịch Sử').waitFor();
    await screenshot(page, '64-history-in-archive');
    await page.goto(`${session.app.baseUrl}/tra-cuu-khen-thuong?person=${person.id}&decision=${encodeURIComponent('118/QĐ-UBND')}`);
    await page.getByTestId('archive-table').getByText(person.fullName).first().waitFor();
  }, 240_000);
});
