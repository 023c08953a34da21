import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { openTestDatabase } from '../../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../../testing/app.ts';
import type { DatabaseHandle } from '../../../platform/db/database.ts';
import { COLUMNS } from './columns.ts';
import { XLSX_TYPE } from '../../../platform/spreadsheets/sheet.ts';

let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let province: BuiltOrganisation, education: BuiltOrganisation, school: BuiltOrganisation, health: BuiltOrganisation;
let officer: Session, head: Session;

const RATING_HEADERS = COLUMNS.ratings.map((c) => c.header);
type Row = (string | number | Date | null)[];

async function xlsx(headers: string[], rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function upload(session: Session, kind: string, file: Buffer, options: { dryRun?: boolean; type?: string; lang?: string } = {}) {
  return session.request({
    method: 'POST', url: `/api/records/import?kind=${kind}&dryRun=${options.dryRun ?? false}&fileName=${encodeURIComponent('danh-sách.xlsx')}`,
    payload: file, headers: { 'content-type': options.type ?? XLSX_TYPE, 'accept-language': options.lang ?? 'vi' },
  });
}

const count = async (table: 'annual_ratings' | 'awards' | 'initiatives' | 'disciplines') =>
  Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).n);

const errorsOf = (body: string) => (JSON.parse(body) as { error: { details: { errors: { row: number; column: string; message: string }[] } } }).error.details.errors;

