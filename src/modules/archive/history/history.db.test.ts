import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { openTestDatabase } from '../../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../../testing/app.ts';
import type { DatabaseHandle } from '../../../platform/db/database.ts';
import { XLSX_TYPE } from '../../../platform/spreadsheets/sheet.ts';
import { awardTallyDrift } from '../../awards/index.ts';
import { HISTORY_COLUMNS } from './columns.ts';

/**
 * The archive of a provincial People's Committee and its education department, 2019–2023, as the
 * standing agency kept it in Excel: imported, checked row by row, matched where unambiguous, kept as
 * written otherwise, and matched later.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let province: BuiltOrganisation, education: BuiltOrganisation, school: BuiltOrganisation, health: BuiltOrganisation;
let district: BuiltOrganisation, districtOffice: BuiltOrganisation, commune: BuiltOrganisation;
let standing: Session, officer: Session;
const people = new Map<string, string>();
/** the two teachers of the same name at the department: told apart only by birth year */
let anOld: string, anYoung: string;

type Row = (string | number | Date | null)[];
const HEADERS = HISTORY_COLUMNS.map((c) => c.header);

async function xlsx(headers: string[], rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Khen thưởng 2019-2023');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function upload(session: Session, file: Buffer, options: { dryRun?: boolean; organisationId?: string } = {}) {
  const query = new URLSearchParams({ dryRun: String(options.dryRun ?? false), fileName: 'lich-su.xlsx', ...(options.organisationId && { organisationId: options.organisationId }) });
  return session.request({ method: 'POST', url: `/api/archive/history/import?${query}`, payload: file, headers: { 'content-type': XLSX_TYPE, 'accept-language': 'vi' } });
}

const countAwards = async () => Number((await handle.db.selectFrom('awards').select((eb) => eb.fn.countAll().as('n'))
  .where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).n);
const audits = async (action: string) => handle.db.selectFrom('audit_log').select(['changes', 'organisation_path'])
  .where('tenant_id', '=', tenantId).where('action', '=', action).execute();

const DEPARTMENT_STAFF = ['Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang', 'Đặng Văn Hải', 'Bùi Thị Hoà',
  'Đỗ Văn Khánh', 'Ngô Thị Lan', 'Dương Văn Minh', 'Lý Thị Ngọc', 'Mai Văn Phúc', 'Hồ Thị Quyên', 'Tô Văn Sơn', 'Đinh Thị Thuỷ'];
const TEACHERS = ['Lò Văn Pấng', 'Quàng Thị Xuân', 'Cầm Văn Yên', 'Lường Thị Ánh', 'Hà Văn Bảo', 'Tòng Thị Cúc', 'Điêu Văn Duẩn', 'Vì Thị Én'];
const DISTRICT_STAFF = ['Sồng A Chư', 'Giàng Thị Dợ', 'Mùa A Lử', 'Thào Thị Mai'];
/** names the tree does not know: retired, moved away, or outside the province */
const STRANGERS = ['Nguyễn Thị Hương', 'Phan Văn Long', 'Kiều Thị Nga', 'Tạ Văn Ổn', 'Khổng Thị Phương', 'Lã Văn Quang'];

/**
 * 2019–2023: each year the province's Bằng khen (decision of the Chairman), the department's Lao động
 * tiên tiến and Chiến sĩ thi đua cơ sở, Tập thể lao động xuất sắc and the Cờ thi đua; unit names
 * written as offices write them ("Sở GD&ĐT", "UBND huyện Mường Khoa"), money as text and as numbers.
 */
