import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { docxParagraphs, flat, readDocx } from '../../platform/documents/readback.testing.ts';
import { buildAcceptedCandidate, buildCouncil } from './fixtures.testing.ts';

/**
 * Issue 17.4: one of the provincial Office council's twelve members has an account, so the council votes on paper
 * and the standing agency's officer (the council's secretary at the desk) copies the counting minutes: who was
 * present, per candidate the ballots for, against and abstaining, and the scan. Through the HTTP API on a real database.
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
const PDF = Buffer.from('%PDF-1.4\n% Bien ban kiem phieu\n%%EOF\n');

interface World {
  office: BuiltOrganisation; phongA: BuiltOrganisation; officer: Session; elsewhere: Session; member: Session; memberIds: string[];
}

/** The Office with division A (led by member 1) and a 12-member council; only the chair has an account. */
async function world(): Promise<World> {
  const db = handle.db;
  const tenantId = (await buildTenant(db)).id;
  const province = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn La' });
  const office = await buildOrganisation(db, tenantId, province, { name: 'Văn phòng UBND tỉnh' });
  const phongA = await buildOrganisation(db, tenantId, office, { name: 'Phòng Tổ chức - Hành chính - Quản trị' });
  const department = await buildOrganisation(db, tenantId, province, { name: 'Sở Nội vụ' });
  const memberIds: string[] = [];
  for (const [i, name] of NAMES.entries()) {
    const person = await buildPerson(db, tenantId, name, [{ organisation: i === 1 ? phongA : office, isLeader: i === 1 }]);
    memberIds.push(person.id);
  }
  const chair = await buildUser(db, tenantId, 'council_member', office, { personId: memberIds[0]! });
  await buildCouncil(db, office, memberIds.map((personId, i) => ({ personId, role: i === 0 ? 'chair' : i === 11 ? 'secretary' : 'member' })));
  return {
    office, phongA, memberIds,
    officer: await signIn(app, (await buildUser(db, tenantId, 'standing_officer', office)).username),
    elsewhere: await signIn(app, (await buildUser(db, tenantId, 'standing_officer', department)).username),
    member: await signIn(app, chair.username),
  };
}

interface Item { id: string; name: string; outcome: string; tally: { yes: number; no: number; abstain: number } | null; base: { members: number; present: number } }
interface Meeting { status: string; version: number; items: Item[]; members: { personId: string; present: boolean }[];
  paperBallot: { minutesName: string; recordedAt: string | null } | null }

