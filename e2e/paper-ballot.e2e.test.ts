import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, settledViolations, signIn, useAppAndBrowser } from './support.ts';

/**
 * Issue 17.4: the Office council's members vote on paper in the room, and the standing agency's officer enters the
 * counting minutes on the meeting page — who was present, each candidate's ballots, the scan — reads the outcome per
 * candidate in the confirmation, saves, and sees the results. At a desk and on a phone.
 */
const session = useAppAndBrowser();
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A call to the API from inside the signed-in page (its session cookie and CSRF token), for set-up steps. */
async function api<T = unknown>(page: Page, method: string, path: string, body?: unknown, file?: string): Promise<T> {
  const result = await page.evaluate(async ({ method, path, body, file }) => {
    const me = await (await fetch('/api/auth/me')).json() as { csrfToken: string };
    const headers: Record<string, string> = { 'x-csrf-token': me.csrfToken };
    if (file) Object.assign(headers, { 'content-type': 'application/pdf', 'x-file-name': `${file}.pdf` });
    else if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(path, { method, headers, body: file ? `%PDF-1.4\n% ${file}\n%%EOF\n` : body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, text: await response.text() };
  }, { method, path, body, file });
  if (result.status >= 400) throw new Error(`${method} ${path}: ${result.status} ${result.text}`);
  return (result.text ? JSON.parse(result.text) : undefined) as T;
}

async function look(page: Page, name: string) {
  expect((await settledViolations(page, name)).join('\n'), `axe on ${name}`).toBe('');
}

/**
 * Two staff of Phòng Kinh tế – Ngành proposed for a Giấy khen, sent up by the division and accepted by the Office's
 * standing agency (by the API: the nominations have their own browser test); then a meeting of the Office council.
 */
async function meetingOnTwoCandidates(standing: Page, skip: number) {
  const officer = await signIn(session.browser, session.app.baseUrl, 'canbo.vpkt');
  const head = await signIn(session.browser, session.app.baseUrl, 'truongphong.vpkt');
  const grant = async (page: Page) => (await api<{ grants: { organisationId: string }[] }>(page, 'GET', '/api/auth/me')).grants[0]!.organisationId;
  const [unit, office] = [await grant(officer), await grant(standing)];
  const today = new Date().toISOString().slice(0, 10);
  const staff = (await api<{ items: { personId: string; fullName: string; isLeader: boolean }[] }>(officer, 'GET',
    `/api/organisations/${unit}/members?asOf=${today}`)).items.filter((s) => !s.isLeader).slice(skip, skip + 2);
  expect(staff).toHaveLength(2);
  const batch = (await api<{ id: string }>(officer, 'POST', '/api/nominations/batches',
    { organisationId: unit, kind: 'merit', awardForm: 'giay_khen', receivingOrganisationId: office })).id;
  for (const s of staff) await api(officer, 'POST', `/api/nominations/batches/${batch}/candidates`, { personId: s.personId, achievement: 'Hoàn thành xuất sắc nhiệm vụ năm.' });
  for (const kind of ['proposal_letter', 'minutes']) await api(officer, 'PUT', `/api/nominations/batches/${batch}/documents/${kind}`, undefined, kind);
  await api(officer, 'POST', `/api/nominations/batches/${batch}/request-approval`);
  await api(head, 'POST', `/api/nominations/batches/${batch}/submit`);
  await api(standing, 'POST', `/api/nominations/batches/${batch}/open-appraisal`);
  const { candidates } = await api<{ candidates: { id: string }[] }>(standing, 'GET', `/api/nominations/batches/${batch}`);
  for (const c of candidates) await api(standing, 'POST', `/api/nominations/batches/${batch}/candidates/${c.id}/verdict`,
    { verdict: 'accept', reason: 'Đã đối chiếu hồ sơ bản giấy: đủ tiêu chuẩn.' }); // the evaluator may not qualify a demo candidate (17.3)
  await api(standing, 'POST', `/api/nominations/batches/${batch}/finish-appraisal`);
  // the Chánh Văn phòng reviews the appraised list before it goes to the council (issue 17.6)
  const chief = await signIn(session.browser, session.app.baseUrl, 'chanhvp');
  await api(chief, 'POST', `/api/nominations/batches/${batch}/review-list`, {});
  await chief.context().close();
  await officer.context().close();
  await head.context().close();
  const meeting = await api<{ id: string }>(standing, 'POST', '/api/council/meetings', { organisationId: office, date: today, startsAt: '14:00', location: 'Phòng họp số 1' });
  return { id: meeting.id, names: staff.map((s) => s.fullName) as [string, string] };
}

/**
 * Enters the paper ballot on the meeting page: every member but the last present; the first candidate gets every ballot
 * it may (those present less the member recused as head of the candidates' division), the second one yes vote.
 */
async function enterPaperBallot(page: Page, meetingId: string, names: [string, string], prefix: string) {
  const meeting = await api<{ members: { personId: string }[]; items: { name: string; recusals: { personId: string }[] }[] }>(page, 'GET',
    `/api/council/meetings/${meetingId}`);
  const present = new Set(meeting.members.slice(0, -1).map((m) => m.personId));
  const recused = (name: string) => meeting.items.find((i) => i.name === name)!.recusals.map((r) => r.personId);
  const [max1, max2] = names.map((n) => present.size - recused(n).filter((p) => present.has(p)).length) as [number, number];
  const of1 = meeting.members.length - recused(names[0]).length;

  await page.goto(`${session.app.baseUrl}/hoi-dong/phien-hop/${meetingId}`);
  await page.getByTestId('paper-open').click();
  const form = page.getByTestId('paper-ballot');
  const boxes = form.getByRole('checkbox');
  for (let i = 0; i < meeting.members.length - 1; i++) await boxes.nth(i).check();
  // typed text keeps only its digits: no sign, no decimal point
  const yes = form.getByLabel(`Đồng ý — ${names[0]}`, { exact: true });
  await yes.fill(`-${max1}.5`);
  expect(await yes.inputValue()).toBe(`${max1}5`);
  await yes.fill(String(max1));
  await form.getByLabel(`Không đồng ý — ${names[1]}`, { exact: true }).fill(String(max2 - 1));
  await page.locator('input[type="file"]').setInputFiles({ name: 'bien-ban-kiem-phieu.pdf', mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% Biên bản kiểm phiếu (bản ký)\n%%EOF\n') });
  // one ballot too many on the second candidate: the server names it, nothing is saved
  await form.getByLabel(`Đồng ý — ${names[1]}`, { exact: true }).fill('2');
  await form.getByTestId('paper-review').click();
  await expect.poll(() => form.getByRole('alert').innerText())
    .toContain(`${names[1]}: tổng số phiếu đồng ý, không đồng ý và không biểu quyết (${max2 + 1}) vượt quá số thành viên có mặt được biểu quyết (${max2}).`);
  await form.getByLabel(`Đồng ý — ${names[1]}`, { exact: true }).fill('1');
  await look(page, `${prefix}-1-form`);

  await form.getByTestId('paper-review').click();
  const dialog = page.getByRole('dialog');
  const outcomes = dialog.getByTestId('paper-outcomes');
  await outcomes.waitFor();
  const first = await outcomes.locator('tr', { hasText: names[0] }).innerText();
  expect(first).toContain('Đạt');
  expect(first).toContain(`(${max1}/${of1})`);
  const second = await outcomes.locator('tr', { hasText: names[1] }).innerText();
  expect(second).toContain('Không đạt');
  await look(page, `${prefix}-2-confirm`);

  await dialog.getByTestId('paper-save').click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId('paper-recorded').waitFor();
  expect(await page.getByTestId('paper-recorded').innerText()).toContain('Kết quả theo phiếu giấy: 1 trường hợp đạt, 1 trường hợp không đạt.');
  await expect.poll(() => page.locator('tr', { hasText: names[0] }).innerText()).toContain(`${max1} / 0 / 0`);
  expect(await page.locator('tr', { hasText: names[0] }).innerText()).toContain('Đạt');
  expect(await page.locator('tr', { hasText: names[1] }).innerText()).toContain('Không đạt');
  expect(await page.getByText('Đã kết thúc').count()).toBeGreaterThan(0);
  await look(page, `${prefix}-3-result`);
}

describe('a paper ballot entered by the council\'s secretary', () => {
  it('at a desk: the counting minutes become the meeting\'s results', async () => {
    const standing = await signIn(session.browser, session.app.baseUrl, 'thuongtruc.vp', DESKTOP);
    const { id, names } = await meetingOnTwoCandidates(standing, 0);
    await enterPaperBallot(standing, id, names, 'paper-ballot-desktop');
    await standing.context().close();
  }, 300_000);

  it('on a phone: the same, on a narrow screen', async () => {
    const standing = await signIn(session.browser, session.app.baseUrl, 'thuongtruc.vp', PHONE);
    const { id, names } = await meetingOnTwoCandidates(standing, 2);
    await enterPaperBallot(standing, id, names, 'paper-ballot-phone');
    await screenshot(standing, 'paper-ballot-phone-4-end');
    await standing.context().close();
  }, 300_000);
});
