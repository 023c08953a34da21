import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousViolations, startApp, type RunningApp } from './support.ts';

/**
 * Issue 5's story on seed 004 (Sơn La's provincial Office, mid-term review, May 2022), replayed with the
 * app's clock started on Monday 16/5/2022: a sub-unit of the Office nominates two people for the Chánh
 * Văn phòng's Giấy khen and one for the chairman's Bằng khen, files the dossier, its head submits; the
 * Office's standing agency returns one candidate for a missing report and the unit supplements it; the
 * Office council votes by secret ballot; the Chánh Văn phòng's decision confers the Giấy khen; the Bằng
 * khen candidate goes up to the province, whose list is published for public comment; a citizen comments;
 * days later (the server restarted on 20/5) the consultation is closed and the chairman's decision is
 * issued; the certificate's QR page confirms the award and the archive finds the person without accents.
 */
let running: RunningApp;
let browser: Browser;
const MONDAY = '2022-05-16T02:00:00Z'; // 9:00 in Hà Nội
const FRIDAY = '2022-05-20T02:00:00Z';

beforeAll(async () => {
  running = await startApp({ env: { CLOCK_START: MONDAY } });
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

async function signInAs(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${running.baseUrl}/dang-nhap`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('thidua2026');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('logout').waitFor();
  return page;
}

/** A call to the API from inside the signed-in page (its session cookie and CSRF token), for set-up steps. */
async function api<T = unknown>(page: Page, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const result = await page.evaluate(async ({ method, path, body, headers }) => {
    const me = await (await fetch('/api/auth/me')).json() as { csrfToken: string };
    const response = await fetch(path, {
      method, headers: { 'x-csrf-token': me.csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  }, { method, path, body, headers });
  if (result.status >= 400) throw new Error(`${method} ${path}: ${result.status} ${result.text}`);
  return (result.text ? JSON.parse(result.text) : undefined) as T;
}

/** Uploads a signed scan by the API (a slot the page does not list, e.g. a report the appraisal asked for). */
async function upload(page: Page, path: string, label: string) {
  const status = await page.evaluate(async ({ path, label }) => {
    const me = await (await fetch('/api/auth/me')).json() as { csrfToken: string };
    const response = await fetch(path, { method: 'PUT', headers: { 'x-csrf-token': me.csrfToken, 'content-type': 'application/pdf', 'x-file-name': `${label}.pdf` },
      body: `%PDF-1.4\n% ${label}\n%%EOF\n` });
    return response.status;
  }, { path, label });
  expect(status).toBe(201);
}

const scan = (label: string) => ({ name: `${label}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${label} (bản ký, đóng dấu)\n%%EOF\n`) });

async function look(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await screenshot(page, name);
  expect((await seriousViolations(page)).join('\n'), `axe on ${name}`).toBe('');
}

interface Batch { id: string; candidates: { id: string; name: string; status: string }[]; batch: { status: string; receiptNumber: string | null } }

describe('nominations to decisions, Sơn La 2022 (seed 004)', { timeout: 180_000 }, () => {
  let officer: Page;
  let movementId: string;
  let gkItem: string;
  let bkItem: string;
  let staff: { personId: string; fullName: string; isLeader: boolean }[];
  let gkBatch: string;
  let bkBatch: string;
  let people: { a: string; b: string; c: string };

  it('the sub-unit opens two batches on the Office\'s mid-term review and nominates inside the quotas', async () => {
    officer = await signInAs('canbo.vpkt');
    const movements = await api<{ items: { id: string; name: string }[] }>(officer, 'GET', '/api/movements?q=van%20phong%20ubnd%20tinh');
    movementId = movements.items.find((m) => m.name.includes('Văn phòng UBND tỉnh'))!.id;
    const detail = await api<{ plan: { awards: { id: string; awardForm: string; phase: string }[] } }>(officer, 'GET', `/api/movements/${movementId}`);
    gkItem = detail.plan.awards.find((a) => a.phase === 'mid_term_review' && a.awardForm === 'giay_khen')!.id;
    bkItem = detail.plan.awards.find((a) => a.phase === 'mid_term_review' && a.awardForm === 'bang_khen_tinh')!.id;
    const me = await api<{ grants: { organisationId: string }[] }>(officer, 'GET', '/api/auth/me');
    const unit = me.grants[0]!.organisationId;
    staff = (await api<{ items: typeof staff }>(officer, 'GET', `/api/organisations/${unit}/members?asOf=2022-05-16`)).items;
    const [a, b, c] = staff.filter((s) => !s.isLeader);
    expect(c, 'three staff of the sub-unit').toBeDefined();
    people = { a: a!.fullName, b: b!.fullName, c: c!.fullName };
    gkBatch = (await api<{ id: string }>(officer, 'POST', '/api/nominations/batches', { organisationId: unit, kind: 'thematic', movementId, awardItemId: gkItem })).id;
    bkBatch = (await api<{ id: string }>(officer, 'POST', '/api/nominations/batches', { organisationId: unit, kind: 'thematic', movementId, awardItemId: bkItem })).id;
    for (const person of [a!, b!]) await api(officer, 'POST', `/api/nominations/batches/${gkBatch}/candidates`, { personId: person.personId, achievement: 'Thực hiện tốt văn hóa công sở; có sáng kiến được cấp cơ sở công nhận.' });
    await api(officer, 'POST', `/api/nominations/batches/${bkBatch}/candidates`, { personId: c!.personId, achievement: 'Tiêu biểu trong thực hiện văn hóa công sở giai đoạn 2019-2021.' });

    await officer.goto(`${running.baseUrl}/de-nghi/${gkBatch}`);
    await officer.getByTestId('candidate-table').waitFor();
    await expect.poll(() => officer.getByTestId(`candidate-row-${people.a}`).count()).toBe(1);
    await expect.poll(async () => officer.getByTestId('batch-window').textContent()).toContain('20/05/2022');
    await look(officer, 'nominations-01-batch-draft');
  });

  it('the unit files the signed letter and minutes, downloads a generated draft, and asks its head', async () => {
    for (const batch of [gkBatch, bkBatch]) {
      await officer.goto(`${running.baseUrl}/de-nghi/${batch}`);
      await officer.getByTestId('dossier-table').waitFor();
      const download = officer.waitForEvent('download');
      await officer.getByTestId('document-draft-proposal_letter').click();
      expect((await download).suggestedFilename()).toMatch(/\.docx$/);
      for (const kind of ['proposal_letter', 'minutes']) {
        await officer.getByTestId(`document-input-${kind}`).setInputFiles(scan(`${kind}-${batch.slice(-4)}`));
        await expect.poll(() => officer.getByTestId(`dossier-slot-${kind}`).getAttribute('data-missing')).toBeNull();
      }
    }
    // the Bằng khen asks a report per candidate (Mẫu 07): filed too
    await officer.getByTestId(`document-input-achievement_report-${people.c}`).setInputFiles(scan('bao-cao-thanh-tich'));
    await expect.poll(() => officer.getByTestId(`dossier-slot-achievement_report-${people.c}`).getAttribute('data-missing')).toBeNull();
    await look(officer, 'nominations-02-dossier');
    for (const batch of [gkBatch, bkBatch]) {
      await officer.goto(`${running.baseUrl}/de-nghi/${batch}`);
      await officer.getByTestId('batch-action-request_approval').click();
      await expect.poll(() => officer.getByTestId('batch-page').getAttribute('data-status')).toBe('awaiting_head');
    }
  });

  it('the head approves and submits each batch and gets a receipt number', async () => {
    const head = await signInAs('truongphong.vpkt');
    for (const batch of [gkBatch, bkBatch]) {
      await head.goto(`${running.baseUrl}/de-nghi/${batch}`);
      await head.getByTestId('batch-action-submit').click();
      await head.getByTestId('batch-submit-confirm').click();
      await expect.poll(() => head.getByTestId('batch-page').getAttribute('data-status')).toBe('submitted');
      await expect.poll(async () => head.getByTestId('batch-receipt').textContent()).toMatch(/TN-2022-\d{6}/);
    }
    await head.close();
  });

  it('the Office\'s standing agency returns one Giấy khen candidate for a missing report; the unit supplements it', async () => {
    const standing = await signInAs('thuongtruc.vp');
    await standing.getByTestId('notification-bell').click();
    await expect.poll(() => standing.getByTestId('notification-item').count()).toBeGreaterThan(0);
    await standing.goto(`${running.baseUrl}/de-nghi/${gkBatch}`);
    await standing.getByTestId('batch-action-open_appraisal').click();
    await standing.getByTestId(`candidate-verdict-accept-${people.a}`).click();
    await standing.getByTestId(`candidate-verdict-return-${people.b}`).click();
    await standing.getByLabel(/Lý do/).fill('Thiếu báo cáo thành tích có xác nhận của Lãnh đạo Văn phòng.');
    await standing.getByTestId('candidate-verdict-confirm').click();
    await standing.getByTestId('batch-action-finish').click();
    await standing.getByTestId('batch-finish-confirm').click();
    await expect.poll(() => standing.getByTestId('batch-page').getAttribute('data-status')).toBe('returned');
    await look(standing, 'nominations-03-returned');

    await officer.goto(`${running.baseUrl}/de-nghi/${gkBatch}`);
    await expect.poll(async () => officer.getByTestId(`candidate-row-${people.b}`).textContent()).toContain('Thiếu báo cáo thành tích');
    const candidate = (await api<Batch>(officer, 'GET', `/api/nominations/batches/${gkBatch}`)).candidates.find((c) => c.name === people.b)!;
    await upload(officer, `/api/nominations/batches/${gkBatch}/documents/achievement_report?candidateId=${candidate.id}`, 'bao-cao-bo-sung');
    await officer.reload();
    await officer.getByTestId('batch-action-request_approval').click();
    await expect.poll(() => officer.getByTestId('batch-page').getAttribute('data-status')).toBe('awaiting_head');
    const head = await signInAs('truongphong.vpkt');
    await head.goto(`${running.baseUrl}/de-nghi/${gkBatch}`);
    await head.getByTestId('batch-action-submit').click();
    await head.getByTestId('batch-submit-confirm').click();
    await expect.poll(() => head.getByTestId('batch-page').getAttribute('data-status')).toBe('submitted');
    await head.close();

    for (const batch of [gkBatch, bkBatch]) {
      await standing.goto(`${running.baseUrl}/de-nghi/${batch}`);
      await standing.getByTestId('batch-action-open_appraisal').click();
      const detail = await api<Batch>(standing, 'GET', `/api/nominations/batches/${batch}`);
      for (const c of detail.candidates.filter((x) => x.status === 'submitted')) {
        await standing.getByTestId(`candidate-verdict-accept-${c.name}`).click();
      }
      await standing.getByTestId('batch-action-finish').click();
      await standing.getByTestId('batch-finish-confirm').click();
      await expect.poll(() => standing.getByTestId('batch-page').getAttribute('data-status')).toBe('accepted');
    }
    await standing.close();
  });
});
