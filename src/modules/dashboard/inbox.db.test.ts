import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { batchAwaitingHead, buildOfficeReview } from '../nominations/fixture.testing.ts';
import { buildCouncil, buildMeeting } from '../council/fixtures.testing.ts';
import { buildUser } from '../../testing/factories.ts';

/**
 * Issue 17.5, "work does not reach the right person": the Office's review, with sub-unit 1 nominating for the Office's
 * Giấy khen. Each actor's "Việc chờ tôi xử lý" lists what waits for their own act, and nothing they have done.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let world: Awaited<ReturnType<typeof buildOfficeReview>>;
const sessions: Record<string, Session> = {};
const as = (username: string) => sessions[username]!;

interface Batches { total: number; items: { id: string; title: string; reason: string }[] }
interface Waiting {
  approvals: Batches; appraisals: Batches; returned: Batches; assigned: Batches; reviews: Batches;
  signatures: { total: number; items: { id: string; number: string; authorityName: string }[] };
  meetings: { meetingId: string; status: string }[];
}
const waiting = async (username: string): Promise<Waiting> => {
  const r = await as(username).request({ method: 'GET', url: '/api/dashboard' });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().waiting;
};
const post = (username: string, url: string, payload?: object) => as(username).request({ method: 'POST', url, ...(payload && { payload }) });
const ids = (b: Batches) => b.items.map((i) => i.id);

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  world = await buildOfficeReview(handle.db);
  // a second specialist of the Office's standing agency
  await buildUser(handle.db, world.tenantId, 'standing_officer', world.office, { username: 'specialist.office' });
  await handle.db.updateTable('users').set({ display_name: 'Đỗ Thị Chuyên' }).where('username', '=', 'specialist.office').execute();
  for (const u of ['officer.sub1', 'head.sub1', 'officer.sub2', 'standing.office', 'head.office', 'standing.province', 'specialist.office']) {
    sessions[u] = await signIn(app, u);
  }
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('each role finds its own work', () => {
  let batchId: string;

  it('a batch awaiting approval waits for the unit\'s head, not its officer', async () => {
    batchId = await batchAwaitingHead(handle.db, world, 1);
    expect(ids((await waiting('head.sub1')).approvals)).toContain(batchId);
    expect(ids((await waiting('officer.sub1')).approvals)).not.toContain(batchId);
  });

  it('submitted, it waits for the receiving level\'s standing agency to appraise', async () => {
    const submitted = await post('head.sub1', `/api/nominations/batches/${batchId}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(ids((await waiting('standing.office')).appraisals)).toContain(batchId);
    expect(ids((await waiting('head.sub1')).approvals)).not.toContain(batchId);
  });

  it('returned, it waits for the unit\'s officer with the reason right there — not for the agency that returned it', async () => {
    expect((await post('standing.office', `/api/nominations/batches/${batchId}/open-appraisal`)).statusCode).toBe(204);
    const candidate = await handle.db.selectFrom('nomination_candidates').select('id').where('batch_id', '=', batchId).executeTakeFirstOrThrow();
    const verdict = await post('standing.office', `/api/nominations/batches/${batchId}/candidates/${candidate.id}/verdict`,
      { verdict: 'return', reason: 'Thiếu báo cáo thành tích có xác nhận của thủ trưởng' });
    expect(verdict.statusCode, verdict.body).toBe(204);
    expect((await post('standing.office', `/api/nominations/batches/${batchId}/finish-appraisal`)).statusCode).toBe(200);

    const officer = await waiting('officer.sub1');
    expect(ids(officer.returned)).toEqual([batchId]);
    expect(officer.returned.items[0]!.reason).toContain('Thiếu báo cáo thành tích có xác nhận của thủ trưởng');
    expect(ids((await waiting('standing.office')).returned)).toEqual([]);
    expect(ids((await waiting('officer.sub2')).returned)).toEqual([]);
    // and at the top of the batch's page, not at the bottom of its history
    const detail = (await as('officer.sub1').request({ method: 'GET', url: `/api/nominations/batches/${batchId}` })).json();
    expect(detail.batch.statusReason).toContain('Thiếu báo cáo thành tích có xác nhận của thủ trưởng');
  });

  it('a decision drafted at the Office waits for whoever may sign for the Office', async () => {
    const id = uuidv7();
    const now = new Date();
    await handle.db.insertInto('award_decisions').values({
      tenant_id: world.tenantId, id, authority_organisation_id: world.office.id, number: 7, symbol: 'QĐ-VP', number_year: 2026, place: 'Sơn Hà',
      signed_on: '2026-11-25', signer_authority: null, signer_authority_body: '', signer_title: 'Chánh Văn phòng', signer_name: 'Lò Văn Hùng',
      award_form: 'giay_khen', basis: 'merit', year: 2026, reason: 'Đã có thành tích xuất sắc', budget_source: '', status: 'draft',
      idempotency_key: null, issued_at: null, issued_by: null, created_by: null, created_at: now, updated_at: now,
    }).execute();
    const head = await waiting('head.office');
    expect(head.signatures.items).toEqual([expect.objectContaining({ id, number: '07/QĐ-VP', authorityName: 'Văn phòng UBND tỉnh' })]);
    expect((await waiting('standing.office')).signatures.total).toBe(1);
    expect((await waiting('head.sub1')).signatures.total).toBe(0);
    expect((await waiting('officer.sub1')).signatures.total).toBe(0);
  });

  it('a meeting not yet closed waits for the standing agency that runs the council', async () => {
    const { meetingId } = await buildMeeting(handle.db, world.office, 'planned', []);
    expect((await waiting('standing.office')).meetings.map((m) => m.meetingId)).toContain(meetingId);
    expect((await waiting('officer.sub1')).meetings).toEqual([]);
  });
});

describe('a failed vote says so', () => {
  it('the batch\'s status reads "Không đạt biểu quyết của Hội đồng: 0/2 đồng ý", not a bare "done"', async () => {
    const { meetingId, itemId } = await buildMeeting(handle.db, world.office, 'voting', [world.people.an, world.people.binh]);
    const closed = await post('standing.office', `/api/council/meetings/${meetingId}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    const { batch_id } = await handle.db.selectFrom('council_agenda_items').select('batch_id').where('id', '=', itemId).executeTakeFirstOrThrow();
    const detail = (await as('standing.office').request({ method: 'GET', url: `/api/nominations/batches/${batch_id}` })).json();
    expect(detail.batch.status).toBe('decided');
    expect(detail.batch.statusReason).toBe('Không đạt biểu quyết của Hội đồng: 0/2 đồng ý');
  });
});

describe('two batches on one movement', () => {
  it('get distinct titles: the award form, then the round', async () => {
    const create = async (awardItemId: string) => {
      const r = await post('officer.sub1', '/api/nominations/batches', { organisationId: world.sub1.id, kind: 'merit', movementId: world.movementId, awardItemId });
      expect(r.statusCode, r.body).toBe(201);
      return (await handle.db.selectFrom('nomination_batches').select('title').where('id', '=', r.json().id).executeTakeFirstOrThrow()).title;
    };
    const movement = 'Phong trào thi đua văn hóa công sở Văn phòng UBND tỉnh';
    expect(await create(world.awards.gk)).toBe(`${movement} – Giấy khen`);
    expect(await create(world.awards.bk)).toMatch(new RegExp(`^${movement} – Bằng khen`, 'u'));
    expect(await create(world.awards.gk)).toBe(`${movement} – Giấy khen – đợt 2`);
  });
});

describe('the standing agency\'s desk (issue 17.6)', () => {
  let batchId: string;
  const detail = async (username: string) => (await as(username).request({ method: 'GET', url: `/api/nominations/batches/${batchId}` })).json();
  const userId = async (username: string) =>
    (await handle.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

  it('a received batch is assigned to a named specialist, who finds it in their inbox; assigning and reassigning are in the log', async () => {
    batchId = await batchAwaitingHead(handle.db, world, 2);
    expect((await post('head.sub1', `/api/nominations/batches/${batchId}/submit`)).statusCode).toBe(200);
    const specialists = (await as('standing.office').request({ method: 'GET', url: `/api/nominations/batches/${batchId}/specialists` })).json();
    expect(specialists.map((u: { displayName: string }) => u.displayName)).toContain('Đỗ Thị Chuyên');
    const specialist = await userId('specialist.office');
    const { version } = (await detail('standing.office')).batch;
    expect((await post('standing.office', `/api/nominations/batches/${batchId}/assign`, { userId: specialist, version })).statusCode).toBe(204);
    expect(ids((await waiting('specialist.office')).assigned)).toEqual([batchId]);
    expect(ids((await waiting('standing.office')).assigned)).toEqual([]);
    const seen = await detail('specialist.office');
    expect(seen.batch.desk.assignee).toEqual({ id: specialist, name: 'Đỗ Thị Chuyên' });
    // a page loaded before the assignment cannot overwrite it
    expect((await post('standing.office', `/api/nominations/batches/${batchId}/assign`, { userId: await userId('standing.office'), version })).statusCode).toBe(409);
    expect((await post('standing.office', `/api/nominations/batches/${batchId}/assign`,
      { userId: await userId('standing.office'), version: seen.batch.version })).statusCode).toBe(204);
    expect(ids((await waiting('specialist.office')).assigned)).toEqual([]);
    const log = (await detail('standing.office')).history.filter((h: { candidateId: string | null }) => h.candidateId === null);
    expect(log.map((h: { action: string }) => h.action)).toEqual(expect.arrayContaining(['assign', 'reassign']));
    expect(log.find((h: { action: string }) => h.action === 'reassign').reason).toMatch(/^Chuyển từ Đỗ Thị Chuyên sang /u);
  });

  it('only a standing officer of the receiving level takes a batch, and only the standing agency assigns', async () => {
    const { version } = (await detail('standing.office')).batch;
    expect((await post('standing.office', `/api/nominations/batches/${batchId}/assign`, { userId: await userId('officer.sub1'), version })).statusCode).toBe(422);
    expect((await post('standing.office', `/api/nominations/batches/${batchId}/assign`, { userId: await userId('standing.province'), version })).statusCode).toBe(422);
    expect((await post('officer.sub1', `/api/nominations/batches/${batchId}/assign`, { userId: await userId('standing.office'), version })).statusCode).toBe(403);
    expect((await post('officer.sub2', `/api/nominations/batches/${batchId}/assign`, { userId: await userId('standing.office'), version })).statusCode).toBe(404);
  });

  it('the appraised list goes to the council only once the head has reviewed it (409 before)', async () => {
    expect((await post('standing.office', `/api/nominations/batches/${batchId}/open-appraisal`)).statusCode).toBe(204);
    const candidate = await handle.db.selectFrom('nomination_candidates').select('id').where('batch_id', '=', batchId).executeTakeFirstOrThrow();
    await handle.db.updateTable('nomination_candidates').set({ eligibility: JSON.stringify({ status: 'met', source: 'catalogue', reasons: [] }) })
      .where('id', '=', candidate.id).execute();
    expect((await post('standing.office', `/api/nominations/batches/${batchId}/candidates/${candidate.id}/verdict`, { verdict: 'accept' })).statusCode).toBe(204);
    expect((await post('standing.office', `/api/nominations/batches/${batchId}/finish-appraisal`)).json()).toEqual({ status: 'accepted' });

    // the Office's council in office on the day: the earlier tests' councils ended
    await handle.db.updateTable('councils').set({ valid_to: '2026-11-01' }).where('organisation_id', '=', world.office.id).execute();
    await buildCouncil(handle.db, world.office, [{ personId: world.people.cuong }, { personId: world.people.dung }]);
    const refused = await post('standing.office', '/api/council/meetings', { organisationId: world.office.id, date: '2026-11-27' });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.code).toBe('nomination.list_not_reviewed');
    expect(refused.json().error.message).toContain('Đề nghị tặng Giấy khen đợt 2');

    expect(ids((await waiting('head.office')).reviews)).toEqual([batchId]);
    // the specialists appraise; they do not review their own list
    expect((await post('standing.office', `/api/nominations/batches/${batchId}/review-list`, {})).statusCode).toBe(403);
    expect((await detail('head.office')).batch.desk.canReviewList).toBe(true);
    expect((await post('head.office', `/api/nominations/batches/${batchId}/review-list`, { note: 'Đồng ý trình Hội đồng' })).statusCode).toBe(204);
    expect((await post('head.office', `/api/nominations/batches/${batchId}/review-list`, {})).statusCode).toBe(409);
    expect(ids((await waiting('head.office')).reviews)).toEqual([]);

    const convened = await post('standing.office', '/api/council/meetings', { organisationId: world.office.id, date: '2026-11-27' });
    expect(convened.statusCode, convened.body).toBe(201);
    const log = (await detail('standing.office')).history.filter((h: { candidateId: string | null }) => h.candidateId === null);
    expect(log.find((h: { action: string }) => h.action === 'review_list').reason).toBe('Đồng ý trình Hội đồng');
  });
});
