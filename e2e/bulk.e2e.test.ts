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

describe('a registration by name, approved by the head', () => {
  it('the department\'s officer names two people for Lao động tiên tiến; its head approves the registration', async () => {
    const page = await signIn(session.browser, session.app.baseUrl, 'canbo.sgd', DESKTOP);
    const organisationId = await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()).grants[0].organisationId as string);
    const unit = await api<{ name: string }>(page, 'GET', `/api/organisations/${organisationId}`);
    // an issued movement the department may register for (one of the province's, in the demo)
    const issued = await api<{ items: { id: string }[] }>(page, 'GET', '/api/movements?status=issued');
    let movementId: string | null = null;
    for (const m of issued.items) {
      const ok = await page.evaluate(async ({ id, organisationId }) => {
        const me = await (await fetch('/api/auth/me')).json() as { csrfToken: string };
        const r = await fetch(`/api/movements/${id}/registrations`, { method: 'POST', headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
          body: JSON.stringify({ organisationId, titles: [], commitments: '' }) });
        return r.status === 201;
      }, { id: m.id, organisationId });
      if (ok) { movementId = m.id; break; }
    }
    expect(movementId, 'an issued movement open to the department').not.toBeNull();
    const people = await api<{ items: { code: string | null; fullName: string; organisation: unknown }[] }>(
      page, 'GET', `/api/people?organisationId=${organisationId}&pageSize=100`);
    const two = people.items.filter((p) => p.code && p.organisation).slice(0, 2);

    await page.goto(`${session.app.baseUrl}/phong-trao/${movementId}?tab=registrations`);
    const unitPicker = page.getByTestId('registration-unit');
    await unitPicker.click();
    await unitPicker.fill(unit.name);
    await page.getByRole('option', { name: unit.name, exact: true }).first().click();
    const form = page.getByTestId('registration-form-0');
    await form.click();
    await form.fill('Lao động tiên tiến');
    await page.getByRole('option', { name: 'Lao động tiên tiến', exact: true }).first().click();
    const picker = page.getByTestId('registration-people-0');
    for (const person of two) {
      await picker.click();
      await picker.fill(person.code!);
      await page.getByRole('option', { name: new RegExp(`^${person.fullName} – ${person.code}`) }).first().click();
    }
    await page.keyboard.press('Escape');
    await look(page, 'registration-01-form');
    await page.getByTestId('movement-register').click();
    await page.getByText('Đã ghi nhận đăng ký thi đua; bản đăng ký chờ thủ trưởng đơn vị duyệt.').waitFor();
    const row = page.getByTestId('movement-registrations').getByRole('row').filter({ hasText: unit.name });
    await expect.poll(() => row.getByTestId('registration-status').getAttribute('data-status')).toBe('awaiting_head');
    expect(await row.getByTestId('registration-names').textContent()).toBe(two.map((p) => p.fullName).join(', '));
    expect(await row.getByTestId('registration-approve').count()).toBe(0);
    await look(page, 'registration-02-saved');
    await page.context().close();

    const head = await signIn(session.browser, session.app.baseUrl, 'thutruong.sgd', PHONE);
    await head.goto(`${session.app.baseUrl}/phong-trao/${movementId}?tab=registrations`);
    const headRow = head.getByTestId('movement-registrations').getByRole('row').filter({ hasText: unit.name });
    await headRow.getByTestId('registration-approve').click();
    await expect.poll(() => headRow.getByTestId('registration-status').getAttribute('data-status')).toBe('approved');
    await look(head, 'registration-03-approved-phone');
    await head.context().close();
  });
});
