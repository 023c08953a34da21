import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { signIn, startTestApp, type Session, type TestClock } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { buildOfficeReview } from './fixture.testing.ts';

/**
 * Issue 17: a return for supplement, a withdrawal and a recall are steps the unit can take, each with its
 * reason kept in the history; accepting a candidate the eligibility check flags needs a reason too.
 * Giấy khen batches of sub-unit 1 to the Office, outside any movement (no quota, no window).
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let clock: TestClock;
let world: Awaited<ReturnType<typeof buildOfficeReview>>;
const sessions: Record<string, Session> = {};
const as = (username: string) => sessions[username]!;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app, clock } = await startTestApp(handle));
  world = await buildOfficeReview(handle.db);
  for (const u of ['officer.sub1', 'head.sub1', 'officer.sub2', 'standing.office']) sessions[u] = await signIn(app, u);
});
afterAll(async () => { await app.close(); await handle.close(); });

const scan = (text: string) => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const post = (username: string, url: string, payload?: object) => as(username).request({ method: 'POST', url, ...(payload && { payload }) });
const detail = async (batchId: string, username = 'officer.sub1') =>
  (await as(username).request({ method: 'GET', url: `/api/nominations/batches/${batchId}` })).json();
const upload = (batchId: string, kind: string, candidateId: string | null, username = 'officer.sub1') => as(username).request({
  method: 'PUT', url: `/api/nominations/batches/${batchId}/documents/${kind}${candidateId ? `?candidateId=${candidateId}` : ''}`,
  headers: { 'content-type': 'application/pdf', 'x-file-name': `${kind}.pdf` }, payload: scan(`${batchId} ${kind} ${candidateId}`),
});

/** A batch with its letter and minutes, these people as candidates, submitted by the head. */
async function submittedBatch(people: string[]) {
  const created = await post('officer.sub1', '/api/nominations/batches',
    { organisationId: world.sub1.id, receivingOrganisationId: world.office.id, kind: 'merit', awardForm: 'giay_khen', year: 2026 });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const candidates: string[] = [];
  for (const personId of people) {
    const added = await post('officer.sub1', `/api/nominations/batches/${id}/candidates`, { personId });
    expect(added.statusCode, added.body).toBe(201);
    candidates.push(added.json().id);
  }
  // judged eligible unless a test says otherwise: accepting then needs no reason
  await handle.db.updateTable('nomination_candidates').set({ eligibility: JSON.stringify({ status: 'met', source: 'catalogue', reasons: [] }) })
    .where('batch_id', '=', id).execute();
  for (const kind of ['proposal_letter', 'minutes']) expect((await upload(id, kind, null)).statusCode).toBe(201);
  expect((await post('officer.sub1', `/api/nominations/batches/${id}/request-approval`)).statusCode).toBe(204);
  const submitted = await post('head.sub1', `/api/nominations/batches/${id}/submit`);
  expect(submitted.statusCode, submitted.body).toBe(200);
  return { id, candidates: candidates as [string, string] };
}

