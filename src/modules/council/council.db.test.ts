import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { expectVersionedEdit } from '../../testing/versions.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { docxParagraphs, flat, readDocx } from '../../platform/documents/readback.testing.ts';
import { buildAcceptedCandidate, buildCouncil } from './fixtures.testing.ts';

/**
 * A council meeting of the provincial Office (the Sơn La office review: Giấy khen of the Chief of Office, Bằng khen of the
 * provincial chairman), from the compiled list to the minutes, through the HTTP API on a real database.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
});
afterAll(async () => { await app.close(); await handle.close(); });

const NAMES = ['Nguyễn Huy Anh', 'Lò Văn Bình', 'Cầm Thị Châu', 'Quàng Văn Dũng', 'Hoàng Thị Giang', 'Lường Văn Hải', 'Vì Thị Hoa',
  'Tòng Văn Khánh', 'Điêu Thị Lan', 'Sầm Văn Minh', 'Bạc Thị Nga', 'Mùa A Páo'];

interface Member { personId: string; username: string; name: string }
interface World {
  tenantId: string; office: BuiltOrganisation; phongA: BuiltOrganisation; phongB: BuiltOrganisation;
  officer: Session; members: Member[]; session(i: number): Promise<Session>;
}

/**
 * The Office (Văn phòng UBND tỉnh) with two divisions and a 12-member council: member 1 leads division A
 * (a leader's employment), member 2 works in division B, member 3 holds the unit_head grant of division B.
 */
async function world(): Promise<World> {
  const db = handle.db;
  const tenantId = (await buildTenant(db)).id;
  const province = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn La' });
  const office = await buildOrganisation(db, tenantId, province, { name: 'Văn phòng UBND tỉnh' });
  const phongA = await buildOrganisation(db, tenantId, office, { name: 'Phòng Tổ chức - Hành chính - Quản trị' });
  const phongB = await buildOrganisation(db, tenantId, office, { name: 'Phòng Kinh tế' });
  const officerUser = await buildUser(db, tenantId, 'standing_officer', office);
  const members: Member[] = [];
  for (const [i, name] of NAMES.entries()) {
    const employer = i === 1 ? phongA : i === 2 ? phongB : office;
    const person = await buildPerson(db, tenantId, name, [{ organisation: employer, isLeader: i === 1, position: i === 1 ? 'Trưởng phòng' : 'Chuyên viên' }]);
    const user = await buildUser(db, tenantId, 'council_member', office, { personId: person.id });
    members.push({ personId: person.id, username: user.username, name });
  }
  const headB = await db.selectFrom('users').select('id').where('username', '=', members[3]!.username).executeTakeFirstOrThrow();
  await db.insertInto('role_grants').values({ tenant_id: tenantId, id: uuidv7(), user_id: headB.id, role: 'unit_head', organisation_id: phongB.id,
    granted_by: null, created_at: new Date() }).execute();
  await buildCouncil(db, office, members.map((m, i) => ({ personId: m.personId, role: i === 0 ? 'chair' : i === NAMES.length - 1 ? 'secretary' : 'member' })));
  const sessions = new Map<number, Session>();
  return {
    tenantId, office, phongA, phongB, members, officer: await signIn(app, officerUser.username),
    async session(i) {
      if (!sessions.has(i)) sessions.set(i, await signIn(app, members[i]!.username));
      return sessions.get(i)!;
    },
  };
}

async function staff(w: World, unit: BuiltOrganisation, name: string) {
  return buildPerson(handle.db, w.tenantId, name, [{ organisation: unit }]);
}