/** Ten ratings of ten people, years 2021–2025, with their decisions. */
const goodRatings = (): Row[] => Array.from({ length: 10 }, (_, i) => [
  `CB${String(i + 1).padStart(3, '0')}`, null, 2021 + (i % 5), i % 2 ? 'Hoàn thành tốt nhiệm vụ' : 'HTXSNV', `${i + 1}/QĐ-SGDĐT`, '15/01/2026', 'Sở Giáo dục và Đào tạo',
]);

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  const db = handle.db;
  tenantId = (await buildTenant(db)).id;
  province = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  education = await buildOrganisation(db, tenantId, province, { name: 'Sở Giáo dục và Đào tạo' });
  school = await buildOrganisation(db, tenantId, education, { name: 'Trường THPT Chuyên Sơn Hà' });
  health = await buildOrganisation(db, tenantId, province, { name: 'Sở Y tế' });
  for (const [org, code] of [[education, 'SGD'], [school, 'THPT-CSH'], [health, 'SYT']] as const) {
    await db.updateTable('organisations').set({ code }).where('id', '=', org.id).execute();
  }
  const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang', 'Đặng Văn Hải',
    'Bùi Thị Hoà', 'Đỗ Văn Khánh', 'Ngô Thị Lan', 'Dương Văn Minh', 'Lý Thị Ngọc'];
  for (const [i, name] of names.entries()) {
    const { id } = await buildPerson(db, tenantId, name, [{ organisation: i % 3 === 0 ? school : education }]);
    await db.updateTable('people').set({ code: `CB${String(i + 1).padStart(3, '0')}` }).where('id', '=', id).execute();
  }
  // employed in the department once, now elsewhere: still reached through the old employment
  const moved = await buildPerson(db, tenantId, 'Mai Văn Chuyển', [
    { organisation: education, start: '2010-01-01', end: '2019-12-31' }, { organisation: health, start: '2020-01-01' }]);
  await db.updateTable('people').set({ code: 'CB500' }).where('id', '=', moved.id).execute();
  const outsider = await buildPerson(db, tenantId, 'Tạ Thị Ngoài', [{ organisation: health }]);
  await db.updateTable('people').set({ code: 'CB900' }).where('id', '=', outsider.id).execute();
  await buildUser(db, tenantId, 'unit_officer', education, { username: 'canbo.sgd' });
  await buildUser(db, tenantId, 'unit_head', education, { username: 'giamdoc.sgd' });
  officer = await signIn(app, 'canbo.sgd');
  head = await signIn(app, 'giamdoc.sgd');
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('importing annual ratings', () => {
  it('a file with ten good rows and three bad ones writes nothing and names the three rows', async () => {
    const rows = goodRatings();
    rows.splice(3, 0, ['CB404', null, 2024, 'Hoàn thành nhiệm vụ', '', '', '']); // row 5: no such person
    rows.splice(7, 0, ['CB002', null, 2031, 'Hoàn thành nhiệm vụ', '', '', '']); // row 9: a future year
    rows.push(['CB011', null, 2024, 'Xuất sắc lắm', '', '31/02/2024', '']); // row 14: an unknown rating and an impossible date
    const response = await upload(officer, 'ratings', await xlsx(RATING_HEADERS, rows));
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().error.code).toBe('import.invalid_rows');
    const errors = errorsOf(response.body);
    expect([...new Set(errors.map((e) => e.row))]).toEqual([5, 9, 14]);
    expect(errors).toContainEqual({ row: 5, column: 'Mã cán bộ', message: 'Không tìm thấy cán bộ có mã "CB404" trong phạm vi được giao.' });
    expect(errors).toContainEqual({ row: 9, column: 'Năm', message: 'Năm "2031" không hợp lệ: phải là số nguyên từ 1975 đến 2026.' });
    expect(errors.filter((e) => e.row === 14).map((e) => e.column).sort()).toEqual(['Ngày quyết định', 'Xếp loại']);
    expect(await count('annual_ratings')).toBe(0);
  });

  it('a dry run counts what would happen and writes nothing', async () => {
    const response = await upload(officer, 'ratings', await xlsx(RATING_HEADERS, goodRatings()), { dryRun: true });
    expect(response.json()).toEqual({ kind: 'ratings', rows: 10, created: 10, updated: 0, unchanged: 0, dryRun: true });
    expect(await count('annual_ratings')).toBe(0);
  });

  it('a good file writes every row, with one audit entry naming the file and its SHA-256', async () => {
    const file = await xlsx(RATING_HEADERS, goodRatings());
    const response = await upload(officer, 'ratings', file);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ kind: 'ratings', rows: 10, created: 10, updated: 0, unchanged: 0, dryRun: false });
    expect(await count('annual_ratings')).toBe(10);
    const stored = await handle.db.selectFrom('annual_ratings as r').innerJoin('people as p', 'p.id', 'r.person_id')
      .select(['r.rating', 'r.source_date', 'r.source_number']).where('p.code', '=', 'CB001').executeTakeFirstOrThrow();
    expect(stored).toEqual({ rating: 'excellent', source_date: '2026-01-15', source_number: '1/QĐ-SGDĐT' });
    const audit = await handle.db.selectFrom('audit_log').selectAll().where('tenant_id', '=', tenantId).where('action', '=', 'records.import').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.organisation_path).toBe(education.path);
    const changes = (typeof audit[0]!.changes === 'string' ? JSON.parse(audit[0]!.changes) : audit[0]!.changes) as Record<string, unknown>;
    expect(changes).toMatchObject({ kind: 'ratings', fileName: 'danh-sách.xlsx', sha256: createHash('sha256').update(file).digest('hex'), created: 10 });
  });

  it('importing the same file again creates nothing; a corrected row updates only that record', async () => {
    const again = await upload(officer, 'ratings', await xlsx(RATING_HEADERS, goodRatings()));
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 10 });
    const corrected = goodRatings();
    corrected[0]![3] = 'Hoàn thành nhiệm vụ';
    expect((await upload(officer, 'ratings', await xlsx(RATING_HEADERS, corrected))).json()).toMatchObject({ created: 0, updated: 1, unchanged: 9 });
    expect(await count('annual_ratings')).toBe(10);
  });

  it('a collective is named by its unit code; a row may not name both a person and a unit, nor neither', async () => {
    const response = await upload(officer, 'ratings', await xlsx(RATING_HEADERS, [
      [null, 'THPT-CSH', 2025, 'Hoàn thành xuất sắc nhiệm vụ', '', '', ''],
      ['CB001', 'SGD', 2025, 'Hoàn thành nhiệm vụ', '', '', ''],
      [null, null, 2025, 'Hoàn thành nhiệm vụ', '', '', ''],
      [null, 'XYZ', 2025, 'Hoàn thành nhiệm vụ', '', '', ''],
    ]));
    expect(errorsOf(response.body).map((e) => [e.row, e.column])).toEqual([[3, 'Mã cán bộ'], [4, 'Mã cán bộ'], [5, 'Mã đơn vị']]);
    const ok = await upload(officer, 'ratings', await xlsx(RATING_HEADERS, [[null, 'THPT-CSH', 2025, 'HTXSNV', '', '', '']]));
    expect(ok.json()).toMatchObject({ created: 1 });
  });

  it('years must be whole numbers from 1975 to this year in Vietnam', async () => {
    const response = await upload(officer, 'ratings', await xlsx(RATING_HEADERS, [
      ['CB001', null, 1974, 'HTNV', '', '', ''], ['CB001', null, 2027, 'HTNV', '', '', ''],
      ['CB001', null, 2024.5, 'HTNV', '', '', ''], ['CB001', null, 'năm ngoái', 'HTNV', '', '', ''],
      ['CB001', null, 1975, 'HTNV', '', '', ''], ['CB001', null, '2026', 'HTNV', '', '', ''],
    ]), { dryRun: true });
    expect(errorsOf(response.body).map((e) => e.row)).toEqual([2, 3, 4, 5]);
  });

  it('the same record twice in one file is an error on the later row, naming the earlier one', async () => {
    const response = await upload(officer, 'ratings', await xlsx(RATING_HEADERS, [
      ['CB003', null, 2022, 'HTTNV', '', '', ''], ['CB004', null, 2022, 'HTTNV', '', '', ''], ['CB003', null, 2022, 'HTXSNV', '', '', ''],
    ]), { lang: 'en' });
    expect(errorsOf(response.body)).toEqual([{ row: 4, column: 'Mã cán bộ', message: 'Same record as row 2 of the file.' }]);
    expect(response.json().error.message).toBe('The file has 1 errors; nothing was saved. Correct the rows listed and import again.');
  });

  it('a person outside the officer\'s scope reads exactly like an unknown code; one employed there before is reached', async () => {
    const response = await upload(officer, 'ratings', await xlsx(RATING_HEADERS, [
      ['CB900', null, 2024, 'HTNV', '', '', ''], ['CB999', null, 2024, 'HTNV', '', '', ''], [null, 'SYT', 2024, 'HTNV', '', '', ''],
      ['CB500', null, 2018, 'HTNV', '', '', ''],
    ]), { dryRun: true });
    const errors = errorsOf(response.body);
    expect(errors.map((e) => e.row)).toEqual([2, 3, 4]);
    expect(errors[0]!.message.replace('CB900', 'X')).toBe(errors[1]!.message.replace('CB999', 'X'));
    expect(errors[2]!.message).toBe('Không tìm thấy đơn vị có mã "SYT" trong phạm vi được giao.');
  });
});