const statusOf = async (table: 'nomination_batches' | 'nomination_candidates', id: string) =>
  (await handle.db.selectFrom(table).select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('a candidate returned for a missing report', () => {
  it('the officer sees what was asked, files it in its slot, and the candidate goes up again', async () => {
    const { id, candidates: [an, binh] } = await submittedBatch([world.people.an, world.people.binh]);
    expect((await post('standing.office', `/api/nominations/batches/${id}/open-appraisal`)).statusCode).toBe(204);
    expect((await post('standing.office', `/api/nominations/batches/${id}/candidates/${an}/verdict`, { verdict: 'accept' })).statusCode).toBe(204);
    // a document is named only by a return
    expect((await post('standing.office', `/api/nominations/batches/${id}/candidates/${an}/verdict`,
      { verdict: 'reject', reason: 'x', documentKind: 'minutes' })).statusCode).toBe(400);
    expect((await post('standing.office', `/api/nominations/batches/${id}/candidates/${binh}/verdict`,
      { verdict: 'return', reason: 'Thiếu báo cáo thành tích có xác nhận của thủ trưởng.', documentKind: 'achievement_report' })).statusCode).toBe(204);
    expect((await post('standing.office', `/api/nominations/batches/${id}/finish-appraisal`)).json()).toEqual({ status: 'returned' });

    const returned = await detail(id);
    expect(returned.candidates.find((c: { id: string }) => c.id === binh)).toMatchObject({
      status: 'returned', note: 'Thiếu báo cáo thành tích có xác nhận của thủ trưởng.', requestedDocument: 'achievement_report',
      actions: expect.arrayContaining(['withdraw']),
    });
    // a Giấy khen needs no achievement report, but this one was asked for: it is missing until filed
    expect(returned.missingDocuments).toEqual([{ kind: 'achievement_report', candidateId: binh }]);
    expect((await post('officer.sub1', `/api/nominations/batches/${id}/request-approval`)).statusCode).toBe(204);
    const incomplete = await post('head.sub1', `/api/nominations/batches/${id}/submit`);
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error.details).toEqual([{ kind: 'achievement_report', candidateId: binh }]);
    // the step to the head said so, in the dossier's words
    expect((await detail(id)).history.at(-1)).toMatchObject({ action: 'request_approval', reason: 'Hồ sơ còn thiếu: Báo cáo thành tích (Trần Thị Bình)' });
    expect((await post('head.sub1', `/api/nominations/batches/${id}/send-back`, { reason: 'Bổ sung báo cáo.' })).statusCode).toBe(204);

    clock.advanceMinutes(5);
    expect((await upload(id, 'achievement_report', binh)).statusCode).toBe(201);
    expect((await detail(id)).missingDocuments).toEqual([]);
    expect((await post('officer.sub1', `/api/nominations/batches/${id}/request-approval`)).statusCode).toBe(204);
    expect((await post('head.sub1', `/api/nominations/batches/${id}/submit`)).statusCode).toBe(200);
    expect(await statusOf('nomination_candidates', binh)).toBe('submitted');
    expect(await statusOf('nomination_candidates', an)).toBe('accepted');
  });
});

describe('withdrawing a candidate', () => {
  it('the officer withdraws a returned candidate with a reason kept in the history; the rest goes up', async () => {
    const { id, candidates: [an, binh] } = await submittedBatch([world.people.an, world.people.binh]);
    expect((await post('standing.office', `/api/nominations/batches/${id}/open-appraisal`)).statusCode).toBe(204);
    // while the batch is with the receiving level, the unit cannot withdraw
    expect((await post('officer.sub1', `/api/nominations/batches/${id}/candidates/${binh}/withdraw`, { reason: 'Rút.' })).statusCode).toBe(409);
    expect((await post('standing.office', `/api/nominations/batches/${id}/candidates/${an}/verdict`, { verdict: 'accept' })).statusCode).toBe(204);
    expect((await post('standing.office', `/api/nominations/batches/${id}/candidates/${binh}/verdict`,
      { verdict: 'return', reason: 'Thiếu báo cáo thành tích.', documentKind: 'achievement_report' })).statusCode).toBe(204);
    expect((await post('standing.office', `/api/nominations/batches/${id}/finish-appraisal`)).statusCode).toBe(200);

    const url = `/api/nominations/batches/${id}/candidates/${binh}/withdraw`;
    expect((await post('officer.sub1', url, { reason: '  ' })).statusCode).toBe(400);
    expect((await post('officer.sub1', url, {})).statusCode).toBe(400);
    expect((await post('head.sub1', url, { reason: 'Rút.' })).statusCode).toBe(403);
    expect((await post('officer.sub2', url, { reason: 'Rút.' })).statusCode).toBe(404);
    expect((await post('officer.sub1', `/api/nominations/batches/${id}/candidates/${an}/withdraw`, { reason: 'Rút.' })).statusCode).toBe(409);
    const reason = 'Đồng chí Bình chuyển công tác, không đủ thời gian hoàn thiện hồ sơ.';
    expect((await post('officer.sub1', url, { reason })).statusCode).toBe(204);

    const after = await detail(id);
    expect(after.candidates.find((c: { id: string }) => c.id === binh)).toMatchObject({ status: 'withdrawn', actions: [] });
    expect(after.history.at(-1)).toMatchObject({ candidateId: binh, action: 'withdraw', from: 'returned', to: 'withdrawn', reason });
    // nothing is owed for a withdrawn candidate: the batch goes up with the others
    expect(after.missingDocuments).toEqual([]);
    expect((await post('officer.sub1', `/api/nominations/batches/${id}/request-approval`)).statusCode).toBe(204);
    expect((await post('head.sub1', `/api/nominations/batches/${id}/submit`)).statusCode).toBe(200);
    expect(await statusOf('nomination_candidates', an)).toBe('accepted');
    const audit = await handle.db.selectFrom('audit_log').select(['action', 'changes']).where('entity_id', '=', binh)
      .where('action', '=', 'nomination.withdraw').executeTakeFirstOrThrow();
    expect(audit.changes).toMatchObject({ reason, status: ['returned', 'withdrawn'] });
  });
});

