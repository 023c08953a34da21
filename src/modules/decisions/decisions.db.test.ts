import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { expectVersionedEdit } from '../../testing/versions.ts';
import { recordOf } from '../records/index.ts';
import { awardTallyDrift } from '../awards/index.ts';
import { buildAppraisedBatch, buildHousehold } from './fixtures.testing.ts';

/**
 * The provincial Office's head signs a decision conferring Giấy khen on what its sub-unit nominated and
 * the Office's standing agency accepted: money by the signing date, issued exactly once, the awards in
 * the record, the candidates decided and the batch closed; and everything that must be refused.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let office: BuiltOrganisation;
let subUnit: BuiltOrganisation;
let root: BuiltOrganisation;
let head: Session;
let officer: Session;
let stranger: Session;
let chairman: Session;
let subUnitOfficerId: string;
const people: { id: string; fullName: string }[] = [];
let counter = 1000;

const signer = { authority: null, authorityBody: '', title: 'Chánh Văn phòng UBND tỉnh', name: 'Nguyễn Văn A' };
const draft = (candidateIds: string[], over: Record<string, unknown> = {}) => ({
  candidateIds, number: ++counter, symbol: 'QĐ-VP', signedOn: '2026-08-05', place: 'Sơn La', signer,
  reason: 'Đã có thành tích xuất sắc trong thực hiện phong trào thi đua "Xây dựng cơ quan văn hóa" giai đoạn 2019–2022',
  budgetSource: 'quỹ thi đua, khen thưởng của Văn phòng', ...over,
});

async function person(name: string) {
  const p = await buildPerson(handle.db, tenantId, name, [{ organisation: subUnit, position: 'Chuyên viên' }]);
  people.push(p);
  return p;
}

async function batchOf(...names: string[]) {
  const list = [];
  for (const n of names) list.push({ person: await person(n) });
  return buildAppraisedBatch(handle.db, tenantId, { unit: subUnit, receiving: office }, list);
}

async function awardsNumbered(number: string) {
  const rows = await handle.db.selectFrom('awards').select('id').where('tenant_id', '=', tenantId).where('decision_number', '=', number).execute();
  return rows.length;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  const db = handle.db;
  tenantId = (await buildTenant(db)).id;
  root = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn La' });
  office = await buildOrganisation(db, tenantId, root, { name: 'Văn phòng UBND tỉnh' });
  subUnit = await buildOrganisation(db, tenantId, office, { name: 'Phòng Hành chính - Tổ chức', kind: 'sub_unit' });
  const finance = await buildOrganisation(db, tenantId, root, { name: 'Sở Tài chính' });
  await buildUser(db, tenantId, 'unit_head', office, { username: 'chanh.vp' });
  await buildUser(db, tenantId, 'unit_officer', office, { username: 'chuyenvien.vp' });
  await buildUser(db, tenantId, 'unit_head', finance, { username: 'giamdoc.stc' });
  await buildUser(db, tenantId, 'unit_head', root, { username: 'chu.tich' });
  subUnitOfficerId = (await buildUser(db, tenantId, 'unit_officer', subUnit, { username: 'vanthu.phong' })).id;
  head = await signIn(app, 'chanh.vp');
  officer = await signIn(app, 'chuyenvien.vp');
  stranger = await signIn(app, 'giamdoc.stc');
  chairman = await signIn(app, 'chu.tich');
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('drafting a decision', () => {
  it('lists what the Office may decide, drafts it with the money in force on the signing date', async () => {
    const { candidateIds } = await batchOf('Nguyễn Thị Hằng', 'Lò Văn Dũng');
    const collective = await buildAppraisedBatch(handle.db, tenantId, { unit: subUnit, receiving: office }, [{ collective: subUnit }]);
    const open = (await head.request({ method: 'GET', url: '/api/decisions/candidates?awardForm=giay_khen&signedOn=2026-08-05' })).json();
    expect(open.items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([...candidateIds, ...collective.candidateIds]));
    expect(open.items.find((c: { id: string }) => c.id === candidateIds[0]).amount).toBe(760_000);

    const created = await head.request({ method: 'POST', url: '/api/decisions', payload: draft([...candidateIds, ...collective.candidateIds]) });
    expect(created.statusCode, created.body).toBe(201);
    const decision = (await head.request({ method: 'GET', url: `/api/decisions/${created.json().id}` })).json();
    expect(decision.status).toBe('draft');
    expect(decision.awardFormName).toBe('Giấy khen');
    // collectives first, then individuals by given name: Dũng before Hằng
    expect(decision.lines.map((l: { name: string }) => l.name)).toEqual(['Phòng Hành chính - Tổ chức', 'Lò Văn Dũng', 'Nguyễn Thị Hằng']);
    // Giấy khen: 0.3 × 2,530,000 = 759,000 → 760,000; a collective 0.6 × 2,530,000 = 1,518,000 → 1,520,000
    expect(decision.lines.map((l: { amount: number }) => l.amount)).toEqual([1_520_000, 760_000, 760_000]);
    expect(decision.total).toBe(3_040_000);
    // drafted candidates are no longer open
    const after = (await head.request({ method: 'GET', url: '/api/decisions/candidates?awardForm=giay_khen' })).json();
    expect(after.items.map((c: { id: string }) => c.id)).not.toContain(candidateIds[0]);
  });

  it('two officers changing the same draft: the one who saves from an older version is refused with 409 edit.stale and changes nothing', async () => {
    const { candidateIds } = await batchOf('Vi Thị Hoa');
    const id = (await head.request({ method: 'POST', url: '/api/decisions', payload: draft(candidateIds, { number: 301 }) })).json().id as string;
    await expectVersionedEdit({
      as: head,
      version: async () => (await head.request({ method: 'GET', url: `/api/decisions/${id}` })).json().version,
      edit: (attempt) => ({ method: 'PUT', url: `/api/decisions/${id}`, payload: draft(candidateIds, { number: 301 + attempt }) }),
      row: () => handle.db.selectFrom('award_decisions').select(['number', 'version']).where('id', '=', id).executeTakeFirstOrThrow(),
    });
  });

  it('a decision signed before 1/7/2026 pays on the old base salary, one signed from that day on the new', async () => {
    const { candidateIds } = await batchOf('Trần Đức Thắng');
    const created = await head.request({ method: 'POST', url: '/api/decisions', payload: draft(candidateIds, { signedOn: '2026-06-30' }) });
    const id = created.json().id as string;
    const before = (await head.request({ method: 'GET', url: `/api/decisions/${id}` })).json();
    // 0.3 × 2,340,000 = 702,000 → 710,000
    expect(before.lines[0].amount).toBe(710_000);
    expect(before.lines[0].baseSalary).toBe(2_340_000);
    const moved = await head.request({ method: 'PUT', url: `/api/decisions/${id}`, payload: draft(candidateIds, { signedOn: '2026-07-01', number: 900 }) });
    expect(moved.statusCode, moved.body).toBe(204);
    const after = (await head.request({ method: 'GET', url: `/api/decisions/${id}` })).json();
    expect(after.lines[0].amount).toBe(760_000);
    expect(after.fullNumber).toBe('900/QĐ-VP');
  });

  it('a deleted draft frees its candidates', async () => {
    const { candidateIds } = await batchOf('Hà Thị Mai');
    const id = (await head.request({ method: 'POST', url: '/api/decisions', payload: draft(candidateIds) })).json().id;
    expect((await head.request({ method: 'POST', url: '/api/decisions', payload: draft(candidateIds) })).statusCode).toBe(409);
    expect((await head.request({ method: 'DELETE', url: `/api/decisions/${id}` })).statusCode).toBe(204);
    expect((await head.request({ method: 'GET', url: `/api/decisions/${id}` })).statusCode).toBe(404);
    expect((await head.request({ method: 'POST', url: '/api/decisions', payload: draft(candidateIds) })).statusCode).toBe(201);
  });
});

describe('issuing a decision', () => {
  it('writes one award per line, into the record, decides the candidates, closes the batch and tells the unit', async () => {
    const { batchId, candidateIds } = await batchOf('Vũ Thị Lan', 'Đinh Công Tráng');
    const payload = draft(candidateIds, { number: 125 });
    const id = (await head.request({ method: 'POST', url: '/api/decisions', payload })).json().id;
    const issued = await head.request({ method: 'POST', url: `/api/decisions/${id}/issue`, headers: { 'idempotency-key': 'issue-125-first' } });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json().number).toBe('125/QĐ-VP');
    expect(issued.json().replayed).toBe(false);
    expect(await awardsNumbered('125/QĐ-VP')).toBe(2);

    const lan = people.find((p) => p.fullName === 'Vũ Thị Lan')!;
    const record = await recordOf(handle.db, tenantId, { kind: 'person', id: lan.id });
    expect(record.awards).toHaveLength(1);
    expect(record.awards[0]).toMatchObject({
      award_form: 'giay_khen', year: 2025, basis: 'merit', decision_number: '125/QĐ-VP', decided_on: '2026-08-05',
      decided_by: 'Chánh Văn phòng UBND tỉnh Nguyễn Văn A',
    });
    const candidates = await handle.db.selectFrom('nomination_candidates').select(['status', 'award_id']).where('batch_id', '=', batchId).execute();
    expect(candidates.every((c) => c.status === 'decided' && c.award_id)).toBe(true);
    const batch = await handle.db.selectFrom('nomination_batches').select('status').where('id', '=', batchId).executeTakeFirstOrThrow();
    expect(batch.status).toBe('decided');
    const notices = await handle.db.selectFrom('notifications').select(['topic', 'entity_id']).where('user_id', '=', subUnitOfficerId).execute();
    expect(notices).toContainEqual({ topic: 'decision_issued', entity_id: id });
    const read = (await head.request({ method: 'GET', url: `/api/decisions/${id}` })).json();
    expect(read.status).toBe('issued');
    expect(read.canIssue).toBe(false);

    // an issued decision cannot change any more
    expect((await head.request({ method: 'PUT', url: `/api/decisions/${id}`, payload })).statusCode).toBe(409);
    expect((await head.request({ method: 'DELETE', url: `/api/decisions/${id}` })).statusCode).toBe(409);
  });

  it('a retried request and a second click answer the same and write nothing new', async () => {
    const { candidateIds } = await batchOf('Lường Văn Sơn', 'Cầm Thị Nga');
    const id = (await head.request({ method: 'POST', url: '/api/decisions', payload: draft(candidateIds, { number: 126 }) })).json().id;
    const first = await head.request({ method: 'POST', url: `/api/decisions/${id}/issue`, headers: { 'idempotency-key': 'issue-126-key' } });
    const audits = await handle.db.selectFrom('audit_log').select('id').where('entity_id', '=', id).execute();
    const retry = await head.request({ method: 'POST', url: `/api/decisions/${id}/issue`, headers: { 'idempotency-key': 'issue-126-key' } });
    const click = await head.request({ method: 'POST', url: `/api/decisions/${id}/issue`, payload: { idempotencyKey: 'issue-126-other' } });
    expect([first.statusCode, retry.statusCode, click.statusCode]).toEqual([200, 200, 200]);
    expect(retry.json().awards).toEqual(first.json().awards);
    expect(click.json().awards).toEqual(first.json().awards);
    expect(retry.json().replayed).toBe(true);
    expect(await awardsNumbered('126/QĐ-VP')).toBe(2);
    expect(await handle.db.selectFrom('audit_log').select('id').where('entity_id', '=', id).execute()).toHaveLength(audits.length);
    // the key belongs to that decision: another decision cannot reuse it
    const other = await batchOf('Quàng Văn Hải');
    const otherId = (await head.request({ method: 'POST', url: '/api/decisions', payload: draft(other.candidateIds) })).json().id;
    const reused = await head.request({ method: 'POST', url: `/api/decisions/${otherId}/issue`, headers: { 'idempotency-key': 'issue-126-key' } });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('decision.key_reused');
  });

  it('two requests at the same instant issue it once', async () => {
    const { candidateIds } = await batchOf('Bạc Cầm Thơ', 'Tòng Văn Khiêm', 'Sa Thị Xuân');
    const id = (await head.request({ method: 'POST', url: '/api/decisions', payload: draft(candidateIds, { number: 127 }) })).json().id;
    const [a, b] = await Promise.all([
      head.request({ method: 'POST', url: `/api/decisions/${id}/issue`, headers: { 'idempotency-key': 'issue-127-same' } }),
      head.request({ method: 'POST', url: `/api/decisions/${id}/issue`, headers: { 'idempotency-key': 'issue-127-same' } }),
    ]);
    expect([a.statusCode, b.statusCode], `${a.body} ${b.body}`).toEqual([200, 200]);
    expect(a.json().awards).toEqual(b.json().awards);
    expect([a.json().replayed, b.json().replayed].sort()).toEqual([false, true]);
    expect(await awardsNumbered('127/QĐ-VP')).toBe(3);
  });
});

describe('an award a decision wrote', () => {
  it('is not deleted from the record: 409 saying to revoke it, the award, its tallies and the audit log unchanged', async () => {
    const { candidateIds } = await batchOf('Hoàng Thị Mơ');
    const id = (await head.request({ method: 'POST', url: '/api/decisions', payload: draft(candidateIds, { number: 128 }) })).json().id;
    const issued = await head.request({ method: 'POST', url: `/api/decisions/${id}/issue`, headers: { 'idempotency-key': 'issue-128' } });
    expect(issued.statusCode, issued.body).toBe(200);
    const awardId = issued.json().awards[0].awardId as string;
    const mo = people.find((p) => p.fullName === 'Hoàng Thị Mơ')!;
    const read = await officer.request({ method: 'GET', url: `/api/people/${mo.id}/record` });
    expect(read.statusCode, read.body).toBe(200);
    const entry = read.json().awards[0];
    expect(entry).toMatchObject({ id: awardId, heldBy: 'decision' });

    const audits = await handle.db.selectFrom('audit_log').select('id').execute();
    const deleted = await officer.request({ method: 'DELETE', url: `/api/records/awards/${awardId}` });
    expect(deleted.statusCode, deleted.body).toBe(409);
    expect(deleted.json().error.code).toBe('award.from_decision');
    expect(deleted.json().error.message).toBe('Khen thưởng này do Quyết định số 128/QĐ-VP ghi nên không xoá được. '
      + 'Nếu quyết định có sai sót, hãy thu hồi khen thưởng (nút "Thu hồi") theo quyết định thu hồi.');
    const english = await officer.request({ method: 'DELETE', url: `/api/records/awards/${awardId}`, headers: { 'accept-language': 'en' } });
    expect(english.json().error.message).toContain('revoke the award');
    expect(await awardsNumbered('128/QĐ-VP')).toBe(1);
    expect(await awardTallyDrift(handle.db, tenantId)).toEqual([]);
    expect(await handle.db.selectFrom('audit_log').select('id').execute()).toHaveLength(audits.length);
  });
});

describe('a provincial award forwarded up the tree', () => {
  it('the chairman decides the forwarded candidate; the unit that first nominated hears of it', async () => {
    const p = await person('Hà Văn Khoa');
    const lower = await buildAppraisedBatch(handle.db, tenantId, { unit: subUnit, receiving: office, awardForm: 'bang_khen_tinh' },
      [{ person: p, status: 'forwarded' }]);
    const upper = await buildAppraisedBatch(handle.db, tenantId, { unit: office, receiving: root, awardForm: 'bang_khen_tinh', forwardedFrom: lower.batchId },
      [{ person: p, sourceCandidateId: lower.candidateIds[0]! }]);
    const open = (await chairman.request({ method: 'GET', url: '/api/decisions/candidates?awardForm=bang_khen_tinh&signedOn=2026-09-01' })).json();
    // Bằng khen của Chủ tịch UBND tỉnh: 1.5 × 2,530,000 = 3,795,000 → 3,800,000
    expect(open.items).toContainEqual(expect.objectContaining({ id: upper.candidateIds[0], amount: 3_800_000 }));
    const id = (await chairman.request({ method: 'POST', url: '/api/decisions',
      payload: draft(upper.candidateIds, { symbol: 'QĐ-UBND', signedOn: '2026-09-01', signer: { authority: 'KT.', authorityBody: 'Chủ tịch', title: 'Phó Chủ tịch', name: 'Lê Văn B' } }) })).json().id;
    const issued = await chairman.request({ method: 'POST', url: `/api/decisions/${id}/issue` });
    expect(issued.statusCode, issued.body).toBe(200);
    const notices = await handle.db.selectFrom('notifications').select('entity_id').where('user_id', '=', subUnitOfficerId).where('topic', '=', 'decision_issued').execute();
    expect(notices.map((n) => n.entity_id)).toContain(id);
    const record = await recordOf(handle.db, tenantId, { kind: 'person', id: p.id });
    expect(record.awards[0]).toMatchObject({ award_form: 'bang_khen_tinh', decided_by: 'Phó Chủ tịch Lê Văn B' });
  });
});

describe('what is refused', () => {
  it('a candidate whose award needs the council\'s vote must have passed it', async () => {
    const p = await person('Mùa A Páo');
    const accepted = await buildAppraisedBatch(handle.db, tenantId, { unit: office, receiving: root, awardForm: 'chien_si_thi_dua_tinh' }, [{ person: p }]);
    const refused = await chairman.request({ method: 'POST', url: '/api/decisions', payload: draft(accepted.candidateIds, { symbol: 'QĐ-UBND' }) });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('decision.vote_required');
    expect(refused.json().error.message).toContain('bỏ phiếu');
    const p2 = await person('Giàng Thị Sua');
    const voted = await buildAppraisedBatch(handle.db, tenantId, { unit: office, receiving: root, awardForm: 'chien_si_thi_dua_tinh' }, [{ person: p2, status: 'voted' }]);
    // the provincial form is decided at the top: the Office's head may not, the chairman may
    expect((await head.request({ method: 'POST', url: '/api/decisions', payload: draft(voted.candidateIds) })).statusCode).toBe(403);
    const ok = await chairman.request({ method: 'POST', url: '/api/decisions', payload: draft(voted.candidateIds, { symbol: 'QĐ-UBND' }) });
    expect(ok.statusCode, ok.body).toBe(201);
    // Chiến sĩ thi đua cấp tỉnh: 3.0 × 2,530,000 = 7,590,000
    expect((await chairman.request({ method: 'GET', url: `/api/decisions/${ok.json().id}` })).json().lines[0].amount).toBe(7_590_000);
  });

  it('a candidate already decided, or on another draft, cannot go on a second decision', async () => {
    const { candidateIds } = await batchOf('Lê Văn Hưng', 'Phạm Thu Trang');
    const id = (await head.request({ method: 'POST', url: '/api/decisions', payload: draft([candidateIds[0]!]) })).json().id;
    const onDraft = await head.request({ method: 'POST', url: '/api/decisions', payload: draft(candidateIds) });
    expect(onDraft.statusCode).toBe(409);
    expect(onDraft.json().error.code).toBe('decision.already_on_decision');
    await head.request({ method: 'POST', url: `/api/decisions/${id}/issue` });
    const decided = await head.request({ method: 'POST', url: '/api/decisions', payload: draft([candidateIds[0]!]) });
    expect(decided.statusCode).toBe(409);
  });

  it('a number used by the authority in the same year, a household, a batch still in appraisal', async () => {
    const first = await batchOf('Hoàng Văn Tài');
    await head.request({ method: 'POST', url: '/api/decisions', payload: draft(first.candidateIds, { number: 500 }) });
    const second = await batchOf('Hoàng Thị Tâm');
    const taken = await head.request({ method: 'POST', url: '/api/decisions', payload: draft(second.candidateIds, { number: 500 }) });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('decision.number_taken');
    // the same number in another year is free
    expect((await head.request({ method: 'POST', url: '/api/decisions', payload: draft(second.candidateIds, { number: 500, signedOn: '2025-12-30' }) })).statusCode).toBe(201);

    const household = await buildHousehold(handle.db, tenantId, subUnit, 'Lò Văn Pọm');
    const h = await buildAppraisedBatch(handle.db, tenantId, { unit: subUnit, receiving: office }, [{ household }]);
    const refused = await head.request({ method: 'POST', url: '/api/decisions', payload: draft(h.candidateIds) });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toContain('hộ gia đình');

    const p = await person('Điêu Chính Tơi');
    const pending = await buildAppraisedBatch(handle.db, tenantId, { unit: subUnit, receiving: office, status: 'under_appraisal' }, [{ person: p, status: 'submitted' }]);
    expect((await head.request({ method: 'POST', url: '/api/decisions', payload: draft(pending.candidateIds) })).statusCode).toBe(409);
  });

  it('out of scope answers 404, a role without decision.issue 403, bad input 400 in Vietnamese', async () => {
    const { candidateIds } = await batchOf('Kim Văn Thành');
    expect((await stranger.request({ method: 'POST', url: '/api/decisions', payload: draft(candidateIds) })).statusCode).toBe(404);
    expect((await officer.request({ method: 'POST', url: '/api/decisions', payload: draft(candidateIds) })).statusCode).toBe(403);
    const id = (await head.request({ method: 'POST', url: '/api/decisions', payload: draft(candidateIds) })).json().id;
    expect((await stranger.request({ method: 'GET', url: `/api/decisions/${id}` })).statusCode).toBe(404);
    expect((await stranger.request({ method: 'POST', url: `/api/decisions/${id}/issue` })).statusCode).toBe(404);
    expect((await officer.request({ method: 'GET', url: `/api/decisions/${id}` })).statusCode).toBe(200);
    expect((await officer.request({ method: 'POST', url: `/api/decisions/${id}/issue` })).statusCode).toBe(403);
    expect((await stranger.request({ method: 'GET', url: '/api/decisions/candidates?awardForm=giay_khen' })).json().items).toEqual([]);

    const bad = await head.request({ method: 'POST', url: '/api/decisions', payload: { ...draft(candidateIds), signedOn: '2026-13-01', reason: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('Dữ liệu gửi lên không hợp lệ.');
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['signedOn', 'reason']));
    const none = await head.request({ method: 'POST', url: '/api/decisions', payload: draft([]) });
    expect(none.statusCode).toBe(400);
  });
});
