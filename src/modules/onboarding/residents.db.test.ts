import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { CSV_TYPE, XLSX_TYPE } from '../../platform/spreadsheets/sheet.ts';
import { RESIDENT_COLUMNS } from './residents.ts';
import { HOUSEHOLD_COLUMNS } from './households.ts';

/**
 * The residents and households of two communes, onboarded from files: a dry run that names every bad
 * row and writes nothing, the import, and the same file again changing nothing.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let province: BuiltOrganisation, tanThanh: BuiltOrganisation, school: BuiltOrganisation;
let officer: Session;
type Row = (string | number | Date | null)[];
type Kind = 'residents' | 'households';

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const HEADERS: Record<Kind, string[]> = { residents: RESIDENT_COLUMNS.map((c) => c.header), households: HOUSEHOLD_COLUMNS.map((c) => c.header) };

async function xlsx(kind: Kind, rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.addRow(HEADERS[kind]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
const upload = (kind: Kind, file: Buffer, dryRun = false, session = officer) => session.request({
  method: 'POST', url: `/api/onboarding/${kind}/import?dryRun=${dryRun}&fileName=tep.xlsx`, payload: file,
  headers: { 'content-type': XLSX_TYPE, 'accept-language': 'vi' },
});
const errorsOf = (body: string) => (JSON.parse(body) as { error: { details: { errors: { row: number; column: string; message: string }[] } } }).error.details.errors;
const count = async (table: 'people' | 'residences' | 'households' | 'household_members') =>
  Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  const db = handle.db;
  tenantId = (await buildTenant(db)).id;
  province = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  tanThanh = await buildOrganisation(db, tenantId, province, { name: 'Ủy ban nhân dân xã Tân Thành', kind: 'peoples_committee', level: 'commune', code: 'XTT' });
  await buildOrganisation(db, tenantId, province, { name: 'Ủy ban nhân dân xã Bình Minh', kind: 'peoples_committee', level: 'commune', code: 'XBM' });
  school = await buildOrganisation(db, tenantId, tanThanh, { name: 'Trường Tiểu học Tân Thành', kind: 'public_service_unit', level: 'commune', code: 'THTT' });
  const teacher = await buildPerson(db, tenantId, 'Hoàng Thị Nga', [{ organisation: school, position: 'Giáo viên' }], { gender: 'female' });
  await db.updateTable('people').set({ code: 'GV01' }).where('id', '=', teacher.id).execute();
  await buildUser(db, tenantId, 'unit_officer', tanThanh, { username: 'canbo.tanthanh' });
  officer = await signIn(app, 'canbo.tanthanh');
});
afterAll(async () => { await app.close(); await handle.close(); });

const residents: Row[] = [
  ['CD0001', 'Lường Văn Thắng', 'Nam', '1968', 'Thái', 'XTT', 'Thôn Nà Lừa', 'Nhà số 12', date('2025-07-01'), null],
  ['CD0002', 'Lò Thị Xuân', 'Nữ', '1972', 'Thái', 'XTT', 'Thôn Nà Lừa', 'Nhà số 12', date('2025-07-01'), null],
  ['CD0003', 'Lường Văn Tú', 'Nam', '2008', 'Thái', 'XTT', 'Thôn Nà Lừa', 'Nhà số 12', date('2025-07-01'), null],
  ['CD0004', 'Vi Thị Hằng', 'Nữ', '1990', '', 'XTT', 'Tổ dân phố 3', '', date('2020-01-01'), date('2025-12-31')],
  ['CD0004', 'Vi Thị Hằng', 'Nữ', '1990', '', 'XTT', 'Thôn Khuổi Hẩu', '', date('2026-01-01'), null],
];

describe('the residents file', () => {
  it('the template has the Vietnamese headers and an example row', async () => {
    const response = await officer.request({ method: 'GET', url: '/api/onboarding/residents/template?format=csv' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain(CSV_TYPE.split(';')[0]!);
    expect(response.body).toContain('Mã cư dân');
    expect(response.body).toContain('Thôn, ấp, tổ dân phố');
  });

  it('a dry run names every bad row, and nothing is written', async () => {
    const bad: Row[] = [
      ...residents.slice(0, 2),
      ['CD0009', 'Đinh Văn Xa', 'Nam', '1980', '', 'XBM', 'Thôn Một', '', date('2025-07-01'), null],
      ['CD0010', 'Hà Văn Khánh', 'Nam', '1980', '', 'THTT', 'Thôn Một', '', date('2025-07-01'), null],
      ['GV01', 'Hoàng Thị Nga', 'Nữ', '1980', '', 'XTT', 'Thôn Một', '', date('2025-07-01'), null],
      ['CD0011', 'Bế Văn Lợi', 'Không rõ', '1980', '', 'XTT', '', '', 'hôm qua', null],
      ['CD0012', 'Nông Thị Mây', 'Nữ', '1980', '', 'XTT', 'Thôn Hai', '', date('2020-01-01'), null],
      ['CD0012', 'Nông Thị Mây', 'Nữ', '1980', '', 'XTT', 'Thôn Ba', '', date('2024-01-01'), null],
    ];
    const response = await upload('residents', await xlsx('residents', bad), true);
    expect(response.statusCode).toBe(422);
    const errors = errorsOf(response.body);
    expect(errors.map((e) => `${e.row} ${e.column}`).sort()).toEqual([
      '4 Mã xã', '5 Mã xã', '6 Mã cư dân', '7 Cư trú từ ngày', '7 Giới tính', '7 Thôn, ấp, tổ dân phố', '8 Cư trú từ ngày', '9 Cư trú từ ngày',
    ]);
    expect(errors[0]!.message).toBe('Không tìm thấy đơn vị có mã "XBM" trong phạm vi được giao.');
    expect(errors[1]!.message).toBe('Đơn vị mã "THTT" không phải cấp xã: nơi cư trú phải là xã, phường hoặc đặc khu.');
    expect(errors[2]!.message).toContain('là của một cán bộ đang công tác');
    expect(errors.at(-1)!.message).toContain('Thời gian cư trú trùng');
    expect(await count('people')).toBe(1);
    expect(await count('residences')).toBe(0);
  });

  it('a dry run of a good file counts what the import will do, and writes nothing', async () => {
    const response = await upload('residents', await xlsx('residents', residents), true);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ kind: 'residents', rows: 5, created: 5, updated: 0, unchanged: 0, dryRun: true, people: { created: 4, updated: 0 } });
    expect(await count('residences')).toBe(0);
  });

  it('imports the residents, who are then found in the commune\'s people search', async () => {
    const response = await upload('residents', await xlsx('residents', residents));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ rows: 5, created: 5, dryRun: false, people: { created: 4 } });
    const found = (await officer.request({ method: 'GET', url: '/api/people?q=vi%20hang&asOf=2026-02-01' })).json();
    expect(found.items).toEqual([expect.objectContaining({ fullName: 'Vi Thị Hằng', village: 'Thôn Khuổi Hẩu' })]);
  });

  it('importing the same file again changes nothing', async () => {
    const response = await upload('residents', await xlsx('residents', residents));
    expect(response.json()).toMatchObject({ rows: 5, created: 0, updated: 0, unchanged: 5, people: { created: 0, updated: 0 } });
    expect(await count('people')).toBe(5);
    expect(await count('residences')).toBe(5);
  });
});

const households: Row[] = [
  ['HO-001', 'XTT', 'Thôn Nà Lừa', 'Nhà số 12', 'CD0001', 'Chủ hộ', 'Có'],
  ['HO-001', 'XTT', 'Thôn Nà Lừa', 'Nhà số 12', 'CD0002', 'Vợ', ''],
  ['HO-001', 'XTT', 'Thôn Nà Lừa', 'Nhà số 12', 'CD0003', 'Con', 'Không'],
  ['HO-002', 'XTT', 'Thôn Khuổi Hẩu', '', 'CD0004', 'Chủ hộ', 'Có'],
];

describe('the households file', () => {
  it('a dry run names every bad row — a member who is not a person of the tenant among them — and nothing is written', async () => {
    const bad: Row[] = [
      ...households.slice(0, 2),
      ['HO-001', 'XTT', 'Thôn Bản Chang', 'Nhà số 12', 'CD0003', 'Con', 'Có'],
      ['HO-002', 'XTT', 'Thôn Khuổi Hẩu', '', 'KHONG-CO', 'Con', ''],
      ['HO-003', 'XTT', 'Thôn Khuổi Hẩu', '', 'CD0004', 'Con', ''],
      ['HO-001', 'XTT', 'Thôn Nà Lừa', 'Nhà số 12', 'CD0002', 'Vợ', ''],
    ];
    const response = await upload('households', await xlsx('households', bad), true);
    expect(response.statusCode).toBe(422);
    const errors = errorsOf(response.body);
    expect(errors.map((e) => `${e.row} ${e.column}: ${e.message}`)).toEqual([
      '4 Thôn, ấp, tổ dân phố: Thông tin hộ mã "HO-001" khác với dòng 2 (xã, thôn, địa chỉ phải giống nhau).',
      '4 Chủ hộ (Có/Không): Hộ mã "HO-001" đã có chủ hộ ở dòng 2: mỗi hộ chỉ có một chủ hộ.',
      '5 Mã thành viên: Không tìm thấy người có mã "KHONG-CO" (mã cán bộ hoặc mã cư dân) trong phạm vi được giao.',
      '6 Chủ hộ (Có/Không): Hộ mã "HO-003" không có dòng nào là chủ hộ (cột "Chủ hộ" ghi Có).',
      '7 Mã thành viên: Người mã "CD0002" đã ghi ở dòng 3 của cùng hộ.',
    ]);
    expect(await count('households')).toBe(0);
  });

  it('imports the households with their members; the same file again changes nothing', async () => {
    const first = await upload('households', await xlsx('households', households));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ kind: 'households', rows: 2, created: 2, updated: 0, unchanged: 0 });
    expect(await count('household_members')).toBe(4);
    const listed = (await officer.request({ method: 'GET', url: '/api/households?q=thang' })).json();
    expect(listed.items).toEqual([expect.objectContaining({ code: 'HO-001', headName: 'Lường Văn Thắng', village: 'Thôn Nà Lừa', memberCount: 3 })]);
    const again = await upload('households', await xlsx('households', households));
    expect(again.json()).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2 });
    const version = await handle.db.selectFrom('households').select('version').where('code', '=', 'HO-001').executeTakeFirstOrThrow();
    expect(version.version).toBe(0);
  });

  it('a changed file updates the household and its members', async () => {
    const changed = [...households.slice(0, 2), households[3]!];
    const response = await upload('households', await xlsx('households', changed));
    expect(response.json()).toMatchObject({ rows: 2, created: 0, updated: 1, unchanged: 1 });
    expect(await count('household_members')).toBe(3);
    const members = (await officer.request({ method: 'GET', url: '/api/households?q=thang' })).json().items[0];
    expect(members).toMatchObject({ memberCount: 2, version: 1 });
  });
});
