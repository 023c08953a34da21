import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session, type TestClock } from '../../testing/app.ts';
import { buildAcceptedBatch } from '../../testing/consultation-fixtures.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { expectVersionedEdit } from '../../testing/versions.ts';
import { AppError } from '../../platform/errors.ts';
import { assertConsultationDone } from './service.ts';

/**
 * Sơn La, December 2026: the provincial Office (Văn phòng UBND tỉnh) proposes two officials for
 * Chiến sĩ thi đua toàn quốc. The province's standing agency (Ban Thi đua – Khen thưởng) accepted the
 * dossier and must publish the list on the provincial portal for 10 working days before the council
 * and the proposal go on (docs/legal/procedure.md#public-consultation).
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let clock: TestClock;
let tenantId: string;
let province: BuiltOrganisation, office: BuiltOrganisation, otherDepartment: BuiltOrganisation;
let standing: Session, officeOfficer: Session, outsider: Session;
let batch: { id: string; candidateIds: string[] };
let consultationId: string;
let laterConsultationId: string;
let ipCounter = 10;
const freshIp = () => `203.0.113.${++ipCounter}`;

const publicGet = (url: string) => app.inject({ method: 'GET', url });
const comment = (id: string, payload: object, ip = freshIp(), headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: `/api/public/consultations/${id}/comments`, payload, remoteAddress: ip, headers });

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app, clock } = await startTestApp(handle));
  clock.set('2026-12-01T02:00:00Z'); // Tuesday 1/12/2026, 9:00 in Sơn La
  const db = handle.db;
  tenantId = (await buildTenant(db)).id;
  const foreignTenant = (await buildTenant(db)).id;
  province = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn La' });
  office = await buildOrganisation(db, tenantId, province, { name: 'Văn phòng UBND tỉnh' });
  otherDepartment = await buildOrganisation(db, tenantId, province, { name: 'Sở Y tế' });
  const foreignRoot = await buildOrganisation(db, foreignTenant, null, { name: 'Ủy ban nhân dân tỉnh khác' });
  const lan = await buildPerson(db, tenantId, 'Lò Thị Lan', [{ organisation: office }], { birthYear: 1979 });
  const hung = await buildPerson(db, tenantId, 'Cầm Văn Hùng', [{ organisation: office }], { birthYear: 1981 });
  batch = await buildAcceptedBatch(db, {
    tenantId, unitId: office.id, receivingId: province.id, awardForm: 'chien_si_thi_dua_toan_quoc',
    candidates: [
      { personId: lan.id, name: 'Lò Thị Lan', position: 'Phó Chánh Văn phòng', unitName: 'Văn phòng UBND tỉnh' },
      { personId: hung.id, name: 'Cầm Văn Hùng', position: 'Chuyên viên', unitName: 'Phòng Tổng hợp' },
    ],
  });
  await buildUser(db, tenantId, 'standing_officer', province, { username: 'btdkt.sonla' });
  await buildUser(db, tenantId, 'unit_officer', office, { username: 'vanthu.vpub' });
  await buildUser(db, tenantId, 'standing_officer', otherDepartment, { username: 'tdkt.soyte' });
  await buildUser(db, foreignTenant, 'system_admin', foreignRoot, { username: 'quantri.khac' });
  standing = await signIn(app, 'btdkt.sonla');
  officeOfficer = await signIn(app, 'vanthu.vpub');
  outsider = await signIn(app, 'tdkt.soyte');
  void foreignRoot;
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('publishing a list for public comment', () => {
  it('previews the accepted candidates and the 10 working days the procedure sets', async () => {
    const r = await standing.request({ method: 'GET', url: `/api/consultations/preview?batchId=${batch.id}` });
    expect(r.statusCode, r.body).toBe(200);
    const p = r.json();
    expect(p.workingDays).toBe(10);
    expect(p.endsOn).toBe('2026-12-14');
    expect(p.candidates.map((c: { name: string }) => c.name)).toEqual(['Lò Thị Lan', 'Cầm Văn Hùng']);
  });

  it('the standing agency publishes; the end date skips the weekends', async () => {
    const r = await standing.request({ method: 'POST', url: '/api/consultations', payload: {
      batchIds: [batch.id], title: 'Lấy ý kiến nhân dân về danh sách đề nghị tặng danh hiệu Chiến sĩ thi đua toàn quốc năm 2026',
      channel: 'Cổng thông tin điện tử tỉnh Sơn La', startsOn: '2026-12-01',
    } });
    expect(r.statusCode, r.body).toBe(201);
    consultationId = r.json().id;
    const detail = (await standing.request({ method: 'GET', url: `/api/consultations/${consultationId}` })).json();
    expect(detail).toMatchObject({ workingDays: 10, endsOn: '2026-12-14', state: 'open', channel: 'Cổng thông tin điện tử tỉnh Sơn La' });
    expect(detail.candidates.map((c: { no: number; name: string }) => `${c.no}. ${c.name}`)).toEqual(['1. Lò Thị Lan', '2. Cầm Văn Hùng']);
    const audit = await handle.db.selectFrom('audit_log').select('action').where('entity_id', '=', consultationId).execute();
    expect(audit.map((a) => a.action)).toEqual(['consultation.publish']);
  });

  it('a candidate on an open list is not published twice; the unit and other departments may not publish', async () => {
    const again = await standing.request({ method: 'POST', url: '/api/consultations', payload: {
      batchIds: [batch.id], title: 'Lần hai', channel: 'Cổng thông tin', startsOn: '2026-12-02', workingDays: 5 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('Lò Thị Lan');
    const unit = await officeOfficer.request({ method: 'POST', url: '/api/consultations', payload: {
      batchIds: [batch.id], title: 'Đơn vị tự đăng', channel: 'Cổng thông tin', startsOn: '2026-12-02', workingDays: 5 } });
    expect(unit.statusCode).toBe(403);
    expect((await outsider.request({ method: 'GET', url: `/api/consultations/${consultationId}` })).statusCode).toBe(404);
  });

  it('bad input answers 400 in Vietnamese and writes nothing', async () => {
    const before = await handle.db.selectFrom('consultations').select('id').execute();
    const r = await standing.request({ method: 'POST', url: '/api/consultations', payload: { batchIds: [], title: 'x', startsOn: '01/12/2026' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toBe('Dữ liệu gửi lên không hợp lệ.');
    expect(r.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['batchIds', 'title', 'channel', 'startsOn']));
    const past = await standing.request({ method: 'POST', url: '/api/consultations', payload: {
      batchIds: [batch.id], title: 'Bắt đầu hôm qua', channel: 'Cổng thông tin', startsOn: '2026-11-30', workingDays: 5 } });
    expect(past.statusCode).toBe(422);
    expect(past.json().error.message).toBe('Ngày bắt đầu lấy ý kiến không được trước ngày hôm nay (01/12/2026).');
    const early = await standing.request({ method: 'POST', url: '/api/consultations', payload: {
      batchIds: [batch.id], title: 'Kết thúc quá sớm', channel: 'Cổng thông tin', startsOn: '2026-12-01', workingDays: 10, endsOn: '2026-12-10' } });
    expect(early.json().error.message).toBe('Ngày kết thúc không được sớm hơn ngày 14/12/2026 (10 ngày làm việc kể từ ngày bắt đầu).');
    const badComment = await comment(consultationId, { body: 'ok' });
    expect(badComment.statusCode).toBe(400);
    expect(badComment.json().error.details.issues[0].path).toBe('body');
    expect(badComment.json().error.details.issues[0].message).toMatch(/[ýàảạáơư]/u);
    expect(await handle.db.selectFrom('consultations').select('id').execute()).toHaveLength(before.length);
  });
});

describe('the public page, without sign-in', () => {
  it('lists the open consultation and shows only public fields', async () => {
    const list = await publicGet('/api/public/consultations');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(consultationId);
    const r = await publicGet(`/api/public/consultations/${consultationId}`);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(Object.keys(body).sort()).toEqual(['candidates', 'channel', 'comments', 'endsOn', 'id', 'open', 'publisher', 'startsOn', 'title', 'workingDays']);
    expect(body.candidates[0]).toEqual({ no: 1, name: 'Lò Thị Lan', position: 'Phó Chánh Văn phòng', unit: 'Văn phòng UBND tỉnh',
      award: 'Chiến sĩ thi đua toàn quốc' });
    // no ids of candidates or people, no birth years, no eligibility
    for (const secret of [...batch.candidateIds, batch.id, '1979', 'eligibility', 'met', 'Hoàn thành xuất sắc']) expect(r.body).not.toContain(secret);
  });

  it('a list that has not started yet is not public', async () => {
    const later = await buildAcceptedBatch(handle.db, { tenantId, unitId: office.id, receivingId: province.id, awardForm: 'chien_si_thi_dua_toan_quoc',
      candidates: [{ personId: (await buildPerson(handle.db, tenantId, 'Quàng Văn Sơn', [{ organisation: office }])).id, name: 'Quàng Văn Sơn' }] });
    const r = await standing.request({ method: 'POST', url: '/api/consultations', payload: {
      batchIds: [later.id], title: 'Danh sách bổ sung', channel: 'Cổng thông tin điện tử tỉnh', startsOn: '2026-12-07' } });
    expect(r.statusCode, r.body).toBe(201);
    laterConsultationId = r.json().id;
    expect((await publicGet(`/api/public/consultations/${r.json().id}`)).statusCode).toBe(404);
    expect((await comment(r.json().id, { body: 'Ý kiến gửi sớm' })).statusCode).toBe(404);
  });

  it('a comment is pending until the standing agency publishes it; a hidden one is never public; contacts never are', async () => {
    const sent = await comment(consultationId, { candidateNo: 1, authorName: 'Nguyễn Văn Dân', contact: '0912 345 678',
      body: 'Đồng chí Lan luôn tận tụy, gương mẫu với nhân dân.' });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toEqual({ status: 'pending' });
    expect((await comment(consultationId, { body: 'Nội dung không phù hợp, xúc phạm.' })).statusCode).toBe(201);
    expect((await publicGet(`/api/public/consultations/${consultationId}`)).json().comments).toEqual([]);

    const staff = (await standing.request({ method: 'GET', url: `/api/consultations/${consultationId}` })).json();
    expect(staff.comments.map((c: { status: string }) => c.status)).toEqual(['pending', 'pending']);
    const [good, bad] = staff.comments as { id: string; contact: string; candidateNo: number | null; sender: string }[];
    expect(good).toMatchObject({ contact: '0912 345 678', candidateNo: 1 });
    expect(good!.sender).toMatch(/^[0-9a-f]{8}$/);
    const stored = await handle.db.selectFrom('consultation_comments').select(['ip_hash']).execute();
    for (const s of stored) expect(s.ip_hash).not.toContain('203.0.113');
    const notified = await handle.db.selectFrom('notifications').select('topic').where('topic', '=', 'consultation_comment').execute();
    expect(notified.length).toBeGreaterThanOrEqual(2);

    expect((await standing.request({ method: 'PATCH', url: `/api/consultations/${consultationId}/comments/${good!.id}`,
      payload: { status: 'published', handlingNote: 'Ghi nhận, tổng hợp báo cáo Hội đồng.' } })).statusCode).toBe(204);
    expect((await standing.request({ method: 'PATCH', url: `/api/consultations/${consultationId}/comments/${bad!.id}`,
      payload: { status: 'hidden', handlingNote: 'Nội dung xúc phạm, không có căn cứ.' } })).statusCode).toBe(204);
    const nothing = await standing.request({ method: 'PATCH', url: `/api/consultations/${consultationId}/comments/${bad!.id}`, payload: {} });
    expect(nothing.statusCode).toBe(400);

    const pub = await publicGet(`/api/public/consultations/${consultationId}`);
    expect(pub.json().comments).toEqual([{ candidateNo: 1, authorName: 'Nguyễn Văn Dân', body: 'Đồng chí Lan luôn tận tụy, gương mẫu với nhân dân.', date: '2026-12-01' }]);
    for (const secret of ['0912 345 678', 'xúc phạm', 'Ghi nhận, tổng hợp']) expect(pub.body).not.toContain(secret);
    const audit = await handle.db.selectFrom('audit_log').select(['action', 'changes']).where('entity_id', '=', bad!.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['consultation.comment_received', 'consultation.moderate']);
  });

  it('a <script> comment comes back verbatim as data, never as markup', async () => {
    const script = '<script>alert("xss")</script><img src=x onerror=alert(1)>';
    expect((await comment(consultationId, { body: script })).statusCode).toBe(201);
    const staff = (await standing.request({ method: 'GET', url: `/api/consultations/${consultationId}` })).json();
    const row = staff.comments.find((c: { body: string }) => c.body === script);
    expect(row).toBeDefined();
    await standing.request({ method: 'PATCH', url: `/api/consultations/${consultationId}/comments/${row.id}`, payload: { status: 'published' } });
    const pub = await publicGet(`/api/public/consultations/${consultationId}`);
    expect(pub.headers['content-type']).toMatch(/^application\/json/);
    expect(pub.json().comments.map((c: { body: string }) => c.body)).toContain(script);
  });

  it('two officers handling the same comment: the one who saves from an older version is refused with 409 edit.stale and changes nothing', async () => {
    const body = 'Đề nghị làm rõ thành tích năm 2025 của người số 1.';
    expect((await comment(consultationId, { body })).statusCode).toBe(201);
    const shown = async () => (await standing.request({ method: 'GET', url: `/api/consultations/${consultationId}` })).json().comments
      .find((c: { body: string }) => c.body === body) as { id: string; version: number };
    const { id } = await shown();
    await expectVersionedEdit({
      as: standing, version: async () => (await shown()).version,
      edit: (attempt) => ({ method: 'PATCH', url: `/api/consultations/${consultationId}/comments/${id}`, payload: { handlingNote: `Đã xử lý, lần ${attempt}.` } }),
      row: () => handle.db.selectFrom('consultation_comments').select(['status', 'handling_note', 'version']).where('id', '=', id).executeTakeFirstOrThrow(),
    });
  });

  it('one address may send 5 comments in 10 minutes; the sixth gets 429 in Vietnamese', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await comment(consultationId, { body: `Ý kiến thứ ${i + 1} về danh sách.` }, ip)).statusCode).toBe(201);
    const sixth = await comment(consultationId, { body: 'Ý kiến thứ 6 về danh sách.' }, ip);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.message).toBe('Quá nhiều yêu cầu. Vui lòng thử lại sau.');
    expect((await comment(consultationId, { body: 'Một người khác góp ý.' })).statusCode).toBe(201);
  });

  it('an unknown entry number is refused', async () => {
    const r = await comment(consultationId, { candidateNo: 9, body: 'Góp ý cho người số 9.' });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toBe('Danh sách không có người số 9.');
  });
});

describe('closing, and the decision waiting for it', () => {
  it('the decision is refused while the consultation is open, and for a nominee never consulted', async () => {
    const open = await assertConsultationDone(handle.db, tenantId, batch.candidateIds, '2026-12-05').catch((e: unknown) => e);
    expect(open).toBeInstanceOf(AppError);
    expect(open).toMatchObject({ code: 'consultation.pending', status: 409, params: { name: 'Lò Thị Lan', endsOn: '14/12/2026' } });
    const never = await buildAcceptedBatch(handle.db, { tenantId, unitId: office.id, receivingId: province.id, awardForm: 'chien_si_thi_dua_toan_quoc',
      candidates: [{ personId: (await buildPerson(handle.db, tenantId, 'Lường Thị Mai', [{ organisation: office }])).id, name: 'Lường Thị Mai' }] });
    const e = await assertConsultationDone(handle.db, tenantId, never.candidateIds, '2026-12-05').catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'consultation.pending', params: { name: 'Lường Thị Mai', endsOn: '—' }, details: [{ endsOn: null }] });
  });

  it('an award without consultation does not wait; a tenant that asks for one does', async () => {
    const giayKhen = await buildAcceptedBatch(handle.db, { tenantId, unitId: office.id, receivingId: province.id, awardForm: 'bang_khen_tinh',
      candidates: [{ personId: (await buildPerson(handle.db, tenantId, 'Hà Văn Tú', [{ organisation: office }])).id, name: 'Hà Văn Tú' }] });
    await expect(assertConsultationDone(handle.db, tenantId, giayKhen.candidateIds, '2026-12-05')).resolves.toBeUndefined();
    await handle.db.insertInto('award_procedures').values({
      tenant_id: tenantId, award_form: 'bang_khen_tinh', council_vote: false, secret_ballot: false, threshold_percent: 50.01, threshold_of: 'members',
      consultation_days: 5, citation: 'Quy chế của tỉnh', updated_by: null, updated_at: new Date(),
    }).execute();
    await expect(assertConsultationDone(handle.db, tenantId, giayKhen.candidateIds, '2026-12-05')).rejects.toMatchObject({ code: 'consultation.pending' });
    const preview = (await standing.request({ method: 'GET', url: `/api/consultations/preview?batchId=${giayKhen.id}` })).json();
    expect(preview).toMatchObject({ workingDays: 5, endsOn: '2026-12-07' });
  });

  it('closing before the end date is refused', async () => {
    const r = await standing.request({ method: 'POST', url: `/api/consultations/${consultationId}/close` });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toBe('Chưa thể kết thúc việc lấy ý kiến: thời gian góp ý kéo dài đến hết ngày 14/12/2026.');
  });

  it('the officer may move the end date later, never earlier', async () => {
    // Monday 7/12 + 10 working days: Friday 18/12; a holiday the calendar lacks moves it to Monday 21/12
    const url = `/api/consultations/${laterConsultationId}/extend`;
    const earlier = await standing.request({ method: 'POST', url, payload: { endsOn: '2026-12-17' } });
    expect(earlier.statusCode).toBe(422);
    expect(earlier.json().error.message).toBe('Ngày kết thúc mới phải sau ngày kết thúc hiện tại (18/12/2026).');
    expect((await standing.request({ method: 'POST', url, payload: { endsOn: '2026-12-21' } })).statusCode).toBe(204);
    expect((await standing.request({ method: 'GET', url: `/api/consultations/${laterConsultationId}` })).json().endsOn).toBe('2026-12-21');
    const audit = await handle.db.selectFrom('audit_log').select('changes').where('entity_id', '=', laterConsultationId)
      .where('action', '=', 'consultation.extend').execute();
    expect(audit.map((a) => a.changes)).toEqual([{ endsOn: ['2026-12-18', '2026-12-21'] }]);
  });

  it('comments are taken until the end of the last day, then refused with the end date', async () => {
    clock.set('2026-12-14T16:00:00Z'); // 23:00 on Monday 14/12 in Vietnam: still the last day
    expect((await comment(consultationId, { body: 'Góp ý vào phút chót.' })).statusCode).toBe(201);
    clock.set('2026-12-14T17:30:00Z'); // 0:30 on Tuesday 15/12
    const late = await comment(consultationId, { body: 'Góp ý muộn một ngày.' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('Đã hết thời gian góp ý (kết thúc ngày 14/12/2026): ý kiến không được ghi nhận.');
    const en = await comment(consultationId, { body: 'A late comment.' }, freshIp(), { 'accept-language': 'en' });
    expect(en.json().error.message).toBe('The comment period is over (it ended on 14/12/2026): the comment was not recorded.');
    expect((await publicGet('/api/public/consultations')).json().items.map((i: { id: string }) => i.id)).not.toContain(consultationId);
  });

  it('closing waits for every comment to be reviewed; then the decision may go on', async () => {
    standing = await signIn(app, 'btdkt.sonla'); // two weeks later: a new session
    const pending = await standing.request({ method: 'POST', url: `/api/consultations/${consultationId}/close` });
    expect(pending.statusCode).toBe(409);
    expect(pending.json().error.code).toBe('consultation.comments_pending');
    const staff = (await standing.request({ method: 'GET', url: `/api/consultations/${consultationId}` })).json();
    for (const c of staff.comments.filter((x: { status: string }) => x.status === 'pending')) {
      await standing.request({ method: 'PATCH', url: `/api/consultations/${consultationId}/comments/${c.id}`, payload: { status: 'published' } });
    }
    const closed = await standing.request({ method: 'POST', url: `/api/consultations/${consultationId}/close` });
    expect(closed.statusCode, closed.body).toBe(204);
    expect((await standing.request({ method: 'GET', url: `/api/consultations/${consultationId}` })).json().state).toBe('closed');
    await expect(assertConsultationDone(handle.db, tenantId, batch.candidateIds, '2026-12-15')).resolves.toBeUndefined();
    // the public record stays readable, but takes no more comments
    const pub = await publicGet(`/api/public/consultations/${consultationId}`);
    expect(pub.json().open).toBe(false);
    expect((await standing.request({ method: 'POST', url: `/api/consultations/${consultationId}/close` })).statusCode).toBe(409);
  });
});
