import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, settledViolations, signIn, useAppAndBrowser, pageApi, uploadDossierPdf } from './support.ts';

/**
 * Issue 17 on the demo's provincial Office, at a desk and on a phone: the officer is warned of what is
 * missing before sending to the head; the head recalls a batch submitted too soon; the standing agency
 * returns a candidate asking for a summary, and the officer sees the request at the top, files it in its
 * slot and resubmits; a candidate returned again is withdrawn with a reason the history keeps.
 */
const MONDAY = '2022-05-16T02:00:00Z'; // 9:00 in Hà Nội
const session = useAppAndBrowser({ env: { CLOCK_START: MONDAY } });

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

const scan = (label: string) => ({ name: `${label}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${label} (bản ký, đóng dấu)\n%%EOF\n`) });
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 250 });
async function look(page: Page, name: string) {
  expect((await settledViolations(page, name)).join('\n'), `axe on ${name}`).toBe('');
}

interface Detail { candidates: { id: string; name: string; status: string }[]; batch: { status: string } }

for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
  describe(`recoverable steps (${label})`, { timeout: 240_000 }, () => {
    let officer: Page;
    let head: Page;
    let standing: Page;
    let unit: string;
    let office: string;
    let names: string[];
    let staff: { personId: string; fullName: string }[];
    const as = (page: Page, path: string) => page.goto(`${session.app.baseUrl}${path}`);

    /** A Giấy khen batch (one-off: a report per candidate) of the sub-unit to the Office, letter and minutes on file. */
    async function batchOf(people: typeof staff) {
      const { id } = await pageApi<{ id: string }>(officer, 'POST', '/api/nominations/batches',
        { organisationId: unit, receivingOrganisationId: office, kind: 'one_off', awardForm: 'giay_khen', title: `Khen thưởng đột xuất (${label}, ${people[0]!.fullName})` });
      for (const p of people) await pageApi(officer, 'POST', `/api/nominations/batches/${id}/candidates`, { personId: p.personId, achievement: 'Xử lý kịp thời sự cố mưa lũ.' });
      for (const kind of ['proposal_letter', 'minutes']) await uploadDossierPdf(officer, id, kind, null);
      return id;
    }
    const candidatesOf = async (id: string) => (await pageApi<Detail>(officer, 'GET', `/api/nominations/batches/${id}`)).candidates;
    async function submitted(id: string) {
      await pageApi(officer, 'POST', `/api/nominations/batches/${id}/request-approval`);
      await pageApi(head, 'POST', `/api/nominations/batches/${id}/submit`);
    }

    it('signs in the unit\'s officer and head and the Office\'s standing agency', async () => {
      officer = await signIn(session.browser, session.app.baseUrl, 'canbo.vpkt', viewport);
      head = await signIn(session.browser, session.app.baseUrl, 'truongphong.vpkt', viewport);
      standing = await signIn(session.browser, session.app.baseUrl, 'thuongtruc.vp', viewport);
      unit = (await pageApi<{ grants: { organisationId: string }[] }>(officer, 'GET', '/api/auth/me')).grants[0]!.organisationId;
      office = (await pageApi<{ grants: { organisationId: string }[] }>(standing, 'GET', '/api/auth/me')).grants[0]!.organisationId;
      staff = (await pageApi<{ items: { personId: string; fullName: string; isLeader: boolean }[] }>(officer, 'GET', `/api/organisations/${unit}/members?asOf=2022-05-16`))
        .items.filter((s) => !s.isLeader);
      names = staff.map((s) => s.fullName);
      expect(staff.length).toBeGreaterThanOrEqual(3);
    });

    let batch: string;
    it('before sending to the head, the officer is shown the documents still missing, per candidate', async () => {
      batch = await batchOf(staff.slice(0, 2));
      const [a, b] = await candidatesOf(batch);
      await uploadDossierPdf(officer, batch, 'achievement_report', a!.id);
      await as(officer, `/de-nghi/${batch}`);
      await officer.getByTestId('batch-action-request_approval').click();
      const missing = officer.getByTestId('batch-request-approval-missing');
      await poll(() => missing.textContent()).toContain(`Báo cáo thành tích – ${b!.name}`);
      await look(officer, `recoverable-${label}-01-missing-before-head`);
      await officer.getByRole('button', { name: 'Hủy' }).click();
      expect(await pageApi<Detail>(officer, 'GET', `/api/nominations/batches/${batch}`)).toMatchObject({ batch: { status: 'draft' } });
      // the officer files the report in its slot; the confirmation then lists nothing
      await officer.getByTestId(`document-input-achievement_report-${b!.name}`).setInputFiles(scan('bao-cao-thanh-tich'));
      await poll(() => officer.getByTestId('dossier-missing-count').textContent()).toBe('Hồ sơ đủ tài liệu.');
      await officer.getByTestId('batch-action-request_approval').click();
      expect(await officer.getByTestId('batch-request-approval-missing').count()).toBe(0);
      await officer.getByTestId('batch-request-approval-confirm').click();
      await poll(() => officer.getByTestId('batch-page').getAttribute('data-status')).toBe('awaiting_head');
    });

    it('the head submits, then recalls the batch with a reason before the Office opens appraisal', async () => {
      await as(head, `/de-nghi/${batch}`);
      await head.getByTestId('batch-action-submit').click();
      await head.getByTestId('batch-submit-confirm').click();
      await poll(() => head.getByTestId('batch-page').getAttribute('data-status')).toBe('submitted');
      await look(head, `recoverable-${label}-02a-submitted-recall-offered`);
      await head.getByTestId('batch-action-recall').click();
      await head.getByTestId('batch-recall-confirm').click(); // no reason: the dialog asks for one
      await poll(() => head.getByText('Phải nêu lý do.').count()).toBeGreaterThan(0);
      await head.getByTestId('batch-recall-reason').fill('Tờ trình ghi sai số lượng, đơn vị thu hồi để sửa.');
      await look(head, `recoverable-${label}-02-recall-dialog`);
      await head.getByTestId('batch-recall-confirm').click();
      await poll(() => head.getByTestId('batch-page').getAttribute('data-status')).toBe('draft');
      await poll(() => head.getByTestId('batch-history').textContent()).toContain('Tờ trình ghi sai số lượng');
      await look(head, `recoverable-${label}-03-recalled`);
      // back with the officer: candidates sent up once are withdrawn (Rút, with a reason), never erased
      await as(officer, `/de-nghi/${batch}`);
      const [a] = await candidatesOf(batch);
      await officer.getByTestId(`candidate-withdraw-${a!.name}`).waitFor();
      expect(await officer.getByTestId(`candidate-remove-${a!.name}`).count()).toBe(0);
    });

    it('the Office returns a candidate asking for a summary; the officer sees it at the top, files it and resubmits', async () => {
      await submitted(batch);
      await pageApi(standing, 'POST', `/api/nominations/batches/${batch}/open-appraisal`);
      // once appraisal is open the head has no recall, and the server refuses one in words
      await as(head, `/de-nghi/${batch}`);
      await head.getByTestId('batch-history').waitFor();
      expect(await head.getByTestId('batch-action-recall').count()).toBe(0);
      await expect(pageApi(head, 'POST', `/api/nominations/batches/${batch}/recall`, { reason: 'Thu hồi.' })).rejects.toThrow(/409 .*đã mở thẩm định/);

      const [a, b] = await candidatesOf(batch);
      await pageApi(standing, 'POST', `/api/nominations/batches/${batch}/candidates/${a!.id}/verdict`, { verdict: 'accept', reason: 'Đủ tiêu chuẩn khen thưởng đột xuất.' });
      await as(standing, `/de-nghi/${batch}`);
      await standing.getByTestId(`candidate-verdict-return-${b!.name}`).click();
      await standing.getByTestId('candidate-verdict-reason').fill('Bổ sung bản tóm tắt thành tích có xác nhận của Trưởng phòng.');
      await standing.getByTestId('candidate-verdict-document').selectOption('summary');
      // a dialog is looked at, not axed: axe rates the page dimmed behind the overlay, which no one reads
      await screenshot(standing, `recoverable-${label}-04-return-dialog`);
      await standing.getByTestId('candidate-verdict-confirm').click();
      await poll(() => standing.getByTestId(`candidate-row-${b!.name}`).getAttribute('data-status')).toBe('returned');
      await pageApi(standing, 'POST', `/api/nominations/batches/${batch}/finish-appraisal`);

      await as(officer, `/de-nghi/${batch}`);
      const panel = officer.getByTestId(`returned-${b!.name}`);
      await poll(() => panel.textContent()).toContain('Bổ sung bản tóm tắt thành tích');
      expect(await panel.textContent()).toContain('Tài liệu cần bổ sung: Tóm tắt thành tích');
      expect(await panel.textContent()).toContain('Còn thiếu');
      // the request sits above the actions, the candidates and the dossier: the first thing read
      const [panelTop, actionsTop] = await Promise.all([officer.getByTestId('returned-panel').boundingBox(), officer.locator('#batch-actions').boundingBox()]);
      expect(panelTop!.y).toBeLessThan(actionsTop!.y);
      await look(officer, `recoverable-${label}-05-returned-officer`);
      await officer.getByTestId(`returned-input-${b!.name}`).setInputFiles(scan('tom-tat-thanh-tich'));
      await poll(() => panel.textContent()).toContain('Đã bổ sung');
      await officer.getByTestId('batch-action-request_approval').click();
      await officer.getByTestId('batch-request-approval-confirm').click();
      await poll(() => officer.getByTestId('batch-page').getAttribute('data-status')).toBe('awaiting_head');
      await pageApi(head, 'POST', `/api/nominations/batches/${batch}/submit`);
      expect((await candidatesOf(batch)).find((c) => c.id === b!.id)!.status).toBe('submitted');
    });

    it('a candidate returned again is withdrawn by the officer, with a reason the history keeps', async () => {
      const other = await batchOf([staff[2]!]);
      const [c] = await candidatesOf(other);
      await uploadDossierPdf(officer, other, 'achievement_report', c!.id);
      await submitted(other);
      await pageApi(standing, 'POST', `/api/nominations/batches/${other}/open-appraisal`);
      await pageApi(standing, 'POST', `/api/nominations/batches/${other}/candidates/${c!.id}/verdict`,
        { verdict: 'return', reason: 'Thành tích chưa đủ để khen thưởng đột xuất; đề nghị làm rõ.', documentKind: 'achievement_report' });
      await pageApi(standing, 'POST', `/api/nominations/batches/${other}/finish-appraisal`);

      await as(officer, `/de-nghi/${other}`);
      await officer.getByTestId(`candidate-withdraw-${c!.name}`).click();
      await officer.getByTestId('candidate-withdraw-reason').fill('Đơn vị rút đề nghị: sẽ đề nghị khen thưởng cuối năm.');
      await screenshot(officer, `recoverable-${label}-06-withdraw-dialog`);
      await officer.getByTestId('candidate-withdraw-confirm').click();
      await poll(() => officer.getByTestId(`candidate-row-${c!.name}`).getAttribute('data-status')).toBe('withdrawn');
      expect(await officer.getByTestId('returned-panel').count()).toBe(0);
      await poll(() => officer.getByTestId('batch-history').textContent()).toContain('Đơn vị rút đề nghị: sẽ đề nghị khen thưởng cuối năm.');
      await look(officer, `recoverable-${label}-07-withdrawn`);
      expect(names).toContain(c!.name);
      for (const page of [officer, head, standing]) await page.context().close();
    });
  });
}
