import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { signIn, startTestApp, type Session, type TestClock } from '../../testing/app.ts';
import { expectVersionedEdit } from '../../testing/versions.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { docxParagraphs, readDocx } from '../../platform/documents/readback.testing.ts';

const readDocxText = async (bytes: Buffer) => docxParagraphs((await readDocx(bytes)).document).map((p) => p.text).join('\n');
import { buildOfficeReview } from './fixture.testing.ts';

/**
 * The Sơn La office review's path through the API: sub-units of the provincial Office nominate inside the Office's
 * quotas and deadline, their heads submit, the Office's standing agency returns one candidate for a
 * missing report, the unit fixes it, and the accepted Bằng khen candidate is forwarded to the province.
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
  for (const u of ['officer.sub1', 'head.sub1', 'officer.sub2', 'head.sub2', 'standing.office', 'head.office', 'standing.province', 'officer.other']) {
    sessions[u] = await signIn(app, u);
  }
});
afterAll(async () => { await app.close(); await handle.close(); });

async function newBatch(username: string, organisationId: string, awardItemId: string) {
  const response = await as(username).request({ method: 'POST', url: '/api/nominations/batches',
    payload: { organisationId, kind: 'thematic', movementId: world.movementId, awardItemId, year: 2026 } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

async function addCandidate(username: string, batchId: string, body: Record<string, string>) {
  return as(username).request({ method: 'POST', url: `/api/nominations/batches/${batchId}/candidates`, payload: body });
}

/** A signed scan, as a scanner writes it: a small but real PDF. */
const scan = (text: string) => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

