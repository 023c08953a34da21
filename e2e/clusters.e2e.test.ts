import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { settledViolations, signIn, useAppAndBrowser } from './support.ts';

/**
 * Cluster and block scoring with signed evidence: the standing agency opens the culture–society block's
 * 2023 sheet; the Department of Education's officer scores its first row and attaches the scanned report
 * behind it; the file is listed under the row, downloads as sent, and a picture is turned away.
 */

const session = useAppAndBrowser();

const SCAN = Buffer.from('%PDF-1.4\n% Báo cáo số 45/BC-SGDĐT tổng kết năm học 2022–2023\n%%EOF\n');

async function look(page: Page, name: string) {
  expect((await settledViolations(page, name)).join('\n'), `axe on ${name}`).toBe('');
}

describe('a member\'s evidence on a cluster score sheet', () => {
  it('is attached as a PDF under its row, listed, downloaded as sent; a picture is refused', async () => {
    const standing = await signIn(session.browser, session.app.baseUrl, 'thuongtruc');
    const sheetId = await standing.evaluate(async () => {
      const me = await (await fetch('/api/auth/me')).json();
      const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken };
      const { items } = await (await fetch('/api/clusters?year=2023')).json();
      const block = items.find((c: { name: string }) => c.name === 'Khối các sở, ngành văn hóa – xã hội');
      const created = await (await fetch(`/api/clusters/${block.id}/sheets`, { method: 'POST', headers, body: JSON.stringify({ year: 2023 }) })).json();
      await fetch(`/api/clusters/sheets/${created.id}/criteria`, { method: 'PUT', headers, body: JSON.stringify({ criteria: [
        { kind: 'criterion', heading: 'I. Thực hiện nhiệm vụ chính trị', title: 'Hoàn thành các chỉ tiêu chuyên môn của ngành', maxPoints: 60 },
        { kind: 'criterion', heading: 'II. Công tác thi đua, khen thưởng', title: 'Tổ chức phong trào thi đua, gửi báo cáo đúng hạn', maxPoints: 40 },
      ] }) });
      const opened = await fetch(`/api/clusters/sheets/${created.id}/open`, { method: 'POST', headers, body: '{}' });
      if (!opened.ok) throw new Error(await opened.text());
      return created.id as string;
    });

    const officer = await signIn(session.browser, session.app.baseUrl, 'canbo.sgd');
    await officer.goto(`${session.app.baseUrl}/cum-khoi/${sheetId}`);
    const attach = officer.getByLabel('Đính kèm tệp minh chứng cho "Hoàn thành các chỉ tiêu chuyên môn của ngành"');
    await attach.setInputFiles({ name: 'Báo cáo tổng kết năm học 2022-2023.pdf', mimeType: 'application/pdf', buffer: SCAN });
    const link = officer.getByRole('link', { name: 'Báo cáo tổng kết năm học 2022-2023.pdf' });
    await link.waitFor();
    const [download] = await Promise.all([officer.waitForEvent('download'), link.click()]);
    const saved = await download.path();
    expect(saved).toBeTruthy();
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(saved!)).equals(SCAN)).toBe(true);
    await look(officer, 'clusters-10-evidence');

    // a photo of the document is not a signed scan: the browser says so before sending
    await attach.setInputFiles({ name: 'anh-chup.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) });
    await officer.getByRole('alert').filter({ hasText: 'Chỉ nhận tệp PDF' }).waitFor();

    // the standing agency reading the sheet sees the file under the member's row
    const files = await standing.evaluate(async (id) => (await (await fetch(`/api/clusters/sheets/${id}`)).json()).evidenceFiles, sheetId);
    expect(files.map((f: { name: string }) => f.name)).toEqual(['Báo cáo tổng kết năm học 2022-2023.pdf']);
  }, 300_000);
});
