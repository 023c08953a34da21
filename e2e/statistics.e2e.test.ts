import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { screenshot, settledViolations, signIn, useAppAndBrowser } from './support.ts';

/**
 * Issue 6's story: the provincial standing officer opens the statistics, counts the awards of 2022
 * that went to people holding no leadership post, reads the chart, and takes the same figures away as
 * an Excel file for the report — on a desktop and on a phone.
 */

const session = useAppAndBrowser();

const digits = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

async function nonLeaders2022(page: Page) {
  await page.getByLabel('Từ năm').fill('2022');
  await page.getByLabel('Đến năm').fill('2022');
  await page.getByTestId('statistics-group').click();
  await page.getByRole('option', { name: 'Chỉ người không giữ chức vụ lãnh đạo' }).click();
  await expect.poll(() => page.getByTestId('statistics-heading').textContent(), { timeout: 30_000 }).toContain('Thành tích năm 2022');
  await expect.poll(() => page.url(), { timeout: 30_000 }).toContain('group=non_leader');
  await expect.poll(() => page.getByTestId('statistics-filter-line').textContent(), { timeout: 30_000 }).toContain('Chỉ người không giữ chức vụ lãnh đạo');
  await page.waitForLoadState('networkidle');
}

describe('award statistics', () => {
  it('non-leaders honoured in 2022: the chart matches the table and the Excel file matches the page', async () => {
    const page = await signIn(session.browser, session.app.baseUrl, 'thuongtruc');
    await page.getByRole('navigation').getByRole('link', { name: 'Thống kê khen thưởng' }).click();
    await page.getByRole('heading', { name: 'Thống kê khen thưởng', level: 1 }).waitFor();
    await page.getByTestId('statistics-report').waitFor();
    await nonLeaders2022(page);

    const total = digits(await page.getByTestId('statistics-total').textContent());
    expect(total).toBeGreaterThan(0);
    const api = await page.evaluate(async () => {
      const me = await (await fetch('/api/auth/me')).json();
      const r = await fetch(`/api/statistics?organisationId=${me.grants[0].organisationId}&fromYear=2022&toYear=2022&group=non_leader`);
      return r.json();
    }) as { totals: { total: number; nonLeaders: number; individuals: number } };
    expect(api.totals.total).toBe(total);
    expect(api.totals.nonLeaders).toBe(total);

    // one bar per row of the table by form, each as long as its number says
    const bars = page.getByTestId('statistics-bar-chart').locator('rect[data-bar]');
    const rows = page.getByTestId('statistics-by-form').locator('tbody tr');
    expect(await bars.count()).toBeGreaterThan(1);
    expect(await bars.count()).toBe(await rows.count());
    const chart = page.getByTestId('statistics-bar-chart');
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.getAttribute('aria-label')).toMatch(/^Số khen thưởng theo hình thức: .+ Số liệu chi tiết ở bảng bên dưới\.$/);
    const widths = await bars.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
    const counts = await rows.evaluateAll((trs) => trs.map((tr) => Number((tr.querySelectorAll('td')[0]?.textContent ?? '').replace(/[^\d]/g, ''))));
    const biggest = counts.indexOf(Math.max(...counts));
    expect(widths.indexOf(Math.max(...widths))).toBe(biggest);
    expect(await page.getByTestId('statistics-line-chart').locator('circle[data-point]').count()).toBe(1);

    // the bars by unit: one per row of the table by unit
    await page.getByTestId('statistics-chart-by').getByText('Đơn vị').click();
    await expect.poll(() => page.url(), { timeout: 30_000 }).toContain('chart=unit');
    expect(await bars.count()).toBe(await page.getByTestId('statistics-by-unit').locator('tbody tr').count());
    await page.getByTestId('statistics-chart-by').getByText('Hình thức').click();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('statistics-export').click()]);
    expect(download.suggestedFilename()).toBe('thong-ke-khen-thuong.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const summary = workbook.getWorksheet('Tổng hợp')!;
    expect(String(summary.getCell('A1').value)).toContain('năm 2022 — chỉ người không giữ chức vụ lãnh đạo');
    expect(summary.getCell('A3').value).toBe('Tổng số khen thưởng');
    expect(summary.getCell('B3').value).toBe(total);
    const byForm = workbook.getWorksheet('Theo hình thức')!;
    expect(byForm.rowCount - 3).toBe(await rows.count());

    // not hovering the export button any more (Mantine's light button on hover is the theme's contrast, not this page's)
    await page.mouse.move(0, 0);
    expect(await settledViolations(page, 'statistics-desktop'), 'axe on the statistics page').toEqual([]);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'statistics-print');
    await page.emulateMedia({ media: 'screen' });
    await page.context().close();
  }, 240_000);

  it('reads on a phone', async () => {
    const page = await signIn(session.browser, session.app.baseUrl, 'thuongtruc', { width: 390, height: 844 });
    await page.goto(`${session.app.baseUrl}/thong-ke`);
    await page.getByTestId('statistics-report').waitFor();
    await nonLeaders2022(page);
    expect(await page.getByTestId('statistics-bar-chart').locator('rect[data-bar]').count()).toBeGreaterThan(1);
    expect(await settledViolations(page, 'statistics-phone'), 'axe on the phone').toEqual([]);
    await page.context().close();
  }, 240_000);
});
