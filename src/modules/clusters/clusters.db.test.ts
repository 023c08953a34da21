import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { expectVersionedEdit } from '../../testing/versions.ts';
import { buildCluster, SAMPLE_CRITERIA } from './fixtures.testing.ts';

/**
 * The provincial cluster of districts scores its 2024 year through the HTTP API on a real database:
 * the standing agency writes the sheet, the districts score themselves, the head district and the
 * council member following the cluster adjust, the sheet is ranked and the leaders are proposed.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;

interface World {
  province: BuiltOrganisation; an: BuiltOrganisation; binh: BuiltOrganisation; cuong: BuiltOrganisation; outside: BuiltOrganisation;
  clusterId: string; followerId: string;
  /** thuongtruc: standing agency; canbo.*: officers of each district (An heads the cluster); theodoi: the following council member */
  s: Record<'thuongtruc' | 'an' | 'binh' | 'cuong' | 'thutruongBinh' | 'theodoi' | 'hoidong' | 'ngoai', Session>;
}
let w: World;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  const db = handle.db;
  const tenantId = (await buildTenant(db)).id;
  const province = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  const district = (name: string) => buildOrganisation(db, tenantId, province, { name, kind: 'peoples_committee', level: 'district' });
  const an = await district('Ủy ban nhân dân huyện An Lạc');
  const binh = await district('Ủy ban nhân dân huyện Bình Sơn');
  const cuong = await district('Ủy ban nhân dân huyện Cường Thịnh');
  const outside = await district('Ủy ban nhân dân thành phố Ngoài Cụm');
  const follower = await buildPerson(db, tenantId, 'Lò Văn Theo', [{ organisation: province }]);
  const otherCouncil = await buildPerson(db, tenantId, 'Cầm Thị Khác', [{ organisation: province }]);
  const { id: clusterId } = await buildCluster(db, province, [an, binh, cuong], { name: 'Cụm thi đua các huyện', followerPersonId: follower.id });
  const user = async (role: Parameters<typeof buildUser>[2], org: BuiltOrganisation, personId: string | null = null) =>
    signIn(app, (await buildUser(db, tenantId, role, org, { personId })).username);
  w = {
    province, an, binh, cuong, outside, clusterId, followerId: follower.id,
    s: {
      thuongtruc: await user('standing_officer', province),
      an: await user('unit_officer', an), binh: await user('unit_officer', binh), cuong: await user('unit_officer', cuong),
      thutruongBinh: await user('unit_head', binh),
      theodoi: await user('council_member', province, follower.id), hoidong: await user('council_member', province, otherCouncil.id),
      ngoai: await user('unit_officer', outside),
    },
  };
});
afterAll(async () => { await app.close(); await handle.close(); });

type Detail = {
  status: string; criteria: { id: string; kind: string; title: string; maxPoints: number }[];
  scores: { organisationId: string; criterionId: string; self: number | null; adjusted: number | null; evidence: string }[];
  ranking: { organisationId: string; name: string; rank: number; tied: boolean; total: number; separatedBy: string | null; proposedFor: string | null }[];
  adjustments: { organisationId: string; from: number | null; to: number; reason: string; by: string; capacity: string }[];
  members: { organisationId: string; submittedAt: string | null; votePlace: number | null; version: number | null }[];
  version: number;
  flagBatchId: string | null; bangKhenBatchId: string | null; cutoffTie: string[];
  me: { capacities: string[]; actions: string[] };
};

