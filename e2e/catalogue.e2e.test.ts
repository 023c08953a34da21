import { describe, expect, it } from 'vitest';
import { screenshot, settledViolations, signIn, useAppAndBrowser } from './support.ts';

/**
 * Issue 14.3's story: the provincial standing agency adds a form of its own to the award catalogue,
 * writes its eligibility rule with the structured editor, previews who would qualify, and saves the
 * rule as a cited version.
 */

const session = useAppAndBrowser();

describe('the tenant\'s award catalogue', () => {
  it('adds a form, edits its rule, sees the preview and saves a version', async () => {
    const page = await signIn(session.browser, session.app.baseUrl, 'thuongtruc');
    // the menu names the page (a long menu scrolls; the test opens the address)
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Danh mục khen thưởng' }).count()).toBe(1);
    await page.goto(`${session.app.baseUrl}/danh-muc-khen-thuong`);
    await page.getByRole('heading', { name: 'Danh mục danh hiệu, hình thức khen thưởng', level: 1 }).waitFor();
    // the shared statutory forms are listed, marked as shared
    await expect.poll(() => page.getByTestId('award-form-row').count()).toBeGreaterThan(10);
    expect(await page.locator('[data-code="giay_khen"]').getByText('Dùng chung').count()).toBe(1);

    await page.getByTestId('add-form').click();
    await page.getByTestId('form-code').fill('bang_khen_giam_doc_so');
    await page.getByTestId('form-name').fill('Bằng khen của Giám đốc Sở');
    await page.getByTestId('form-conferred-by').fill('Giám đốc Sở');
    await page.getByTestId('form-citation').fill('Luật Thi đua, khen thưởng 2022, Điều 74');
    await page.getByTestId('coefficient').fill('0,5');
    await page.getByTestId('coefficient-citation').fill('Nghị định 152/2025/NĐ-CP, Chương V');
    await screenshot(page, 'catalogue-new-form');
    await page.getByTestId('save-form').click();
    const row = page.locator('[data-code="bang_khen_giam_doc_so"]');
    await row.waitFor();
    expect(await row.getByText('Của đơn vị').count()).toBe(1);
    expect(await settledViolations(page, 'catalogue-forms')).toEqual([]);

    // its rule: none yet; the draft starts as "all of: rated good"; add "no discipline"
    await row.getByTestId('form-rules').click();
    await page.getByRole('heading', { name: 'Tiêu chuẩn "Bằng khen của Giám đốc Sở"', level: 1 }).waitFor();
    await page.getByText('Chưa có tiêu chuẩn').waitFor();
    await page.getByTestId('add-criterion').click();
    await page.getByTestId('criterion-type').nth(2).click();
    await page.getByRole('option', { name: 'Không bị kỷ luật' }).click();
    await page.getByTestId('rule-valid').waitFor();

    // the preview: nobody qualifies without a rule; under the draft, those rated good in 2025 without discipline
    await page.getByTestId('preview-year').fill('2025');
    await page.getByTestId('run-preview').click();
    await page.getByTestId('preview-result').waitFor();
    await expect.poll(() => page.getByTestId('current-met').textContent()).toBe('Đạt: 0');
    const draftMet = Number((await page.getByTestId('draft-met').textContent())!.replace(/\D/g, ''));
    expect(draftMet).toBeGreaterThan(0);
    expect(await page.getByTestId('preview-gains').locator('li').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('preview-losses').getByText('Không có.').count()).toBe(1);
    expect(await settledViolations(page, 'catalogue-rule-preview')).toEqual([]);

    // a version needs its document and article
    await page.getByTestId('save-rule').click();
    expect(await page.getByText('Bắt buộc').count()).toBeGreaterThan(0);
    await page.getByTestId('rule-citation').fill('Quyết định số 12/QĐ-UBND ngày 05/01/2026 của UBND tỉnh');
    await page.getByTestId('rule-article').fill('Điều 3');
    await page.getByTestId('save-rule').click();
    await expect.poll(() => page.getByTestId('rule-versions').locator('tbody tr').first().textContent(), { timeout: 30_000 })
      .toContain('Quyết định số 12/QĐ-UBND ngày 05/01/2026 của UBND tỉnh, Điều 3');
    const saved = await page.evaluate(async () => {
      const forms = await (await fetch('/api/catalogue/forms')).json() as { items: { code: string; displayCode: string }[] };
      const code = forms.items.find((f) => f.displayCode === 'bang_khen_giam_doc_so')!.code;
      return (await fetch(`/api/catalogue/forms/${code}/rules`)).json();
    }) as { versions: { version: number; rule: { type: string; rules: { type: string }[] } }[] };
    expect(saved.versions[0]!.version).toBe(1);
    expect(saved.versions[0]!.rule.rules.map((r) => r.type)).toEqual(['rating', 'no_discipline']);
    await screenshot(page, 'catalogue-rule-saved');
  }, 240_000);
});