function archiveRows(): Row[] {
  const rows: Row[] = [];
  for (let year = 2019; year <= 2023; year++) {
    const province = `${100 + year - 2019}/QĐ-UBND`;
    const provinceDate = `${10 + (year % 5)}/01/${year + 1}`;
    const department = `${20 + year - 2019}/QĐ-SGDĐT`;
    const departmentDate = new Date(Date.UTC(year, 11, 20));
    for (const [i, name] of DEPARTMENT_STAFF.entries()) {
      rows.push([department, departmentDate, 'Giám đốc Sở GD&ĐT', 'Lao động tiên tiến', year, name, 'Cá nhân', 1975 + i, 'Sở Giáo dục và Đào tạo',
        'Hoàn thành tốt nhiệm vụ', null]);
      if (i % 3 === 0) rows.push([department, departmentDate, 'Giám đốc Sở GD&ĐT', 'CSTĐCS', year, name, null, null, 'Sở GD&ĐT', 'Có sáng kiến', '1.490.000']);
    }
    for (const [i, name] of TEACHERS.entries()) {
      rows.push([department, departmentDate, 'Giám đốc Sở GD&ĐT', 'Danh hiệu Lao động tiên tiến', year, name, 'CN', null, 'Trường THPT Chuyên Sơn Hà', '', null]);
      rows.push([`${30 + year - 2019}/QĐ-SGDĐT`, departmentDate, 'Giám đốc Sở GD&ĐT', 'Giấy khen', year, name, 'Cá nhân', 1985, 'Trường THPT Chuyên Sơn Hà',
        'Hoàn thành xuất sắc nhiệm vụ năm học', 500_000]);
      if (i < 4) rows.push([province, provinceDate, 'Chủ tịch UBND tỉnh', 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', year, name, 'Cá nhân', null,
        'Trường THPT Chuyên Sơn Hà', 'Đã có thành tích xuất sắc trong công tác', 1_490_000]);
    }
    for (const name of STRANGERS) {
      rows.push([province, provinceDate, 'Chủ tịch UBND tỉnh', 'Bằng khen UBND tỉnh', year, name, 'Cá nhân', 1970, 'Công ty Cổ phần Chè Sơn Hà', 'Thành tích xuất sắc', 1_490_000]);
      rows.push([department, departmentDate, 'Giám đốc Sở GD&ĐT', 'Lao động tiên tiến', year, name, 'Cá nhân', null, 'Sở Giáo dục và Đào tạo', '', null]);
    }
    // the district and its office until the 2025 reorganisation, named as they were
    for (const name of DISTRICT_STAFF) {
      rows.push([province, provinceDate, 'Chủ tịch UBND tỉnh', 'Bằng khen của Chủ tịch UBND tỉnh', year, name, 'Cá nhân', null, 'UBND huyện Mường Khoa', '', 1_490_000]);
    }
    rows.push([province, provinceDate, 'Chủ tịch UBND tỉnh', 'Tập thể lao động xuất sắc', year, 'Phòng Nội vụ huyện Mường Khoa', 'Tập thể', null, 'UBND huyện Mường Khoa', '', 3_000_000]);
    rows.push([province, provinceDate, 'Chủ tịch UBND tỉnh', 'TTLĐXS', year, 'Trường THPT Chuyên Sơn Hà', null, null, 'Sở GD&ĐT', '', 3_000_000]);
    rows.push([province, provinceDate, 'Chủ tịch UBND tỉnh', 'Cờ thi đua của UBND tỉnh', year, 'Sở Y tế', null, null, '', 'Dẫn đầu khối', 8_940_000]);
    rows.push([province, provinceDate, 'Chủ tịch UBND tỉnh', 'Bằng khen của Chủ tịch UBND tỉnh', year, 'Hợp tác xã Chè Tà Xùa', 'Tập thể', null, '', '', 2_980_000]);
    // the two Nguyễn Văn An of the department: the file gives no birth year, so neither is chosen
    rows.push([department, departmentDate, 'Giám đốc Sở GD&ĐT', 'Lao động tiên tiến', year, 'Nguyễn Văn An', 'Cá nhân', null, 'Sở Giáo dục và Đào tạo', '', null]);
  }
  // Chiến sĩ thi đua cơ sở two years running for a teacher, 2021 and 2022
  for (const year of [2021, 2022]) {
    rows.push([`${40 + year - 2021}/QĐ-SGDĐT`, `05/01/${year + 1}`, 'Giám đốc Sở GD&ĐT', 'Chiến sỹ thi đua cơ sở', year, 'Lò Văn Pấng', 'Cá nhân', null,
      'Trường THPT Chuyên Sơn Hà', 'Sáng kiến cấp cơ sở', '1,490,000']);
  }
  return rows;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  const db = handle.db;
  tenantId = (await buildTenant(db)).id;
  province = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà', code: 'UBND-SH' });
  education = await buildOrganisation(db, tenantId, province, { name: 'Sở Giáo dục và Đào tạo', shortName: 'Sở GD&ĐT', code: 'SGD' });
  school = await buildOrganisation(db, tenantId, education, { name: 'Trường THPT Chuyên Sơn Hà', kind: 'public_service_unit' });
  health = await buildOrganisation(db, tenantId, province, { name: 'Sở Y tế', code: 'SYT' });
  commune = await buildOrganisation(db, tenantId, province, { name: 'Ủy ban nhân dân xã Mường Khoa', level: 'commune', validFrom: '2025-07-01' });
  district = await buildOrganisation(db, tenantId, province, {
    name: 'Ủy ban nhân dân huyện Mường Khoa', level: 'district', validTo: '2025-06-30', successorId: commune.id });
  districtOffice = await buildOrganisation(db, tenantId, district, {
    name: 'Phòng Nội vụ huyện Mường Khoa', level: 'district', kind: 'department', validTo: '2025-06-30', successorId: commune.id });
  for (const [i, name] of DEPARTMENT_STAFF.entries()) {
    people.set(name, (await buildPerson(db, tenantId, name, [{ organisation: education, start: '2012-03-01' }], { birthYear: 1975 + i })).id);
  }
  for (const name of TEACHERS) people.set(name, (await buildPerson(db, tenantId, name, [{ organisation: school, start: '2010-09-01' }], { birthYear: 1985 })).id);
  for (const name of DISTRICT_STAFF) {
    people.set(name, (await buildPerson(db, tenantId, name, [
      { organisation: districtOffice, start: '2016-01-01', end: '2025-06-30' }, { organisation: commune, start: '2025-07-01' }])).id);
  }
  anOld = (await buildPerson(db, tenantId, 'Nguyễn Văn An', [{ organisation: education, start: '2005-01-01' }], { birthYear: 1970 })).id;
  anYoung = (await buildPerson(db, tenantId, 'Nguyễn Văn An', [{ organisation: education, start: '2018-01-01' }], { birthYear: 1992 })).id;
  await buildUser(db, tenantId, 'standing_officer', province, { username: 'thuongtruc.sh' });
  await buildUser(db, tenantId, 'unit_officer', education, { username: 'canbo.sgd.sh' });
  standing = await signIn(app, 'thuongtruc.sh');
  officer = await signIn(app, 'canbo.sgd.sh');
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('importing the archive of past award decisions', () => {
  it('offers a template with Vietnamese headers and an example row, to the standing agency only', async () => {
    const response = await standing.request({ method: 'GET', url: '/api/archive/history/template?format=xlsx' });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(sheet.getRow(2).getCell(1).value).toBe('245/QĐ-UBND');
    const csv = await standing.request({ method: 'GET', url: '/api/archive/history/template?format=csv' });
    expect(csv.body).toContain('Số quyết định,Ngày quyết định');
    expect(csv.body).toContain('245/QĐ-UBND,15/01/2022');
    expect((await officer.request({ method: 'GET', url: '/api/archive/history/template' })).statusCode).toBe(403);
  });

  it('names every bad row and column and writes nothing', async () => {
    const rows = archiveRows().slice(0, 20);
    rows[2] = ['7/QĐ-UBND', '15/01/2020', 'Chủ tịch UBND tỉnh', 'Huy hiệu thi đua', 2019, 'Trần Thị Bình', 'Cá nhân', null, 'Sở GD&ĐT', '', null];
    rows[4] = ['7/QĐ-UBND', '31/02/2020', 'Chủ tịch UBND tỉnh', 'Bằng khen UBND tỉnh', 2019, 'Lê Văn Cường', 'Cá nhân', null, 'Sở GD&ĐT', '', null];
    rows[6] = ['7/QĐ-UBND', '15/01/2020', 'Chủ tịch UBND tỉnh', 'Bằng khen UBND tỉnh', 2019, 'Phạm Thị Dung', 'Cá nhân', null, 'Sở GD&ĐT', '', -1_490_000];
    rows[8] = ['7/QĐ-UBND', '15/01/2020', 'Chủ tịch UBND tỉnh', 'Bằng khen UBND tỉnh', 2019, 'Hoàng Văn Em', 'Cá nhân', null, 'Sở GD&ĐT', '', 1490.5];
    rows[10] = ['7/QĐ-UBND', '15/01/2020', 'Chủ tịch UBND tỉnh', 'Bằng khen UBND tỉnh', 2019, '', 'Cá nhân', null, 'Sở GD&ĐT', '', null];
    const response = await upload(standing, await xlsx(HEADERS, rows), { dryRun: true });
    expect(response.statusCode, response.body).toBe(422);
    const errors = (response.json() as { error: { details: { errors: { row: number; column: string; message: string }[] } } }).error.details.errors;
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [4, 'Hình thức khen thưởng'], [6, 'Ngày quyết định'], [8, 'Số tiền (đồng)'], [10, 'Số tiền (đồng)'], [12, 'Họ và tên (cá nhân) hoặc tên tập thể'],
    ]);
    expect(errors[0]!.message).toContain('Huy hiệu thi đua');
    expect(errors[1]!.message).toContain('31/02/2020');
    expect(await countAwards()).toBe(0);
    expect(await audits('archive.history_import')).toEqual([]);
  });

  it('accepts the headers officers write instead of the template\'s, and refuses an unknown one', async () => {
    const variants = ['STT', 'Số QĐ', 'Ngày ký', 'Cấp khen', 'Danh hiệu', 'Năm', 'Họ tên', 'Đối tượng', 'Năm sinh', 'Đơn vị công tác', 'Lý do', 'Tiền thưởng'];
    const rows = archiveRows().slice(0, 3).map((r, i) => [i + 1, ...r]);
    const ok = await upload(standing, await xlsx(variants, rows), { dryRun: true });
    expect(ok.statusCode, ok.body).toBe(200);
    const bad = await upload(standing, await xlsx([...variants.slice(0, -1), 'Tiền thưởng Tết'], rows), { dryRun: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('import.bad_headers');
  });

  it('a dry run tells what the import will do, matched and unmatched, and writes nothing', async () => {
    const rows = archiveRows();
    expect(rows.length).toBeGreaterThan(300);
    const response = await upload(standing, await xlsx(HEADERS, rows), { dryRun: true });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ rows: rows.length, created: rows.length, existing: 0, dryRun: true });
    expect(result.matchedPeople + result.matchedOrganisations + result.unmatched).toBe(rows.length);
    expect(await countAwards()).toBe(0);
  });

  it('imports every row, matching people and units where it is unambiguous and keeping the rest as written', async () => {
    const rows = archiveRows();
    const response = await upload(standing, await xlsx(HEADERS, rows));
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    // per year: 15 + 5 CSTĐCS + 8 + 8 + 4 department staff and teachers, 4 district staff; collectives: office, school, health
    const matchedPeople = 5 * (15 + 5 + 8 + 8 + 4 + 4) + 2;
    expect(result).toMatchObject({ rows: rows.length, created: rows.length, existing: 0, matchedPeople, matchedOrganisations: 5 * 3 });
    expect(result.unmatched).toBe(5 * (12 + 1 + 1));
    const reason = (name: string, unit: string) => result.unmatchedRows.find((r: { name: string; unit: string }) => r.name === name && r.unit === unit)?.reason;
    expect(reason('Nguyễn Văn An', 'Sở Giáo dục và Đào tạo')).toBe('ambiguous');
    expect(reason('Phan Văn Long', 'Công ty Cổ phần Chè Sơn Hà')).toBe('unit_unknown');
    expect(reason('Phan Văn Long', 'Sở Giáo dục và Đào tạo')).toBe('not_found');
    expect(reason('Hợp tác xã Chè Tà Xùa', '')).toBe('not_found');
    expect(await countAwards()).toBe(rows.length);
    const [audit] = await audits('archive.history_import');
    expect(audit!.changes).toMatchObject({ rows: rows.length, created: rows.length, matchedPeople, unmatched: result.unmatched });
    expect(await awardTallyDrift(handle.db, tenantId)).toEqual([]);
  });

  it('a district office abolished in 2025, named by its old name, keeps its awards and people', async () => {
    const office = await handle.db.selectFrom('awards').select(['year', 'recipient_path']).where('tenant_id', '=', tenantId)
      .where('organisation_id', '=', districtOffice.id).orderBy('year').execute();
    expect(office.map((a) => a.year)).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(office.every((a) => a.recipient_path === districtOffice.path)).toBe(true);
    const staff = await handle.db.selectFrom('awards').select('recipient_path').where('tenant_id', '=', tenantId)
      .where('person_id', '=', people.get('Sồng A Chư')!).execute();
    expect(staff.map((a) => a.recipient_path)).toEqual(Array(5).fill(districtOffice.path));
    // the flag went to the health department, named without a unit
    const flags = await handle.db.selectFrom('awards').select('organisation_id').where('tenant_id', '=', tenantId).where('award_form', '=', 'co_thi_dua_tinh').execute();
    expect(flags.map((a) => a.organisation_id)).toEqual(Array(5).fill(health.id));
  });

  it('importing the same file again changes nothing', async () => {
    const rows = archiveRows();
    const before = await handle.db.selectFrom('awards').select(['id', 'updated_at']).where('tenant_id', '=', tenantId).orderBy('id').execute();
    const response = await upload(standing, await xlsx(HEADERS, rows));
    expect(response.json()).toMatchObject({ rows: rows.length, created: 0, existing: rows.length });
    const after = await handle.db.selectFrom('awards').select(['id', 'updated_at']).where('tenant_id', '=', tenantId).orderBy('id').execute();
    expect(after).toEqual(before);
    expect(await awardTallyDrift(handle.db, tenantId)).toEqual([]);
  });

  it('finds an unmatched award in the archive by its written name, under its written unit', async () => {
    const response = await standing.request({ method: 'GET', url: `/api/archive/awards?q=${encodeURIComponent('nguyen thi huong')}&pageSize=50` });
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as { recipient: { kind: string; id: string | null; name: string; unit: { name: string } | null }; year: number }[];
    // the department's Lao động tiên tiến, 2019–2023 (the company's Bằng khen counts under the province itself)
    expect(items).toHaveLength(10);
    expect(items.every((i) => i.recipient.id === null && i.recipient.kind === 'person' && i.recipient.name === 'Nguyễn Thị Hương')).toBe(true);
    expect(items.filter((i) => i.recipient.unit?.name === 'Sở Giáo dục và Đào tạo')).toHaveLength(5);
  });

  it('counts unmatched individuals as individuals under the unit that matched, by year and form', async () => {
    const tallies = await handle.db.selectFrom('award_tallies').select(['awards', 'individuals'])
      .where('tenant_id', '=', tenantId).where('scope', '=', 'all').where('year', '=', 2021)
      .where('recipient_path', '=', education.path).where('award_form', '=', 'lao_dong_tien_tien').executeTakeFirstOrThrow();
    // 15 staff, 6 strangers and the unresolved Nguyễn Văn An
    expect(tallies).toEqual({ awards: 22, individuals: 22 });
    // the statistics page: all 2021 Lao động tiên tiến of the province, the strangers' among them
    const statistics = await standing.request({ method: 'GET', url: `/api/statistics?organisationId=${province.id}&fromYear=2021&toYear=2021` });
    expect(statistics.statusCode, statistics.body).toBe(200);
    const ldtt = (statistics.json().byForm as { code: string; total: number; individuals: number }[]).find((f) => f.code === 'lao_dong_tien_tien');
    expect(ldtt).toMatchObject({ total: 22 + 8, individuals: 22 + 8 });
  });

  it('matches later, one award or all written the same way, through the ledger', async () => {
    const list = await standing.request({ method: 'GET', url: '/api/archive/history/unmatched?q=nguyen%20van%20an' });
    expect(list.statusCode, list.body).toBe(200);
    const [group] = list.json().groups;
    expect(group).toMatchObject({ name: 'Nguyễn Văn An', unit: 'Sở Giáo dục và Đào tạo', count: 5 });
    expect(group.candidates.map((c: { id: string }) => c.id).sort()).toEqual([anOld, anYoung].sort());
    // a unit officer may not match; the wrong kind is refused
    expect((await officer.request({ method: 'POST', url: '/api/archive/history/match', payload: { awardId: group.awardId, personId: anYoung } })).statusCode).toBe(403);
    expect((await standing.request({ method: 'POST', url: '/api/archive/history/match', payload: { awardId: group.awardId, organisationId: education.id } })).statusCode).toBe(400);
    const one = await standing.request({ method: 'POST', url: '/api/archive/history/match', payload: { awardId: group.awardId, personId: anYoung } });
    expect(one.json()).toEqual({ matched: 1 });
    const all = await standing.request({ method: 'POST', url: '/api/archive/history/match', payload: { awardId: group.awards[1].id, personId: anYoung, sameWritten: true } });
    expect(all.json()).toEqual({ matched: 4 });
    const mine = await handle.db.selectFrom('awards').select(['recipient_path', 'recipient_name_fold', 'written_name']).where('tenant_id', '=', tenantId)
      .where('person_id', '=', anYoung).execute();
    expect(mine).toHaveLength(5);
    expect(mine.every((a) => a.recipient_path === education.path && a.recipient_name_fold === 'nguyen van an' && a.written_name === 'Nguyễn Văn An')).toBe(true);
    expect(await awardTallyDrift(handle.db, tenantId)).toEqual([]);
    expect(await audits('archive.history_match')).toHaveLength(2);
    // the archive now links the award to the person
    const archive = await standing.request({ method: 'GET', url: `/api/archive/awards?personId=${anYoung}` });
    expect(archive.json().items).toHaveLength(5);
    // done already: 409; a stranger's award given to a person who already holds that award: 409
    expect((await standing.request({ method: 'POST', url: '/api/archive/history/match', payload: { awardId: group.awardId, personId: anYoung } })).statusCode).toBe(409);
  });

  it('matching to someone who already holds the award is refused', async () => {
    const list = await standing.request({ method: 'GET', url: '/api/archive/history/unmatched?q=huong' });
    const group = list.json().groups.find((g: { unit: string }) => g.unit === 'Sở Giáo dục và Đào tạo');
    const binh = people.get('Trần Thị Bình')!;
    const response = await standing.request({ method: 'POST', url: '/api/archive/history/match', payload: { awardId: group.awardId, personId: binh, sameWritten: true } });
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json().error.message).toContain('Trần Thị Bình đã có');
    expect(await awardTallyDrift(handle.db, tenantId)).toEqual([]);
  });

  it('eligibility sees the imported Chiến sĩ thi đua cơ sở of 2021 and 2022', async () => {
    const pang = people.get('Lò Văn Pấng')!;
    const streak = await handle.db.selectFrom('awards').select('year').where('tenant_id', '=', tenantId).where('person_id', '=', pang)
      .where('award_form', '=', 'chien_si_thi_dua_co_so').orderBy('year').execute();
    expect(streak.map((a) => a.year)).toEqual([2021, 2022]);
    const response = await standing.request({ method: 'GET', url: `/api/eligibility/people/${pang}?year=2022` });
    expect(response.statusCode, response.body).toBe(200);
    const provincial = (response.json().results as { awardForm?: string; code?: string; reasons: string[]; finding: unknown }[])
      .find((r) => JSON.stringify(r).includes('chien_si_thi_dua_tinh'));
    expect(JSON.stringify(provincial)).toMatch(/2021/);
  });
});
