import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { settledViolations, signIn, useAppAndBrowser } from './support.ts';

/**
 * Issue 17, items 8 and 9, as a unit officer, a standing officer and the public see them: no page fires a
 * refused (401, 403) or failed (5xx) call; the audit log speaks in words (no action codes, internal states,
 * document-kind codes or hashes); the statistics' "Đến năm" keeps what it shows when "Từ năm" changes; the
 * dashboard says which year it counts; deadlines are labelled by how far they are.
 */
const session = useAppAndBrowser();

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const VIEWPORTS = [['desktop', DESKTOP], ['phone', PHONE]] as const;

/** Every 401, 403 and 5xx answer the page receives from now on, as "status METHOD path". */
function refusals(page: Page): string[] {
  const seen: string[] = [];
  page.on('response', (r) => {
    if (r.status() === 401 || r.status() === 403 || r.status() >= 500) seen.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
  return seen;
}

async function visit(page: Page, path: string) {
  await page.goto(`${session.app.baseUrl}${path}`);
  await page.waitForLoadState('networkidle');
}

async function look(page: Page, name: string) {
  expect((await settledViolations(page, `officer-words-${name}`)).join('\n'), `axe on ${name}`).toBe('');
}

/** A call to the API from inside the signed-in page (its cookie and CSRF token), for set-up steps. */
async function api<T>(page: Page, method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const result = await page.evaluate(async ({ method, path, body, headers }) => {
    const { me } = await (await fetch('/api/auth/session')).json() as { me: { csrfToken: string } };
    const json = typeof body !== 'string';
    const response = await fetch(path, {
      method, headers: { 'x-csrf-token': me.csrfToken, ...(json ? { 'content-type': 'application/json' } : {}), ...headers },
      body: json ? JSON.stringify(body) : body,
    });
    return { status: response.status, text: await response.text() };
  }, { method, path, body, headers });
  if (result.status >= 400) throw new Error(`${method} ${path}: ${result.status} ${result.text}`);
  return (result.text ? JSON.parse(result.text) : undefined) as T;
}

describe('pages without refused calls', { timeout: 300_000 }, () => {
  for (const [name, viewport] of VIEWPORTS) {
    it(`a unit officer's home, movements (one issued above) and nominations on a ${name}`, async () => {
      const page = await signIn(session.browser, session.app.baseUrl, 'canbo.sgd', viewport);
      const seen = refusals(page);
      await visit(page, '/');
      await page.getByRole('heading', { name: 'Việc đến hạn của đơn vị' }).waitFor();
      // a deadline whose completion the system cannot see is labelled by its distance, never plain "Đến hạn"
      expect(await page.getByText('Đến hạn', { exact: true }).count()).toBe(0);
      for (const label of await page.getByTestId('due-timing').allTextContents()) {
        expect(label).toMatch(/^(Đã qua hạn|Sắp đến hạn|Hạn \d{2}\/\d{2}\/\d{4})$/);
      }
      await look(page, `home-${name}`);

      await visit(page, '/phong-trao');
      const plan = page.locator('main a[href^="/phong-trao/"]').first();
      await plan.waitFor();
      await plan.click();
      await page.getByTestId('movement-name').waitFor();
      await page.waitForLoadState('networkidle');
      await look(page, `movement-${name}`);

      await visit(page, '/de-nghi');
      await visit(page, '/thong-ke');
      expect(seen).toEqual([]);
      await page.context().close();
    });

    it(`the public pages on a ${name}: sign-in, certificate check, consultation, honour board`, async () => {
      const context = await session.browser.newContext({ viewport, locale: 'vi-VN' });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      const seen = refusals(page);
      for (const path of ['/dang-nhap', '/xac-minh', '/guong-dien-hinh']) await visit(page, path);
      await visit(page, '/gop-y');
      await look(page, `public-consultations-${name}`);
      expect(seen).toEqual([]);
      await context.close();
    });
  }
});

describe('what the standing officer reads', { timeout: 300_000 }, () => {
  it('the audit log names actions, states and documents in Vietnamese, without codes or hashes', async () => {
    // a unit opens a batch and files its proposal letter: two steps the log keeps
    const officer = await signIn(session.browser, session.app.baseUrl, 'canbo.sgd', DESKTOP);
    const { me } = await officer.evaluate(async () => (await fetch('/api/auth/session')).json()) as { me: { grants: { organisationId: string }[] } };
    const { id } = await api<{ id: string }>(officer, 'POST', '/api/nominations/batches',
      { organisationId: me.grants[0]!.organisationId, kind: 'merit', awardForm: 'giay_khen' });
    await api(officer, 'PUT', `/api/nominations/batches/${id}/documents/proposal_letter`, '%PDF-1.4\n% to trinh\n%%EOF\n',
      { 'content-type': 'application/pdf', 'x-file-name': 'totrinh.pdf' });
    await officer.context().close();

    const page = await signIn(session.browser, session.app.baseUrl, 'thuongtruc', DESKTOP);
    const seen = refusals(page);
    await visit(page, '/nhat-ky');
    const log = page.getByRole('table', { name: 'Nhật ký thao tác, mới nhất trước' });
    await log.waitFor();
    await expect.poll(() => log.textContent(), { timeout: 30_000 }).toContain('Tờ trình đề nghị: totrinh.pdf');
    const text = (await log.textContent()) ?? '';
    expect(text).toContain('Nộp tài liệu');
    expect(text).toContain('Đợt đề nghị khen thưởng');
    expect(text).toContain('Trạng thái: Dự thảo');
    expect(text).not.toMatch(/nomination\.|record\.|auth\.|proposal_letter|nomination_batch|batchId|reason:|status:/);
    expect(text).not.toContain('→');
    expect(text).not.toMatch(/\b(draft|awaiting_head|submitted|under_appraisal|accepted|decided)\b/);
    expect(text).not.toMatch(/[0-9a-f]{64}/);
    await look(page, 'audit-log');

    await visit(page, `/de-nghi/${id}`);
    const history = page.getByTestId('batch-history');
    await history.waitFor();
    expect(await history.textContent()).toContain('Tờ trình đề nghị: totrinh.pdf');
    expect(seen).toEqual([]);
    await page.context().close();
  });

  it('the statistics count by achievement year, and "Đến năm" keeps its year when "Từ năm" changes; the dashboard says it counts by signing year', async () => {
    const page = await signIn(session.browser, session.app.baseUrl, 'thuongtruc', DESKTOP);
    const seen = refusals(page);
    await page.getByTestId('dashboard-awards').waitFor();
    expect(await page.getByTestId('dashboard-awards').textContent()).toMatch(/Khen thưởng theo quyết định ký năm \d{4}/);

    await visit(page, '/thong-ke');
    await page.getByTestId('statistics-report').waitFor();
    const to = await page.getByTestId('statistics-to').inputValue();
    await page.getByTestId('statistics-from').fill('2020');
    await expect.poll(() => page.url(), { timeout: 30_000 }).toContain('from=2020');
    expect(await page.getByTestId('statistics-to').inputValue()).toBe(to);
    await expect.poll(() => page.getByTestId('statistics-heading').textContent(), { timeout: 30_000 }).toContain(`Thành tích các năm 2020–${to}`);
    // typed digit by digit, a year reaches the address only once it is whole
    await page.getByTestId('statistics-from').fill('');
    await page.getByTestId('statistics-from').pressSequentially('2021');
    await expect.poll(() => page.url(), { timeout: 30_000 }).toContain('from=2021');
    expect(await page.getByTestId('statistics-to').inputValue()).toBe(to);
    await look(page, 'statistics');
    expect(seen).toEqual([]);
    await page.context().close();
  });
});
