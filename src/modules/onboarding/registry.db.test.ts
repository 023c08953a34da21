import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { CSV_TYPE, XLSX_TYPE } from '../../platform/spreadsheets/sheet.ts';
import { buildAcceptedCandidate } from '../council/fixtures.testing.ts';
import { COUNCIL_COLUMNS } from './councils.ts';
import { CLUSTER_COLUMNS } from './clusters.ts';

/**
 * A province loads its own TĐKT councils and its clusters and blocks from files (issue 14.2): the
 * provincial council and a department's, then the year's clusters and blocks with the council member
 * who follows each; every kind of bad row is named with its row and column, and nothing is written.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let province: BuiltOrganisation;
let district: BuiltOrganisation;
const depts: BuiltOrganisation[] = [];
let admin: Session;
let districtOfficer: Session;
type Row = (string | number | Date | null)[];

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function xlsx(headers: string[], rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
const councilFile = (rows: Row[]) => xlsx(COUNCIL_COLUMNS.map((c) => c.header), rows);
const clusterFile = (rows: Row[]) => xlsx(CLUSTER_COLUMNS.map((c) => c.header), rows);

async function upload(session: Session, kind: 'councils' | 'clusters', file: Buffer, dryRun = false, lang = 'vi') {
  return session.request({
    method: 'POST', url: `/api/onboarding/${kind}/import?dryRun=${dryRun}&fileName=tep.xlsx`,
    payload: file, headers: { 'content-type': XLSX_TYPE, 'accept-language': lang },
  });
}
type RowErr = { row: number; column: string; message: string };
const errorsOf = (body: string) => (JSON.parse(body) as { error: { details: { errors: RowErr[] } } }).error.details.errors;
const count = async (table: 'councils' | 'council_members' | 'clusters' | 'cluster_members' | 'cluster_followers') =>
  Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).n);
const snapshot = async () => Promise.all((['councils', 'council_members', 'clusters', 'cluster_members', 'cluster_followers'] as const).map(count));

const COUNCILS: Row[] = [
  ['HD-TINH', 'Hội đồng Thi đua – Khen thưởng tỉnh Sơn Hà', 'UBND', 'Tỉnh', date('2021-07-01'), date('2026-12-31'), '1234/QĐ-UBND', 'CB01', 'Chủ tịch', 'Chủ tịch UBND tỉnh', null, null],
  ['HD-TINH', 'Hội đồng Thi đua – Khen thưởng tỉnh Sơn Hà', 'UBND', 'Tỉnh', date('2021-07-01'), date('2026-12-31'), '', 'cb02.taikhoan', 'Phó Chủ tịch', 'Giám đốc Sở Nội vụ', null, null],
  ['HD-TINH', 'Hội đồng Thi đua – Khen thưởng tỉnh Sơn Hà', 'UBND', 'Tỉnh', date('2021-07-01'), date('2026-12-31'), '', 'CB03', 'Ủy viên thường trực', 'Trưởng ban Thi đua', null, null],
  ['HD-TINH', 'Hội đồng Thi đua – Khen thưởng tỉnh Sơn Hà', 'UBND', 'Tỉnh', date('2021-07-01'), date('2026-12-31'), '', 'CB04', 'Ủy viên', '', date('2022-01-01'), null],
  ['HD-TINH', 'Hội đồng Thi đua – Khen thưởng tỉnh Sơn Hà', 'UBND', 'Tỉnh', date('2021-07-01'), date('2026-12-31'), '', 'CB05', 'Thư ký', 'Phó trưởng ban', null, null],
  ['HD-S01', 'Hội đồng Thi đua – Khen thưởng Sở số 1', 'S01', 'Tỉnh', '01/01/2024', null, '', 'CB04', 'Chủ tịch', 'Giám đốc Sở', null, null],
  ['HD-S01', 'Hội đồng Thi đua – Khen thưởng Sở số 1', 'S01', 'Tỉnh', '01/01/2024', null, '', 'CB06', 'Ủy viên', '', null, null],
];

const CLUSTERS: Row[] = [
  ['CUM1', 'Cụm thi đua các sở kinh tế', 'Cụm', 2025, '', 'S01', 'Trưởng cụm', 'CB03'],
  ['CUM1', 'Cụm thi đua các sở kinh tế', 'Cụm', 2025, '', 'S02', 'Phó cụm', ''],
  ['CUM1', 'Cụm thi đua các sở kinh tế', 'Cụm', 2025, '', 'S03', '', 'CB03'],
  ['KHOI1', 'Khối thi đua văn hóa – xã hội', 'Khối', 2025, 'UBND', 'S01', 'Thành viên', 'cb02.taikhoan'],
  ['KHOI1', 'Khối thi đua văn hóa – xã hội', 'Khối', 2025, 'UBND', 'S04', 'Trưởng cụm', ''],
  ['CUM1', 'Cụm thi đua các sở kinh tế', 'Cụm', 2026, '', 'S01', 'Trưởng cụm', 'CB03'],
  ['CUM1', 'Cụm thi đua các sở kinh tế', 'Cụm', 2026, '', 'S03', 'Thành viên', 'CB03'],
];

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  tenantId = (await buildTenant(handle.db)).id;
  province = await buildOrganisation(handle.db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà', code: 'UBND' });
  for (let i = 1; i <= 4; i++) depts.push(await buildOrganisation(handle.db, tenantId, province, { name: `Sở số ${i}`, code: `S0${i}` }));
  district = await buildOrganisation(handle.db, tenantId, province, { name: 'Ủy ban nhân dân huyện Một', code: 'H01', kind: 'peoples_committee', level: 'district' });
  for (let i = 1; i <= 7; i++) {
    const person = await buildPerson(handle.db, tenantId, `Nguyễn Văn Số${i}`, [{ organisation: i === 7 ? district : depts[(i - 1) % 4]! }]);
    await handle.db.updateTable('people').set({ code: `CB0${i}` }).where('tenant_id', '=', tenantId).where('id', '=', person.id).execute();
    if (i === 2) await buildUser(handle.db, tenantId, 'individual', depts[1]!, { username: 'cb02.taikhoan', personId: person.id });
  }
  await buildUser(handle.db, tenantId, 'individual', depts[0]!, { username: 'chua.gan' });
  const other = (await buildTenant(handle.db)).id;
  const otherRoot = await buildOrganisation(handle.db, other, null, { name: 'Ủy ban nhân dân tỉnh Khác', code: 'UBND' });
  const stranger = await buildPerson(handle.db, other, 'Trần Thị Ngoài', [{ organisation: otherRoot }]);
  await handle.db.updateTable('people').set({ code: 'CB99' }).where('id', '=', stranger.id).execute();
  await buildUser(handle.db, other, 'individual', otherRoot, { username: 'ngoai.tinh', personId: stranger.id });
  await buildUser(handle.db, tenantId, 'system_admin', province, { username: 'quantri.hoidong' });
  await buildUser(handle.db, tenantId, 'standing_officer', district, { username: 'thuongtruc.huyen' });
  admin = await signIn(app, 'quantri.hoidong');
  districtOfficer = await signIn(app, 'thuongtruc.huyen');
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('templates', () => {
  it('the councils and clusters templates have the headers and a Vietnamese example row', async () => {
    const response = await admin.request({ method: 'GET', url: '/api/onboarding/template?kind=councils&format=xlsx' });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(COUNCIL_COLUMNS.map((c) => c.header));
    expect(sheet.getRow(2).getCell(9).value).toBe('Chủ tịch');
    const csv = await admin.request({ method: 'GET', url: '/api/onboarding/template?kind=clusters&format=csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain(CSV_TYPE.split(';')[0]!);
    expect(csv.body).toContain('Mã cụm/khối');
    expect(csv.body).toContain('Trưởng cụm');
  });
});

describe('councils', () => {
  it('a bad file names every bad row and column, and writes nothing', async () => {
    // unknown unit, member of another tenant or unknown, account without a person, a person twice, terms, a second chairman,
    // a council written differently, a bad post, two councils of a unit at once
    const base = COUNCILS[0]!;
    const row = (changes: Record<number, string | Date | null>) => base.map((v, i) => (i in changes ? changes[i]! : v));
    const bad: Row[] = [
      row({ 0: 'HD-A', 2: 'KHONG-CO' }), // 2: unknown unit
      row({ 0: 'HD-B', 7: 'ngoai.tinh' }), // 3: an account of another tenant
      row({ 0: 'HD-B', 7: 'CB99', 8: 'Ủy viên' }), // 4: a person code of another tenant: unknown here
      row({ 0: 'HD-B', 7: 'chua.gan', 8: 'Ủy viên' }), // 5: an account without a person
      row({ 0: 'HD-C', 7: 'CB01' }), // 6
      row({ 0: 'HD-C', 7: 'CB01', 8: 'Ủy viên' }), // 7: the same person twice in one council
      row({ 0: 'HD-D', 4: date('2025-01-01'), 5: date('2024-01-01') }), // 8: term to < from
      row({ 0: 'HD-C', 7: 'CB02', 8: 'Chủ tịch' }), // 9: a second chairman
      row({ 0: 'HD-C', 1: 'Hội đồng khác', 7: 'CB03', 8: 'Ủy viên' }), // 10: the code's council written differently
      row({ 0: 'HD-E', 7: 'CB03', 8: 'Trưởng ban', 10: date('2024-05-01'), 11: date('2024-01-01') }), // 11: bad post, member term to < from
      row({ 0: 'HD-F', 1: 'Hội đồng thứ hai', 4: date('2026-01-01'), 5: null, 7: 'CB03' }), // 12: a second council of the unit in office with HD-C
    ];
    const before = await snapshot();
    const response = await upload(admin, 'councils', await councilFile(bad), true);
    expect(response.statusCode, response.body).toBe(422);
    const errors = errorsOf(response.body);
    const at = (r: number) => errors.filter((e) => e.row === r).map((e) => `${e.column}: ${e.message}`).join(' / ');
    expect(at(2)).toContain('Mã đơn vị: Không tìm thấy đơn vị có mã "KHONG-CO"');
    expect(at(3)).toContain('thuộc cơ quan khác');
    expect(at(4)).toContain('Không có cán bộ mã hoặc tài khoản "CB99"');
    expect(at(5)).toContain('chưa gắn với cán bộ nào');
    expect(at(6)).toBe('');
    expect(at(7)).toContain('Thành viên (mã cán bộ hoặc tên đăng nhập): Người này đã có trong Hội đồng "HD-C" ở dòng 6');
    expect(at(8)).toContain('Nhiệm kỳ đến ngày: Nhiệm kỳ đến ngày không được trước Nhiệm kỳ từ ngày');
    expect(at(9)).toContain('Chức danh trong Hội đồng: Hội đồng "HD-C" đã có Chủ tịch ở dòng 6');
    expect(at(10)).toContain('Hội đồng mã "HD-C" ghi khác với dòng 6');
    expect(at(11)).toContain('Chức danh trong Hội đồng: "Trưởng ban" không có trong danh mục');
    expect(at(11)).toContain('Đến ngày: Đến ngày không được trước Từ ngày');
    expect(at(12)).toContain('Nhiệm kỳ từ ngày: Nhiệm kỳ trùng với Hội đồng "Hội đồng Thi đua – Khen thưởng tỉnh Sơn Hà" của cùng đơn vị (từ 01/07/2021 đến 31/12/2026)');
    // the real import refuses the same way, in English for an English user
    const english = await upload(admin, 'councils', await councilFile(bad), false, 'en');
    expect(english.statusCode).toBe(422);
    expect(errorsOf(english.body).find((e) => e.row === 3)!.message).toContain('belongs to another organisation');
    expect(await snapshot()).toEqual(before);
  });

  it('an officer of a district cannot load the province\'s council', async () => {
    const response = await upload(districtOfficer, 'councils', await councilFile(COUNCILS.slice(0, 1)), true);
    expect(response.statusCode).toBe(422);
    expect(errorsOf(response.body)[0]).toMatchObject({ row: 2, column: 'Mã đơn vị' });
    const forbidden = await (await signIn(app, 'cb02.taikhoan')).request({
      method: 'POST', url: '/api/onboarding/councils/import?dryRun=true', payload: await councilFile(COUNCILS), headers: { 'content-type': XLSX_TYPE },
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('a good file is checked, loaded, and loading it again changes nothing', async () => {
    const file = await councilFile(COUNCILS);
    const before = await snapshot();
    const dry = await upload(admin, 'councils', file, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ kind: 'councils', rows: 7, created: 7, updated: 0, unchanged: 0, dryRun: true, councils: { created: 2, updated: 0 } });
    expect(await snapshot()).toEqual(before);

    const real = await upload(admin, 'councils', file);
    expect(real.statusCode, real.body).toBe(200);
    expect(real.json()).toMatchObject({ rows: 7, created: 7, dryRun: false, councils: { created: 2, updated: 0 } });
    const councils = await handle.db.selectFrom('councils').selectAll().where('tenant_id', '=', tenantId).orderBy('code').execute();
    expect(councils.map((c) => [c.code, c.organisation_id, c.level, c.valid_from, c.valid_to, c.version])).toEqual([
      ['HD-S01', depts[0]!.id, 'province', '2024-01-01', null, 1],
      ['HD-TINH', province.id, 'province', '2021-07-01', '2026-12-31', 1],
    ]);
    const members = await handle.db.selectFrom('council_members as m').innerJoin('people as p', (j) => j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.id', '=', 'm.person_id'))
      .select(['p.code', 'm.role', 'm.title', 'm.term_from']).where('m.council_id', '=', councils[1]!.id).orderBy('p.code').execute();
    expect(members).toEqual([
      { code: 'CB01', role: 'chair', title: 'Chủ tịch UBND tỉnh', term_from: null },
      { code: 'CB02', role: 'vice_chair', title: 'Giám đốc Sở Nội vụ', term_from: null },
      { code: 'CB03', role: 'standing_member', title: 'Trưởng ban Thi đua', term_from: null },
      { code: 'CB04', role: 'member', title: '', term_from: '2022-01-01' },
      { code: 'CB05', role: 'secretary', title: 'Phó trưởng ban', term_from: null },
    ]);
    const audit = await handle.db.selectFrom('audit_log').select(['action', 'changes']).where('tenant_id', '=', tenantId)
      .where('action', '=', 'onboarding.import_councils').execute();
    expect(audit).toHaveLength(1);

    const again = await upload(admin, 'councils', file);
    expect(again.json()).toMatchObject({ rows: 7, created: 0, updated: 0, unchanged: 7, councils: { created: 0, updated: 0 } });
    const versions = await handle.db.selectFrom('councils').select('version').where('tenant_id', '=', tenantId).execute();
    expect(versions.every((v) => v.version === 1)).toBe(true);

    // the file is the council's membership: a member left out leaves, a post changed is updated
    const changed = COUNCILS.slice(0, 4).map((r, i) => (i === 3 ? r.map((v, j) => (j === 8 ? 'Phó Chủ tịch' : v)) : r));
    const edit = await upload(admin, 'councils', await councilFile(changed));
    expect(edit.json()).toMatchObject({ rows: 4, created: 0, updated: 1, unchanged: 3, councils: { created: 0, updated: 1 } });
    expect(await count('council_members')).toBe(6);
    await upload(admin, 'councils', file);
    expect(await count('council_members')).toBe(7);
  });

  it('a council loaded from a file convenes a council meeting with its members', async () => {
    await buildAcceptedCandidate(handle.db, { unit: depts[0]!, receiving: province });
    const response = await admin.request({ method: 'POST', url: '/api/council/meetings', payload: { organisationId: province.id, date: '2026-11-25' } });
    expect(response.statusCode, response.body).toBe(201);
    const meeting = await admin.request({ method: 'GET', url: `/api/council/meetings/${response.json().id}` });
    expect(meeting.statusCode).toBe(200);
    const body = meeting.json() as { councilName: string; members: { name: string; role: string }[] };
    expect(body.councilName).toBe('Hội đồng Thi đua – Khen thưởng tỉnh Sơn Hà');
    expect(body.members.map((a) => [a.name, a.role])).toEqual([
      ['Nguyễn Văn Số1', 'chair'], ['Nguyễn Văn Số2', 'vice_chair'], ['Nguyễn Văn Số3', 'standing_member'], ['Nguyễn Văn Số4', 'member'],
      ['Nguyễn Văn Số5', 'secretary'],
    ]);
  });
});

describe('clusters and blocks', () => {
  it('a bad file names every bad row and column, and writes nothing', async () => {
    const bad: Row[] = [
      ['CUM9', 'Cụm chín', 'Cụm', 2025, '', 'KHONG-CO', '', ''], // 2: unknown unit
      ['CUM9', 'Cụm chín', 'Cụm', 2025, '', 'S04', 'Trưởng cụm', ''], // 3
      ['CUM9', 'Cụm chín', 'Cụm', 2025, '', 'S04', 'Thành viên', ''], // 4: the same unit twice in a cluster
      ['CUM9', 'Cụm chín', 'Cụm', 2025, '', 'H01', 'Trưởng cụm', ''], // 5: a second head
      ['CUM8', 'Cụm tám', 'Cụm', 2025, '', 'S04', '', ''], // 6: S04 is in CUM9 (row 3) the same year
      ['CUM8', 'Cụm tám', 'Cụm', 2025, '', 'H01', '', 'CB07'], // 7: CB07 sits on no council
      ['CUM8', 'Cụm tám', 'Cụm', 2025, '', 'S02', '', ''], // 8
      ['CUM7', 'Cụm bảy', 'Cụm', 2024, '', 'S03', '', 'ngoai.tinh'], // 9: a follower of another tenant
      ['CUM7', 'Cụm bảy', 'Nhóm', 1800, '', 'S03', '', ''], // 10: unknown kind, bad year
      ['CUM9', 'Cụm chín khác', 'Cụm', 2025, '', 'S03', '', ''], // 11: the code's cluster written differently
    ];
    // the clusters of the good file first, so that row 8 clashes with one already there
    expect((await upload(admin, 'clusters', await clusterFile(CLUSTERS))).statusCode).toBe(200);
    const before = await snapshot();
    const response = await upload(admin, 'clusters', await clusterFile(bad), true);
    expect(response.statusCode, response.body).toBe(422);
    const errors = errorsOf(response.body);
    const at = (r: number) => errors.filter((e) => e.row === r).map((e) => `${e.column}: ${e.message}`).join(' / ');
    expect(at(2)).toContain('Mã đơn vị thành viên: Không tìm thấy đơn vị có mã "KHONG-CO"');
    expect(at(3)).toBe('');
    expect(at(4)).toContain('Đơn vị "S04" đã có trong cụm, khối "CUM9" năm 2025 ở dòng 3');
    expect(at(5)).toContain('Vai trò: Cụm, khối "CUM9" năm 2025 đã có trưởng cụm ở dòng 3');
    expect(at(6)).toContain('Đơn vị "S04" đã thuộc cụm "CUM9" năm 2025 ở dòng 3');
    expect(at(7)).toContain('Thành viên Hội đồng theo dõi (mã cán bộ hoặc tên đăng nhập): Không có thành viên Hội đồng Thi đua – Khen thưởng "CB07"');
    expect(at(8)).toContain('Đơn vị "S02" đã thuộc cụm "Cụm thi đua các sở kinh tế" năm 2025');
    expect(at(9)).toContain('thuộc cơ quan khác');
    expect(at(10)).toContain('Loại: "Nhóm" không có trong danh mục');
    expect(at(10)).toContain('Năm: Năm "1800" không hợp lệ');
    expect(at(11)).toContain('Cụm, khối mã "CUM9" ghi khác với dòng 3');
    expect(await snapshot()).toEqual(before);
  });

  it('a good file is checked, loaded, and loading it again changes nothing', async () => {
    const file = await clusterFile(CLUSTERS);
    // loaded by the test above: the second time and the third change nothing
    const again = await upload(admin, 'clusters', file, true);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ kind: 'clusters', rows: 7, created: 0, updated: 0, unchanged: 7, clusters: { created: 0, updated: 0 } });
    const real = await upload(admin, 'clusters', file);
    expect(real.json()).toMatchObject({ rows: 7, created: 0, updated: 0, unchanged: 7, dryRun: false });
    const clusters = await handle.db.selectFrom('clusters').selectAll().where('tenant_id', '=', tenantId).orderBy('code').execute();
    expect(clusters.map((c) => [c.code, c.kind, c.organiser_id, c.version])).toEqual([['CUM1', 'cluster', province.id, 1], ['KHOI1', 'block', province.id, 1]]);
    const members = await handle.db.selectFrom('cluster_members').select(['cluster_id', 'year', 'organisation_id', 'role'])
      .where('tenant_id', '=', tenantId).orderBy('year').execute();
    const cum1 = clusters[0]!.id;
    expect(members.filter((m) => m.cluster_id === cum1 && m.year === 2025).map((m) => [m.organisation_id, m.role]).sort()).toEqual(
      [[depts[0]!.id, 'head'], [depts[1]!.id, 'deputy'], [depts[2]!.id, 'member']].sort());
    expect(members.filter((m) => m.cluster_id === cum1 && m.year === 2026)).toHaveLength(2);
    const followers = await handle.db.selectFrom('cluster_followers as f').innerJoin('people as p', (j) => j.onRef('p.tenant_id', '=', 'f.tenant_id').onRef('p.id', '=', 'f.person_id'))
      .select(['f.cluster_id', 'f.year', 'p.code']).where('f.tenant_id', '=', tenantId).orderBy('f.year').execute();
    expect(followers.map((f) => [f.cluster_id === cum1 ? 'CUM1' : 'KHOI1', f.year, f.code]).sort()).toEqual(
      [['CUM1', 2025, 'CB03'], ['CUM1', 2026, 'CB03'], ['KHOI1', 2025, 'CB02']]);
    // the first import was written with its audit row; the dry run and the unchanged import add theirs, and nothing else
    const audits = await handle.db.selectFrom('audit_log').select('action').where('tenant_id', '=', tenantId).where('action', '=', 'onboarding.import_clusters').execute();
    expect(audits).toHaveLength(2);
  });
});