/** A meeting of the Office council on two candidates: a Chiến sĩ thi đua cấp tỉnh (90% of all members) and a Giấy khen of division A. */
async function convene(w: World) {
  const db = handle.db;
  const strict = await buildAcceptedCandidate(db, { unit: w.office, receiving: w.office, awardForm: 'chien_si_thi_dua_tinh',
    person: await buildPerson(db, w.office.tenantId, 'Đinh Văn Thắng', [{ organisation: w.office }]) });
  const a1 = await buildAcceptedCandidate(db, { unit: w.phongA, receiving: w.office,
    person: await buildPerson(db, w.office.tenantId, 'Hà Thị Yến', [{ organisation: w.phongA }]) });
  const response = await w.officer.request({ method: 'POST', url: '/api/council/meetings',
    payload: { organisationId: w.office.id, date: '2026-11-25', startsAt: '14:00', location: 'Phòng họp số 1', place: 'Sơn La' } });
  expect(response.statusCode, response.body).toBe(201);
  const id = response.json().id as string;
  const m = await read(w, id);
  return { id, m, strict, a1, item: (name: string) => m.items.find((i) => i.name === name)! };
}
async function read(w: World, id: string) {
  const response = await w.officer.request({ method: 'GET', url: `/api/council/meetings/${id}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Meeting;
}
function attach(session: Session, id: string, body = PDF, type = 'application/pdf') {
  return session.request({ method: 'PUT', url: `/api/council/meetings/${id}/paper-ballot/minutes`,
    headers: { 'content-type': type, 'x-file-name': encodeURIComponent('Biên bản kiểm phiếu.pdf') }, payload: body });
}
const auditRows = (id: string, action: string) => handle.db.selectFrom('audit_log').select(['changes', 'actor_user_id'])
  .where('entity_id', '=', id).where('action', '=', action).execute();
const candidateStatus = async (id: string) =>
  (await handle.db.selectFrom('nomination_candidates').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('a paper ballot entered by the council\'s secretary', () => {
  let w: World;
  beforeAll(async () => { w = await world(); });

  it('declares each candidate from the counting minutes, and the batches move on as after an online ballot', async () => {
    const { id, m, strict, a1, item } = await convene(w);
    const present = w.memberIds.slice(0, 11);
    const counts = [{ itemId: item('Đinh Văn Thắng').id, yes: 11, no: 0, abstain: 0 }, { itemId: item('Hà Thị Yến').id, yes: 6, no: 3, abstain: 1 }];

    // the confirmation first: what the counts would declare, nothing written
    const check = await w.officer.request({ method: 'POST', url: `/api/council/meetings/${id}/paper-ballot/check`, payload: { present, counts } });
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json().results).toEqual([
      { itemId: counts[0]!.itemId, tally: { yes: 11, no: 0, abstain: 0 }, base: { members: 12, present: 11 }, outcome: 'passed', percent: 91.67 },
      // member 1 heads division A: recused, so 10 may vote and 11 are counted on all members less him
      { itemId: counts[1]!.itemId, tally: { yes: 6, no: 3, abstain: 1 }, base: { members: 11, present: 10 }, outcome: 'passed', percent: 54.55 },
    ]);
    expect((await read(w, id)).status).toBe('planned');

    const attached = await attach(w.officer, id);
    expect(attached.statusCode, attached.body).toBe(200);
    expect(attached.json().paperBallot).toEqual({ minutesName: 'Biên bản kiểm phiếu.pdf', recordedAt: null });

    const saved = await w.officer.request({ method: 'POST', url: `/api/council/meetings/${id}/paper-ballot`, payload: { present, counts, version: m.version } });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = saved.json() as Meeting;
    expect(after.status).toBe('closed');
    expect(after.paperBallot?.recordedAt).toBeTruthy();
    expect(after.members.filter((x) => x.present)).toHaveLength(11);
    expect(after.items.find((i) => i.id === counts[0]!.itemId)).toMatchObject({ outcome: 'passed', tally: { yes: 11, no: 0, abstain: 0 } });
    expect(after.items.find((i) => i.id === counts[1]!.itemId)).toMatchObject({ outcome: 'passed', tally: { yes: 6, no: 3, abstain: 1 } });
    expect(await candidateStatus(strict.candidateId)).toBe('voted');
    expect(await candidateStatus(a1.candidateId)).toBe('voted');
    // on to the decision, as after an online ballot: the authority's list of who may be decided shows the voted candidate
    const decidable = await w.officer.request({ method: 'GET', url: '/api/decisions/candidates?awardForm=giay_khen' });
    expect(decidable.statusCode, decidable.body).toBe(200);
    expect(decidable.json().items).toContainEqual(expect.objectContaining({ name: 'Hà Thị Yến', status: 'voted' }));
    const told = await handle.db.selectFrom('notifications').select('params').where('topic', '=', 'council_result_ready').where('entity_id', '=', id).execute();
    expect(told[0]?.params).toMatchObject({ passed: 2, failed: 0 });

    const [row] = await auditRows(id, 'council.paper_ballot');
    expect(row?.changes).toMatchObject({ status: ['planned', 'closed'], passed: 2, failed: 0, present: 11, members: 12,
      items: [{ itemId: counts[0]!.itemId, yes: 11, no: 0, abstain: 0, outcome: 'passed' }, { itemId: counts[1]!.itemId, yes: 6, no: 3, abstain: 1, outcome: 'passed' }] });
    expect(await auditRows(id, 'council.paper_minutes')).toHaveLength(1);

    // the minutes the app writes print the paper counts; the scan is there to download
    const docx = await w.officer.request({ method: 'GET', url: `/api/council/meetings/${id}/minutes.docx` });
    const text = flat(docxParagraphs((await readDocx(docx.rawPayload)).document).map((p) => p.text).join('\n'));
    for (const part of ['Hình thức biểu quyết: bỏ phiếu giấy', 'Kết quả kiểm phiếu: 6 phiếu đồng ý, 3 phiếu không đồng ý, 1 phiếu không biểu quyết; đạt 54,55%',
      'Thành viên có mặt: 11/12', 'theo biên bản kiểm phiếu']) expect(text, part).toContain(part);
    const scan = await w.member.request({ method: 'GET', url: `/api/council/meetings/${id}/paper-ballot/minutes` });
    expect(scan.statusCode).toBe(200);
    expect(scan.rawPayload.equals(PDF)).toBe(true);

    // once declared, never again
    const again = await w.officer.request({ method: 'POST', url: `/api/council/meetings/${id}/paper-ballot`, payload: { present, counts, version: after.version } });
    expect(again.statusCode).toBe(409);
  });

  it('refuses bad counts with a 400 in Vietnamese naming the candidate, and changes nothing', async () => {
    const { id, m, item } = await convene(w);
    expect((await attach(w.officer, id)).statusCode).toBe(200);
    const present = w.memberIds.slice(0, 8);
    const post = (counts: unknown[], extra: Record<string, unknown> = {}) => w.officer.request({ method: 'POST', url: `/api/council/meetings/${id}/paper-ballot`,
      headers: { 'accept-language': 'vi' }, payload: { present, counts, version: m.version, ...extra } });
    const strict = item('Đinh Văn Thắng').id;
    const a1 = item('Hà Thị Yến').id;
    const cases: [unknown[], Record<string, unknown>, string][] = [
      [[{ itemId: strict, yes: 8, no: 0, abstain: 0 }, { itemId: a1, yes: -1, no: 0, abstain: 0 }], {}, 'Số phiếu của Hà Thị Yến phải là số nguyên không âm.'],
      [[{ itemId: strict, yes: 2.5, no: 0, abstain: 0 }, { itemId: a1, yes: 1, no: 0, abstain: 0 }], {}, 'Số phiếu của Đinh Văn Thắng phải là số nguyên không âm.'],
      [[{ itemId: strict, yes: 6, no: 2, abstain: 1 }, { itemId: a1, yes: 1, no: 0, abstain: 0 }], {},
        'Đinh Văn Thắng: tổng số phiếu đồng ý, không đồng ý và không biểu quyết (9) vượt quá số thành viên có mặt được biểu quyết (8).'],
      [[{ itemId: strict, yes: 8, no: 0, abstain: 0 }], {}, 'Chưa nhập số phiếu của Hà Thị Yến.'],
      [[{ itemId: strict, yes: 8, no: 0, abstain: 0 }, { itemId: a1, yes: 1, no: 0, abstain: 0 }], { present: [] },
        'Chưa đánh dấu thành viên nào có mặt: hãy chọn các thành viên có mặt theo biên bản kiểm phiếu.'],
    ];
    for (const [counts, extra, message] of cases) {
      const response = await post(counts, extra);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.message).toBe(message);
    }
    // text where a number belongs is a validation error, not a 500
    expect((await post([{ itemId: strict, yes: '8', no: 0, abstain: 0 }])).statusCode).toBe(400);
    // an agenda item of another meeting is not found
    const other = await convene(w);
    expect((await post([{ itemId: strict, yes: 8, no: 0, abstain: 0 }, { itemId: a1, yes: 1, no: 0, abstain: 0 },
      { itemId: other.item('Hà Thị Yến').id, yes: 0, no: 0, abstain: 0 }])).statusCode).toBe(404);
    const after = await read(w, id);
    expect(after.status).toBe('planned');
    expect(after.version).toBe(m.version);
    expect(after.members.every((x) => !x.present)).toBe(true);
    expect(await auditRows(id, 'council.paper_ballot')).toEqual([]);
  });

  it('wants the scanned minutes, a PDF, and the meeting as the form saw it', async () => {
    const { id, m, item } = await convene(w);
    const payload = { present: w.memberIds, counts: [{ itemId: item('Đinh Văn Thắng').id, yes: 12, no: 0, abstain: 0 }, { itemId: item('Hà Thị Yến').id, yes: 11, no: 0, abstain: 0 }] };
    const missing = await w.officer.request({ method: 'POST', url: `/api/council/meetings/${id}/paper-ballot`, payload: { ...payload, version: m.version } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe('Chưa đính kèm biên bản kiểm phiếu (tệp PDF).');
    expect((await attach(w.officer, id, Buffer.from('<html></html>'), 'text/html')).statusCode).toBe(415);
    expect((await attach(w.officer, id)).statusCode).toBe(200);
    // someone ticked attendance meanwhile: the counts were entered from an older meeting
    const tick = await w.officer.request({ method: 'PUT', url: `/api/council/meetings/${id}/attendance`, payload: { present: [w.memberIds[0]], version: m.version } });
    expect(tick.statusCode, tick.body).toBe(200);
    const stale = await w.officer.request({ method: 'POST', url: `/api/council/meetings/${id}/paper-ballot`, payload: { ...payload, version: m.version } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('edit.stale');
    const fresh = await w.officer.request({ method: 'POST', url: `/api/council/meetings/${id}/paper-ballot`, payload: { ...payload, version: tick.json().version } });
    expect(fresh.statusCode, fresh.body).toBe(200);
  });

  it('is the standing agency\'s: a member of the council is refused (403), an officer elsewhere finds nothing (404)', async () => {
    const { id, m, item } = await convene(w);
    const payload = { present: w.memberIds, counts: [{ itemId: item('Đinh Văn Thắng').id, yes: 12, no: 0, abstain: 0 }, { itemId: item('Hà Thị Yến').id, yes: 11, no: 0, abstain: 0 }] };
    expect((await w.member.request({ method: 'POST', url: `/api/council/meetings/${id}/paper-ballot`, payload: { ...payload, version: m.version } })).statusCode).toBe(403);
    expect((await w.member.request({ method: 'POST', url: `/api/council/meetings/${id}/paper-ballot/check`, payload })).statusCode).toBe(403);
    expect((await attach(w.member, id)).statusCode).toBe(403);
    expect((await w.elsewhere.request({ method: 'POST', url: `/api/council/meetings/${id}/paper-ballot`, payload: { ...payload, version: m.version } })).statusCode).toBe(404);
    expect((await attach(w.elsewhere, id)).statusCode).toBe(404);
    expect((await w.elsewhere.request({ method: 'GET', url: `/api/council/meetings/${id}/paper-ballot/minutes` })).statusCode).toBe(404);
    expect((await read(w, id)).paperBallot).toBeNull();
  });

  it('is never mixed with online ballots: refused once a member has voted online, taken when nobody has', async () => {
    const { id, item } = await convene(w);
    const attend = await w.officer.request({ method: 'PUT', url: `/api/council/meetings/${id}/attendance`, payload: { present: w.memberIds } });
    expect(attend.statusCode).toBe(200);
    expect((await w.officer.request({ method: 'POST', url: `/api/council/meetings/${id}/open` })).statusCode).toBe(200);
    expect((await attach(w.officer, id)).statusCode).toBe(200);
    const payload = { present: w.memberIds, counts: [{ itemId: item('Đinh Văn Thắng').id, yes: 12, no: 0, abstain: 0 }, { itemId: item('Hà Thị Yến').id, yes: 11, no: 0, abstain: 0 }] };
    // opened online, nobody voted yet: the council voted on paper after all
    const check = await w.officer.request({ method: 'POST', url: `/api/council/meetings/${id}/paper-ballot/check`, payload });
    expect(check.statusCode, check.body).toBe(200);
    const voted = await w.member.request({ method: 'POST', url: `/api/council/meetings/${id}/ballot`, payload: { votes: [{ itemId: item('Hà Thị Yến').id, choice: 'yes' }] } });
    expect(voted.statusCode, voted.body).toBe(200);
    const { version } = await read(w, id);
    const mixed = await w.officer.request({ method: 'POST', url: `/api/council/meetings/${id}/paper-ballot`, payload: { ...payload, version } });
    expect(mixed.statusCode).toBe(409);
    expect(mixed.json().error.message).toContain('đã nhận 1 phiếu bầu trực tuyến');

    const second = await convene(w);
    await w.officer.request({ method: 'PUT', url: `/api/council/meetings/${second.id}/attendance`, payload: { present: w.memberIds } });
    await w.officer.request({ method: 'POST', url: `/api/council/meetings/${second.id}/open` });
    await attach(w.officer, second.id);
    const counts = [{ itemId: second.item('Đinh Văn Thắng').id, yes: 10, no: 2, abstain: 0 }, { itemId: second.item('Hà Thị Yến').id, yes: 11, no: 0, abstain: 0 }];
    const saved = await w.officer.request({ method: 'POST', url: `/api/council/meetings/${second.id}/paper-ballot`,
      payload: { present: w.memberIds, counts, version: (await read(w, second.id)).version } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((saved.json() as Meeting).items.map((i) => i.outcome)).toEqual(['failed', 'passed']);
    // the unused online papers are gone with the meeting's salt
    const box = await handle.db.selectFrom('council_ballot_box').select('item_id').where('item_id', 'in', counts.map((c) => c.itemId)).execute();
    expect(box).toEqual([]);
    // and the chair's ballot page no longer lists it
    expect((await w.member.request({ method: 'GET', url: '/api/council/ballots' })).json().items.map((b: { meeting: { id: string } }) => b.meeting.id))
      .not.toContain(second.id);
  });
});
