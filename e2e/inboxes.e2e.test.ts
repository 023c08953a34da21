import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { settledViolations, signIn, useAppAndBrowser, pageApi, uploadDossierPdf } from './support.ts';

/**
 * Issue 17.5 and 17.6 on the demo's provincial Office, at a desk and on a phone: a batch the Office returns reaches
 * the sub-unit's officer in "Việc chờ tôi xử lý" with its reason right there, and the reason stands at the top of the
 * batch's page; a batch the Office receives is assigned to a named specialist, who finds it in their own list.
 */
const MONDAY = '2022-05-16T02:00:00Z'; // 9:00 in Hà Nội
const session = useAppAndBrowser({ env: { CLOCK_START: MONDAY } });

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 250 });
async function look(page: Page, name: string) {
  expect((await settledViolations(page, name)).join('\n'), `axe on ${name}`).toBe('');
}

const REASON = 'Thiếu báo cáo thành tích có xác nhận của thủ trưởng đơn vị';

for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
  describe(`inboxes (${label})`, { timeout: 240_000 }, () => {
    let officer: Page;
    let head: Page;
    let standing: Page;
    let unit: string;
    let office: string;
    let staff: { personId: string; fullName: string }[];
    const as = (page: Page, path: string) => page.goto(`${session.app.baseUrl}${path}`);

    /** A one-off Giấy khen batch of the sub-unit to the Office, one candidate with their report, submitted by the head. */
    async function submittedBatch(title: string, person: { personId: string }) {
      const { id } = await pageApi<{ id: string }>(officer, 'POST', '/api/nominations/batches',
        { organisationId: unit, receivingOrganisationId: office, kind: 'one_off', awardForm: 'giay_khen', title });
      const { id: candidate } = await pageApi<{ id: string }>(officer, 'POST', `/api/nominations/batches/${id}/candidates`,
        { personId: person.personId, achievement: 'Xử lý kịp thời sự cố mưa lũ.' });
      for (const kind of ['proposal_letter', 'minutes']) await uploadDossierPdf(officer, id, kind, null);
      await uploadDossierPdf(officer, id, 'achievement_report', candidate);
      await pageApi(officer, 'POST', `/api/nominations/batches/${id}/request-approval`);
      await pageApi(head, 'POST', `/api/nominations/batches/${id}/submit`);
      return { id, candidate };
    }

    it('signs in the sub-unit\'s officer and head and the Office\'s standing agency', async () => {
      officer = await signIn(session.browser, session.app.baseUrl, 'canbo.vpkt', viewport);
      head = await signIn(session.browser, session.app.baseUrl, 'truongphong.vpkt', viewport);
      standing = await signIn(session.browser, session.app.baseUrl, 'thuongtruc.vp', viewport);
      unit = (await pageApi<{ grants: { organisationId: string }[] }>(officer, 'GET', '/api/auth/me')).grants[0]!.organisationId;
      office = (await pageApi<{ grants: { organisationId: string }[] }>(standing, 'GET', '/api/auth/me')).grants[0]!.organisationId;
      staff = (await pageApi<{ items: { personId: string; fullName: string; isLeader: boolean }[] }>(officer, 'GET', `/api/organisations/${unit}/members?asOf=2022-05-16`))
        .items.filter((s) => !s.isLeader);
      expect(staff.length).toBeGreaterThanOrEqual(2);
    });

    it('a batch the Office returns is in the officer\'s "Việc chờ tôi xử lý" with its reason, and at the top of its page', async () => {
      const title = `Khen thưởng đột xuất – trả lại (${label})`;
      const { id, candidate } = await submittedBatch(title, staff[0]!);
      await pageApi(standing, 'POST', `/api/nominations/batches/${id}/open-appraisal`);
      await pageApi(standing, 'POST', `/api/nominations/batches/${id}/candidates/${candidate}/verdict`, { verdict: 'return', reason: REASON });
      await pageApi(standing, 'POST', `/api/nominations/batches/${id}/finish-appraisal`);

      await as(officer, '/');
      const waiting = officer.getByTestId('dashboard-waiting');
      await poll(() => waiting.textContent()).toContain('Hồ sơ bị trả lại, cần bổ sung');
      expect(await waiting.textContent()).toContain(title);
      expect(await waiting.textContent()).toContain(`Lý do trả lại: ${staff[0]!.fullName}: ${REASON}`);
      await look(officer, `inboxes-${label}-01-officer-returned`);

      await waiting.getByRole('link', { name: title }).click();
      await poll(() => officer.getByTestId('batch-page').getAttribute('data-status')).toBe('returned');
      expect(await officer.getByTestId('batch-status-reason').textContent()).toContain(REASON);
      await look(officer, `inboxes-${label}-02-returned-batch-page`);
    });

    it('the Office assigns a received batch to a named specialist, who finds it in their own list', async () => {
      const title = `Khen thưởng đột xuất – giao xử lý (${label})`;
      const { id } = await submittedBatch(title, staff[1]!);
      await as(standing, `/de-nghi/${id}`);
      const desk = standing.getByTestId('desk-panel');
      await poll(() => desk.textContent()).toContain('Chưa giao chuyên viên xử lý.');
      const me = await pageApi<{ user: { displayName: string } }>(standing, 'GET', '/api/auth/me');
      await desk.getByTestId('desk-assign-select').click();
      await standing.getByRole('option', { name: me.user.displayName }).click();
      await look(standing, `inboxes-${label}-03-assigning`);
      await desk.getByRole('button', { name: 'Giao xử lý' }).click();
      await poll(() => standing.getByTestId('desk-assignee').textContent()).toBe(`Chuyên viên xử lý: ${me.user.displayName}`);
      await poll(() => standing.getByTestId('batch-history').textContent()).toContain(`Giao cho ${me.user.displayName}`);

      await as(standing, '/');
      const waiting = standing.getByTestId('dashboard-waiting');
      await poll(() => waiting.textContent()).toContain('Hồ sơ được giao cho tôi xử lý');
      expect(await waiting.textContent()).toContain(title);
      await look(standing, `inboxes-${label}-04-specialist-assigned`);
    });
  });
}
