import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, seriousViolations, SETUP_PASSWORD, signIn, useAppAndBrowser } from './support.ts';

/**
 * The working calendar and the platform operator, from the browser: the province's administrator marks
 * a day off for the province; the platform operator, made by `npm run setup -- --operator`, adds a base
 * salary and edits a legal basis that every tenant reads.
 */
const session = useAppAndBrowser();

async function look(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await screenshot(page, `calendar-${name}`);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

/** The form's one date field (its label carries the required mark): typed as dd/mm/yyyy. */
async function fillDate(page: Page, scope: string, date: string) {
  const field = page.getByTestId(scope).getByPlaceholder('dd/mm/yyyy');
  await field.fill(date);
  await field.press('Tab');
}

describe('the province\'s administrator keeps its own days off', () => {
  it('sees the computed holidays, adds a day off of the province, and cannot change shared data', async () => {
    const page = await signIn(session.browser, session.app.baseUrl, 'quantri');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Ngày nghỉ lễ' }).click();
    await page.getByTestId('days-off').waitFor();
    const offText = await page.getByTestId('days-off').textContent();
    // Tết Bính Ngọ (mùng 1 on 17/2/2026), computed from the lunar calendar
    expect(offText).toContain('17/02/2026');
    expect(offText).toContain('Tết Nguyên đán (mùng 1)');
    expect(await page.getByTestId('day-form-shared').count()).toBe(0);

    await fillDate(page, 'day-form-own', '24/12/2026');
    await page.getByTestId('day-form-own').getByRole('textbox', { name: /^Nội dung/ }).fill('Nghỉ theo Quyết định của UBND tỉnh');
    await page.getByTestId('day-form-own').getByRole('button', { name: 'Lưu ngày' }).click();
    await page.getByTestId('day-form-own').getByRole('status').waitFor();
    const row = page.getByTestId('days-off').getByRole('row').filter({ hasText: '24/12/2026' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Của đơn vị');
    await look(page, '01-admin-holidays');

    // base salaries are the operator's: no form for the tenant's administrator
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tiêu chuẩn và mức thưởng' }).click();
    await page.getByTestId('base-salaries').waitFor();
    expect(await page.getByRole('button', { name: 'Thêm mức lương cơ sở' }).count()).toBe(0);
  }, 240_000);
});

describe('the platform operator', () => {
  it('is made by npm run setup -- --operator, then adds a base salary and corrects a legal basis', async () => {
    await session.app.stop({ keepData: true });
    const passwordFile = path.join(session.app.dataDir, 'operator-password.txt');
    fs.writeFileSync(passwordFile, `${SETUP_PASSWORD}\n`);
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: session.app.dataDir, DATABASE_URL: '' };
    const setup = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/setup.ts', '--operator', 'vanhanh', '--email', 'vanhanh@mic.gov.vn',
      '--password-file', passwordFile], { env, encoding: 'utf8', input: '' });
    expect(setup.status, setup.stderr).toBe(0);
    await session.restart();

    const page = await signIn(session.browser, session.app.baseUrl, 'vanhanh', undefined, SETUP_PASSWORD);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Vận hành nền tảng' }).click();
    await page.getByTestId('legal-bases').waitFor();
    await look(page, '02-operator');

    const salaryForm = page.locator('form[aria-labelledby="add-base-salary-heading"]');
    const from = salaryForm.getByPlaceholder('dd/mm/yyyy');
    await from.fill('01/07/2027');
    await from.press('Tab');
    await salaryForm.getByRole('textbox', { name: /^Mức \(đồng\/tháng\)/ }).fill('2810000');
    await salaryForm.getByRole('textbox', { name: /^Căn cứ/ }).fill('Nghị định quy định mức lương cơ sở từ 01/7/2027');
    await salaryForm.getByRole('button', { name: 'Thêm mức lương cơ sở' }).click();
    await page.getByTestId('base-salaries').getByText('01/07/2027').waitFor();

    await page.getByRole('button', { name: /^Sửa Luật TĐKT 2022, NĐ 98\/2023/ }).click();
    await page.getByTestId('legal-basis-form').getByRole('textbox', { name: /^Tên ngắn/ }).fill('Luật TĐKT 2022, Nghị định 98/2023');
    await page.getByTestId('legal-basis-form').getByRole('button', { name: 'Lưu văn bản căn cứ' }).click();
    await page.getByTestId('legal-bases').getByText('Luật TĐKT 2022, Nghị định 98/2023').waitFor();

    // the shared holiday form is on the calendar page for the operator
    await page.getByRole('button', { name: 'Lịch nghỉ lễ dùng chung' }).or(page.getByRole('link', { name: 'Lịch nghỉ lễ dùng chung' })).click();
    await page.getByTestId('day-form-shared').waitFor();
    await look(page, '03-operator-holidays');
  }, 300_000);
});
