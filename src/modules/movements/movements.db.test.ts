import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session, type TestClock } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/ids.ts';

/**
 * The office-culture movement of 2019 walked through the system: Kiên Giang province issues its plan
 * (127/KH-UBND, 19/8/2019), An Biên district cascades it and adds local contents, Hòn Đất does not respond.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let clock: TestClock;
let province: BuiltOrganisation, anBien: BuiltOrganisation, honDat: BuiltOrganisation, otherProvinceUnit: BuiltOrganisation;
let provincial: Session, district: Session, outsider: Session;
let parentId: string;
let childId: string;

const newId = () => uuidv7();
const plan = () => ({
  legalBases: [{ id: newId(), text: 'Thực hiện Quyết định số 733/QĐ-TTg ngày 14 tháng 6 năm 2019 của Thủ tướng Chính phủ' }],
  purposes: [{ id: newId(), text: 'Tạo sự chuyển biến mạnh mẽ về ý thức và hành động; tự tu dưỡng, rèn luyện…' }],
  participants: [{ id: newId(), kind: 'collective', scope: 'Các cơ quan, đơn vị thuộc tỉnh' }, { id: newId(), kind: 'individual', scope: 'Cán bộ, công chức, viên chức' }],
  contents: [
    { id: newId(), participantKind: 'collective', title: 'Thi đua xây dựng cơ quan, đơn vị văn minh, hiện đại, xanh, sạch, đẹp', text: 'Đối với tập thể',
      points: [{ id: newId(), text: 'Cụ thể hóa các chính sách, quy định của cấp có thẩm quyền' }, { id: newId(), text: 'Xây dựng và giữ gìn cơ quan, đơn vị văn minh, hiện đại, xanh, sạch, đẹp' }] },
    { id: newId(), participantKind: 'individual', title: 'Thi đua thực hiện văn hóa công sở', text: 'Đối với cá nhân' },
  ],
  criteria: [{ id: newId(), awardForm: 'bang_khen_tinh', participantKind: 'individual', text: 'Hoàn thành xuất sắc nhiệm vụ 02 năm liên tục',
    rule: { type: 'rating', atLeast: 'excellent', years: { from: 2023, to: 2024 }, min: 2 } }],
  awards: [{ id: newId(), phase: 'final_review', awardForm: 'bang_khen_tinh', recipients: ['collective', 'individual'], proposedBy: 'Thủ trưởng các sở, ngành, Chủ tịch UBND các huyện',
    quotas: [{ id: newId(), appliesTo: { label: 'mỗi huyện' }, collectives: 2, individuals: 3 }], window: { opens: '2025-06-01', closes: '2025-06-30' } }],
});
const phases = [
  { kind: 'launch', title: 'Phát động phong trào', startsOn: '2019-08-19' },
  { kind: 'response_plan', title: 'Các huyện xây dựng kế hoạch hưởng ứng', dueOn: '2019-09-30' },
  { kind: 'mid_term_review', title: 'Sơ kết 03 năm', dueOn: '2022-06-30', outline: [{ title: 'Kết quả đạt được', points: ['Công tác chỉ đạo', 'Kết quả thực hiện các nội dung'] }] },
  { kind: 'final_review', title: 'Tổng kết', dueOn: '2025-06-30' },
];

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app, clock } = await startTestApp(handle));
  const tenantId = (await buildTenant(handle.db)).id;
  const foreignTenant = (await buildTenant(handle.db)).id;
  province = await buildOrganisation(handle.db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Kiên Giang' });
  anBien = await buildOrganisation(handle.db, tenantId, province, { name: 'Ủy ban nhân dân huyện An Biên', level: 'district' });
  honDat = await buildOrganisation(handle.db, tenantId, province, { name: 'Ủy ban nhân dân huyện Hòn Đất', level: 'district' });
  await buildOrganisation(handle.db, tenantId, province, { name: 'Phòng Tổng hợp', kind: 'sub_unit' });
  const foreignRoot = await buildOrganisation(handle.db, foreignTenant, null, { name: 'Ủy ban nhân dân tỉnh khác' });
  otherProvinceUnit = foreignRoot;
  await buildUser(handle.db, tenantId, 'standing_officer', province, { username: 'tdkt.tinh' });
  await buildUser(handle.db, tenantId, 'unit_officer', anBien, { username: 'noivu.anbien' });
  await buildUser(handle.db, tenantId, 'unit_officer', honDat, { username: 'noivu.hondat' });
  await buildUser(handle.db, foreignTenant, 'system_admin', foreignRoot, { username: 'ngoai.tinh' });
  provincial = await signIn(app, 'tdkt.tinh');
  district = await signIn(app, 'noivu.anbien');
  outsider = await signIn(app, 'ngoai.tinh');
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('a provincial plan', () => {
  it('is drafted with structured contents, criteria, awards, quotas, a window and phases', async () => {
    const response = await provincial.request({ method: 'POST', url: '/api/movements', payload: {
      organisationId: province.id, kind: 'multi_year', name: 'Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở giai đoạn 2019 - 2025',
      documentSymbol: 'KH-UBND', place: 'Kiên Giang', periodStart: '2019-08-19', periodEnd: '2025-12-31', plan: plan(), phases } });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    parentId = body.id;
    expect(body).toMatchObject({ status: 'draft', allowedActions: ['edit', 'issue'] });
    expect(body.plan.contents[0].points).toHaveLength(2);
    expect(body.plan.awards[0].quotas[0]).toMatchObject({ collectives: 2, individuals: 3 });
    expect(body.plan.awards[0].window).toEqual({ opens: '2025-06-01', closes: '2025-06-30' });
    expect(body.phases.map((p: { kind: string }) => p.kind)).toEqual(['launch', 'response_plan', 'mid_term_review', 'final_review']);
    expect(body.phases[2].outline[0].points).toHaveLength(2);
  });

  it('cannot be cascaded while it is a draft, and is invisible to the district until issued', async () => {
    expect((await district.request({ method: 'GET', url: `/api/movements/${parentId}` })).statusCode).toBe(404);
  });

  it('is issued with its number and date; its number cannot be reused that year', async () => {
    clock.set('2019-08-19T02:00:00Z');
    const issued = await provincial.request({ method: 'POST', url: `/api/movements/${parentId}/issue`, payload: { documentNumber: 127, issuedOn: '2019-08-19' } });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({ status: 'issued', documentNumber: 127, allowedActions: ['amend', 'close'] });
    const again = await provincial.request({ method: 'POST', url: '/api/movements', payload: {
      organisationId: province.id, kind: 'campaign', name: 'Đợt thi đua khác trong năm', documentSymbol: 'KH-UBND', periodStart: '2019-09-01', periodEnd: '2019-12-31', plan: {} } });
    const clash = await provincial.request({ method: 'POST', url: `/api/movements/${again.json().id}/issue`, payload: { documentNumber: 127, issuedOn: '2019-10-01' } });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('movement.number_taken');
  });

  it('once issued, is immutable except by a recorded amendment', async () => {
    const edit = await provincial.request({ method: 'PATCH', url: `/api/movements/${parentId}`, payload: { slogan: 'Đổi khẩu hiệu' } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('movement.immutable');
    expect(edit.json().error.message).toMatch(/sửa đổi, bổ sung/);
    expect((await provincial.request({ method: 'GET', url: `/api/movements/${parentId}` })).json().slogan).toBe('');
    const amended = await provincial.request({ method: 'POST', url: `/api/movements/${parentId}/amendments`, payload: {
      reason: 'Bổ sung khẩu hiệu theo Hướng dẫn của Ban Thi đua – Khen thưởng Trung ương', slogan: 'Kỷ cương – Trách nhiệm – Thân thiện' } });
    expect(amended.statusCode, amended.body).toBe(201);
    expect(amended.json().slogan).toBe('Kỷ cương – Trách nhiệm – Thân thiện');
    expect(amended.json().amendments).toMatchObject([{ sequence: 1, reason: 'Bổ sung khẩu hiệu theo Hướng dẫn của Ban Thi đua – Khen thưởng Trung ương' }]);
  });
});

describe('the district\'s response', () => {
  it('cascades the provincial plan: everything inherited, the parent cited as its basis', async () => {
    clock.set('2019-09-10T02:00:00Z');
    const response = await district.request({ method: 'POST', url: `/api/movements/${parentId}/cascade`, payload: { organisationId: anBien.id } });
    expect(response.statusCode, response.body).toBe(201);
    const child = response.json();
    childId = child.id;
    expect(child).toMatchObject({ status: 'draft', parentMovementId: parentId, parent: { id: parentId } });
    expect(child.plan.legalBases[0].text).toBe('Thực hiện Kế hoạch số 127/KH-UBND ngày 19/08/2019 của Ủy ban nhân dân tỉnh Kiên Giang về Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở giai đoạn 2019 - 2025');
    expect(child.plan.contents).toHaveLength(2);
    expect(child.phases.map((p: { inheritedFrom: string | null }) => p.inheritedFrom).every(Boolean)).toBe(true);
    expect(child.changesAgainstParent).toEqual([]);
  });

  it('adds the no-smoking and no-plastic contents and tightens a quota; the diff shows both', async () => {
    const child = (await district.request({ method: 'GET', url: `/api/movements/${childId}` })).json();
    child.plan.contents[0].points.push({ id: newId(), inheritedFrom: null, text: 'Không có khói thuốc lá tại công sở và nơi công cộng.' });
    child.plan.contents.push({ id: newId(), inheritedFrom: null, participantKind: 'collective', title: '', text: 'Không có rác thải nhựa tại công sở và ngoài cộng đồng.', points: [] });
    child.plan.awards[0].quotas[0].individuals = 2;
    const response = await district.request({ method: 'PATCH', url: `/api/movements/${childId}`, payload: { plan: child.plan, documentSymbol: 'KH-UBND', place: 'An Biên' } });
    expect(response.statusCode, response.body).toBe(200);
    const changes = response.json().changesAgainstParent;
    expect(changes.filter((c: { kind: string }) => c.kind === 'added').map((c: { list: string }) => c.list)).toEqual(['contents']);
    expect(changes.filter((c: { kind: string }) => c.kind === 'changed').map((c: { list: string }) => c.list).sort()).toEqual(['awards', 'contents']);
  });

  it('keeps each phase\'s link to the parent\'s when the district edits its deadlines', async () => {
    const child = (await district.request({ method: 'GET', url: `/api/movements/${childId}` })).json();
    const phases = child.phases.map((p: { id: string; title: string }, i: number) => ({ ...p, id: undefined, title: i === 1 ? 'Các xã ban hành kế hoạch hưởng ứng' : p.title }));
    const response = await district.request({ method: 'PATCH', url: `/api/movements/${childId}`, payload: { phases } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().phases[1].title).toBe('Các xã ban hành kế hoạch hưởng ứng');
    expect(response.json().phases.map((p: { inheritedFrom: string | null }) => p.inheritedFrom)).toEqual(child.phases.map((p: { inheritedFrom: string | null }) => p.inheritedFrom));
  });

  it('cannot loosen the parent\'s quota, and nothing is saved', async () => {
    const child = (await district.request({ method: 'GET', url: `/api/movements/${childId}` })).json();
    child.plan.awards[0].quotas[0].collectives = 5;
    const response = await district.request({ method: 'PATCH', url: `/api/movements/${childId}`, payload: { plan: child.plan } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe('Chỉ tiêu khen thưởng của cấp dưới không được vượt chỉ tiêu của kế hoạch cấp trên (collectives: tối đa 2).');
    expect((await district.request({ method: 'GET', url: `/api/movements/${childId}` })).json().plan.awards[0].quotas[0].collectives).toBe(2);
  });

  it('the province sees An Biên as responded once issued, and Hòn Đất as overdue after 30/9/2019 in Hà Nội time', async () => {
    const issued = await district.request({ method: 'POST', url: `/api/movements/${childId}/issue`, payload: { documentNumber: 118, issuedOn: '2019-09-17' } });
    expect(issued.statusCode, issued.body).toBe(200);
    clock.set('2019-09-30T16:59:00Z'); // 23:59 on 30/9 in Hà Nội
    let tracking = (await provincial.request({ method: 'GET', url: `/api/movements/${parentId}/responses` })).json();
    const stateOf = (name: string) => tracking.items.find((i: { organisation: { name: string } }) => i.organisation.name === name).responsePlan.state;
    expect(tracking.items.map((i: { organisation: { name: string } }) => i.organisation.name)).toEqual(['Ủy ban nhân dân huyện An Biên', 'Ủy ban nhân dân huyện Hòn Đất']);
    expect(stateOf('Ủy ban nhân dân huyện An Biên')).toBe('done');
    expect(stateOf('Ủy ban nhân dân huyện Hòn Đất')).toBe('pending');
    clock.set('2019-09-30T17:00:01Z'); // 00:00:01 on 1/10 in Hà Nội
    tracking = (await provincial.request({ method: 'GET', url: `/api/movements/${parentId}/responses` })).json();
    expect(stateOf('Ủy ban nhân dân huyện Hòn Đất')).toBe('overdue');
  });

  it('the province\'s plan tells a district officer that tracking responses is not theirs, so their page never asks for it (and never meets a 403)', async () => {
    expect((await provincial.request({ method: 'GET', url: `/api/movements/${parentId}` })).json().canTrackResponses).toBe(true);
    expect((await district.request({ method: 'GET', url: `/api/movements/${parentId}` })).json().canTrackResponses).toBe(false);
    expect((await district.request({ method: 'GET', url: `/api/movements/${parentId}/responses` })).statusCode).toBe(403);
    expect((await district.request({ method: 'GET', url: `/api/movements/${childId}` })).json().canTrackResponses).toBe(true);
  });

  it('the province reminds Hòn Đất; the reminder is recorded and reaches the district\'s officer (bell, and e-mail through the outbox)', async () => {
    const response = await provincial.request({ method: 'POST', url: `/api/movements/${parentId}/reminders`, payload: {
      organisationId: honDat.id, message: 'Đề nghị UBND huyện Hòn Đất khẩn trương ban hành kế hoạch hưởng ứng.' } });
    expect(response.statusCode, response.body).toBe(201);
    const tracking = (await provincial.request({ method: 'GET', url: `/api/movements/${parentId}/responses` })).json();
    expect(tracking.items[1].lastReminderAt).not.toBeNull();
    const outbox = await handle.db.selectFrom('outbox').select('topic').execute();
    expect(outbox.map((o) => o.topic)).toContain('notification.movement_reminder');
    const officer = await signIn(app, 'noivu.hondat');
    const bell = (await officer.request({ method: 'GET', url: '/api/notifications' })).json();
    expect(bell.items[0]).toMatchObject({ topic: 'movement_reminder', entityType: 'movement', entityId: parentId,
      params: { message: 'Đề nghị UBND huyện Hòn Đất khẩn trương ban hành kế hoạch hưởng ứng.' } });
  });

  it('"remind all overdue units" reminds each overdue unit once a day: the same day again sends nothing, and it is audited', async () => {
    const remindAll = () => provincial.request({ method: 'POST', url: `/api/movements/${parentId}/reminders/overdue`, payload: {
      message: 'Đề nghị các đơn vị khẩn trương ban hành kế hoạch hưởng ứng.' } });
    const reminders = async () => (await handle.db.selectFrom('movement_reminders').select('organisation_id').where('movement_id', '=', parentId).execute()).length;
    // Hòn Đất was reminded by its own button earlier today (1/10 in Hà Nội): not again
    let response = await remindAll();
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({ reminded: 0, alreadyToday: 1 });
    expect(await reminders()).toBe(1);

    clock.set('2019-10-01T17:30:00Z'); // 00:30 on 2/10 in Hà Nội: a new day
    response = await remindAll();
    expect(response.json()).toEqual({ reminded: 1, alreadyToday: 0 });
    response = await remindAll();
    expect(response.json()).toEqual({ reminded: 0, alreadyToday: 1 });
    const sent = await handle.db.selectFrom('movement_reminders').select('organisation_id').where('movement_id', '=', parentId).execute();
    // An Biên responded and is never reminded; Hòn Đất twice in all, a day apart
    expect(sent.map((r) => r.organisation_id)).toEqual([honDat.id, honDat.id]);
    const audit = await handle.db.selectFrom('audit_log').select(['changes']).where('action', '=', 'movement.remind_overdue').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.changes).toMatchObject({ count: 1, organisations: ['Ủy ban nhân dân huyện Hòn Đất'] });
    const officer = await signIn(app, 'noivu.hondat');
    const bell = (await officer.request({ method: 'GET', url: '/api/notifications' })).json();
    expect(bell.items.filter((n: { topic: string }) => n.topic === 'movement_reminder')).toHaveLength(2);
    // a district officer does not write the province's plan
    expect((await district.request({ method: 'POST', url: `/api/movements/${parentId}/reminders/overdue`, payload: { message: 'Nhắc nhở.' } })).statusCode).toBe(403);
  });

  it('the district registers its titles; the province sees the compiled registrations', async () => {
    const response = await district.request({ method: 'POST', url: `/api/movements/${parentId}/registrations`, payload: {
      organisationId: anBien.id, titles: [{ awardForm: 'tap_the_lao_dong_xuat_sac', collectives: 1 }, { awardForm: 'chien_si_thi_dua_co_so', individuals: 5 }],
      commitments: 'Không có cán bộ vi phạm văn hóa công sở.' } });
    expect(response.statusCode, response.body).toBe(201);
    const compiled = (await provincial.request({ method: 'GET', url: `/api/movements/${parentId}/registrations` })).json();
    expect(compiled.items).toHaveLength(1);
    expect(compiled.items[0]).toMatchObject({ organisation: { name: 'Ủy ban nhân dân huyện An Biên' }, commitments: 'Không có cán bộ vi phạm văn hóa công sở.' });
  });
});

describe('bad input changes nothing', () => {
  it('a window that ends before it starts, and a quota below zero', async () => {
    const bad = plan();
    bad.awards[0]!.window = { opens: '2025-06-30', closes: '2025-06-01' };
    (bad.awards[0]!.quotas[0] as { individuals: number }).individuals = -1;
    const before = (await provincial.request({ method: 'GET', url: '/api/movements' })).json().items.length;
    const response = await provincial.request({ method: 'POST', url: '/api/movements', payload: {
      organisationId: province.id, kind: 'campaign', name: 'Đợt thi đua có lỗi', periodStart: '2025-01-01', periodEnd: '2025-12-31', plan: bad } });
    expect(response.statusCode).toBe(400);
    const issues = response.json().error.details.issues as { path: string; message: string }[];
    expect(issues.find((i) => i.path === 'plan.awards.0.window.closes')?.message).toBe('Thời hạn kết thúc phải sau hoặc trùng ngày bắt đầu.');
    expect(issues.some((i) => i.path === 'plan.awards.0.quotas.0.individuals')).toBe(true);
    expect((await provincial.request({ method: 'GET', url: '/api/movements' })).json().items.length).toBe(before);
  });

  it('a cascade from a movement outside the user\'s reach', async () => {
    const response = await outsider.request({ method: 'POST', url: `/api/movements/${parentId}/cascade`, payload: { organisationId: otherProvinceUnit.id } });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toBe('Không tìm thấy kế hoạch, phong trào thi đua.');
  });

  it('a district cannot cascade into a unit that is not its own', async () => {
    const response = await district.request({ method: 'POST', url: `/api/movements/${parentId}/cascade`, payload: { organisationId: honDat.id } });
    expect([403, 404]).toContain(response.statusCode);
  });

  it('an unknown award form', async () => {
    const bad = plan();
    bad.awards[0]!.awardForm = 'huy_chuong_vang';
    const response = await provincial.request({ method: 'POST', url: '/api/movements', payload: {
      organisationId: province.id, kind: 'campaign', name: 'Đợt thi đua có lỗi', periodStart: '2025-01-01', periodEnd: '2025-12-31', plan: bad } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('movement.unknown_award_form');
  });
});

describe('officers editing one plan at the same time', () => {
  const draftPlan = async () => {
    const created = await provincial.request({ method: 'POST', url: '/api/movements', payload: {
      organisationId: province.id, kind: 'campaign', name: 'Đợt thi đua cao điểm chào mừng Đại hội', documentSymbol: 'KH-UBND', periodStart: '2025-01-01',
      periodEnd: '2025-12-31', plan: plan(), phases } });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as { id: string; version: number };
  };

  it('two edits of different fields both stay (neither is silently lost)', async () => {
    for (let trial = 0; trial < 5; trial++) {
      const { id } = await draftPlan();
      const [a, b] = await Promise.all([
        provincial.request({ method: 'PATCH', url: `/api/movements/${id}`, payload: { slogan: `Khẩu hiệu ${trial}` } }),
        provincial.request({ method: 'PATCH', url: `/api/movements/${id}`, payload: { place: 'Rạch Giá' } }),
      ]);
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      const after = (await provincial.request({ method: 'GET', url: `/api/movements/${id}` })).json();
      expect({ slogan: after.slogan, place: after.place }).toEqual({ slogan: `Khẩu hiệu ${trial}`, place: 'Rạch Giá' });
      expect(after.version).toBe(3);
    }
  });

  it('an edit made from an older version is refused with 409 and changes nothing; the current version is taken', async () => {
    const { id, version } = await draftPlan();
    const first = await provincial.request({ method: 'PATCH', url: `/api/movements/${id}`, payload: { slogan: 'Của người thứ nhất', version } });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(version + 1);
    const stale = await provincial.request({ method: 'PATCH', url: `/api/movements/${id}`, payload: { slogan: 'Của người thứ hai', version } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'edit.stale', message: expect.stringMatching(/tải lại/) });
    expect((await provincial.request({ method: 'GET', url: `/api/movements/${id}` })).json().slogan).toBe('Của người thứ nhất');
    const fresh = await provincial.request({ method: 'PATCH', url: `/api/movements/${id}`, payload: { slogan: 'Của người thứ hai', version: version + 1 } });
    expect(fresh.statusCode).toBe(200);
  });

  it('twenty amendments at once are all recorded, numbered 1 to 20', async () => {
    const { id } = await draftPlan();
    const issued = await provincial.request({ method: 'POST', url: `/api/movements/${id}/issue`, payload: { documentNumber: 901, issuedOn: '2025-01-10' } });
    expect(issued.statusCode, issued.body).toBe(200);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => provincial.request({
      method: 'POST', url: `/api/movements/${id}/amendments`, payload: { reason: `Sửa đổi lần thứ ${i + 1} theo chỉ đạo`, slogan: `Khẩu hiệu ${i + 1}` } })));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(201));
    const detail = (await provincial.request({ method: 'GET', url: `/api/movements/${id}` })).json();
    expect(detail.amendments.map((a: { sequence: number }) => a.sequence).sort((x: number, y: number) => x - y))
      .toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('amending the phases of a plan that already has unit reports keeps the reports; removing a reported phase is refused', async () => {
    const { id } = await draftPlan();
    expect((await provincial.request({ method: 'POST', url: `/api/movements/${id}/issue`, payload: { documentNumber: 902, issuedOn: '2025-01-10' } })).statusCode).toBe(200);
    const detail = (await provincial.request({ method: 'GET', url: `/api/movements/${id}` })).json();
    const final = detail.phases.find((p: { kind: string }) => p.kind === 'final_review');
    const tenantId = (await handle.db.selectFrom('movements').select('tenant_id').where('id', '=', id).executeTakeFirstOrThrow()).tenant_id;
    await handle.db.insertInto('unit_reports').values({
      tenant_id: tenantId, id: uuidv7(), movement_id: id, phase_id: final.id, organisation_id: anBien.id, status: 'draft',
      sections: JSON.stringify({ 0: 'Kết quả đạt được' }), created_at: new Date(), updated_at: new Date(),
    }).execute();
    const moved = detail.phases.map((p: Record<string, unknown>) => (p.id === final.id ? { ...p, dueOn: '2025-07-15' } : p))
      .map(({ id: phaseId, kind, title, startsOn, dueOn, dueFrom, outline, inheritedFrom }: Record<string, unknown>) =>
        ({ id: phaseId, kind, title, startsOn, dueOn, dueFrom, outline, inheritedFrom }));
    const amended = await provincial.request({ method: 'POST', url: `/api/movements/${id}/amendments`, payload: {
      reason: 'Lùi thời hạn tổng kết theo Công văn của Ủy ban nhân dân tỉnh', phases: moved } });
    expect(amended.statusCode, amended.body).toBe(201);
    const kept = amended.json().phases.find((p: { kind: string }) => p.kind === 'final_review');
    expect(kept).toMatchObject({ id: final.id, dueOn: '2025-07-15' });
    const reports = await handle.db.selectFrom('unit_reports').select('phase_id').where('movement_id', '=', id).execute();
    expect(reports).toEqual([{ phase_id: final.id }]);

    const withoutFinal = moved.filter((p: { id: string }) => p.id !== final.id);
    const removed = await provincial.request({ method: 'POST', url: `/api/movements/${id}/amendments`, payload: {
      reason: 'Bỏ giai đoạn tổng kết', phases: withoutFinal } });
    expect(removed.statusCode).toBe(409);
    expect(removed.json().error).toMatchObject({ code: 'movement.phase_has_reports', message: expect.stringContaining('Tổng kết') });
    expect((await provincial.request({ method: 'GET', url: `/api/movements/${id}` })).json().amendments).toHaveLength(1);
  });
});
