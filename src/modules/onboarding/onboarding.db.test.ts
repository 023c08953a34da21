import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { XLSX_TYPE } from '../../platform/spreadsheets/sheet.ts';
import { countedPrefixes } from '../statistics/index.ts';
import { COLUMNS, type OnboardingKind } from './columns.ts';

/**
 * A province after the 2025 two-tier reorganisation, built from files: 20 departments, 10 districts
 * (abolished on 30/6/2025) with 10 communes each, and 34 new communes — three old communes merged
 * into each, and district H01 split among the first three new communes; then 300 people with their
 * employments before and after the reorganisation, and a dozen accounts.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let province: BuiltOrganisation;
let admin: Session;
type Row = (string | number | Date | null)[];

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const headers = (kind: OnboardingKind) => COLUMNS[kind].map((c) => c.header);

async function xlsx(kind: OnboardingKind, rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.addRow(headers(kind));
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function upload(session: Session, kind: OnboardingKind, file: Buffer, dryRun = false) {
  return session.request({
    method: 'POST', url: `/api/onboarding/${kind}/import?dryRun=${dryRun}&fileName=tep.xlsx`,
    payload: file, headers: { 'content-type': XLSX_TYPE, 'accept-language': 'vi' },
  });
}

const errorsOf = (body: string) => (JSON.parse(body) as { error: { details: { errors: { row: number; column: string; message: string }[] } } }).error.details.errors;
const count = async (table: 'organisations' | 'people' | 'employments' | 'users' | 'organisation_successions' | 'audit_log') =>
  Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).n);

// ── the province's files ─────────────────────────────────────────────────────────────────────────

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
function unitRows(): Row[] {
  const rows: Row[] = [];
  for (let d = 1; d <= 20; d++) rows.push([`S${pad(d)}`, `Sở số ${d}`, '', 'Sở, ban, ngành', 'Tỉnh', '', '', '', date('2008-01-01'), null, '', '']);
  // new communes first in the file are not required: successors may come later, parents too
  for (let d = 1; d <= 10; d++) {
    const successors = d === 1 ? 'XM01; XM02; XM03' : `XM${pad((d - 1) * 10 / 3 + 1 | 0)}`;
    rows.push([`H${pad(d)}`, `Ủy ban nhân dân huyện Số ${d}`, '', 'Ủy ban nhân dân', 'Huyện', '', '', '', date('2008-01-01'), date('2025-06-30'),
      successors, d === 1 ? 'Chia cho ba xã mới' : '']);
    for (let c = 1; c <= 10; c++) {
      const j = (d - 1) * 10 + (c - 1);
      rows.push([`X${pad(d)}${pad(c)}`, `Ủy ban nhân dân xã Cũ ${d}-${c}`, '', 'Ủy ban nhân dân', 'Xã', `H${pad(d)}`, '', '', date('2008-01-01'),
        date('2025-06-30'), `XM${pad(Math.floor(j / 3) + 1)}`, '']);
    }
  }
  for (let m = 1; m <= 34; m++) rows.push([`XM${pad(m)}`, `Ủy ban nhân dân xã Mới ${m}`, '', 'UBND', 'Xã', '', `${pad(m + 10000, 5)}`, '', date('2025-07-01'), null, '', '']);
  return rows;
}
const UNITS = unitRows();

function peopleRows(): Row[] {
  const rows: Row[] = [];
  const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ'];
  const given = ['An', 'Bình', 'Chi', 'Dũng', 'Hoa', 'Lan', 'Minh', 'Thảo'];
  for (let i = 1; i <= 300; i++) {
    const code = `CB${pad(i, 4)}`;
    const name = `${families[i % 6]} Văn ${given[i % 8]}`;
    const gender = i % 2 ? 'Nam' : 'Nữ';
    if (i <= 200) {
      // served in an old commune, then in the new commune it merged into
      const j = (i - 1) % 100;
      const old = `X${pad(Math.floor(j / 10) + 1)}${pad((j % 10) + 1)}`;
      rows.push([code, name, gender, 1970 + (i % 30), 'Kinh', old, i % 10 === 0 ? 'Chủ tịch' : 'Công chức', i % 10 === 0 ? 'Có' : '', '', date('2015-01-01'), date('2025-06-30')]);
      rows.push([code, name, gender, '', '', `XM${pad(Math.floor(j / 3) + 1)}`, 'Công chức', 'Không', '', date('2025-07-01'), null]);
    } else {
      rows.push([code, name, gender, `15/03/${1975 + (i % 20)}`, i % 7 ? 'Kinh' : 'Tày', `S${pad((i % 20) + 1)}`, 'Giáo viên', '', '', date('2018-09-01'), null]);
    }
  }
  return rows;
}
const PEOPLE = peopleRows();

function accountRows(): Row[] {
  const rows: Row[] = [];
  for (let i = 1; i <= 12; i++) {
    rows.push([`canbo${pad(i)}`, `Cán bộ ${i}`, `canbo${pad(i)}@sonha.gov.vn`, i <= 3 ? 'Cán bộ cơ quan thường trực TĐKT' : 'unit_officer', `S${pad(i)}`, i <= 5 ? `CB${pad(200 + i, 4)}` : '']);
  }
  return rows;
}
const ACCOUNTS = accountRows();

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  tenantId = (await buildTenant(handle.db)).id;
  province = await buildOrganisation(handle.db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  await buildUser(handle.db, tenantId, 'system_admin', province, { username: 'quantri.onboarding' });
  admin = await signIn(app, 'quantri.onboarding');
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('templates', () => {
  it('an XLSX template has the headers, a Vietnamese example row and the column notes', async () => {
    const response = await admin.request({ method: 'GET', url: '/api/onboarding/template?kind=units&format=xlsx' });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(headers('units'));
    expect(sheet.getRow(2).getCell(2).value).toBe('Sở Nội vụ');
    const guide = workbook.getWorksheet('Hướng dẫn')!;
    const lines = guide.getColumn(1).values.filter(Boolean).map(String);
    expect(lines.some((l) => l.startsWith('Mã đơn vị kế thừa:'))).toBe(true);
    expect(lines.some((l) => l.includes('Sở, ban, ngành'))).toBe(true);
  });
  it('a CSV template starts with the headers', async () => {
    const response = await admin.request({ method: 'GET', url: '/api/onboarding/template?kind=people&format=csv' });
    expect(response.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(headers('people').join(','));
  });
});

describe('units of a province after the 2025 reorganisation', () => {
  it('a dry run counts every unit and writes nothing', async () => {
    const before = await count('organisations');
    const response = await upload(admin, 'units', await xlsx('units', UNITS), true);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ rows: 164, created: 164, updated: 0, unchanged: 0, dryRun: true });
    expect(await count('organisations')).toBe(before);
  });

  it('every bad row is named by row and column, and nothing is written', async () => {
    await buildOrganisation(handle.db, tenantId, province, { name: 'Sở Có Sẵn', code: 'CO-SAN' });
    const before = await count('organisations');
    const bad: Row[] = [
      ['A1', 'Đơn vị A', '', 'Sở, ban, ngành', 'Tỉnh', 'KHONG-CO', '', '', date('2010-01-01'), null, '', ''],      // row 2: unknown parent
      ['B1', 'Đơn vị B', '', 'Sở, ban, ngành', 'Tỉnh', 'C1', '', '', date('2010-01-01'), null, '', ''],            // row 3: cycle B → C → B
      ['C1', 'Đơn vị C', '', 'Sở, ban, ngành', 'Tỉnh', 'B1', '', '', date('2010-01-01'), null, '', ''],            // row 4
      ['A1', 'Đơn vị A lần hai', '', 'Sở, ban, ngành', 'Tỉnh', '', '', '', date('2010-01-01'), null, '', ''],      // row 5: duplicate code
      ['D1', 'Đơn vị D', '', 'UBND', 'Huyện', '', '', '', date('2010-01-01'), date('2025-06-30'), 'MA-LA', ''],   // row 6: unknown successor
      ['E1', 'Đơn vị E', '', 'UBND', 'Xã', '', '', '', date('2025-07-01'), date('2025-01-01'), '', ''],           // row 7: ends before it starts
      ['F1', 'Đơn vị F', '', 'Không biết', 'Tầng', '', '', '', 'ngày mai', null, '', ''],                         // row 8: kind, level, date
      ['CO-SAN', 'Sở Có Sẵn', '', 'Sở, ban, ngành', 'Tỉnh', 'G1', '', '', date('2008-01-01'), null, '', ''],       // row 9: the existing unit under its own child
      ['G1', 'Phòng G', '', 'Phòng, ban', 'Tỉnh', 'CO-SAN', '', '', date('2010-01-01'), null, '', ''],             // row 10
    ];
    const response = await upload(admin, 'units', await xlsx('units', bad));
    expect(response.statusCode).toBe(422);
    const errors = errorsOf(response.body);
    const at = (row: number) => errors.filter((e) => e.row === row).map((e) => `${e.column}: ${e.message}`);
    expect(at(2)).toEqual([expect.stringMatching(/^Mã đơn vị cấp trên: Không có đơn vị cấp trên mã "KHONG-CO"/)]);
    expect(at(3)).toEqual([expect.stringMatching(/^Mã đơn vị cấp trên: Cây đơn vị bị vòng lặp/)]);
    expect(at(4)).toEqual([expect.stringMatching(/^Mã đơn vị cấp trên: Cây đơn vị bị vòng lặp/)]);
    expect(at(5)).toEqual(['Mã đơn vị: Trùng với dòng 2 của tệp.']);
    expect(at(6)).toEqual([expect.stringMatching(/^Mã đơn vị kế thừa: Không có đơn vị kế thừa mã "MA-LA"/)]);
    expect(at(7)).toEqual(['Hiệu lực đến ngày: Hiệu lực đến ngày không được trước Hiệu lực từ ngày.']);
    expect(at(8).map((e) => e.split(':')[0])).toEqual(['Loại hình', 'Cấp hành chính', 'Hiệu lực từ ngày']);
    expect(at(9)).toEqual([expect.stringMatching(/vòng lặp/)]);
    expect(at(10)).toEqual([expect.stringMatching(/vòng lặp/)]);
    expect(await count('organisations')).toBe(before);
  });

  it('imports the tree, parents before children, with the split and the mergers as succession links', async () => {
    const response = await upload(admin, 'units', await xlsx('units', UNITS));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ rows: 164, created: 164, updated: 0, unchanged: 0, dryRun: false });
    const byCode = async (code: string) => handle.db.selectFrom('organisations').selectAll().where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirstOrThrow();
    const h01 = await byCode('H01');
    const x0101 = await byCode('X0101');
    expect(x0101.path).toBe(`${h01.path}${x0101.id}/`);
    expect(x0101.depth).toBe(2);
    expect(x0101.name_fold).toBe('uy ban nhan dan xa cu 1 1');
    // a split: three links and no single successor; a merger: one link, and successor_id kept for current readers
    expect(h01.successor_id).toBeNull();
    const links = await handle.db.selectFrom('organisation_successions').selectAll().where('tenant_id', '=', tenantId).where('predecessor_id', '=', h01.id).execute();
    expect(links).toHaveLength(3);
    expect(links.every((l) => l.on_date === '2025-07-01' && l.share_note === 'Chia cho ba xã mới')).toBe(true);
    const xm01 = await byCode('XM01');
    expect(x0101.successor_id).toBe(xm01.id);
    const audit = await handle.db.selectFrom('audit_log').selectAll().where('tenant_id', '=', tenantId).where('action', '=', 'onboarding.import_units').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.changes).toMatchObject({ rows: 164, created: 164, fileName: 'tep.xlsx', format: 'xlsx' });
  });

  it('a district split among three communes counts under each of them in 2022 figures', async () => {
    const ids = Object.fromEntries((await handle.db.selectFrom('organisations').select(['code', 'id', 'path']).where('tenant_id', '=', tenantId)
      .where('code', 'in', ['H01', 'XM02', 'XM03', 'X0105']).execute()).map((r) => [r.code, r]));
    for (const commune of ['XM02', 'XM03']) {
      const prefixes = await countedPrefixes(handle.db, tenantId, ids[commune]!.id, { fromYear: 2022, toYear: 2022 });
      expect(prefixes.map((p) => p.path), commune).toContain(ids.H01!.path);
      const detail = (await admin.request({ method: 'GET', url: `/api/organisations/${ids[commune]!.id}` })).json();
      expect(detail.predecessors.map((p: { name: string }) => p.name)).toContain('Ủy ban nhân dân huyện Số 1');
    }
    // 2026 figures: the district ended before, so it does not count
    const later = await countedPrefixes(handle.db, tenantId, ids.XM02!.id, { fromYear: 2026, toYear: 2026 });
    expect(later.map((p) => p.path)).not.toContain(ids.H01!.path);
  });

  it('importing the same file again changes nothing', async () => {
    const audits = await count('audit_log');
    const response = await upload(admin, 'units', await xlsx('units', UNITS));
    expect(response.json()).toMatchObject({ rows: 164, created: 0, updated: 0, unchanged: 164 });
    expect(await count('audit_log')).toBe(audits + 1);
  });

  it('a changed name and a moved unit are updated, and only they', async () => {
    const rows = UNITS.map((r) => [...r]);
    rows[0]![1] = 'Sở Nội vụ';
    rows.find((r) => r[0] === 'S02')![5] = 'S03';
    const response = await upload(admin, 'units', await xlsx('units', rows));
    expect(response.json()).toMatchObject({ created: 0, updated: 2, unchanged: 162 });
    await upload(admin, 'units', await xlsx('units', UNITS));
  });

  it('an administrator of one department cannot add units elsewhere', async () => {
    const s01 = await handle.db.selectFrom('organisations').select(['id', 'path', 'name']).where('tenant_id', '=', tenantId).where('code', '=', 'S01').executeTakeFirstOrThrow();
    await buildUser(handle.db, tenantId, 'system_admin', { ...s01, tenantId }, { username: 'quantri.s01' });
    const departmentAdmin = await signIn(app, 'quantri.s01');
    const before = await count('organisations');
    const response = await upload(departmentAdmin, 'units', await xlsx('units', [
      ['P1', 'Phòng Một', '', 'Phòng, ban', 'Tỉnh', 'S01', '', '', date('2010-01-01'), null, '', ''],
      ['P2', 'Phòng Hai', '', 'Phòng, ban', 'Tỉnh', 'S02', '', '', date('2010-01-01'), null, '', ''],
      ['P3', 'Phòng Ba', '', 'Phòng, ban', 'Tỉnh', '', '', '', date('2010-01-01'), null, '', ''],
      ['S05', 'Sở số 5 đổi tên', '', 'Sở, ban, ngành', 'Tỉnh', '', '', '', date('2008-01-01'), null, '', ''],
    ]));
    expect(response.statusCode).toBe(422);
    expect(errorsOf(response.body).map((e) => [e.row, e.column])).toEqual([[3, 'Mã đơn vị cấp trên'], [4, 'Mã đơn vị cấp trên'], [5, 'Mã đơn vị'], [5, 'Mã đơn vị cấp trên']]);
    expect(errorsOf(response.body)[0]!.message).toMatch(/ngoài phạm vi/);
    expect(await count('organisations')).toBe(before);
    // within the department it works
    const own = await upload(departmentAdmin, 'units', await xlsx('units', [['P1', 'Phòng Một', '', 'Phòng, ban', 'Tỉnh', 'S01', '', '', date('2010-01-01'), null, '', '']]));
    expect(own.json()).toMatchObject({ created: 1 });
  });
});

describe('people with their employments', () => {
  it('imports a few hundred people across the reorganisation, and again changes nothing', async () => {
    const dry = await upload(admin, 'people', await xlsx('people', PEOPLE), true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(await count('people')).toBe(0);
    const response = await upload(admin, 'people', await xlsx('people', PEOPLE));
    expect(response.json()).toMatchObject({ rows: 500, created: 500, updated: 0, unchanged: 0, people: { created: 300, updated: 0 } });
    expect(await count('people')).toBe(300);
    expect(await count('employments')).toBe(500);
    const teacher = await handle.db.selectFrom('people as p').innerJoin('employments as e', 'e.person_id', 'p.id')
      .select(['p.birth_year', 'p.gender', 'p.ethnicity', 'e.is_direct_worker', 'e.is_leader']).where('p.tenant_id', '=', tenantId).where('p.code', '=', 'CB0203').executeTakeFirstOrThrow();
    expect(teacher).toEqual({ birth_year: 1978, gender: 'male', ethnicity: 'Tày', is_direct_worker: true, is_leader: false });
    const again = await upload(admin, 'people', await xlsx('people', PEOPLE));
    expect(again.json()).toMatchObject({ rows: 500, created: 0, updated: 0, unchanged: 500, people: { created: 0, updated: 0 } });
  });

  it('names an unknown unit, an overlap and a bad date by row, and writes nothing', async () => {
    const before = await count('employments');
    const response = await upload(admin, 'people', await xlsx('people', [
      ['CB9001', 'Đinh Văn Mới', 'Nam', 1990, '', 'KHONG-CO', 'Chuyên viên', '', '', date('2020-01-01'), null],
      ['CB9002', 'Đinh Thị Hai', 'Nữ', 1991, '', 'S01', 'Chuyên viên', '', '', date('2020-01-01'), null],
      ['CB9002', 'Đinh Thị Hai', 'Nữ', '', '', 'S02', 'Chuyên viên', '', '', date('2021-01-01'), date('2022-01-01')],
      ['CB9003', 'Đinh Văn Ba', 'Nam', 1992, '', 'S01', 'Chuyên viên', '', '', '31/02/2020', null],
      ['CB0201', 'Nguyễn Văn Bình', 'Nam', '', '', 'S05', 'Chuyên viên', '', '', date('2019-01-01'), null],
    ]));
    expect(response.statusCode).toBe(422);
    const errors = errorsOf(response.body);
    expect(errors.map((e) => [e.row, e.column])).toEqual([[2, 'Mã đơn vị'], [3, 'Từ ngày'], [4, 'Từ ngày'], [5, 'Từ ngày'], [6, 'Từ ngày']]);
    expect(errors[1]!.message).toMatch(/chồng lấn với dòng 4/);
    expect(errors[4]!.message).toMatch(/chồng lấn với quá trình đã có/);
    expect(await count('employments')).toBe(before);
  });
});

describe('accounts', () => {
  it('creates a dozen accounts with one-time setup links, and again changes nothing', async () => {
    const response = await upload(admin, 'accounts', await xlsx('accounts', ACCOUNTS));
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ rows: 12, created: 12, updated: 0, unchanged: 0, mailed: [] });
    expect(body.links).toHaveLength(12);
    expect(body.links[0].url).toMatch(/\/dat-mat-khau\?ma=/);
    const grant = await handle.db.selectFrom('users as u').innerJoin('role_grants as g', 'g.user_id', 'u.id')
      .select(['g.role', 'u.email', 'u.person_id']).where('u.username', '=', 'canbo01').executeTakeFirstOrThrow();
    expect(grant).toMatchObject({ role: 'standing_officer', email: 'canbo01@sonha.gov.vn' });
    expect(grant.person_id).not.toBeNull();
    const again = await upload(admin, 'accounts', await xlsx('accounts', ACCOUNTS));
    expect(again.json()).toMatchObject({ rows: 12, created: 0, updated: 0, unchanged: 12, mailed: [] });
    expect(again.json().links).toEqual([]);
  });

  it('names a bad e-mail, a duplicate or taken username, an unknown unit and role, and a grant out of scope', async () => {
    const other = (await buildTenant(handle.db)).id;
    const otherRoot = await buildOrganisation(handle.db, other, null, { name: 'Tỉnh khác' });
    await buildUser(handle.db, other, 'unit_officer', otherRoot, { username: 'da.co.noi.khac' });
    const before = await count('users');
    const response = await upload(admin, 'accounts', await xlsx('accounts', [
      ['moi01', 'Mới Một', 'khong-phai-thu', 'Cán bộ TĐKT đơn vị', 'S01', ''],
      ['moi02', 'Mới Hai', 'moi02@sonha.gov.vn', 'Cán bộ TĐKT đơn vị', 'S01', ''],
      ['moi02', 'Mới Hai', 'khac@sonha.gov.vn', 'Cán bộ TĐKT đơn vị', 'S02', ''],
      ['da.co.noi.khac', 'Trùng', 'a@b.vn', 'Cán bộ TĐKT đơn vị', 'S01', ''],
      ['moi03', 'Mới Ba', 'moi03@sonha.gov.vn', 'Cán bộ TĐKT đơn vị', 'KHONG-CO', ''],
      ['moi04', 'Mới Bốn', 'moi04@sonha.gov.vn', 'Giám đốc', 'S01', ''],
    ]));
    expect(response.statusCode).toBe(422);
    expect(errorsOf(response.body).map((e) => [e.row, e.column])).toEqual([
      [2, 'Thư điện tử'], [4, 'Tên đăng nhập'], [5, 'Tên đăng nhập'], [6, 'Mã đơn vị'], [7, 'Vai trò']]);
    const departmentAdmin = await signIn(app, 'quantri.s01');
    const refused = await upload(departmentAdmin, 'accounts', await xlsx('accounts', [['moi05', 'Mới Năm', 'moi05@sonha.gov.vn', 'Quản trị hệ thống', 'S02', '']]));
    expect(refused.statusCode).toBe(422);
    expect(errorsOf(refused.body)[0]).toMatchObject({ row: 2, column: 'Mã đơn vị', message: expect.stringMatching(/ngoài phạm vi/) });
    expect(await count('users')).toBe(before);
  });

  it('a unit officer may not import accounts or units', async () => {
    const s03 = await handle.db.selectFrom('organisations').select(['id', 'path', 'name']).where('tenant_id', '=', tenantId).where('code', '=', 'S03').executeTakeFirstOrThrow();
    await buildUser(handle.db, tenantId, 'unit_officer', { ...s03, tenantId }, { username: 'canbo.s03' });
    const officer = await signIn(app, 'canbo.s03');
    expect((await upload(officer, 'accounts', await xlsx('accounts', ACCOUNTS))).statusCode).toBe(403);
    expect((await upload(officer, 'units', await xlsx('units', UNITS))).statusCode).toBe(403);
  });
});