async function convene(w: World, extra: Record<string, unknown> = {}) {
  const response = await w.officer.request({ method: 'POST', url: '/api/council/meetings',
    payload: { organisationId: w.office.id, date: '2026-11-25', startsAt: '14:00', location: 'Phòng họp số 1', place: 'Sơn La', ...extra } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

interface Item { id: string; batchId: string; candidateId: string; name: string; outcome: string; tally: { yes: number; no: number; abstain: number } | null; ballotsReceived: number;
  base: { members: number; present: number }; votesNeeded: number; recusals: { personId: string; reason: string; detail: string }[];
  procedure: { thresholdPercent: number; thresholdOf: string } }
async function meeting(w: World, id: string) {
  const response = await w.officer.request({ method: 'GET', url: `/api/council/meetings/${id}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { status: string; items: Item[]; members: { personId: string; present: boolean }[] };
}
const itemOf = (m: { items: Item[] }, name: string) => m.items.find((i) => i.name === name)!;

async function attend(w: World, id: string, present: number[]) {
  const response = await w.officer.request({ method: 'PUT', url: `/api/council/meetings/${id}/attendance`,
    payload: { present: present.map((i) => w.members[i]!.personId) } });
  expect(response.statusCode, response.body).toBe(200);
}
async function open(w: World, id: string) {
  const response = await w.officer.request({ method: 'POST', url: `/api/council/meetings/${id}/open` });
  expect(response.statusCode, response.body).toBe(200);
}
async function vote(w: World, member: number, id: string, votes: { itemId: string; choice: string }[]) {
  return (await w.session(member)).request({ method: 'POST', url: `/api/council/meetings/${id}/ballot`, payload: { votes } });
}
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

async function candidateStatus(id: string) {
  return (await handle.db.selectFrom('nomination_candidates').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
}

describe('a council meeting, from the compiled list to the minutes', () => {
  let w: World;
  let meetingId: string;
  const c: Record<string, { batchId: string; candidateId: string }> = {};
  let items: Record<'strict' | 'a1' | 'b1' | 'coll', Item>;

  beforeAll(async () => {
    w = await world();
    const db = handle.db;
    // Bằng khen-level title for one of the Office's own staff: 90% of all members, by secret ballot (Decree 91/2017)
    c.strict = await buildAcceptedCandidate(db, { unit: w.office, receiving: w.office, awardForm: 'chien_si_thi_dua_tinh',
      person: await staff(w, w.office, 'Đinh Văn Thắng') });
    // Giấy khen: a member of division A (headed by member 1), member 2 themselves, and division A as a collective
    c.a1 = await buildAcceptedCandidate(db, { unit: w.phongA, receiving: w.office, person: await staff(w, w.phongA, 'Hà Thị Yến') });
    c.b1 = await buildAcceptedCandidate(db, { unit: w.phongB, receiving: w.office, person: { id: w.members[2]!.personId, fullName: w.members[2]!.name } });
    c.coll = await buildAcceptedCandidate(db, { unit: w.phongA, receiving: w.office, awardForm: 'tap_the_lao_dong_tien_tien' });
    // not on the agenda: a candidate still under appraisal, and one received by another level
    const pending = await buildAcceptedCandidate(db, { unit: w.phongB, receiving: w.office, person: await staff(w, w.phongB, 'Lò Thị Chưa') });
    await db.updateTable('nomination_candidates').set({ status: 'submitted' }).where('id', '=', pending.candidateId).execute();
    await buildAcceptedCandidate(db, { unit: w.phongB, receiving: w.phongB, person: await staff(w, w.phongB, 'Lò Văn Khác') });
  });

  it('compiles the list: every unit\'s accepted candidates, grouped by award form, with unit and eligibility', async () => {
    const response = await w.officer.request({ method: 'GET', url: `/api/council/compiled-list?organisationId=${w.office.id}` });
    expect(response.statusCode, response.body).toBe(200);
    const list = response.json().items as { name: string; awardForm: string; nominatingUnit: string; eligibility: string }[];
    expect(list.map((x) => x.awardForm)).toEqual(['chien_si_thi_dua_tinh', 'tap_the_lao_dong_tien_tien', 'giay_khen', 'giay_khen']);
    expect(list.map((x) => x.name)).not.toContain('Lò Thị Chưa');
    expect(list.map((x) => x.name)).not.toContain('Lò Văn Khác');
    expect(list.find((x) => x.name === 'Hà Thị Yến')).toMatchObject({ nominatingUnit: 'Phòng Tổ chức - Hành chính - Quản trị', eligibility: 'met' });
  });

  it('convenes the council with the list as agenda and records the recusals, with their reasons', async () => {
    meetingId = await convene(w);
    const m = await meeting(w, meetingId);
    expect(m.status).toBe('planned');
    expect(m.members).toHaveLength(12);
    items = { strict: itemOf(m, 'Đinh Văn Thắng'), a1: itemOf(m, 'Hà Thị Yến'), b1: itemOf(m, w.members[2]!.name), coll: itemOf(m, 'Phòng Tổ chức - Hành chính - Quản trị') };
    expect(items.strict.recusals).toEqual([]);
    expect(items.a1.recusals).toEqual([{ personId: w.members[1]!.personId, name: w.members[1]!.name, reason: 'heads_unit', detail: 'Phòng Tổ chức - Hành chính - Quản trị' }]);
    expect(items.coll.recusals.map((r) => r.personId)).toEqual([w.members[1]!.personId]);
    // member 2 is the candidate; member 3 heads division B through the unit_head grant
    expect(Object.fromEntries(items.b1.recusals.map((r) => [r.personId, r.reason])))
      .toEqual({ [w.members[2]!.personId]: 'is_candidate', [w.members[3]!.personId]: 'heads_unit' });
    expect(items.b1.base.members).toBe(10);
    expect((await handle.db.selectFrom('council_recusals').selectAll().execute()).length).toBeGreaterThanOrEqual(4);
  });

  it('refuses ballots before voting opens, then opens with attendance and tells the members', async () => {
    expect((await vote(w, 0, meetingId, [{ itemId: items.a1.id, choice: 'yes' }])).statusCode).toBe(409);
    await attend(w, meetingId, range(0, 10));
    await open(w, meetingId);
    const notified = await handle.db.selectFrom('notifications').select('user_id').where('topic', '=', 'council_voting_open').where('entity_id', '=', meetingId).execute();
    expect(notified).toHaveLength(12);
    const m = await meeting(w, meetingId);
    expect(m.status).toBe('voting');
    expect(itemOf(m, 'Đinh Văn Thắng').procedure).toMatchObject({ thresholdPercent: 90, thresholdOf: 'members' });
    // attendance is settled once the ballot is open
    const late = await w.officer.request({ method: 'PUT', url: `/api/council/meetings/${meetingId}/attendance`, payload: { present: [] } });
    expect(late.statusCode).toBe(409);
  });

  it('lists the ballot for each member, with where they stand on each candidate, their dossier and eligibility', async () => {
    // the candidate's report and the batch's letter are read before voting; another candidate's report is not theirs
    const doc = async (candidateId: string | null, kind: 'achievement_report' | 'proposal_letter', batchId = items.strict.batchId) => {
      const id = uuidv7();
      await handle.db.insertInto('nomination_documents').values({ tenant_id: w.tenantId, id, batch_id: batchId, candidate_id: candidateId, kind,
        sha256: 'b'.repeat(64), name: `${kind}.pdf`, size: 1, uploaded_by: null, uploaded_at: new Date(), replaced_at: null }).execute();
      return id;
    };
    const report = await doc(items.strict.candidateId, 'achievement_report');
    const letter = await doc(null, 'proposal_letter');
    await doc(items.b1.candidateId, 'achievement_report', items.b1.batchId);
    const response = await (await w.session(1)).request({ method: 'GET', url: '/api/council/ballots' });
    expect(response.statusCode, response.body).toBe(200);
    const [ballot] = response.json().items as { meeting: { id: string }; items: { id: string; state: string; eligibility: string | null; dossier: { id: string }[] }[] }[];
    expect(ballot!.meeting.id).toBe(meetingId);
    expect(Object.fromEntries(ballot!.items.map((i) => [i.id, i.state])))
      .toEqual({ [items.strict.id]: 'open', [items.a1.id]: 'recused', [items.b1.id]: 'open', [items.coll.id]: 'recused' });
    const strict = ballot!.items.find((i) => i.id === items.strict.id)!;
    expect(strict.eligibility).toBe('met');
    expect(strict.dossier.map((d) => d.id).sort()).toEqual([report, letter].sort());
    const none = await w.officer.request({ method: 'GET', url: '/api/council/ballots' });
    expect(none.json().items).toEqual([]);
  });

  it('takes the ballots, keeps the tally hidden until the close, and declares each candidate by its threshold', async () => {
    // strict: 10 present + absent member 10 in writing = 11 of 12 (90% of all members needs 11)
    for (const i of range(0, 11)) {
      const votes = [{ itemId: items.strict.id, choice: 'yes' }];
      // Giấy khen (a majority of the 11 members not recused): 6 yes
      if (i !== 1 && i < 10) votes.push({ itemId: items.a1.id, choice: i <= 6 ? 'yes' : i === 7 ? 'no' : 'abstain' });
      // member 2 and 3 recused; 10 can vote, a majority is 6: only 5 yes
      if (i !== 2 && i !== 3 && i < 10) votes.push({ itemId: items.b1.id, choice: i <= 6 ? 'yes' : 'no' });
      const response = await vote(w, i, meetingId, votes);
      expect(response.statusCode, `member ${i}: ${response.body}`).toBe(200);
    }
    const during = await meeting(w, meetingId);
    expect(itemOf(during, 'Đinh Văn Thắng')).toMatchObject({ tally: null, ballotsReceived: 11, votesNeeded: 11 });
    const deferred = await w.officer.request({ method: 'POST', url: `/api/council/meetings/${meetingId}/items/${items.coll.id}/defer`,
      payload: { reason: 'Bổ sung minh chứng sáng kiến' } });
    expect(deferred.statusCode, deferred.body).toBe(200);
    const closed = await w.officer.request({ method: 'POST', url: `/api/council/meetings/${meetingId}/close` });
    expect(closed.statusCode, closed.body).toBe(200);
    const m = closed.json() as { status: string; items: Item[] };
    expect(m.status).toBe('closed');
    expect(itemOf(m, 'Đinh Văn Thắng')).toMatchObject({ outcome: 'passed', tally: { yes: 11, no: 0, abstain: 0 } });
    expect(itemOf(m, 'Hà Thị Yến')).toMatchObject({ outcome: 'passed', tally: { yes: 6, no: 1, abstain: 2 }, base: { members: 11 }, votesNeeded: 6 });
    expect(itemOf(m, w.members[2]!.name)).toMatchObject({ outcome: 'failed', tally: { yes: 5, no: 3, abstain: 0 }, base: { members: 10 }, votesNeeded: 6 });
    expect(itemOf(m, 'Phòng Tổ chức - Hành chính - Quản trị')).toMatchObject({ outcome: 'deferred' });
    expect(await candidateStatus(c.strict!.candidateId)).toBe('voted');
    expect(await candidateStatus(c.a1!.candidateId)).toBe('voted');
    expect(await candidateStatus(c.b1!.candidateId)).toBe('rejected');
    expect(await candidateStatus(c.coll!.candidateId)).toBe('accepted');
    const events = await handle.db.selectFrom('nomination_events').select(['candidate_id', 'action']).where('candidate_id', 'in', Object.values(c).map((x) => x.candidateId)).execute();
    expect(events.map((e) => e.action).sort()).toEqual(['defer', 'vote_fail', 'vote_pass', 'vote_pass']);
    const told = await handle.db.selectFrom('notifications').select('params').where('topic', '=', 'council_result_ready').where('entity_id', '=', meetingId).execute();
    expect(told).toHaveLength(1);
    expect(told[0]!.params).toMatchObject({ passed: 2, failed: 1, deferred: 1 });
  });

  it('writes the minutes: time, place, members present and absent, each tally and result, the recusals', async () => {
    const response = await w.officer.request({ method: 'GET', url: `/api/council/meetings/${meetingId}/minutes.docx` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    const text = flat(docxParagraphs((await readDocx(response.rawPayload)).document).map((p) => p.text).join('\n'));
    for (const part of ['BIÊN BẢN', 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG', 'Sơn La, ngày 25 tháng 11 năm 2026', 'Vào hồi 14 giờ 00 ngày 25/11/2026, tại Phòng họp số 1',
      'Thành viên có mặt: 10/12', 'Thành viên vắng mặt: 2/12', 'Ông/Bà Bạc Thị Nga', 'Đề nghị tặng Chiến sĩ thi đua cấp tỉnh',
      'Kết quả: 11 phiếu đồng ý, 0 phiếu không đồng ý, 0 phiếu không biểu quyết', 'yêu cầu từ 90% tổng số thành viên Hội đồng (11 phiếu đồng ý trở lên)',
      'Kết luận: ĐẠT', 'Kết luận: KHÔNG ĐẠT', 'Hoãn xét sang phiên họp sau',
      `Ông/Bà ${w.members[2]!.name} không biểu quyết đối với trường hợp ${w.members[2]!.name} (là người được đề nghị)`,
      `Ông/Bà ${w.members[1]!.name} không biểu quyết đối với trường hợp Hà Thị Yến (là người đứng đầu Phòng Tổ chức - Hành chính - Quản trị)`,
      'CHỦ TỊCH', 'Nguyễn Huy Anh', 'Thư ký: Mùa A Páo']) {
      expect(text, part).toContain(part);
    }
  });

  it('puts the deferred candidate on the next meeting\'s agenda, and only it', async () => {
    const next = await meeting(w, await convene(w, { date: '2026-12-02' }));
    expect(next.items.map((i) => i.name)).toEqual(['Phòng Tổ chức - Hành chính - Quản trị']);
  });
});

describe('thresholds: all members or those present', () => {
  it('90% of 12 members needs 11 votes; 90% of 8 present needs 8, and the absent cannot vote on it', async () => {
    const w = await world();
    const db = handle.db;
    await db.insertInto('award_procedures').values([
      { tenant_id: w.tenantId, award_form: 'bang_khen_tinh', council_vote: true, secret_ballot: true, threshold_percent: 90, threshold_of: 'members',
        consultation_days: null, citation: 'Thử', updated_by: null, updated_at: new Date() },
      { tenant_id: w.tenantId, award_form: 'tap_the_lao_dong_xuat_sac', council_vote: true, secret_ballot: true, threshold_percent: 90, threshold_of: 'present',
        consultation_days: null, citation: 'Thử', updated_by: null, updated_at: new Date() },
    ]).execute();
    const ten = await buildAcceptedCandidate(db, { unit: w.office, receiving: w.office, awardForm: 'bang_khen_tinh', person: await staff(w, w.office, 'Mười Phiếu') });
    const eleven = await buildAcceptedCandidate(db, { unit: w.office, receiving: w.office, awardForm: 'bang_khen_tinh', person: await staff(w, w.office, 'Mười Một Phiếu') });
    const present = await buildAcceptedCandidate(db, { unit: w.phongB, receiving: w.office, awardForm: 'tap_the_lao_dong_xuat_sac' });
    const id = await convene(w);
    // members 0, 4..10 present (8); member 3 heads division B and is recused from it: 7 present may vote on the collective
    await attend(w, id, [0, 4, 5, 6, 7, 8, 9, 10]);
    await open(w, id);
    const m = await meeting(w, id);
    const [tenItem, elevenItem, presentItem] = [itemOf(m, 'Mười Phiếu'), itemOf(m, 'Mười Một Phiếu'), itemOf(m, 'Phòng Kinh tế')];
    expect(elevenItem.votesNeeded).toBe(11);
    expect(presentItem.base).toEqual({ members: 11, present: 8 });
    expect(presentItem.votesNeeded).toBe(8);
    for (const i of range(0, 12)) {
      const votes = [{ itemId: elevenItem.id, choice: 'yes' }, { itemId: tenItem.id, choice: i < 10 ? 'yes' : 'no' }];
      expect((await vote(w, i, id, votes)).statusCode).toBe(200);
    }
    const absent = await vote(w, 1, id, [{ itemId: presentItem.id, choice: 'yes' }]);
    expect(absent.statusCode).toBe(409);
    expect(absent.json().error.code).toBe('council.absent');
    for (const i of [0, 4, 5, 6, 7, 8, 9, 10]) expect((await vote(w, i, id, [{ itemId: presentItem.id, choice: 'yes' }])).statusCode).toBe(200);
    const closed = (await w.officer.request({ method: 'POST', url: `/api/council/meetings/${id}/close` })).json() as { items: Item[] };
    expect(itemOf(closed, 'Mười Phiếu').outcome).toBe('failed');
    expect(itemOf(closed, 'Mười Một Phiếu').outcome).toBe('passed');
    // 8 of 8 present: passed, though 8 of 12 members would not have been
    expect(itemOf(closed, 'Phòng Kinh tế')).toMatchObject({ outcome: 'passed', tally: { yes: 8, no: 0, abstain: 0 } });
    expect(await candidateStatus(ten.candidateId)).toBe('rejected');
    expect(await candidateStatus(eleven.candidateId)).toBe('voted');
    expect(await candidateStatus(present.candidateId)).toBe('voted');
  });
});

describe('the secret ballot', () => {
  let w: World;
  let id: string;
  let itemIds: string[];
  let recusedItem: string;

  beforeAll(async () => {
    w = await world();
    await buildAcceptedCandidate(handle.db, { unit: w.office, receiving: w.office, person: await staff(w, w.office, 'Phạm Văn Một') });
    await buildAcceptedCandidate(handle.db, { unit: w.office, receiving: w.office, person: await staff(w, w.office, 'Phạm Văn Hai') });
    await buildAcceptedCandidate(handle.db, { unit: w.phongA, receiving: w.office, person: await staff(w, w.phongA, 'Phạm Văn Ba') });
    id = await convene(w);
    await attend(w, id, range(0, 12));
    await open(w, id);
    const m = await meeting(w, id);
    itemIds = m.items.map((i) => i.id);
    recusedItem = itemOf(m, 'Phạm Văn Ba').id;
  });

  it('links no member to a choice anywhere in the database, the audit log included', async () => {
    const choices = ['yes', 'no', 'abstain'];
    for (const i of range(0, 12)) {
      const votes = itemIds.filter((x) => i !== 1 || x !== recusedItem).map((itemId, k) => ({ itemId, choice: choices[(i + k) % 3]! }));
      expect((await vote(w, i, id, votes)).statusCode).toBe(200);
    }
    const db = handle.db;
    const memberIds = new Set(w.members.map((m) => m.personId));
    const users = await db.selectFrom('users').select('id').where('person_id', 'in', [...memberIds]).execute();
    const identities = [...memberIds, ...users.map((u) => u.id), ...w.members.map((m) => m.username)];
    const tables = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(db);
    expect(tables.rows.length).toBeGreaterThan(30);
    const CHOICE_KEY = /^(yes|no|abstain|choice|choices|vote|votes|ballot|yes_count|no_count|abstain_count)$/;
    const offending: string[] = [];
    const inspect = (table: string, value: unknown, path: string) => {
      if (typeof value === 'string' && choices.includes(value)) offending.push(`${table}: ${path} = ${value}`);
      if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          if (CHOICE_KEY.test(k)) offending.push(`${table}: key ${path}.${k}`);
          inspect(table, v, `${path}.${k}`);
        }
      }
    };
    for (const { table_name } of tables.rows) {
      const rows = await sql<{ row: Record<string, unknown> }>`SELECT to_jsonb(t) AS row FROM ${sql.table(table_name)} t`.execute(db);
      for (const { row } of rows.rows) {
        const text = JSON.stringify(row);
        // a row naming a member (by person, account or user name) must say nothing of a choice
        if (identities.some((x) => text.includes(x))) inspect(table_name, row, '');
      }
    }
    expect(offending).toEqual([]);
    // who has voted: the item and the person, nothing else (no id, no time, no sequence that would order the votes)
    const columns = async (table: string) => (await sql<{ column_name: string; data_type: string }>`SELECT column_name, data_type
      FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY column_name`.execute(db)).rows;
    expect((await columns('council_ballots_cast')).map((c) => c.column_name)).toEqual(['item_id', 'person_id', 'tenant_id']);
    // the tallies: counters per item, nothing that names a person or stamps a time
    const tally = await columns('council_agenda_items');
    expect(tally.filter((c) => /person|user|member/.test(c.column_name))).toEqual([]);
    expect(tally.filter((c) => c.data_type.startsWith('timestamp') || c.data_type === 'date')).toEqual([]);
    // the audit log has no entry per ballot (its transaction would be the ballot's): ballot-secrecy.db.test.ts tries the attacks
    expect(await db.selectFrom('audit_log').select('id').where('entity_id', '=', id).where('action', 'not in', ['council.meeting_create', 'council.attendance', 'council.open']).execute()).toEqual([]);
    // the answer to a member says only that the ballot was cast
    const mine = (await (await w.session(0)).request({ method: 'GET', url: '/api/council/ballots' })).json();
    expect(JSON.stringify(mine)).not.toMatch(/"choice"|"yes"|"no"|"abstain"/);
    expect(mine.items[0].items.every((i: { state: string }) => i.state === 'voted')).toBe(true);
  });

  it('refuses a second vote, a non-member, an item not on the agenda, a recused member and bad input', async () => {
    const again = await vote(w, 0, id, [{ itemId: itemIds[0]!, choice: 'yes' }]);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('council.already_voted');

    const outsider = await w.officer.request({ method: 'POST', url: `/api/council/meetings/${id}/ballot`, payload: { votes: [{ itemId: itemIds[0], choice: 'yes' }] } });
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().error.code).toBe('council.not_member');

    const stranger = await staff(w, w.office, 'Người Ngoài Hội Đồng');
    const strangerUser = await buildUser(handle.db, w.tenantId, 'council_member', w.office, { personId: stranger.id });
    expect((await (await signIn(app, strangerUser.username)).request({ method: 'POST', url: `/api/council/meetings/${id}/ballot`,
      payload: { votes: [{ itemId: itemIds[0], choice: 'yes' }] } })).statusCode).toBe(403);

    const unknown = await vote(w, 1, id, [{ itemId: uuidv7(), choice: 'yes' }]);
    expect(unknown.statusCode).toBe(404);

    const recused = await vote(w, 1, id, [{ itemId: recusedItem, choice: 'yes' }]);
    expect(recused.statusCode).toBe(409);
    expect(recused.json().error.code).toBe('council.recused');

    const bad = await vote(w, 1, id, [{ itemId: recusedItem, choice: 'maybe' }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('Dữ liệu gửi lên không hợp lệ.');
    expect(bad.json().error.details.issues[0].path).toBe('votes.0.choice');
    const twice = await vote(w, 1, id, [{ itemId: recusedItem, choice: 'yes' }, { itemId: recusedItem, choice: 'no' }]);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.message).toBe('Mỗi trường hợp chỉ được chọn một lần trong phiếu bầu.');
    const empty = await vote(w, 1, id, []);
    expect(empty.statusCode).toBe(400);
  });

  it('refuses ballots once the meeting is closed', async () => {
    expect((await w.officer.request({ method: 'POST', url: `/api/council/meetings/${id}/close` })).statusCode).toBe(200);
    const late = await vote(w, 1, id, [{ itemId: itemIds[0]!, choice: 'yes' }]);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('council.not_voting');
    expect((await w.officer.request({ method: 'POST', url: `/api/council/meetings/${id}/close` })).statusCode).toBe(409);
  });

  it('counts exactly one of two ballots the same member sends at once', async () => {
    const v = await world();
    await buildAcceptedCandidate(handle.db, { unit: v.office, receiving: v.office, person: await staff(v, v.office, 'Đồng Thời') });
    const mid = await convene(v);
    await attend(v, mid, range(0, 12));
    await open(v, mid);
    const [item] = (await meeting(v, mid)).items;
    const session = await v.session(5);
    const send = (choice: string) => session.request({ method: 'POST', url: `/api/council/meetings/${mid}/ballot`, payload: { votes: [{ itemId: item!.id, choice }] } });
    const answers = await Promise.all([send('yes'), send('no'), send('abstain')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    expect((await meeting(v, mid)).items[0]!.ballotsReceived).toBe(1);
    const closed = await v.officer.request({ method: 'POST', url: `/api/council/meetings/${mid}/close` });
    expect(closed.statusCode, closed.body).toBe(200);
    const { tally } = (closed.json() as { items: Item[] }).items[0]!;
    expect(tally!.yes + tally!.no + tally!.abstain).toBe(1);
    expect((await meeting(v, mid)).items[0]!.ballotsReceived).toBe(1);
  });
});

describe('convening', () => {
  it('needs a council in office, and something to vote on', async () => {
    const w = await world();
    const nothing = await w.officer.request({ method: 'POST', url: '/api/council/meetings', payload: { organisationId: w.office.id, date: '2026-11-25' } });
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json().error.code).toBe('council.nothing_to_vote');
    const noCouncil = await w.officer.request({ method: 'POST', url: '/api/council/meetings', payload: { organisationId: w.phongA.id, date: '2026-11-25' } });
    expect(noCouncil.statusCode).toBe(409);
    expect(noCouncil.json().error.message).toContain('chưa có Hội đồng Thi đua – Khen thưởng');
    const badDate = await w.officer.request({ method: 'POST', url: '/api/council/meetings', payload: { organisationId: w.office.id, date: '25/11/2026' } });
    expect(badDate.statusCode).toBe(400);
  });
});

describe('two officers ticking the attendance of the same meeting', () => {
  it('the one who saves the list from an older version of the meeting is refused with 409 edit.stale and changes nothing', async () => {
    const w = await world();
    await buildAcceptedCandidate(handle.db, { unit: w.office, receiving: w.office, awardForm: 'bang_khen_tinh', person: await staff(w, w.office, 'Điểm Danh') });
    const id = await convene(w);
    const presentOf = (attempt: number) => w.members.slice(0, 8 + attempt).map((m) => m.personId);
    await expectVersionedEdit({
      as: w.officer,
      version: async () => (await w.officer.request({ method: 'GET', url: `/api/council/meetings/${id}` })).json().version,
      edit: (attempt) => ({ method: 'PUT', url: `/api/council/meetings/${id}/attendance`, payload: { present: presentOf(attempt) } }),
      row: async () => ({
        meeting: await handle.db.selectFrom('council_meetings').select('version').where('id', '=', id).executeTakeFirstOrThrow(),
        present: (await handle.db.selectFrom('council_attendance').select('person_id').where('meeting_id', '=', id).where('present', '=', true).execute()).length,
      }),
    });
  });
});