describe('recalling a submitted batch', () => {
  it('the head recalls it before appraisal opens: back to draft, with a reason; the receiving level is told', async () => {
    const { id, candidates: [cuong] } = await submittedBatch([world.people.cuong]);
    const url = `/api/nominations/batches/${id}/recall`;
    expect((await post('head.sub1', url, { reason: '' })).statusCode).toBe(400);
    expect((await post('officer.sub1', url, { reason: 'Thu hồi.' })).statusCode).toBe(403);
    expect((await post('standing.office', url, { reason: 'Thu hồi.' })).statusCode).toBe(403);
    expect((await post('officer.sub2', url, { reason: 'Thu hồi.' })).statusCode).toBe(404);
    const reason = 'Tờ trình ghi sai năm đề nghị, đơn vị thu hồi để sửa.';
    expect((await post('head.sub1', url, { reason })).statusCode).toBe(204);

    const after = await detail(id);
    expect(after.batch).toMatchObject({ status: 'draft', editable: true, receiptNumber: null, submittedAt: null });
    expect(after.candidates[0]).toMatchObject({ id: cuong, status: 'draft' });
    expect(after.history.find((h: { action: string }) => h.action === 'recall')).toMatchObject({ from: 'submitted', to: 'draft', reason });
    const notes = (await as('standing.office').request({ method: 'GET', url: '/api/notifications' })).json();
    expect(notes.items.map((n: { topic: string; entityId: string }) => [n.topic, n.entityId])).toContainEqual(['batch_recalled', id]);
    // a candidate sent up once is not erased, only withdrawn with a reason
    const erase = await as('officer.sub1').request({ method: 'DELETE', url: `/api/nominations/batches/${id}/candidates/${cuong}` });
    expect(erase.statusCode).toBe(409);
    expect(erase.json().error.code).toBe('nomination.candidate_sent');
    expect(after.candidates[0].actions).toContain('withdraw');
    // and it can go up again
    expect((await post('officer.sub1', `/api/nominations/batches/${id}/request-approval`)).statusCode).toBe(204);
    expect((await post('head.sub1', `/api/nominations/batches/${id}/submit`)).statusCode).toBe(200);
  });

  it('once the receiving level opens appraisal, a recall is refused with 409 in Vietnamese', async () => {
    const { id } = await submittedBatch([world.people.an]);
    expect((await post('standing.office', `/api/nominations/batches/${id}/open-appraisal`)).statusCode).toBe(204);
    const refused = await post('head.sub1', `/api/nominations/batches/${id}/recall`, { reason: 'Thu hồi.' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'nomination.recall_after_appraisal' });
    expect(refused.json().error.message).toBe('Không thể thu hồi: Văn phòng UBND tỉnh đã mở thẩm định hồ sơ này. '
      + 'Đề nghị liên hệ cơ quan thường trực để được trả lại hồ sơ.');
    expect(await statusOf('nomination_batches', id)).toBe('under_appraisal');
  });
});

describe('accepting a candidate the eligibility check flags', () => {
  it('needs a reason, kept in the history; an eligible one does not', async () => {
    const { id, candidates: [an, binh] } = await submittedBatch([world.people.an, world.people.binh]);
    await handle.db.updateTable('nomination_candidates')
      .set({ eligibility: JSON.stringify({ status: 'unmet', source: 'catalogue', reasons: ['Chưa đủ 2 năm hoàn thành tốt nhiệm vụ.'] }) })
      .where('id', '=', an).execute();
    expect((await post('standing.office', `/api/nominations/batches/${id}/open-appraisal`)).statusCode).toBe(204);
    const verdict = `/api/nominations/batches/${id}/candidates/${an}/verdict`;
    const bare = await post('standing.office', verdict, { verdict: 'accept' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.code).toBe('nomination.reason_required_ineligible');
    expect(await statusOf('nomination_candidates', an)).toBe('submitted');
    const reason = 'Năm 2024 đồng chí đi học dài hạn theo quyết định cử đi học: được tính là hoàn thành nhiệm vụ.';
    expect((await post('standing.office', verdict, { verdict: 'accept', reason })).statusCode).toBe(204);
    expect((await detail(id, 'standing.office')).history.at(-1)).toMatchObject({ candidateId: an, action: 'accept', reason });
    expect((await post('standing.office', `/api/nominations/batches/${id}/candidates/${binh}/verdict`, { verdict: 'accept' })).statusCode).toBe(204);
  });
});