async function detail(session: Session, id: string): Promise<Detail> {
  const response = await session.request({ method: 'GET', url: `/api/clusters/sheets/${id}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function ok(session: Session, method: 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) {
  const response = await session.request({ method, url, ...(payload && { payload }) });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response;
}

/** A sheet of the cluster for a year, written and opened by the standing agency. */
async function openSheet(year: number, counts: { flagCount: number; bangKhenCount: number } = { flagCount: 1, bangKhenCount: 1 }) {
  if (year !== 2024) {
    await handle.db.insertInto('cluster_members').values([w.an, w.binh, w.cuong].map((m, i) => ({
      tenant_id: w.province.tenantId, cluster_id: w.clusterId, year, organisation_id: m.id, role: i === 0 ? 'head' as const : 'member' as const,
    }))).execute();
    await handle.db.insertInto('cluster_followers').values({ tenant_id: w.province.tenantId, cluster_id: w.clusterId, year, person_id: w.followerId }).execute();
  }
  const created = await ok(w.s.thuongtruc, 'POST', `/api/clusters/${w.clusterId}/sheets`, { year, ...counts });
  const id = created.json().id as string;
  await ok(w.s.thuongtruc, 'PUT', `/api/clusters/sheets/${id}/criteria`, { criteria: SAMPLE_CRITERIA });
  await ok(w.s.thuongtruc, 'POST', `/api/clusters/sheets/${id}/open`);
  return { id, criteria: (await detail(w.s.thuongtruc, id)).criteria };
}

/** A member scores the four rows (criteria, criteria, bonus, penalty) and submits. */
async function score(session: Session, sheetId: string, org: BuiltOrganisation, criteria: Detail['criteria'], values: number[]) {
  await ok(session, 'PUT', `/api/clusters/sheets/${sheetId}/members/${org.id}/scores`, {
    scores: values.map((points, i) => ({ criterionId: criteria[i]!.id, points, evidence: `Báo cáo số ${i + 1}/BC-UBND` })),
  });
  await ok(session, 'POST', `/api/clusters/sheets/${sheetId}/members/${org.id}/submit`);
}

describe('setting up the year\'s score sheet', () => {
  it('the standing agency writes the rows in draft; once open they are fixed, and members cannot write them', async () => {
    const created = await ok(w.s.thuongtruc, 'POST', `/api/clusters/${w.clusterId}/sheets`, { year: 2024 });
    const id = created.json().id;
    const twice = await w.s.thuongtruc.request({ method: 'POST', url: `/api/clusters/${w.clusterId}/sheets`, payload: { year: 2024 } });
    expect(twice.statusCode).toBe(409);
    expect((await w.s.an.request({ method: 'PUT', url: `/api/clusters/sheets/${id}/criteria`, payload: { criteria: SAMPLE_CRITERIA } })).statusCode).toBe(403);
    const early = await w.s.thuongtruc.request({ method: 'POST', url: `/api/clusters/sheets/${id}/open` });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('cluster.no_criteria');
    await ok(w.s.thuongtruc, 'PUT', `/api/clusters/sheets/${id}/criteria`, { criteria: SAMPLE_CRITERIA });
    await ok(w.s.thuongtruc, 'POST', `/api/clusters/sheets/${id}/open`);
    const late = await w.s.thuongtruc.request({ method: 'PUT', url: `/api/clusters/sheets/${id}/criteria`, payload: { criteria: SAMPLE_CRITERIA } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('đang mở cho các đơn vị tự chấm');
    const sheet = await detail(w.s.an, id);
    expect(sheet.criteria.map((c) => [c.kind, c.maxPoints])).toEqual([['criterion', 60], ['criterion', 20], ['bonus', 5], ['penalty', 10]]);
    expect(sheet.me.capacities.sort()).toEqual(['head', 'member']);
  });

  it('lists the clusters each one organises, belongs to or follows', async () => {
    const names = async (s: Session) => (await s.request({ method: 'GET', url: '/api/clusters?year=2024' })).json().items
      .map((c: { name: string; parts: string[] }) => `${c.name}:${c.parts.join('+')}`);
    expect(await names(w.s.thuongtruc)).toEqual(['Cụm thi đua các huyện:organiser']);
    expect(await names(w.s.an)).toEqual(['Cụm thi đua các huyện:head+member']);
    expect(await names(w.s.binh)).toEqual(['Cụm thi đua các huyện:member']);
    expect(await names(w.s.theodoi)).toEqual(['Cụm thi đua các huyện:follower']);
    expect(await names(w.s.hoidong)).toEqual([]);
    expect(await names(w.s.ngoai)).toEqual([]);
  });
});

describe('scoring', () => {
  it('a score above the row\'s maximum is refused (422, naming the row, vi and en) and nothing of the save changes', async () => {
    const { id, criteria } = await openSheet(2023);
    const url = `/api/clusters/sheets/${id}/members/${w.binh.id}/scores`;
    await ok(w.s.binh, 'PUT', url, { scores: [{ criterionId: criteria[0]!.id, points: 50, evidence: 'Báo cáo tổng kết năm' }] });
    const payload = { scores: [{ criterionId: criteria[0]!.id, points: 55 }, { criterionId: criteria[1]!.id, points: 20.5 }] };
    const vi = await w.s.binh.request({ method: 'PUT', url, payload });
    expect(vi.statusCode).toBe(422);
    expect(vi.json().error.message).toBe('Điểm của "Công tác thi đua, khen thưởng" vượt quá điểm tối đa 20. Chưa có điểm nào được lưu.');
    const en = await w.s.binh.request({ method: 'PUT', url, payload, headers: { 'accept-language': 'en' } });
    expect(en.json().error.message).toBe('The points for "Công tác thi đua, khen thưởng" exceed its maximum of 20. Nothing was saved.');
    const penalty = await w.s.binh.request({ method: 'PUT', url, payload: { scores: [{ criterionId: criteria[3]!.id, points: 11 }] } });
    expect(penalty.statusCode).toBe(422);
    const negative = await w.s.binh.request({ method: 'PUT', url, payload: { scores: [{ criterionId: criteria[3]!.id, points: -1 }] } });
    expect(negative.statusCode).toBe(400);
    const scores = (await detail(w.s.binh, id)).scores.filter((s) => s.organisationId === w.binh.id);
    expect(scores.map((s) => [s.self, s.evidence])).toEqual([[50, 'Báo cáo tổng kết năm']]);
  });

  it('a member scores only itself; outsiders and council members not following do not see the sheet (404)', async () => {
    const { id, criteria } = await openSheet(2022);
    const payload = { scores: [{ criterionId: criteria[0]!.id, points: 40 }] };
    expect((await w.s.binh.request({ method: 'PUT', url: `/api/clusters/sheets/${id}/members/${w.cuong.id}/scores`, payload })).statusCode).toBe(403);
    expect((await w.s.ngoai.request({ method: 'PUT', url: `/api/clusters/sheets/${id}/members/${w.outside.id}/scores`, payload })).statusCode).toBe(404);
    expect((await w.s.ngoai.request({ method: 'GET', url: `/api/clusters/sheets/${id}` })).statusCode).toBe(404);
    expect((await w.s.hoidong.request({ method: 'GET', url: `/api/clusters/sheets/${id}` })).statusCode).toBe(404);
    expect((await w.s.ngoai.request({ method: 'GET', url: `/api/clusters/sheets/${id}/ranking.xlsx` })).statusCode).toBe(404);
    // the member's head scores for it too; a submission needs every criterion row and fixes the member's own points
    await ok(w.s.thutruongBinh, 'PUT', `/api/clusters/sheets/${id}/members/${w.binh.id}/scores`, payload);
    const incomplete = await w.s.binh.request({ method: 'POST', url: `/api/clusters/sheets/${id}/members/${w.binh.id}/submit` });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error.message).toContain('Công tác thi đua, khen thưởng');
    await score(w.s.binh, id, w.binh, criteria, [45, 15, 0, 0]);
    const again = await w.s.binh.request({ method: 'PUT', url: `/api/clusters/sheets/${id}/members/${w.binh.id}/scores`, payload });
    expect(again.statusCode).toBe(409);
  });
});

describe('evidence files', () => {
  const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
  const upload = (session: Session, sheetId: string, org: BuiltOrganisation, criterionId: string, body: Buffer, type = 'application/pdf') =>
    session.request({ method: 'PUT', url: `/api/clusters/sheets/${sheetId}/members/${org.id}/evidence/${criterionId}`,
      headers: { 'content-type': type, 'x-file-name': encodeURIComponent('Báo cáo tổng kết 2021.pdf') }, payload: body });
  type Files = { evidenceFiles: { id: string; organisationId: string; criterionId: string; name: string; size: number }[] };
  const filesOf = async (session: Session, id: string) => ((await detail(session, id)) as unknown as Files).evidenceFiles;

  it('a member attaches signed PDFs to its rows; the head and the following council member read them; nothing else is taken', async () => {
    const { id, criteria } = await openSheet(2016);
    const scan = pdf('Báo cáo số 12/BC-UBND');
    const added = await upload(w.s.binh, id, w.binh, criteria[0]!.id, scan);
    expect(added.statusCode, added.body).toBe(201);
    const fileId = added.json().id as string;
    expect(await filesOf(w.s.an, id)).toEqual([
      { id: fileId, organisationId: w.binh.id, criterionId: criteria[0]!.id, name: 'Báo cáo tổng kết 2021.pdf', size: scan.length, uploadedAt: expect.any(String), activeContent: [] }]);
    for (const reader of [w.s.an, w.s.theodoi, w.s.thuongtruc]) {
      const read = await reader.request({ method: 'GET', url: `/api/clusters/sheets/${id}/evidence/${fileId}` });
      expect(read.statusCode).toBe(200);
      expect(read.headers['content-type']).toBe('application/pdf');
      expect(read.rawPayload.equals(scan)).toBe(true);
    }
    expect((await w.s.ngoai.request({ method: 'GET', url: `/api/clusters/sheets/${id}/evidence/${fileId}` })).statusCode).toBe(404);
    // not a PDF (a picture, or HTML called a PDF), another member's row, a row not on the sheet: refused, nothing stored
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect((await upload(w.s.binh, id, w.binh, criteria[0]!.id, png, 'image/png')).statusCode).toBe(415);
    const html = await upload(w.s.binh, id, w.binh, criteria[0]!.id, Buffer.from('<script>alert(1)</script>'));
    expect([html.statusCode, html.json().error.code]).toEqual([415, 'file.not_pdf']);
    expect((await upload(w.s.binh, id, w.cuong, criteria[0]!.id, pdf('x'))).statusCode).toBe(403);
    expect((await upload(w.s.binh, id, w.binh, w.clusterId, pdf('x'))).statusCode).toBe(422);
    expect(await filesOf(w.s.thuongtruc, id)).toHaveLength(1);
    // the member removes one of its own while it scores; another member cannot
    const second = (await upload(w.s.binh, id, w.binh, criteria[1]!.id, pdf('Biên bản'))).json().id as string;
    expect((await w.s.cuong.request({ method: 'DELETE', url: `/api/clusters/sheets/${id}/evidence/${second}` })).statusCode).toBe(403);
    expect((await w.s.binh.request({ method: 'DELETE', url: `/api/clusters/sheets/${id}/evidence/${second}` })).statusCode).toBe(204);
    expect((await filesOf(w.s.binh, id)).map((f) => f.id)).toEqual([fileId]);
    const audit = await handle.db.selectFrom('audit_log').select('action').where('entity_id', '=', id)
      .where('action', 'in', ['cluster.evidence_add', 'cluster.evidence_remove']).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['cluster.evidence_add', 'cluster.evidence_add', 'cluster.evidence_remove']);
    // once submitted, its evidence is fixed with its points
    await score(w.s.binh, id, w.binh, criteria, [45, 15, 0, 0]);
    expect((await upload(w.s.binh, id, w.binh, criteria[0]!.id, pdf('muộn'))).statusCode).toBe(409);
    expect((await w.s.binh.request({ method: 'DELETE', url: `/api/clusters/sheets/${id}/evidence/${fileId}` })).statusCode).toBe(409);
    expect(await filesOf(w.s.binh, id)).toHaveLength(1);
  });
});

describe('adjusting', () => {
  it('only the head member and the following council member adjust, always with a reason, and the history keeps who, when, from, to, why', async () => {
    const { id, criteria } = await openSheet(2021);
    await score(w.s.an, id, w.an, criteria, [55, 18, 2, 0]);
    await score(w.s.binh, id, w.binh, criteria, [58, 19, 3, 1]);
    const url = (org: BuiltOrganisation) => `/api/clusters/sheets/${id}/members/${org.id}/adjustments`;
    const body = { criterionId: criteria[0]!.id, points: 52, reason: 'Chỉ tiêu thu ngân sách chưa đạt theo báo cáo của Sở Tài chính' };
    const noReason = await w.s.an.request({ method: 'POST', url: url(w.binh), payload: { ...body, reason: '   ' } });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.message).toBe('Phải nêu lý do điều chỉnh điểm.');
    expect((await w.s.an.request({ method: 'POST', url: url(w.binh), payload: { criterionId: body.criterionId, points: 52 } })).statusCode).toBe(422);
    expect((await w.s.cuong.request({ method: 'POST', url: url(w.binh), payload: body })).statusCode).toBe(403);
    expect((await w.s.thuongtruc.request({ method: 'POST', url: url(w.binh), payload: body })).statusCode).toBe(403);
    expect((await w.s.hoidong.request({ method: 'POST', url: url(w.binh), payload: body })).statusCode).toBe(404);
    expect((await w.s.an.request({ method: 'POST', url: url(w.binh), payload: { ...body, points: 61 } })).statusCode).toBe(422);
    expect((await detail(w.s.an, id)).adjustments).toEqual([]);
    // the head does not adjust itself; the follower does
    const own = await w.s.an.request({ method: 'POST', url: url(w.an), payload: body });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('cluster.own_scores');
    await ok(w.s.an, 'POST', url(w.binh), body);
    await ok(w.s.theodoi, 'POST', url(w.an), { criterionId: criteria[3]!.id, points: 2, reason: 'Chậm gửi báo cáo 6 tháng' });
    const sheet = await detail(w.s.theodoi, id);
    expect(sheet.adjustments.map((a) => [a.organisationId, a.from, a.to, a.reason, a.capacity])).toEqual([
      [w.binh.id, 58, 52, body.reason, 'head'], [w.an.id, 0, 2, 'Chậm gửi báo cáo 6 tháng', 'follower'],
    ]);
    expect(sheet.scores.find((s) => s.organisationId === w.binh.id && s.criterionId === criteria[0]!.id)).toMatchObject({ self: 58, adjusted: 52 });
    // An 55+18+2−2 = 73; Bình 52+19+3−1 = 73; equal totals, An ahead on criteria (73 against 71); Cường scored nothing
    expect(sheet.ranking.map((r) => [r.organisationId, r.total, r.rank, r.separatedBy])).toEqual([
      [w.an.id, 73, 1, null], [w.binh.id, 73, 2, 'criteria'], [w.cuong.id, 0, 3, 'total'],
    ]);
    const audit = await handle.db.selectFrom('audit_log').select(['action', 'changes']).where('action', '=', 'cluster.adjust').where('entity_id', '=', id).execute();
    expect(audit).toHaveLength(2);
  });
});

describe('ranking and proposing', () => {
  async function ranked(year: number, values: [BuiltOrganisation, number[]][], counts = { flagCount: 1, bangKhenCount: 1 }) {
    const { id, criteria } = await openSheet(year, counts);
    const sessionOf = (org: BuiltOrganisation) => (org === w.an ? w.s.an : org === w.binh ? w.s.binh : w.s.cuong);
    for (const [org, v] of values) await score(sessionOf(org), id, org, criteria, v);
    await ok(w.s.an, 'POST', `/api/clusters/sheets/${id}/close`);
    await ok(w.s.an, 'POST', `/api/clusters/sheets/${id}/rank`);
    return id;
  }

  it('proposes the leader for the flag and the next for Bằng khen as draft nomination batches, visible through the nominations API, once', async () => {
    const id = await ranked(2020, [[w.an, [50, 15, 0, 0]], [w.binh, [58, 19, 3, 1]], [w.cuong, [52, 18, 0, 0]]]);
    expect((await w.s.an.request({ method: 'POST', url: `/api/clusters/sheets/${id}/propose` })).statusCode).toBe(403);
    const proposed = await ok(w.s.thuongtruc, 'POST', `/api/clusters/sheets/${id}/propose`);
    const { flagBatchId, bangKhenBatchId } = proposed.json();
    const flag = (await w.s.thuongtruc.request({ method: 'GET', url: `/api/nominations/batches/${flagBatchId}` })).json();
    expect(flag.batch).toMatchObject({ status: 'draft', awardForm: 'co_thi_dua_tinh', year: 2020, organisation: { id: w.province.id } });
    expect(flag.candidates.map((c: { kind: string; subjectId: string; status: string }) => [c.kind, c.subjectId, c.status]))
      .toEqual([['collective', w.binh.id, 'draft']]);
    expect(flag.candidates[0].achievement).toBe('Xếp thứ 1/3 trong Cụm thi đua các huyện năm 2020 với tổng số 79 điểm (điểm tiêu chí 77, '
      + 'điểm thưởng 3, điểm trừ 1) theo kết quả chấm điểm, bình xét thi đua của cụm, khối.');
    expect(flag.history.map((h: { action: string }) => h.action)).toEqual(['create', 'add_candidate']);
    const bk = (await w.s.thuongtruc.request({ method: 'GET', url: `/api/nominations/batches/${bangKhenBatchId}` })).json();
    expect(bk.batch.awardForm).toBe('bang_khen_tinh');
    expect(bk.candidates.map((c: { subjectId: string }) => c.subjectId)).toEqual([w.cuong.id]);
    expect(bk.candidates[0].achievement).toContain('Xếp thứ 2/3');
    const sheet = await detail(w.s.an, id);
    expect(sheet).toMatchObject({ status: 'proposed', flagBatchId, bangKhenBatchId });
    const twice = await w.s.thuongtruc.request({ method: 'POST', url: `/api/clusters/sheets/${id}/propose` });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('cluster.already_proposed');
    const batches = await handle.db.selectFrom('nomination_batches').select('id').where('title', 'like', '%Cụm thi đua các huyện%').where('year', '=', 2020).execute();
    expect(batches).toHaveLength(2);
  });

  it('a tie at the cut-off is refused (409) until the cluster\'s vote is recorded; nothing is created meanwhile', async () => {
    const id = await ranked(2019, [[w.an, [55, 18, 0, 0]], [w.binh, [55, 18, 0, 0]], [w.cuong, [40, 10, 0, 0]]]);
    const sheet = await detail(w.s.thuongtruc, id);
    expect(sheet.ranking.map((r) => [r.rank, r.tied])).toEqual([[1, true], [1, true], [3, false]]);
    expect(sheet.cutoffTie.sort()).toEqual(['Ủy ban nhân dân huyện An Lạc', 'Ủy ban nhân dân huyện Bình Sơn']);
    const refused = await w.s.thuongtruc.request({ method: 'POST', url: `/api/clusters/sheets/${id}/propose` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('biểu quyết giải quyết đồng hạng');
    expect(await handle.db.selectFrom('nomination_batches').select('id').where('year', '=', 2019).execute()).toEqual([]);
    expect((await detail(w.s.an, id)).status).toBe('ranked');
    // the vote must name exactly the tied members, with the minutes cited
    const wrong = await w.s.an.request({ method: 'POST', url: `/api/clusters/sheets/${id}/tie-vote`,
      payload: { order: [w.binh.id, w.cuong.id], reason: 'Biên bản họp cụm ngày 10/12/2019' } });
    expect(wrong.statusCode).toBe(422);
    await ok(w.s.an, 'POST', `/api/clusters/sheets/${id}/tie-vote`, { order: [w.binh.id, w.an.id], reason: 'Biên bản họp cụm ngày 10/12/2019' });
    const voted = await detail(w.s.an, id);
    expect(voted.ranking.map((r) => [r.organisationId, r.rank, r.separatedBy])).toEqual([[w.binh.id, 1, null], [w.an.id, 2, 'vote'], [w.cuong.id, 3, 'total']]);
    const proposed = await ok(w.s.thuongtruc, 'POST', `/api/clusters/sheets/${id}/propose`);
    const flag = (await w.s.thuongtruc.request({ method: 'GET', url: `/api/nominations/batches/${proposed.json().flagBatchId}` })).json();
    expect(flag.candidates.map((c: { subjectId: string }) => c.subjectId)).toEqual([w.binh.id]);
  });

  it('exports the ranking with its tie-break as XLSX', async () => {
    const id = await ranked(2018, [[w.an, [50, 15, 1, 0]], [w.binh, [58, 19, 0, 0]]], { flagCount: 1, bangKhenCount: 0 });
    const response = await w.s.binh.request({ method: 'GET', url: `/api/clusters/sheets/${id}/ranking.xlsx` });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const ranking = workbook.getWorksheet('Xếp hạng')!;
    const rows = ranking.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows[2]).toEqual(['Hạng', 'Đơn vị', 'Điểm tiêu chí', 'Điểm thưởng', 'Điểm trừ', 'Tổng điểm', 'Số tiêu chí đạt tối đa', 'Ghi chú']);
    expect(rows[3]!.slice(0, 6)).toEqual([1, 'Ủy ban nhân dân huyện Bình Sơn', 77, 0, 0, 77]);
    expect(rows[4]!.slice(0, 6)).toEqual([2, 'Ủy ban nhân dân huyện An Lạc', 65, 1, 0, 66]);
    expect(String(rows.at(-1)![0])).toContain('điểm trừ thấp hơn');
    expect(workbook.getWorksheet('Bảng điểm')!.rowCount).toBe(1 + SAMPLE_CRITERIA.length);
  });

  // last: it ends a member's existence for the rest of the file
  it('a member that has ceased to exist is not proposed (422 naming it) and nothing is created', async () => {
    const id = await ranked(2017, [[w.an, [50, 15, 0, 0]], [w.binh, [40, 15, 0, 0]], [w.cuong, [58, 19, 0, 0]]]);
    await handle.db.updateTable('organisations').set({ valid_to: '2025-06-30' }).where('id', '=', w.cuong.id).execute();
    const refused = await w.s.thuongtruc.request({ method: 'POST', url: `/api/clusters/sheets/${id}/propose` });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toContain('Ủy ban nhân dân huyện Cường Thịnh đã thôi hoạt động');
    expect(await handle.db.selectFrom('nomination_batches').select('id').where('year', '=', 2017).execute()).toEqual([]);
    expect((await detail(w.s.thuongtruc, id)).status).toBe('ranked');
  });
});

describe('two people saving the same form of a sheet at once', () => {
  const sheetRow = (id: string) => handle.db.selectFrom('cluster_sheets').select(['title', 'flag_count', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
  const criteriaRows = (id: string) => handle.db.selectFrom('cluster_criteria').select(['title']).where('sheet_id', '=', id).orderBy('position').execute();

  it('the sheet\'s settings and its rows (the sheet\'s version): the one who saves from an older version is refused with 409 edit.stale', async () => {
    await handle.db.insertInto('cluster_members').values([w.an, w.binh, w.cuong].map((m, i) => ({
      tenant_id: w.province.tenantId, cluster_id: w.clusterId, year: 2010, organisation_id: m.id, role: i === 0 ? 'head' as const : 'member' as const,
    }))).execute();
    const id = (await ok(w.s.thuongtruc, 'POST', `/api/clusters/${w.clusterId}/sheets`, { year: 2010 })).json().id as string;
    const url = `/api/clusters/sheets/${id}`;
    const version = async () => (await detail(w.s.thuongtruc, id)).version;
    const cases = [
      { edit: (n: number) => ({ method: 'PATCH' as const, url, payload: { title: `Bảng điểm năm 2010, bản ${n}`, flagCount: n } }), row: () => sheetRow(id) },
      { edit: (n: number) => ({ method: 'PUT' as const, url: `${url}/criteria`, payload: { criteria: SAMPLE_CRITERIA.slice(0, n) } }),
        row: async () => ({ sheet: await sheetRow(id), criteria: await criteriaRows(id) }) },
    ];
    for (const c of cases) await expectVersionedEdit({ as: w.s.thuongtruc, version, edit: c.edit, row: c.row });
  });

  it('a member\'s self-scores (its entry\'s version): two of its officers at once, the older form is refused; another member is not held up', async () => {
    const { id, criteria } = await openSheet(2011);
    const entry = async (org: BuiltOrganisation) => (await detail(w.s.binh, id)).members.find((m) => m.organisationId === org.id)!.version;
    const url = (org: BuiltOrganisation) => `/api/clusters/sheets/${id}/members/${org.id}/scores`;
    const scores = (points: number) => ({ scores: [{ criterionId: criteria[0]!.id, points, evidence: `Báo cáo số ${points}/BC-UBND` }] });
    await expectVersionedEdit({
      as: w.s.binh, version: async () => (await entry(w.binh))!,
      edit: (attempt) => ({ method: 'PUT', url: url(w.binh), payload: scores(40 + attempt) }),
      row: async () => ({
        entry: await handle.db.selectFrom('cluster_sheet_entries').select('version').where('sheet_id', '=', id).where('organisation_id', '=', w.binh.id).executeTakeFirstOrThrow(),
        scores: await handle.db.selectFrom('cluster_scores').select(['self_points', 'evidence']).where('sheet_id', '=', id).where('organisation_id', '=', w.binh.id).execute(),
      }),
    });
    // the head member saving its own scores from the version it loaded is unaffected by Bình Sơn's saves
    expect((await w.s.an.request({ method: 'PUT', url: url(w.an), payload: { ...scores(50), version: await entry(w.an) } })).statusCode).toBe(204);
  });
});
