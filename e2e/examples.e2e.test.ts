import { describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { screenshot, settledViolations, signIn, useAppAndBrowser } from './support.ts';

/**
 * The Quảng Ngãi council plan, §3: units find good deeds and make them known on their portals. The Department of Education's
 * officer records a citizen's good deed — a story someone pasted with HTML in it — with a photo; the head
 * of the department publishes it; anyone, without signing in, finds it on the honour board, and a unit's
 * portal shows it in a frame. The story is shown as text: nothing in it runs.
 *
 * The app's clock starts on 10/5/2023 (CLOCK_START), so the officers' home pages show the 1948 campaign's
 * deadlines falling due (its response plans are due 15/5/2023).
 */

const session = useAppAndBrowser({ env: { CLOCK_START: '2023-05-10T02:00:00Z' } });

const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> Anh Lò Văn Pấng lao xuống suối cứu hai em học sinh bị nước cuốn.';
const TITLE = 'Cứu hai học sinh bị nước suối cuốn trôi';
const PHONE = { width: 390, height: 844 };

/** A real PNG (a green-to-gold gradient): the server checks the signature, the browser must draw it. */
function gradientPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * (width * 3 + 1) + 1 + x * 3;
      rows.set([40 + Math.round((200 * x) / width), 120 + Math.round((80 * y) / height), 60], i);
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

async function look(page: Page, name: string) {
  expect((await settledViolations(page, name)).join('\n'), `axe on ${name}`).toBe('');
}

/** A visitor without an account; any alert() a story could raise fails the test. */
async function visitor(viewport = { width: 1366, height: 900 }) {
  const context = await session.browser.newContext({ viewport, locale: 'vi-VN' });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  return { page, dialogs };
}

let exampleId = '';
let unitId = '';

describe('a good deed on the public honour board', () => {
  it('is recorded with a photo by the officer and published by the head', async () => {
    const officer = await signIn(session.browser, session.app.baseUrl, 'canbo.sgd');
    unitId = await officer.evaluate(async () => (await (await fetch('/api/auth/me')).json()).grants[0].organisationId as string);
    await officer.goto(`${session.app.baseUrl}/dien-hinh`);
    await officer.getByTestId('example-create').click();
    const dialog = officer.getByRole('dialog');
    const unit = dialog.getByTestId('example-unit');
    await unit.click();
    await unit.fill('so giao duc');
    await officer.getByRole('option', { name: /^Sở Giáo dục và Đào tạo$/ }).first().click();
    await dialog.getByTestId('example-kind').click();
    await officer.getByRole('option', { name: 'Người tốt, việc tốt' }).click();
    await dialog.getByText('Người dân chưa có trong hệ thống').click();
    await dialog.getByTestId('example-citizen').fill('Ông Lò Văn Pấng');
    await dialog.getByLabel('Thông tin thêm').fill('Bản Nà Sài, xã Mường Khoa');
    await dialog.getByTestId('example-title').fill(TITLE);
    await dialog.getByTestId('example-story').fill(XSS);
    await dialog.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await officer.waitForURL(/\/dien-hinh\/[0-9a-f-]{36}$/);
    exampleId = officer.url().split('/').pop()!;
    // shown as typed, markup and all
    await expect.poll(() => officer.getByTestId('example-story-text').textContent(), { timeout: 30_000 }).toBe(XSS);

    await officer.getByLabel('Chú thích ảnh').fill('Ông Pấng (giữa) tại buổi biểu dương của xã');
    await officer.getByTestId('photo-input').setInputFiles({ name: 'bieu-duong.png', mimeType: 'image/png', buffer: gradientPng(480, 300) });
    await officer.getByRole('img', { name: /Ảnh 1: Ông Pấng/ }).waitFor();
    await officer.getByTestId('stage-nurture').click();
    await expect.poll(() => officer.getByTestId('stage-history').locator('li').count(), { timeout: 30_000 }).toBe(2);
    expect(await officer.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await look(officer, 'examples-30-record-desktop');

    const head = await signIn(session.browser, session.app.baseUrl, 'thutruong.sgd');
    await head.goto(`${session.app.baseUrl}/dien-hinh/${exampleId}`);
    await head.getByTestId('example-publish').click();
    await expect.poll(async () => (await fetch(`${session.app.baseUrl}/api/public/honour-board/${exampleId}`)).status, { timeout: 30_000 }).toBe(200);
    await head.getByTestId('example-public-link').waitFor();
    await look(head, 'examples-31-published-desktop');
    const phone = await signIn(session.browser, session.app.baseUrl, 'thutruong.sgd', PHONE);
    await phone.goto(`${session.app.baseUrl}/dien-hinh/${exampleId}`);
    await phone.getByTestId('example-story-text').waitFor();
    await look(phone, 'examples-32-published-phone');
  }, 300_000);

  it('is found on the board without signing in, and its story does not run', async () => {
    const { page, dialogs } = await visitor();
    await page.goto(`${session.app.baseUrl}/guong-dien-hinh`);
    const card = page.getByTestId('board-card').filter({ hasText: TITLE });
    await card.waitFor();
    expect(await card.getByTestId('board-excerpt').textContent()).toContain('<script>window.__xss=2</script>');
    await card.getByRole('img', { name: `Ảnh: ${TITLE}` }).waitFor();
    await look(page, 'examples-33-board-desktop');
    await card.getByRole('link', { name: `Đọc tiếp: ${TITLE}` }).click();
    await expect.poll(() => page.getByTestId('board-story').textContent(), { timeout: 30_000 }).toBe(XSS);
    await page.getByRole('img', { name: 'Ông Pấng (giữa) tại buổi biểu dương của xã' }).waitFor();
    await look(page, 'examples-34-board-detail-desktop');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('main script, main img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);

    const small = await visitor(PHONE);
    await small.page.goto(`${session.app.baseUrl}/guong-dien-hinh?don-vi=${unitId}`);
    await small.page.getByTestId('board-card').filter({ hasText: TITLE }).waitFor();
    await look(small.page, 'examples-35-board-unit-phone');
  }, 300_000);

  it('shows in a frame on a unit\'s portal, in the compact form', async () => {
    const { page, dialogs } = await visitor({ width: 1100, height: 900 });
    // the portal is another site (another origin: a server of its own on another port)
    const portal = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="vi"><body>
        <h1>Cổng thông tin Sở Giáo dục và Đào tạo</h1>
        <iframe title="Gương điển hình" src="${session.app.baseUrl}/guong-dien-hinh?don-vi=${unitId}&nhung=1" width="720" height="640"></iframe></body></html>`);
    });
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
    await page.goto(`http://127.0.0.1:${(portal.address() as AddressInfo).port}/`);
    const frame = page.frameLocator('iframe');
    await frame.getByTestId('board-card').filter({ hasText: TITLE }).waitFor();
    // the compact form has no app header (no language switch, no sign-in)
    expect(await frame.getByRole('button', { name: 'English' }).count()).toBe(0);
    await screenshot(page, 'examples-36-embedded');
    expect(dialogs).toEqual([]);
    portal.close();
  }, 120_000);

  it('the officers\' home pages show their deadlines, what waits for them, and this year\'s awards', async () => {
    const officer = await signIn(session.browser, session.app.baseUrl, 'canbo.sgd');
    const due = officer.getByTestId('dashboard-due-list');
    await due.getByText(/xây dựng Kế hoạch triển khai đợt thi đua/).first().waitFor();
    await look(officer, 'examples-37-dashboard-desktop');
    const phone = await signIn(session.browser, session.app.baseUrl, 'canbo.sgd', PHONE);
    await phone.getByTestId('dashboard-due-list').waitFor();
    await look(phone, 'examples-38-dashboard-phone');
    const standing = await signIn(session.browser, session.app.baseUrl, 'thuongtruc');
    await standing.getByTestId('dashboard-punctuality-table').waitFor();
    await look(standing, 'examples-39-dashboard-standing');
  }, 300_000);

  it('editing an example about a person shows that person in the picker, and saving keeps them', async () => {
    const officer = await signIn(session.browser, session.app.baseUrl, 'canbo.sgd');
    await officer.goto(`${session.app.baseUrl}/dien-hinh`);
    await officer.getByRole('link', { name: /lớp học số/ }).first().click();
    await officer.waitForURL(/\/dien-hinh\/[0-9a-f-]{36}$/);
    await officer.getByTestId('example-edit').click();
    const dialog = officer.getByRole('dialog');
    const picker = dialog.getByLabel('Cá nhân (tìm theo tên)', { exact: true });
    await expect.poll(() => picker.inputValue(), { timeout: 30_000 }).toBe('Nguyễn Văn Hoà');
    // the picker settles: no search after search (networkidle, in look)
    await look(officer, 'examples-35-edit-person');
    await dialog.getByTestId('example-title').fill('Thầy giáo đưa "lớp học số" về với học sinh vùng cao Mường Khoa');
    await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const saved = await officer.evaluate(async (id) => (await (await fetch(`/api/examples/${id}`)).json()) as { title: string; subject: { kind: string; name: string } },
      officer.url().split('/').pop()!);
    expect(saved.title).toMatch(/Mường Khoa$/);
    expect(saved.subject).toMatchObject({ kind: 'person', name: 'Nguyễn Văn Hoà' });
  }, 300_000);
});