describe('files that cannot be read', () => {
  it('wrong or missing headers are refused, naming the expected and the found headers', async () => {
    const response = await upload(officer, 'ratings', await xlsx(['Mã cán bộ', 'Năm', 'Kết quả'], [['CB001', 2024, 'HTNV']]));
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('import.bad_headers');
    expect(error.details).toEqual({ expected: RATING_HEADERS, found: ['Mã cán bộ', 'Năm', 'Kết quả'] });
    expect(error.message).toContain('Xếp loại');
  });

  it('a 50 MB upload is refused (413) before it is read, and nothing is written', async () => {
    const before = await count('annual_ratings');
    const big = Buffer.alloc(50 * 1024 * 1024, 0x61);
    const response = await upload(officer, 'ratings', big, { type: 'text/csv' });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'import.too_large' });
    expect(response.json().error.message).toContain('20 MB'); // UPLOAD_MAX_MB's default
    expect(await count('annual_ratings')).toBe(before);
  });

  it('a PNG or a PDF is not a spreadsheet (415), whatever type it claims', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n');
    for (const [file, type] of [[png, XLSX_TYPE], [png, 'application/octet-stream'], [pdf, 'text/csv'], [png, 'image/png']] as const) {
      const response = await upload(officer, 'ratings', file, { type });
      expect(response.statusCode, type).toBe(415);
      expect(response.json().error.code).toBe('import.not_spreadsheet');
    }
    const zipNotWorkbook = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]);
    expect((await upload(officer, 'ratings', zipNotWorkbook)).statusCode).toBe(415);
  });

  it('only those who keep records may import (403 for a unit head)', async () => {
    const response = await upload(head, 'ratings', await xlsx(RATING_HEADERS, goodRatings()));
    expect(response.statusCode).toBe(403);
  });
});

