import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { settledViolations, signIn, useAppAndBrowser } from './support.ts';

/**
 * Issue 17.1: "512/QĐ-SGDĐT" typed into a plan's number was turned into -512, then 1, and the plan was issued as
 * number 1. The number is text beside its symbol, split when typed or pasted whole, proposed by the register, and kept
 * as written on the issued plan; a number already given is refused with the next free one named. Desktop and phone.
 */

const session = useAppAndBrowser();
const PHONE = { width: 390, height: 844 };

async function expectAccessible(page: Page, name: string) {
  expect(await settledViolations(page, name), `axe on ${name}`).toEqual([]);
}

/** A draft plan of the province (the standing agency's), made through the API as the officer's browser would. */
async function draftPlan(page: Page, name: string): Promise<string> {
  await page.goto(`${session.app.baseUrl}/phong-trao`);
  return page.evaluate(async (planName) => {
    const me = await (await fetch('/api/auth/me')).json();
    const tree = await (await fetch('/api/organisations/tree')).json();
    const root = tree.items.find((o: { parentId: string | null }) => o.parentId === null);
    const response = await fetch('/api/movements', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ organisationId: root.id, kind: 'campaign', name: planName, documentSymbol: 'KH-UBND', place: 'Sơn Hà',
        periodStart: '2026-10-01', periodEnd: '2026-12-31', plan: {} }),
    });
    return (await response.json()).id as string;
  }, name);
}

async function openIssue(page: Page, id: string) {
  await page.goto(`${session.app.baseUrl}/phong-trao/${id}`);
  await page.getByTestId('movement-issue').click();
  return page.getByRole('dialog');
}

describe('a plan\'s number is kept as written', () => {
  it('on a desktop: the register proposes, "512/QĐ-SGDĐT" typed key by key is kept, and a second 512 is refused', async () => {
    const page = await signIn(session.browser, session.app.baseUrl, 'thuongtruc');
    const first = await draftPlan(page, 'Đợt thi đua chào mừng ngày Nhà giáo Việt Nam 20/11');
    const dialog = await openIssue(page, first);
    const number = dialog.getByTestId('document-number');
    // the register's next KH-UBND number of the province this year, in the field, which the officer may change
    const proposed = await page.evaluate(async (id) => (await (await fetch(`/api/movements/${id}/next-number?year=${new Date().getFullYear()}`)).json()).number, first);
    await expect.poll(() => number.inputValue()).toBe(String(proposed));
    await expect.poll(() => dialog.getByTestId('document-number-whole').textContent()).toBe(`Số, ký hiệu: ${String(proposed).padStart(2, '0')}/KH-UBND`);
    await expectAccessible(page, 'numbers-01-issue-proposed-desktop');

    await number.fill('');
    await number.pressSequentially('512/QĐ-SGDĐT');
    expect(await number.inputValue()).toBe('512');
    expect(await dialog.getByTestId('document-symbol').inputValue()).toBe('QĐ-SGDĐT');
    await expect.poll(() => dialog.getByTestId('document-number-whole').textContent()).toBe('Số, ký hiệu: 512/QĐ-SGDĐT');
    // text that is no number is shown as wrong and cannot be sent, never bent into one
    await number.fill('-512');
    await dialog.getByText('Số văn bản chỉ gồm chữ số, lớn hơn 0').waitFor();
    expect(await dialog.getByRole('button', { name: 'Ban hành' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'numbers-02-issue-invalid-desktop');
    await number.fill('512');
    await dialog.getByRole('button', { name: 'Ban hành' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Đã ban hành').first().waitFor();
    await page.getByText('512/QĐ-SGDĐT').first().waitFor();
    expect(await page.getByText(/^1\/QĐ|^-512/).count()).toBe(0);
    await expectAccessible(page, 'numbers-03-issued-desktop');

    // the same number pasted whole for another plan: refused, the next free one named
    const second = await draftPlan(page, 'Đợt thi đua cao điểm 90 ngày đêm cuối năm 2026');
    const again = await openIssue(page, second);
    await again.getByTestId('document-number').fill('512/QĐ-SGDĐT');
    expect(await again.getByTestId('document-symbol').inputValue()).toBe('QĐ-SGDĐT');
    await again.getByRole('button', { name: 'Ban hành' }).click();
    await again.getByText(/512\/QĐ-SGDĐT năm \d{4} đã được dùng.*Số tiếp theo còn trống: 513/).waitFor();
    await expectAccessible(page, 'numbers-04-issue-taken-desktop');
    await page.context().close();
  });

  it('on a phone: "513/QĐ-SGDĐT" pasted whole is issued as 513 and QĐ-SGDĐT', async () => {
    const phone = await signIn(session.browser, session.app.baseUrl, 'thuongtruc', PHONE);
    const id = await draftPlan(phone, 'Đợt thi đua chào mừng kỷ niệm ngày thành lập tỉnh');
    const dialog = await openIssue(phone, id);
    await dialog.getByTestId('document-number').fill('513/QĐ-SGDĐT');
    await expect.poll(() => dialog.getByTestId('document-number-whole').textContent()).toBe('Số, ký hiệu: 513/QĐ-SGDĐT');
    await expectAccessible(phone, 'numbers-05-issue-phone');
    await dialog.getByRole('button', { name: 'Ban hành' }).click();
    await dialog.waitFor({ state: 'detached' });
    await phone.getByText('513/QĐ-SGDĐT').first().waitFor();
    const issued = await phone.evaluate(async (planId) => (await (await fetch(`/api/movements/${planId}`)).json()), id);
    expect(issued).toMatchObject({ status: 'issued', documentNumber: 513, documentSymbol: 'QĐ-SGDĐT' });
    await expectAccessible(phone, 'numbers-06-issued-phone');
    await phone.context().close();
  });
});
