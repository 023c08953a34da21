import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, settledViolations, signIn, useAppAndBrowser, pageApi } from './support.ts';

/**
 * Issue 5's story on the Sơn La office review (the provincial Office's mid-term review, May 2022),
 * replayed with the app's clock started on Monday 16/5/2022: a sub-unit of the Office nominates two people for the Chánh
 * Văn phòng's Giấy khen and one for the chairman's Bằng khen, files the dossier, its head submits; the
 * Office's standing agency returns one candidate for a missing report and the unit supplements it; the
 * Office council votes by secret ballot; the Chánh Văn phòng's decision confers the Giấy khen; the Bằng
 * khen candidate goes up to the province, whose list is published for public comment; a citizen comments;
 * days later (the server restarted on 20/5) the consultation is closed and the chairman's decision is
 * issued; the certificate's QR page confirms the award and the archive finds the person without accents.
 */
const MONDAY = '2022-05-16T02:00:00Z'; // 9:00 in Hà Nội
const FRIDAY = '2022-05-20T02:00:00Z';

const session = useAppAndBrowser({ env: { CLOCK_START: MONDAY } });

const signInAs = (username: string): Promise<Page> => signIn(session.browser, session.app.baseUrl, username, { width: 1366, height: 900 });

/** A call to the API from inside the signed-in page (its session cookie and CSRF token), for set-up steps. */
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
  expect((await settledViolations(page, name)).join('\n'), `axe on ${name}`).toBe('');
}

/** Waits for what the page shows after a server step; generous, as CI runs two cores under load. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 250 });

/** Accepts a candidate on the batch page; one the eligibility check flags asks for the reason first (issue 17). */
async function accept(page: Page, name: string) {
  const row = page.getByTestId(`candidate-row-${name}`);
  await page.getByTestId(`candidate-verdict-accept-${name}`).click();
  if (await row.locator('[data-flag="not_eligible"]').count()) {
    await page.getByTestId('candidate-verdict-reason').fill('Đã đối chiếu hồ sơ đánh giá, xếp loại bản giấy: đủ tiêu chuẩn.');
    await page.getByTestId('candidate-verdict-confirm').click();
  }
  await poll(() => row.getAttribute('data-status')).toBe('accepted');
}

interface Batch { id: string; candidates: { id: string; name: string; status: string }[]; batch: { status: string; receiptNumber: string | null } }