describe('other kinds of record', () => {
  it('reads a CSV with a byte-order mark and Vietnamese text: awards by form name or code', async () => {
    const header = COLUMNS.awards.map((c) => (c.header.includes(',') ? `"${c.header}"` : c.header)).join(',');
    const csv = [
      header,
      'CB002,,2025,Bằng khen của Chủ tịch UBND tỉnh,Công trạng,"Đã có thành tích xuất sắc trong công tác giáo dục, đào tạo",125/QĐ-UBND,20/03/2026,Chủ tịch UBND tỉnh',
      'CB003,,2025,giay khen,"Theo đợt, chuyên đề",Hưởng ứng phong trào thi đua,15/QĐ-SGDĐT,2026-02-01,Giám đốc Sở',
      ',SGD,2024,tap_the_lao_dong_xuat_sac,,,,,',
      'CB004,,2025,Huy chương vàng,,,,,',
    ].join('\r\n');
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]);
    const bad = await upload(officer, 'awards', file, { type: 'text/csv' });
    expect(errorsOf(bad.body)).toEqual([{ row: 5, column: 'Hình thức (danh hiệu, khen thưởng)',
      message: 'Không có danh hiệu, hình thức khen thưởng "Huy chương vàng" trong danh mục (xem trang Hướng dẫn của tệp mẫu).' }]);
    const good = Buffer.from(file.toString('utf8').split('\r\n').slice(0, 4).join('\r\n'));
    const response = await upload(officer, 'awards', good, { type: 'text/csv' });
    expect(response.json()).toMatchObject({ rows: 3, created: 3 });
    const award = await handle.db.selectFrom('awards').selectAll().where('tenant_id', '=', tenantId).where('award_form', '=', 'bang_khen_tinh').executeTakeFirstOrThrow();
    expect(award).toMatchObject({ basis: 'merit', reason: 'Đã có thành tích xuất sắc trong công tác giáo dục, đào tạo', decided_on: '2026-03-20' });
    expect((await upload(officer, 'awards', good, { type: 'text/csv' })).json()).toMatchObject({ created: 0, unchanged: 3 });
  });

  it('disciplines take real Excel dates and refuse an end before the start', async () => {
    const headers = COLUMNS.disciplines.map((c) => c.header);
    const response = await upload(officer, 'disciplines', await xlsx(headers, [
      ['CB005', null, 'Khiển trách', new Date(Date.UTC(2024, 2, 1)), new Date(Date.UTC(2025, 1, 28)), 'Vi phạm quy chế', '7/QĐ-SGDĐT', '01/03/2024', 'Sở GDĐT'],
      ['CB006', null, 'Cảnh cáo', '01/06/2024', '01/01/2024', '', '', '', ''],
    ]));
    expect(errorsOf(response.body)).toEqual([{ row: 3, column: 'Đến ngày', message: 'Đến ngày không được trước Từ ngày.' }]);
    const ok = await upload(officer, 'disciplines', await xlsx(headers, [
      ['CB005', null, 'Khiển trách', new Date(Date.UTC(2024, 2, 1)), new Date(Date.UTC(2025, 1, 28)), 'Vi phạm quy chế', '7/QĐ-SGDĐT', '01/03/2024', 'Sở GDĐT'],
    ]));
    expect(ok.json()).toMatchObject({ created: 1 });
    expect(await handle.db.selectFrom('disciplines').select(['form', 'starts_on', 'ends_on']).where('tenant_id', '=', tenantId).execute())
      .toEqual([{ form: 'reprimand', starts_on: '2024-03-01', ends_on: '2025-02-28' }]);
  });

  it('initiatives are known by their title (folded) and level', async () => {
    const headers = COLUMNS.initiatives.map((c) => c.header);
    const rows: Row[] = [
      ['CB007', null, 2025, 'Sáng kiến', 'Ứng dụng bản đồ tư duy trong dạy học Địa lí', 'Cấp cơ sở', '10/12/2025', 'Nâng cao kết quả học tập', '', '', 'Hội đồng sáng kiến Sở'],
      ['CB007', null, 2025, 'Đề tài', 'ung dung ban do tu duy trong day hoc dia li', 'Cấp tỉnh', '', '', '', '', ''],
    ];
    expect((await upload(officer, 'initiatives', await xlsx(headers, rows))).json()).toMatchObject({ created: 2 });
    rows[1]![4] = 'Ứng dụng bản đồ tư duy trong dạy học Địa lí';
    expect((await upload(officer, 'initiatives', await xlsx(headers, rows))).json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
  });
});

