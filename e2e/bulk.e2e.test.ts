import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { settledViolations, signIn, useAppAndBrowser, writeImportFile } from './support.ts';

/**
 * Issue 17.7, bulk work on a batch, at a desktop and a phone's width: the education department's officer opens a
 * Lao động tiên tiến batch, adds everyone the eligibility check finds qualified after a confirmation that counts
 * them, then imports two more people from a spreadsheet — first refused row by row (a code outside the unit), then
 * checked and imported.
 */
const session = useAppAndBrowser();
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const HEADERS = ['Mã cán bộ', 'Mã đơn vị', 'Thành tích tóm tắt'];

async function look(page: Page, name: string) {
  expect((await settledViolations(page, `bulk-${name}`)).join('\n'), `axe on ${name}`).toBe('');
}

/** A call to the API from inside the signed-in page (its session cookie and CSRF token). */
async function api<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  const result = await page.evaluate(async ({ method, url, body }) => {
    const me = await (await fetch('/api/auth/me')).json() as { csrfToken: string };
    const response = await fetch(url, { method, headers: { 'x-csrf-token': me.csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, text: await response.text() };
  }, { method, url, body });
  if (result.status >= 400) throw new Error(`${method} ${url}: ${result.status} ${result.text}`);
  return JSON.parse(result.text) as T;
}

/** The years (newest first) in which someone of the unit qualifies for Lao động tiên tiến. */
async function qualifyingYears(page: Page, organisationId: string): Promise<number[]> {
  const years: number[] = [];
  for (let year = new Date().getFullYear(); year >= 2018 && years.length < 2; year--) {
    const r = await api<{ counts: { met: number } }>(page, 'GET', `/api/eligibility?organisationId=${organisationId}&awardForm=lao_dong_tien_tien&year=${year}&status=met&pageSize=1`);
    if (r.counts.met > 0) years.push(year);
  }
  return years;
}

const tmp = (name: string) => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-bulk-')), name);

for (const [label, viewport, pick] of [['desktop', DESKTOP, 0], ['phone', PHONE, 1]] as const) {
  describe(`bulk work on a batch (${label})`, () => {
    it('adds everyone who qualifies after a confirmation, then imports a list: bad rows refused, then imported', async () => {
      const page = await signIn(session.browser, session.app.baseUrl, 'canbo.sgd', viewport);
      const organisationId = await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()).grants[0].organisationId as string);
      const years = await qualifyingYears(page, organisationId);
      expect(years.length, 'demo years with qualified staff').toBe(2);
      const year = years[pick]!;
      const { id } = await api<{ id: string }>(page, 'POST', '/api/nominations/batches', { organisationId, kind: 'merit', awardForm: 'lao_dong_tien_tien', year });

      await page.goto(`${session.app.baseUrl}/de-nghi/${id}`);
      await page.getByTestId('candidates-add-all').click();
      const count = page.getByTestId('add-all-count');
      await count.waitFor();
      const total = Number(await count.getAttribute('data-total'));
      expect(total).toBeGreaterThan(0);
      expect(await count.textContent()).toContain(`Sẽ thêm ${total} trường hợp`);
      await look(page, `${label}-01-add-all-confirm`);
      await page.getByTestId('add-all-confirm').click();
      await page.getByTestId('candidates-added').waitFor();
      expect(await page.getByTestId('candidates-added').textContent()).toBe(`Đã thêm ${total} trường hợp vào đợt đề nghị.`);
      const detail = await api<{ candidates: { subjectId: string }[] }>(page, 'GET', `/api/nominations/batches/${id}`);
      expect(detail.candidates).toHaveLength(total);
      await look(page, `${label}-02-added`);
      // nobody is left to add
      await page.getByTestId('candidates-add-all').click();
      await page.getByTestId('add-all-none').waitFor();
      await page.keyboard.press('Escape');

      // two people of the unit not yet in the batch, named by their HR codes
      const people = await api<{ items: { code: string | null; fullName: string; id: string; organisation: unknown; village: string | null }[] }>(
        page, 'GET', `/api/people?organisationId=${organisationId}&pageSize=100`);
      const taken = new Set(detail.candidates.map((c) => c.subjectId));
      const two = people.items.filter((p) => p.code && p.organisation && p.village === null && !taken.has(p.id)).slice(0, 2);
      expect(two).toHaveLength(2);

      await page.getByTestId('candidates-import').click();
      await page.getByTestId('candidate-import-page').waitFor();
      await look(page, `${label}-03-import`);
      const bad = await writeImportFile(tmp('danh-sach-loi.xlsx'), HEADERS, [
        [two[0]!.code, null, 'Hoàn thành xuất sắc nhiệm vụ'], ['KHONG-CO-MA', null, ''], [two[1]!.code, null, 'Có sáng kiến cấp cơ sở'],
      ]);
      await page.locator('input[type="file"]').setInputFiles(bad);
      await page.getByTestId('candidates-check').click();
      await page.getByTestId('candidates-errors').waitFor();
      expect(await page.getByTestId('candidates-errors').textContent()).toContain('Không tìm thấy cán bộ có mã "KHONG-CO-MA" trong phạm vi được giao.');
      await look(page, `${label}-04-import-errors`);

      const good = await writeImportFile(tmp('danh-sach.xlsx'), HEADERS, [
        [two[0]!.code, null, 'Hoàn thành xuất sắc nhiệm vụ'], [two[1]!.code, null, 'Có sáng kiến cấp cơ sở'],
      ]);
      await page.locator('input[type="file"]').setInputFiles(good);
      await page.getByTestId('candidates-check').click();
      await page.getByTestId('candidates-checked').waitFor();
      expect(await page.getByTestId('candidates-rows').first().textContent()).toBe('2');
      await look(page, `${label}-05-import-checked`);
      await page.getByTestId('candidates-run').click();
      await page.getByTestId('candidates-done').waitFor();
      await look(page, `${label}-06-import-done`);
      const after = await api<{ candidates: { name: string; achievement: string }[] }>(page, 'GET', `/api/nominations/batches/${id}`);
      expect(after.candidates).toHaveLength(total + 2);
      expect(after.candidates.map((c) => c.name)).toEqual(expect.arrayContaining([two[0]!.fullName, two[1]!.fullName]));

      await page.getByTestId('candidate-import-page').getByRole('link', { name: 'Quay lại đợt đề nghị' }).last().click();
      await page.getByTestId('batch-page').waitFor();
      await look(page, `${label}-07-batch`);
      await page.context().close();
    });
  });
}