describe('nominations to decisions, Sơn La 2022 (the office review)', { timeout: 180_000 }, () => {
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
    const movements = await pageApi<{ items: { id: string; name: string }[] }>(officer, 'GET', '/api/movements?q=van%20phong%20ubnd%20tinh');
    movementId = movements.items.find((m) => m.name.includes('Văn phòng UBND tỉnh'))!.id;
    const detail = await pageApi<{ plan: { awards: { id: string; awardForm: string; phase: string }[] } }>(officer, 'GET', `/api/movements/${movementId}`);
    gkItem = detail.plan.awards.find((a) => a.phase === 'mid_term_review' && a.awardForm === 'giay_khen')!.id;
    bkItem = detail.plan.awards.find((a) => a.phase === 'mid_term_review' && a.awardForm === 'bang_khen_tinh')!.id;
    const me = await pageApi<{ grants: { organisationId: string }[] }>(officer, 'GET', '/api/auth/me');
    const unit = me.grants[0]!.organisationId;
    staff = (await pageApi<{ items: typeof staff }>(officer, 'GET', `/api/organisations/${unit}/members?asOf=2022-05-16`)).items;
    const [a, b, c] = staff.filter((s) => !s.isLeader);
    expect(c, 'three staff of the sub-unit').toBeDefined();
    people = { a: a!.fullName, b: b!.fullName, c: c!.fullName };
    gkBatch = (await pageApi<{ id: string }>(officer, 'POST', '/api/nominations/batches', { organisationId: unit, kind: 'thematic', movementId, awardItemId: gkItem })).id;
    bkBatch = (await pageApi<{ id: string }>(officer, 'POST', '/api/nominations/batches', { organisationId: unit, kind: 'thematic', movementId, awardItemId: bkItem })).id;
    for (const person of [a!, b!]) await pageApi(officer, 'POST', `/api/nominations/batches/${gkBatch}/candidates`, { personId: person.personId, achievement: 'Thực hiện tốt văn hóa công sở; có sáng kiến được cấp cơ sở công nhận.' });
    await pageApi(officer, 'POST', `/api/nominations/batches/${bkBatch}/candidates`, { personId: c!.personId, achievement: 'Tiêu biểu trong thực hiện văn hóa công sở giai đoạn 2019-2021.' });

    await officer.goto(`${session.app.baseUrl}/de-nghi/${gkBatch}`);
    await officer.getByTestId('candidate-table').waitFor();
    await poll(() => officer.getByTestId(`candidate-row-${people.a}`).count()).toBe(1);
    await poll(async () => officer.getByTestId('batch-window').textContent()).toContain('20/05/2022');
    await look(officer, 'nominations-01-batch-draft');
  });

  it('the unit files the signed letter and minutes, downloads a generated draft, and asks its head', async () => {
    for (const batch of [gkBatch, bkBatch]) {
      await officer.goto(`${session.app.baseUrl}/de-nghi/${batch}`);
      await officer.getByTestId('dossier-table').waitFor();
      const download = officer.waitForEvent('download');
      await officer.getByTestId('document-draft-proposal_letter').click();
      expect((await download).suggestedFilename()).toMatch(/\.docx$/);
      for (const kind of ['proposal_letter', 'minutes']) {
        await officer.getByTestId(`document-input-${kind}`).setInputFiles(scan(`${kind}-${batch.slice(-4)}`));
        await poll(() => officer.getByTestId(`dossier-slot-${kind}`).getAttribute('data-missing')).toBeNull();
      }
    }
    // the Bằng khen asks a report per candidate (Mẫu 07): filed too
    await officer.getByTestId(`document-input-achievement_report-${people.c}`).setInputFiles(scan('bao-cao-thanh-tich'));
    await poll(() => officer.getByTestId(`dossier-slot-achievement_report-${people.c}`).getAttribute('data-missing')).toBeNull();
    await look(officer, 'nominations-02-dossier');
    for (const batch of [gkBatch, bkBatch]) {
      await officer.goto(`${session.app.baseUrl}/de-nghi/${batch}`);
      await officer.getByTestId('batch-action-request_approval').click();
      await officer.getByTestId('batch-request-approval-confirm').click();
      await poll(() => officer.getByTestId('batch-page').getAttribute('data-status')).toBe('awaiting_head');
    }
  });

  it('the head approves and submits each batch and gets a receipt number', async () => {
    const head = await signInAs('truongphong.vpkt');
    for (const batch of [gkBatch, bkBatch]) {
      await head.goto(`${session.app.baseUrl}/de-nghi/${batch}`);
      // "Trả lại cán bộ" (outline orange) beside "Trình": readable on white (axe color-contrast, issue 17 item 10)
      await head.getByTestId('batch-action-send_back').waitFor();
      if (batch === gkBatch) await look(head, 'nominations-head-send-back');
      await head.getByTestId('batch-action-submit').click();
      await head.getByTestId('batch-submit-confirm').click();
      await poll(() => head.getByTestId('batch-page').getAttribute('data-status')).toBe('submitted');
      await poll(async () => head.getByTestId('batch-receipt').textContent()).toMatch(/TN-2022-\d{6}/);
    }
    await head.close();
  });

  it('the Office\'s standing agency returns one Giấy khen candidate for a missing report; the unit supplements it', async () => {
    const standing = await signInAs('thuongtruc.vp');
    await standing.getByTestId('notification-bell').click();
    await poll(() => standing.getByTestId('notification-item').count()).toBeGreaterThan(0);
    await standing.goto(`${session.app.baseUrl}/de-nghi/${gkBatch}`);
    await standing.getByTestId('batch-action-open_appraisal').click();
    // "Trả lại bổ sung" (outline orange) on each candidate: readable on white (axe color-contrast, issue 17 item 10)
    await standing.getByTestId(`candidate-verdict-return-${people.b}`).waitFor();
    await look(standing, 'nominations-appraisal-return');
    await accept(standing, people.a);
    await standing.getByTestId(`candidate-verdict-return-${people.b}`).click();
    await standing.getByLabel(/Lý do/).fill('Thiếu báo cáo thành tích có xác nhận của Lãnh đạo Văn phòng.');
    await standing.getByTestId('candidate-verdict-confirm').click();
    await standing.getByTestId('batch-action-finish').click();
    await standing.getByTestId('batch-finish-confirm').click();
    await poll(() => standing.getByTestId('batch-page').getAttribute('data-status')).toBe('returned');
    await look(standing, 'nominations-03-returned');

    await officer.goto(`${session.app.baseUrl}/de-nghi/${gkBatch}`);
    await poll(async () => officer.getByTestId(`candidate-row-${people.b}`).textContent()).toContain('Thiếu báo cáo thành tích');
    const candidate = (await pageApi<Batch>(officer, 'GET', `/api/nominations/batches/${gkBatch}`)).candidates.find((c) => c.name === people.b)!;
    await upload(officer, `/api/nominations/batches/${gkBatch}/documents/achievement_report?candidateId=${candidate.id}`, 'bao-cao-bo-sung');
    await officer.reload();
    await officer.getByTestId('batch-action-request_approval').click();
    await officer.getByTestId('batch-request-approval-confirm').click();
    await poll(() => officer.getByTestId('batch-page').getAttribute('data-status')).toBe('awaiting_head');
    const head = await signInAs('truongphong.vpkt');
    await head.goto(`${session.app.baseUrl}/de-nghi/${gkBatch}`);
    await head.getByTestId('batch-action-submit').click();
    await head.getByTestId('batch-submit-confirm').click();
    await poll(() => head.getByTestId('batch-page').getAttribute('data-status')).toBe('submitted');
    await head.close();

    for (const batch of [gkBatch, bkBatch]) {
      await standing.goto(`${session.app.baseUrl}/de-nghi/${batch}`);
      await standing.getByTestId('batch-action-open_appraisal').click();
      const detail = await pageApi<Batch>(standing, 'GET', `/api/nominations/batches/${batch}`);
      for (const c of detail.candidates.filter((x) => x.status === 'submitted')) {
        await accept(standing, c.name);
      }
      await standing.getByTestId('batch-action-finish').click();
      await standing.getByTestId('batch-finish-confirm').click();
      await poll(() => standing.getByTestId('batch-page').getAttribute('data-status')).toBe('accepted');
    }
    await standing.close();
    // the Chánh Văn phòng reviews the appraised lists before they go to the council (issue 17.6)
    const chief = await signInAs('chanhvp');
    for (const batch of [gkBatch, bkBatch]) await pageApi(chief, 'POST', `/api/nominations/batches/${batch}/review-list`, {});
    await chief.context().close();
  });

  it('the Office council votes by secret ballot; the member heading the candidates\' unit is recused', async () => {
    const standing = await signInAs('thuongtruc.vp');
    const office = (await pageApi<{ grants: { organisationId: string }[] }>(standing, 'GET', '/api/auth/me')).grants[0]!.organisationId;
    const meeting = await pageApi<{ id: string }>(standing, 'POST', '/api/council/meetings', { organisationId: office, date: '2022-05-16', startsAt: '14:00', location: 'Phòng họp số 1' });
    const detail = await pageApi<{ members: { personId: string }[] }>(standing, 'GET', `/api/council/meetings/${meeting.id}`);
    await pageApi(standing, 'PUT', `/api/council/meetings/${meeting.id}/attendance`, { present: detail.members.map((a) => a.personId) });
    await pageApi(standing, 'POST', `/api/council/meetings/${meeting.id}/open`);
    await standing.goto(`${session.app.baseUrl}/hoi-dong/phien-hop/${meeting.id}`);
    await look(standing, 'nominations-04-meeting-voting');

    for (const member of ['chanhvp', 'phochanhvp', 'thuongtruc.vp', 'truongphong.vpth']) {
      const page = member === 'thuongtruc.vp' ? standing : await signInAs(member);
      await page.goto(`${session.app.baseUrl}/hoi-dong/bo-phieu`);
      await page.getByRole('radio', { name: 'Đồng ý', exact: true }).first().waitFor();
      for (const radio of await page.getByRole('radio', { name: 'Đồng ý', exact: true }).all()) await radio.check();
      if (member === 'chanhvp') {
        // each candidate's dossier and the eligibility check are on the ballot (issue 17)
        await poll(() => page.getByTestId('ballot-document').count()).toBeGreaterThan(0);
        expect(await page.locator('[data-eligibility]').count()).toBeGreaterThan(0);
        await look(page, 'nominations-05a-ballot-dossier');
      }
      await page.getByRole('button', { name: 'Gửi phiếu bầu' }).click();
      await poll(() => page.getByTestId('ballot-confirm-choices').textContent()).toContain('Đồng ý');
      if (member === 'chanhvp') await screenshot(page, 'nominations-05b-ballot-confirm');
      await page.getByTestId('ballot-confirm').click(); // the choices shown back, then sealed
      await poll(async () => page.getByText('Đã bỏ phiếu').count()).toBeGreaterThan(0);
      if (member === 'chanhvp') await look(page, 'nominations-05-ballot-cast');
      if (page !== standing) await page.close();
    }
    // the head of Phòng Kinh tế – Ngành sits on the council but may not vote on his own staff
    const recused = await signInAs('truongphong.vpkt');
    await recused.goto(`${session.app.baseUrl}/hoi-dong/bo-phieu`);
    await poll(async () => recused.getByText('Không tham gia biểu quyết').count()).toBeGreaterThan(0);
    await recused.close();

    await pageApi(standing, 'POST', `/api/council/meetings/${meeting.id}/close`);
    for (const batch of [gkBatch, bkBatch]) {
      const after = await pageApi<Batch>(standing, 'GET', `/api/nominations/batches/${batch}`);
      expect(after.candidates.map((c) => c.status)).toEqual(after.candidates.map(() => 'voted'));
    }
    const minutes = await standing.evaluate(async (id) => (await fetch(`/api/council/meetings/${id}/minutes.docx`)).status, meeting.id);
    expect(minutes).toBe(200);
    await standing.close();
  });

  it('the Chánh Văn phòng\'s decision confers the two Giấy khen; the Bằng khen candidate goes up to the province', async () => {
    const chief = await signInAs('chanhvp');
    const gk = await pageApi<Batch>(chief, 'GET', `/api/nominations/batches/${gkBatch}`);
    const decision = await pageApi<{ id: string }>(chief, 'POST', '/api/decisions', {
      candidateIds: gk.candidates.map((c) => c.id), number: 45, symbol: 'QĐ-VPUB', signedOn: '2022-05-16', place: 'Sơn Hà',
      signer: { authority: 'TM.', title: 'Chánh Văn phòng', name: 'Bùi Văn Dũng' },
      reason: 'Đã có thành tích xuất sắc trong thực hiện phong trào thi đua văn hóa công sở giai đoạn 2019 - 2022', budgetSource: 'Quỹ thi đua, khen thưởng của Văn phòng',
    });
    await chief.goto(`${session.app.baseUrl}/quyet-dinh/${decision.id}`);
    await chief.getByRole('button', { name: 'Ban hành quyết định' }).click();
    await chief.getByRole('dialog').getByRole('button', { name: 'Ban hành quyết định' }).click();
    await poll(async () => (await pageApi<{ status: string }>(chief, 'GET', `/api/decisions/${decision.id}`)).status).toBe('issued');
    await poll(async () => chief.getByText(/Đã ban hành/).count()).toBeGreaterThan(0);
    await look(chief, 'nominations-06-decision-issued');
    const after = await pageApi<Batch>(chief, 'GET', `/api/nominations/batches/${gkBatch}`);
    expect(after.batch.status).toBe('decided');
    await chief.close();

    const standing = await signInAs('thuongtruc.vp');
    await standing.goto(`${session.app.baseUrl}/de-nghi/${bkBatch}`);
    await standing.getByTestId('forward-all').click();
    await standing.getByTestId('forward-submit').click();
    await standing.waitForURL((url) => url.pathname.startsWith('/de-nghi/') && !url.pathname.endsWith(bkBatch));
    provinceBatch = standing.url().split('/de-nghi/')[1]!.split(/[?#]/)[0]!;
    await poll(() => standing.getByTestId('batch-page').getAttribute('data-status')).toBe('submitted');
    await standing.close();
  });

  let provinceBatch: string;
  let consultation: string;

  it('the province appraises, switches public consultation on for Bằng khen, and publishes the list; a citizen comments', async () => {
    const province = await signInAs('thuongtruc');
    await pageApi(province, 'PUT', '/api/nominations/procedures/bang_khen_tinh', {
      councilVote: false, secretBallot: false, thresholdPercent: 50.01, thresholdOf: 'members', consultationDays: 2,
      citation: 'Quyết định số 12/QĐ-UBND ngày 10/01/2022 của UBND tỉnh (thí điểm lấy ý kiến nhân dân)',
    });
    await province.goto(`${session.app.baseUrl}/de-nghi/${provinceBatch}`);
    await province.getByTestId('batch-action-open_appraisal').click();
    await accept(province, people.c);
    await province.getByTestId('batch-action-finish').click();
    await province.getByTestId('batch-finish-confirm').click();
    await poll(() => province.getByTestId('batch-page').getAttribute('data-status')).toBe('accepted');
    consultation = (await pageApi<{ id: string }>(province, 'POST', '/api/consultations', {
      batchIds: [provinceBatch], title: 'Lấy ý kiến nhân dân về đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh (sơ kết 03 năm văn hóa công sở)',
      channel: 'Cổng thông tin điện tử tỉnh', startsOn: '2022-05-16', workingDays: 2,
    })).id;

    const citizen = await (await session.browser.newContext({ locale: 'vi-VN' })).newPage();
    await citizen.goto(`${session.app.baseUrl}/gop-y/${consultation}`);
    await poll(async () => citizen.getByText(people.c).count()).toBeGreaterThan(0);
    await citizen.getByLabel('Nội dung ý kiến').fill('Tôi đồng ý đề nghị khen thưởng: đồng chí luôn tận tình hướng dẫn người dân làm thủ tục.');
    await citizen.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await poll(async () => citizen.getByText(/cơ quan thường trực xem xét/).count()).toBeGreaterThan(0);
    await look(citizen, 'nominations-07-public-comment');
    await citizen.close();

    const comments = await pageApi<{ comments: { id: string; status: string }[] }>(province, 'GET', `/api/consultations/${consultation}`);
    expect(comments.comments).toHaveLength(1);
    await pageApi(province, 'PATCH', `/api/consultations/${consultation}/comments/${comments.comments[0]!.id}`,
      { status: 'published', handlingNote: 'Ghi nhận ý kiến đồng thuận; tổng hợp báo cáo Hội đồng.' });
    // the decision waits for the consultation to end
    const chair = await signInAs('chutich');
    const early = await chair.evaluate(async (id) => {
      const me = await (await fetch('/api/auth/me')).json() as { csrfToken: string };
      const batch = await (await fetch(`/api/nominations/batches/${id}`)).json() as { candidates: { id: string }[] };
      const r = await fetch('/api/decisions', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify({
        candidateIds: batch.candidates.map((c) => c.id), number: 1203, symbol: 'QĐ-UBND', signedOn: '2022-05-16', place: 'Sơn Hà',
        signer: { authority: 'TM.', authorityBody: 'ỦY BAN NHÂN DÂN', title: 'Chủ tịch', name: 'Lê Quang Thành' },
        reason: 'Đã có thành tích xuất sắc trong thực hiện phong trào thi đua văn hóa công sở giai đoạn 2019 - 2022', budgetSource: 'Quỹ thi đua, khen thưởng tỉnh' }) });
      const created = await r.json() as { id: string };
      const issue = await fetch(`/api/decisions/${created.id}/issue`, { method: 'POST', headers: { 'x-csrf-token': me.csrfToken, 'Idempotency-Key': 'chu-tich-1203-2022' } });
      return { id: created.id, status: issue.status, body: await issue.text() };
    }, provinceBatch);
    expect(early.status).toBe(409);
    expect(early.body).toContain('consultation.pending');
    provinceDecision = early.id;
    await chair.close();
    await province.close();
  });

  let provinceDecision: string;

  it('four days later the consultation is closed and the chairman\'s decision is issued', async () => {
    await session.restart({ env: { CLOCK_START: FRIDAY } });
    const province = await signInAs('thuongtruc');
    await pageApi(province, 'POST', `/api/consultations/${consultation}/close`);
    await province.close();
    const chair = await signInAs('chutich');
    await chair.goto(`${session.app.baseUrl}/quyet-dinh/${provinceDecision}`);
    await chair.getByRole('button', { name: 'Ban hành quyết định' }).click();
    await chair.getByRole('dialog').getByRole('button', { name: 'Ban hành quyết định' }).click();
    await poll(async () => (await pageApi<{ status: string }>(chair, 'GET', `/api/decisions/${provinceDecision}`)).status).toBe('issued');
    await poll(async () => chair.getByText(/Đã ban hành/).count()).toBeGreaterThan(0);
    await chair.close();
  });

  it('the certificate\'s QR page confirms the award, and the archive finds the person without accents', async () => {
    const standing = await signInAs('thuongtruc');
    const batch = await pageApi<Batch & { candidates: { subjectId: string; awardId: string | null }[] }>(standing, 'GET', `/api/nominations/batches/${provinceBatch}`);
    const personId = batch.candidates[0]!.subjectId;
    const record = await pageApi<{ awards: { awardForm: string; verificationCode: string | null; decisionNumber: string }[] }>(standing, 'GET', `/api/people/${personId}/record`);
    const award = record.awards.find((a) => a.awardForm === 'bang_khen_tinh' && a.decisionNumber.startsWith('1203/'))!;
    expect(award.verificationCode).toBeTruthy();
    const pdf = await standing.evaluate(async (url) => (await fetch(url)).headers.get('content-type'), `/api/awards/${(record.awards as unknown as { id: string; awardForm: string; decisionNumber: string }[]).find((a) => a.awardForm === 'bang_khen_tinh' && a.decisionNumber.startsWith('1203/'))!.id}/certificate.pdf`);
    expect(pdf).toBe('application/pdf');

    const anyone = await (await session.browser.newContext({ locale: 'vi-VN' })).newPage();
    await anyone.goto(`${session.app.baseUrl}/xac-minh/${award.verificationCode}`);
    await poll(() => anyone.getByTestId('verify-result').getAttribute('data-status')).toBe('valid');
    await poll(async () => anyone.getByTestId('verify-result').textContent()).toContain(people.c);
    await look(anyone, 'nominations-08-verified');
    await anyone.goto(`${session.app.baseUrl}/xac-minh/ABCD-EFGH-JKMN`);
    await poll(() => anyone.getByTestId('verify-result').getAttribute('data-status')).toBe('not_found');
    await anyone.close();

    const unaccented = people.c.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    await standing.goto(`${session.app.baseUrl}/tra-cuu-khen-thuong`);
    await standing.getByTestId('archive-search').fill(unaccented);
    await standing.getByTestId('archive-search').press('Enter');
    await poll(async () => standing.getByTestId('archive-table').textContent()).toContain(people.c);
    await poll(async () => standing.getByTestId('archive-table').textContent()).toContain('1203/QĐ-UBND');
    await look(standing, 'nominations-09-archive');
    await standing.close();
  });
});