describe('templates and exports', () => {
  it('the template round-trips: download it, fill it in Excel, import it', async () => {
    const response = await officer.request({ method: 'GET', url: '/api/records/import/template?kind=ratings&format=xlsx' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="mau-nhap-xep-loai.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    const [sheet, guide] = workbook.worksheets;
    expect(guide!.name).toBe('Hướng dẫn');
    expect(JSON.stringify(guide!.getSheetValues())).toContain('Hoàn thành xuất sắc nhiệm vụ');
    expect(sheet!.getRow(1).font?.bold).toBe(true);
    expect((sheet!.getRow(1).values as unknown[]).slice(1)).toEqual(RATING_HEADERS);
    sheet!.addRow(['CB008', null, 2020, 'Hoàn thành xuất sắc nhiệm vụ', '3/QĐ-SGDĐT', new Date(Date.UTC(2021, 0, 10)), 'Sở Giáo dục và Đào tạo']);
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await upload(officer, 'ratings', filled)).json()).toMatchObject({ rows: 1, created: 1 });
  });

  it('the CSV template is UTF-8 with a byte-order mark', async () => {
    const response = await officer.request({ method: 'GET', url: '/api/records/import/template?kind=awards&format=csv' });
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(response.rawPayload.subarray(3).toString('utf8')).toBe(`Mã cán bộ,Mã đơn vị,Năm,"Hình thức (danh hiệu, khen thưởng)",`
      + `"Loại khen thưởng (Công trạng/Theo đợt, chuyên đề/Đột xuất/Cống hiến)",Nội dung,Số quyết định,Ngày quyết định,Cấp quyết định\r\n`);
  });

  it('an export lists the subtree\'s records in the import columns and imports again unchanged', async () => {
    const response = await officer.request({ method: 'GET', url: `/api/records/export.xlsx?organisationId=${education.id}&kind=ratings` });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...RATING_HEADERS, 'Họ và tên', 'Tên đơn vị']);
    const total = await count('annual_ratings');
    expect(sheet.actualRowCount - 1).toBe(total);
    expect(JSON.stringify(sheet.getSheetValues())).toContain('Trường THPT Chuyên Sơn Hà');
    const again = await upload(officer, 'ratings', response.rawPayload);
    expect(again.json()).toMatchObject({ rows: total, created: 0, updated: 0, unchanged: total });
  });

  it('an export of an organisation outside one\'s scope is not found', async () => {
    const response = await officer.request({ method: 'GET', url: `/api/records/export.xlsx?organisationId=${health.id}&kind=ratings` });
    expect(response.statusCode).toBe(404);
  });
});