/** The unit's officer uploads the signed scan of one document of the dossier. */
async function fileDocument(batchId: string, kind: 'proposal_letter' | 'minutes' | 'achievement_report', candidateId: string | null = null, username = 'officer.sub1') {
  const response = await as(username).request({
    method: 'PUT', url: `/api/nominations/batches/${batchId}/documents/${kind}${candidateId ? `?candidateId=${candidateId}` : ''}`,
    headers: { 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent(`${kind} đã ký.pdf`) }, payload: scan(`${batchId} ${kind} ${candidateId}`),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

const detail = async (username: string, batchId: string) => (await as(username).request({ method: 'GET', url: `/api/nominations/batches/${batchId}` })).json();
const post = (username: string, url: string, payload?: object) => as(username).request({ method: 'POST', url, ...(payload && { payload }) });

describe('a nomination batch from draft to the province', () => {
  let gk: string;
  let bk: string;
  let candidates: Record<string, string>;

  it('a sub-unit nominates people it manages, and nobody else', async () => {
    gk = await newBatch('officer.sub1', world.sub1.id, world.awards.gk);
    bk = await newBatch('officer.sub1', world.sub1.id, world.awards.bk);
    const an = await addCandidate('officer.sub1', gk, { personId: world.people.an, achievement: 'Hoàn thành xuất sắc nhiệm vụ, có sáng kiến cấp cơ sở.' });
    const binh = await addCandidate('officer.sub1', gk, { personId: world.people.binh });
    const cuong = await addCandidate('officer.sub1', bk, { personId: world.people.cuong });
    expect([an.statusCode, binh.statusCode, cuong.statusCode]).toEqual([201, 201, 201]);
    candidates = { an: an.json().id, binh: binh.json().id, cuong: cuong.json().id };

    const outsider = await addCandidate('officer.sub1', gk, { personId: world.people.outsider });
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json().error.message).toContain('Hoàng Văn Ngoài');
    const sibling = await addCandidate('officer.sub1', gk, { personId: world.people.dung });
    expect(sibling.statusCode).toBe(422);
    const twice = await addCandidate('officer.sub1', gk, { personId: world.people.an });
    expect(twice.statusCode).toBe(409);

    const view = await detail('officer.sub1', bk);
    expect(view.quotas[0]).toMatchObject({ individuals: 1, collectives: 1, used: { individuals: 1, collectives: 0 } });
    expect(view.window).toMatchObject({ closes: '2026-11-30', state: 'open' });
    expect(view.candidates[0]).toMatchObject({ name: 'Lê Văn Cường', isLeader: true });
    expect(view.nonLeaders).toEqual({ people: 1, nonLeaders: 0 });
    expect(view.actions).toEqual(['request_approval']);
    // the Bằng khen dossier asks an achievement report per candidate
    expect(view.missingDocuments).toEqual(expect.arrayContaining([{ kind: 'achievement_report', candidateId: candidates.cuong }]));
  });

  it('a second Bằng khen individual anywhere in the Office is over the quota', async () => {
    const other = await newBatch('officer.sub2', world.sub2.id, world.awards.bk);
    expect((await addCandidate('officer.sub2', other, { personId: world.people.dung })).statusCode).toBe(201);
    await fileDocument(other, 'proposal_letter', null, 'officer.sub2');
    await fileDocument(other, 'minutes', null, 'officer.sub2');
    const { candidates: [dung] } = await detail('officer.sub2', other);
    await fileDocument(other, 'achievement_report', dung.id, 'officer.sub2');
    expect((await post('officer.sub2', `/api/nominations/batches/${other}/request-approval`)).statusCode).toBe(204);
    expect((await post('head.sub2', `/api/nominations/batches/${other}/submit`)).statusCode).toBe(200);
    // sub-unit 1's candidate would be the second individual of the Office's one
    const view = await detail('officer.sub1', bk);
    expect(view.overQuota).toEqual([expect.objectContaining({ field: 'individuals', limit: 1, count: 2 })]);
    // the other unit withdraws nothing, so the Office's standing agency rejects theirs to free the place
    expect((await post('standing.office', `/api/nominations/batches/${other}/open-appraisal`)).statusCode).toBe(204);
    expect((await post('standing.office', `/api/nominations/batches/${other}/candidates/${dung.id}/verdict`, { verdict: 'reject', reason: 'Chưa đủ tiêu chuẩn.' })).statusCode).toBe(204);
  });

  it('the head cannot submit an incomplete dossier; the officer files it and the head submits for a receipt', async () => {
    expect((await post('officer.sub1', `/api/nominations/batches/${gk}/request-approval`)).statusCode).toBe(204);
    expect((await post('officer.sub1', `/api/nominations/batches/${gk}/submit`)).statusCode).toBe(403);
    const incomplete = await post('head.sub1', `/api/nominations/batches/${gk}/submit`);
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error.message).toContain('Hồ sơ còn thiếu 2 tài liệu');
    expect((await post('head.sub1', `/api/nominations/batches/${gk}/send-back`, { reason: 'Thiếu tờ trình và biên bản.' })).statusCode).toBe(204);
    await fileDocument(gk, 'proposal_letter');
    await fileDocument(gk, 'minutes');
    expect((await post('officer.sub1', `/api/nominations/batches/${gk}/request-approval`)).statusCode).toBe(204);
    const submitted = await post('head.sub1', `/api/nominations/batches/${gk}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().receiptNumber).toMatch(/^TN-2026-\d{6}$/);
    // the Office's standing agency is told
    const notes = (await as('standing.office').request({ method: 'GET', url: '/api/notifications' })).json();
    expect(notes.items.map((n: { topic: string; entityId: string }) => [n.topic, n.entityId])).toContainEqual(['batch_submitted', gk]);
    expect(notes.unread).toBeGreaterThan(0);
  });

  it('the standing agency returns one candidate; the unit supplements; the batch is accepted', async () => {
    expect((await post('standing.office', `/api/nominations/batches/${gk}/open-appraisal`)).statusCode).toBe(204);
    // the fixture's people have no ratings: the check finds them short, so accepting them says why (issue 17)
    const unexplained = await post('standing.office', `/api/nominations/batches/${gk}/candidates/${candidates.an}/verdict`, { verdict: 'accept' });
    expect(unexplained.json().error.code).toBe('nomination.reason_required_ineligible');
    const why = { verdict: 'accept', reason: 'Đã đối chiếu hồ sơ đánh giá, xếp loại bản giấy: đủ tiêu chuẩn.' };
    expect((await post('standing.office', `/api/nominations/batches/${gk}/candidates/${candidates.an}/verdict`, why)).statusCode).toBe(204);
    const noReason = await post('standing.office', `/api/nominations/batches/${gk}/candidates/${candidates.binh}/verdict`, { verdict: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect((await post('standing.office', `/api/nominations/batches/${gk}/candidates/${candidates.binh}/verdict`,
      { verdict: 'return', reason: 'Thiếu báo cáo thành tích.' })).statusCode).toBe(204);
    const finished = await post('standing.office', `/api/nominations/batches/${gk}/finish-appraisal`);
    expect(finished.json()).toEqual({ status: 'returned' });

    const returned = await detail('officer.sub1', gk);
    expect(returned.batch.status).toBe('returned');
    expect(returned.candidates.find((c: { id: string }) => c.id === candidates.binh)).toMatchObject({ status: 'returned', note: 'Thiếu báo cáo thành tích.' });
    expect(returned.candidates.find((c: { id: string }) => c.id === candidates.an)).toMatchObject({ status: 'accepted' });
    // the unit fixes and resubmits; only the returned candidate goes up again
    expect((await as('officer.sub1').request({ method: 'PATCH', url: `/api/nominations/batches/${gk}/candidates/${candidates.binh}`,
      payload: { achievement: 'Bổ sung báo cáo thành tích.' } })).statusCode).toBe(204);
    expect((await post('officer.sub1', `/api/nominations/batches/${gk}/request-approval`)).statusCode).toBe(204);
    expect((await post('head.sub1', `/api/nominations/batches/${gk}/submit`)).statusCode).toBe(200);
    expect((await post('standing.office', `/api/nominations/batches/${gk}/open-appraisal`)).statusCode).toBe(204);
    expect((await post('standing.office', `/api/nominations/batches/${gk}/finish-appraisal`)).statusCode).toBe(409);
    expect((await post('standing.office', `/api/nominations/batches/${gk}/candidates/${candidates.binh}/verdict`, why)).statusCode).toBe(204);
    expect((await post('standing.office', `/api/nominations/batches/${gk}/finish-appraisal`)).json()).toEqual({ status: 'accepted' });

    const history = (await detail('officer.sub1', gk)).history.map((h: { action: string }) => h.action);
    expect(history.filter((a: string) => a === 'submit').length).toBeGreaterThanOrEqual(2);
    expect(history).toContain('return');
  });

  it('a Giấy khen is within the Office\'s authority; the Bằng khen candidate goes up to the province', async () => {
    await fileDocument(bk, 'proposal_letter');
    await fileDocument(bk, 'minutes');
    await fileDocument(bk, 'achievement_report', candidates.cuong!);
    expect((await post('officer.sub1', `/api/nominations/batches/${bk}/request-approval`)).statusCode).toBe(204);
    expect((await post('head.sub1', `/api/nominations/batches/${bk}/submit`)).statusCode).toBe(200);
    expect((await post('standing.office', `/api/nominations/batches/${bk}/open-appraisal`)).statusCode).toBe(204);
    await post('standing.office', `/api/nominations/batches/${bk}/candidates/${candidates.cuong}/verdict`,
      { verdict: 'accept', reason: 'Đã đối chiếu hồ sơ đánh giá, xếp loại bản giấy: đủ tiêu chuẩn.' });
    await post('standing.office', `/api/nominations/batches/${bk}/finish-appraisal`);

    expect((await post('standing.office', `/api/nominations/batches/${gk}/forward`, { candidateIds: [candidates.an] })).statusCode).toBe(409);
    // beyond the Office's authority: the step is offered for the Bằng khen, not for the Giấy khen
    expect((await detail('standing.office', bk)).candidates[0].actions).toContain('forward');
    expect((await detail('standing.office', gk)).candidates.flatMap((c: { actions: string[] }) => c.actions)).not.toContain('forward');
    const forwarded = await post('standing.office', `/api/nominations/batches/${bk}/forward`, { candidateIds: [candidates.cuong] });
    expect(forwarded.statusCode, forwarded.body).toBe(201);
    const upper = await detail('standing.province', forwarded.json().id);
    expect(upper.batch).toMatchObject({ status: 'submitted', organisation: { id: world.office.id }, receiving: { id: world.province.id }, forwardedFromBatchId: bk });
    expect(upper.candidates).toEqual([expect.objectContaining({ name: 'Lê Văn Cường', status: 'submitted' })]);
    expect(upper.documents.map((d: { kind: string }) => d.kind).sort()).toEqual(['achievement_report', 'minutes', 'proposal_letter']);
    // at the province its own Bằng khen is within its authority: accepted there, it is decided, never forwarded
    const upperId = forwarded.json().id as string;
    expect((await post('standing.province', `/api/nominations/batches/${upperId}/open-appraisal`)).statusCode).toBe(204);
    const cuong = upper.candidates[0].id as string;
    expect((await post('standing.province', `/api/nominations/batches/${upperId}/candidates/${cuong}/verdict`,
      { verdict: 'accept', reason: 'Đã đối chiếu hồ sơ bản giấy: đủ tiêu chuẩn.' })).statusCode).toBe(204);
    expect((await detail('standing.province', upperId)).candidates[0]).toMatchObject({ status: 'accepted', actions: expect.not.arrayContaining(['forward']) });
    const within = await post('standing.province', `/api/nominations/batches/${upperId}/forward`, { candidateIds: [cuong] });
    expect(within.statusCode).toBe(409);
    expect(within.json().error.message).toBe('Bằng khen của Chủ tịch UBND tỉnh thuộc thẩm quyền cấp này: không cần chuyển lên cấp trên.');
    // the lower batch is done: its only candidate went up
    expect((await detail('standing.office', bk)).batch.status).toBe('decided');
    // the other department sees none of it
    expect((await as('officer.other').request({ method: 'GET', url: `/api/nominations/batches/${bk}` })).statusCode).toBe(404);
  });

  it('after the deadline nothing can be submitted', async () => {
    const late = await newBatch('officer.sub2', world.sub2.id, world.awards.gk);
    await addCandidate('officer.sub2', late, { personId: world.people.dung });
    await fileDocument(late, 'proposal_letter', null, 'officer.sub2');
    await fileDocument(late, 'minutes', null, 'officer.sub2');
    await post('officer.sub2', `/api/nominations/batches/${late}/request-approval`);
    clock.set('2026-11-30T17:00:01Z'); // 1/12 00:00:01 in Hà Nội
    sessions['head.sub2'] = await signIn(app, 'head.sub2');
    const refused = await post('head.sub2', `/api/nominations/batches/${late}/submit`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('Đã hết hạn nộp hồ sơ (hạn cuối ngày 30/11/2026).');
    expect((await detail('head.sub2', late)).batch.status).toBe('awaiting_head');
    clock.set('2026-11-21T03:00:00Z');
  });
});

describe('how an award form is decided here', () => {
  it('the standing agency at the top switches public consultation on for the provincial Bằng khen; a department cannot', async () => {
    const body = { councilVote: false, secretBallot: false, thresholdPercent: 50.01, thresholdOf: 'members', consultationDays: 5, citation: 'Quyết định số 12/QĐ-UBND của tỉnh' };
    const office = await as('standing.office').request({ method: 'PUT', url: '/api/nominations/procedures/bang_khen_tinh', payload: body });
    expect(office.statusCode).toBe(403);
    const set = await as('standing.province').request({ method: 'PUT', url: '/api/nominations/procedures/bang_khen_tinh', payload: body });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ awardForm: 'bang_khen_tinh', consultationDays: 5, custom: true });
    const bad = await as('standing.province').request({ method: 'PUT', url: '/api/nominations/procedures/bang_khen_tinh', payload: { ...body, thresholdPercent: 120 } });
    expect(bad.statusCode).toBe(400);
    const list = (await as('officer.sub1').request({ method: 'GET', url: '/api/nominations/procedures' })).json();
    expect(list.items.find((p: { awardForm: string }) => p.awardForm === 'bang_khen_tinh')).toMatchObject({ consultationDays: 5 });
    expect(list.items.find((p: { awardForm: string }) => p.awardForm === 'chien_si_thi_dua_tinh')).toMatchObject({ thresholdPercent: 90, custom: false });
  });
});

describe('two officers changing the same thing at once', () => {
  it('a candidate\'s achievement summary saved from an older version is refused with 409 edit.stale; no version still applies', async () => {
    const batch = await newBatch('officer.sub2', world.sub2.id, world.awards.gk);
    const added = await addCandidate('officer.sub2', batch, { personId: world.people.dung, achievement: 'Hoàn thành tốt nhiệm vụ.' });
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json().id as string;
    const shown = async () => (await detail('officer.sub2', batch)).candidates.find((c: { id: string }) => c.id === id).version as number;
    const texts = ['Hoàn thành xuất sắc nhiệm vụ.', 'Có sáng kiến được công nhận cấp cơ sở.', 'Hoàn thành xuất sắc nhiệm vụ, có sáng kiến.'];
    await expectVersionedEdit({
      as: as('officer.sub2'), version: shown,
      edit: (attempt) => ({ method: 'PATCH', url: `/api/nominations/batches/${batch}/candidates/${id}`, payload: { achievement: texts[attempt - 1] } }),
      row: () => handle.db.selectFrom('nomination_candidates').select(['achievement', 'version']).where('id', '=', id).executeTakeFirstOrThrow(),
    });
  });

  it('how an award form is decided: set by key, a first setting carries no version, a later one the version it saw', async () => {
    const url = '/api/nominations/procedures/chien_si_thi_dua_tinh';
    const body = (citation: string) => ({ councilVote: true, secretBallot: true, thresholdPercent: 90, thresholdOf: 'members', consultationDays: null, citation });
    const province = as('standing.province');
    // nothing set yet: a version names a setting that is not there
    const ghost = await province.request({ method: 'PUT', url, payload: { ...body('Quyết định số 1/QĐ-UBND'), version: 1 } });
    expect(ghost.statusCode).toBe(409);
    expect((await province.request({ method: 'PUT', url, payload: body('Quyết định số 1/QĐ-UBND') })).json()).toMatchObject({ custom: true, version: 1 });
    const shown = async () => (await province.request({ method: 'GET', url: '/api/nominations/procedures' })).json().items
      .find((p: { awardForm: string }) => p.awardForm === 'chien_si_thi_dua_tinh').version as number;
    await expectVersionedEdit({
      as: province, version: shown,
      edit: (attempt) => ({ method: 'PUT', url, payload: body(`Quyết định số ${attempt + 1}/QĐ-UBND`) }),
      row: () => handle.db.selectFrom('award_procedures').select(['citation', 'version']).where('award_form', '=', 'chien_si_thi_dua_tinh').executeTakeFirstOrThrow(),
    });
  });
});

describe('the dossier', () => {
  let batch: string;
  beforeAll(async () => {
    batch = await newBatch('officer.sub2', world.sub2.id, world.awards.gk);
    expect((await addCandidate('officer.sub2', batch, { organisationId: world.sub2.id, achievement: 'Tập thể đoàn kết, hoàn thành xuất sắc nhiệm vụ.' })).statusCode).toBe(201);
  });
  const put = (body: Buffer, type = 'application/pdf', username = 'officer.sub2') => as(username).request({
    method: 'PUT', url: `/api/nominations/batches/${batch}/documents/proposal_letter`, headers: { 'content-type': type, 'x-file-name': 'to-trinh.pdf' }, payload: body,
  });
  const documents = async () => (await detail('officer.sub2', batch)).documents as { id: string; name: string; sha256: string }[];

  it('refuses what is not a signed PDF, and stores nothing', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const notPdf = await put(png);
    expect(notPdf.statusCode).toBe(415);
    expect(notPdf.json().error.message).toMatch(/^Chỉ nhận tệp PDF/);
    expect((await put(Buffer.from('<html><script>alert(1)</script></html>'))).statusCode).toBe(415);
    expect((await put(Buffer.alloc(0))).statusCode).toBe(400);
    const tooLarge = await put(Buffer.concat([scan('lớn'), Buffer.alloc(21 * 1024 * 1024, 0x20)]));
    expect(tooLarge.statusCode).toBe(413);
    expect(await documents()).toEqual([]);
    // another department cannot file into this batch
    expect((await put(scan('ngoài'), 'application/pdf', 'officer.other')).statusCode).toBe(404);
  });

  it('keeps the signed scan by hash, serves it back, and keeps a replaced one', async () => {
    expect((await put(scan('bản 1'))).statusCode).toBe(201);
    expect((await put(scan('bản 2'))).statusCode).toBe(201);
    const [current] = await documents();
    expect(current!.name).toBe('to-trinh.pdf');
    const download = await as('officer.sub2').request({ method: 'GET', url: `/api/nominations/batches/${batch}/documents/${current!.id}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.toString()).toContain('bản 2');
    const all = await handle.db.selectFrom('nomination_documents').select(['replaced_at']).where('batch_id', '=', batch).execute();
    expect(all.map((d) => d.replaced_at === null).sort()).toEqual([false, true]);
  });

  it('generates the drafts from the data: letter, minutes, achievement report', async () => {
    const get = (path: string) => as('officer.sub2').request({ method: 'GET', url: `/api/nominations/batches/${batch}/drafts/${path}` });
    const letterResponse = await get('proposal_letter.docx');
    expect(letterResponse.statusCode, letterResponse.body).toBe(200);
    // the file is named in Vietnamese words, in ASCII
    expect(letterResponse.headers['content-disposition']).toBe('attachment; filename="to-trinh-de-nghi-khen-thuong.docx"');
    expect((await get('minutes.docx')).headers['content-disposition']).toBe('attachment; filename="bien-ban-hop-xet-khen-thuong.docx"');
    const letter = await readDocxText(letterResponse.rawPayload);
    expect(letter).toContain('TỜ TRÌNH');
    expect(letter).toContain('Phòng Tổng hợp');
    expect(letter).toContain('Giấy khen');
    const minutes = await readDocxText((await get('minutes.docx')).rawPayload);
    expect(minutes).toContain('BIÊN BẢN');
    const [candidate] = (await detail('officer.sub2', batch)).candidates;
    const report = await readDocxText((await get(`achievement_report.docx?candidateId=${candidate.id}`)).rawPayload);
    expect(report).toContain('BÁO CÁO THÀNH TÍCH');
    expect(report).toContain('Tập thể đoàn kết, hoàn thành xuất sắc nhiệm vụ.');
  });
});
