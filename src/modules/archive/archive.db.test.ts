import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { openTestDatabase } from '../../testing/database.ts';
import { buildPerson, buildSonHaProvince, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { backfillAwardRecipients, recordAwards, reviseAwards } from '../awards/index.ts';
import { forgetRecipientNames, writeUnfilledAward } from '../awards/fixtures.testing.ts';
import { exportAwards } from './export.ts';

let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let province: BuiltOrganisation, education: BuiltOrganisation, school: BuiltOrganisation, health: BuiltOrganisation;
let standing: Session, educationOfficer: Session, individual: Session;
let an: string, binh: string, cuong: string;

interface Item {
  id: string; recipient: { kind: string; id: string; name: string; unit: { id: string; name: string } | null };
  awardForm: { code: string; name: string }; year: number; basis: string;
  decision: { number: string; date: string | null; by: string }; revoked: { on: string; number: string | null } | null;
}
interface Page { items: Item[]; nextCursor: string | null }

async function search(session: Session, query: string, lang = 'vi') {
  return session.request({ method: 'GET', url: `/api/archive/awards?${query}`, headers: { 'accept-language': lang } });
}
async function found(session: Session, query: string): Promise<Item[]> {
  const response = await search(session, query);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as Page).items;
}
const names = (items: Item[]) => items.map((i) => `${i.recipient.name} ${i.awardForm.code} ${i.year}`);

async function award(session: Session, body: Record<string, unknown>) {
  const response = await session.request({ method: 'POST', url: '/api/records/awards', payload: { basis: 'merit', ...body } });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: string }).id;
}

/**
 * A province with an education department (and a school under it) and a health department. Lê Văn
 * Cường worked in education until 2020, then in health: his 2019 title belongs to education's archive,
 * his 2022 one to health's. Every award is recorded through the API, the way officers do.
 */
beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  const db = handle.db;
  ({ tenantId, province, education, school, health } = await buildSonHaProvince(db));
  an = (await buildPerson(db, tenantId, 'Nguyễn Văn An', [{ organisation: school }])).id;
  binh = (await buildPerson(db, tenantId, 'Trần Thị Bình', [{ organisation: health }], { gender: 'female' })).id;
  cuong = (await buildPerson(db, tenantId, 'Lê Văn Cường', [
    { organisation: education, start: '2015-01-01', end: '2020-12-31' }, { organisation: health, start: '2021-01-01' },
  ])).id;
  await buildUser(db, tenantId, 'standing_officer', province, { username: 'thuongtruc' });
  await buildUser(db, tenantId, 'unit_officer', education, { username: 'canbo.gd' });
  const self = (await buildPerson(db, tenantId, 'Đỗ Thị Cá Nhân', [{ organisation: education }])).id;
  await buildUser(db, tenantId, 'individual', education, { username: 'canhan', personId: self });
  standing = await signIn(app, 'thuongtruc');
  educationOfficer = await signIn(app, 'canbo.gd');
  individual = await signIn(app, 'canhan');

  await award(standing, { personId: an, awardForm: 'lao_dong_tien_tien', year: 2023, decisionNumber: '12/QĐ-SGDĐT', decidedOn: '2024-01-15', decidedBy: 'Giám đốc Sở Giáo dục và Đào tạo' });
  await award(standing, { personId: an, awardForm: 'bang_khen_tinh', year: 2024, decisionNumber: '45/QĐ-UBND', decidedOn: '2025-02-10', decidedBy: 'Chủ tịch UBND tỉnh' });
  const revoked = await award(standing, { personId: binh, awardForm: 'giay_khen', year: 2023, decisionNumber: '7/QĐ-SYT', decidedOn: '2024-01-20', decidedBy: 'Giám đốc Sở Y tế' });
  await award(standing, { personId: cuong, awardForm: 'lao_dong_tien_tien', year: 2019, decisionNumber: '3/QĐ-SGDĐT', decidedOn: '2020-01-10', decidedBy: 'Giám đốc Sở Giáo dục và Đào tạo' });
  await award(standing, { personId: cuong, awardForm: 'chien_si_thi_dua_co_so', year: 2022, decisionNumber: '5/QĐ-SYT', decidedOn: '2023-01-05', decidedBy: 'Giám đốc Sở Y tế' });
  await award(standing, { organisationId: school.id, awardForm: 'tap_the_lao_dong_tien_tien', year: 2023, decisionNumber: '12/QĐ-SGDĐT', decidedOn: '2024-01-15', decidedBy: 'Giám đốc Sở Giáo dục và Đào tạo' });
  // annulled by a later decision (no route revokes yet: the decisions module will)
  await reviseAwards(db, tenantId, { awardIds: [revoked] }, { set: { revoked_on: '2024-06-01', revocation_number: '20/QĐ-SYT' } });
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('finding an award by name', () => {
  it('an unaccented name finds the accented one, and so does a fragment of it', async () => {
    for (const q of ['nguyen van an', 'NGUYỄN VĂN AN', 'van an', 'Nguyễn  văn   An']) {
      const items = await found(standing, `q=${encodeURIComponent(q)}`);
      expect(names(items), q).toEqual(['Nguyễn Văn An bang_khen_tinh 2024', 'Nguyễn Văn An lao_dong_tien_tien 2023']);
    }
  });

  it('a row says who, in which unit at the time, what, for which year, by which decision', async () => {
    const [latest] = await found(standing, 'q=nguyen+van+an');
    expect(latest).toEqual({
      id: expect.any(String),
      recipient: { kind: 'person', id: an, name: 'Nguyễn Văn An', unit: { id: school.id, name: 'Trường THPT Chuyên Sơn Hà' } },
      awardForm: { code: 'bang_khen_tinh', name: 'Bằng khen của Chủ tịch UBND tỉnh' }, year: 2024, basis: 'merit',
      decision: { number: '45/QĐ-UBND', date: '2025-02-10', by: 'Chủ tịch UBND tỉnh' }, revoked: null,
    });
  });

  it('a collective is found by its name and shows the organisation above it as its unit', async () => {
    const [row] = await found(standing, 'q=truong+thpt');
    expect(row!.recipient).toEqual({ kind: 'collective', id: school.id, name: 'Trường THPT Chuyên Sơn Hà', unit: { id: education.id, name: 'Sở Giáo dục và Đào tạo' } });
  });

  it('the newest decision comes first, then Vietnamese name order (given name first)', async () => {
    const items = await found(standing, '');
    expect(items.map((i) => i.decision.date)).toEqual(['2025-02-10', '2024-01-20', '2024-01-15', '2024-01-15', '2023-01-05', '2020-01-10']);
    // same day: "Nguyễn Văn An" (given name An) before "Trường THPT…"
    expect(items.slice(2, 4).map((i) => i.recipient.name)).toEqual(['Nguyễn Văn An', 'Trường THPT Chuyên Sơn Hà']);
  });
});

describe('each filter', () => {
  it('a unit: its people\'s awards while they worked there (Cường\'s 2019 title, not his 2022 one) and its collectives', async () => {
    expect(names(await found(standing, `unitId=${education.id}`)).sort()).toEqual([
      'Lê Văn Cường lao_dong_tien_tien 2019', 'Nguyễn Văn An bang_khen_tinh 2024', 'Nguyễn Văn An lao_dong_tien_tien 2023',
      'Trường THPT Chuyên Sơn Hà tap_the_lao_dong_tien_tien 2023',
    ]);
    expect(names(await found(standing, `unitId=${health.id}`)).sort()).toEqual([
      'Lê Văn Cường chien_si_thi_dua_co_so 2022', 'Trần Thị Bình giay_khen 2023',
    ]);
  });

  it('a person: their whole history, wherever they worked', async () => {
    expect(names(await found(standing, `personId=${cuong}`))).toEqual(['Lê Văn Cường chien_si_thi_dua_co_so 2022', 'Lê Văn Cường lao_dong_tien_tien 2019']);
  });

  it('a collective', async () => {
    expect(names(await found(standing, `collectiveId=${school.id}`))).toEqual(['Trường THPT Chuyên Sơn Hà tap_the_lao_dong_tien_tien 2023']);
  });

  it('an award form, a year, a range of years', async () => {
    expect(names(await found(standing, 'awardForm=lao_dong_tien_tien')).sort()).toEqual(['Lê Văn Cường lao_dong_tien_tien 2019', 'Nguyễn Văn An lao_dong_tien_tien 2023']);
    expect((await found(standing, 'year=2023')).map((i) => i.year)).toEqual([2023, 2023, 2023]);
    expect((await found(standing, 'yearFrom=2019&yearTo=2022')).map((i) => i.year)).toEqual([2022, 2019]);
    expect((await found(standing, 'yearFrom=2024')).map((i) => i.year)).toEqual([2024]);
  });

  it('a decision number, as written on the decision', async () => {
    expect(names(await found(standing, `decisionNumber=${encodeURIComponent(' 12/QĐ-SGDĐT ')}`))).toEqual([
      'Nguyễn Văn An lao_dong_tien_tien 2023', 'Trường THPT Chuyên Sơn Hà tap_the_lao_dong_tien_tien 2023',
    ]);
  });

  it('revoked awards are shown as revoked, and can be left out or listed alone', async () => {
    const all = await found(standing, `personId=${binh}`);
    expect(all[0]!.revoked).toEqual({ on: '2024-06-01', number: '20/QĐ-SYT' });
    expect(await found(standing, `personId=${binh}&revoked=exclude`)).toEqual([]);
    expect(names(await found(standing, 'revoked=only'))).toEqual(['Trần Thị Bình giay_khen 2023']);
    expect(await found(standing, 'revoked=exclude')).toHaveLength(5);
  });

  it('filters combine', async () => {
    expect(names(await found(standing, `q=cuong&unitId=${health.id}&yearFrom=2020`))).toEqual(['Lê Văn Cường chien_si_thi_dua_co_so 2022']);
  });
});

describe('pages', () => {
  it('walking the cursor gives every award once, in order, and says when there is no more', async () => {
    const whole = (await found(standing, 'pageSize=200')).map((i) => i.id);
    const walked: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = (await search(standing, `pageSize=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      walked.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(walked).toEqual(whole);
  });

  it('an undated decision comes last and pages past it work', async () => {
    const id = await award(standing, { personId: binh, awardForm: 'lao_dong_tien_tien', year: 2021, decisionNumber: 'không số' });
    const whole = (await found(standing, 'pageSize=200')).map((i) => i.id);
    expect(whole.at(-1)).toBe(id);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = (await search(standing, `pageSize=3${cursor ? `&cursor=${cursor}` : ''}`)).json();
      walked.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(whole);
    await standing.request({ method: 'DELETE', url: `/api/records/awards/${id}` });
  });
});

describe('scope', () => {
  it('an officer of the education department sees its awards only, never health\'s', async () => {
    const items = await found(educationOfficer, 'pageSize=200');
    expect(names(items).sort()).toEqual([
      'Lê Văn Cường lao_dong_tien_tien 2019', 'Nguyễn Văn An bang_khen_tinh 2024', 'Nguyễn Văn An lao_dong_tien_tien 2023',
      'Trường THPT Chuyên Sơn Hà tap_the_lao_dong_tien_tien 2023',
    ]);
    expect(await found(educationOfficer, 'q=tran+thi+binh')).toEqual([]);
    // a person of another unit: nothing of theirs shows (their awards are out of scope), not an error
    expect(await found(educationOfficer, `personId=${binh}`)).toEqual([]);
  });

  it('a unit outside the scope is 404, as if it did not exist; the province above too', async () => {
    for (const unit of [health.id, province.id, uuidv7()]) {
      const response = await search(educationOfficer, `unitId=${unit}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.message).toBe('Không tìm thấy đơn vị.');
    }
    const exported = await educationOfficer.request({ method: 'GET', url: `/api/archive/awards.xlsx?unitId=${health.id}` });
    expect(exported.statusCode).toBe(404);
  });

  it('an account without record.read (an individual) is refused', async () => {
    expect((await search(individual, '')).statusCode).toBe(403);
  });
});

describe('bad input is a 400 in the user\'s language and reads nothing', () => {
  it('a year that is not a number, a page of 10,000, a range upside down, a made-up cursor', async () => {
    const year = await search(standing, 'year=abc');
    expect(year.statusCode).toBe(400);
    expect(year.json().error.message).toBe('Dữ liệu gửi lên không hợp lệ.');
    expect(year.json().error.details.issues[0].path).toBe('year');
    const size = await search(standing, 'pageSize=10000');
    expect(size.statusCode).toBe(400);
    expect(size.json().error.details.issues[0].path).toBe('pageSize');
    const range = await search(standing, 'yearFrom=2024&yearTo=2020');
    expect(range.statusCode).toBe(400);
    expect(range.json().error.message).toBe('Khoảng năm không hợp lệ: từ năm 2024 phải không sau đến năm 2020.');
    const cursor = await search(standing, 'cursor=xyz');
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().error.code).toBe('archive.bad_cursor');
    expect((await search(standing, 'cursor=xyz', 'en')).json().error.message).toMatch(/^The results page is invalid/);
    expect((await search(standing, `unitId=not-a-uuid`)).statusCode).toBe(400);
  });
});

describe('the XLSX export', () => {
  async function read(file: Buffer) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return { name: sheet.name, rows };
  }

  it('holds the current search, with Vietnamese headers, in the same order', async () => {
    const response = await educationOfficer.request({ method: 'GET', url: `/api/archive/awards.xlsx?q=nguyen+van+an` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['x-archive-capped']).toBe('false');
    const { name, rows } = await read(response.rawPayload);
    expect(name).toBe('Khen thưởng');
    expect(rows[0]).toEqual(['STT', 'Cá nhân/Tập thể', 'Họ và tên / Tên tập thể', 'Đơn vị', 'Danh hiệu, hình thức khen thưởng', 'Năm',
      'Loại khen thưởng', 'Số quyết định', 'Ngày quyết định', 'Cơ quan quyết định', 'Ngày thu hồi', 'Số quyết định thu hồi']);
    expect(rows).toHaveLength(3);
    expect(rows[1]!.slice(0, 8)).toEqual([1, 'Cá nhân', 'Nguyễn Văn An', 'Trường THPT Chuyên Sơn Hà', 'Bằng khen của Chủ tịch UBND tỉnh', 2024, 'Công trạng', '45/QĐ-UBND']);
    expect((rows[1]![8] as Date).toISOString().slice(0, 10)).toBe('2025-02-10');
    expect(rows[2]![4]).toBe('Lao động tiên tiến');
  });

  it('a search larger than the cap is cut, and the file says so', async () => {
    const db = handle.db;
    const actor = { userId: uuidv7(), tenantId, username: 'x', displayName: 'x', personId: null,
      grants: [{ id: uuidv7(), role: 'standing_officer' as const, organisationId: province.id, organisationName: '', path: province.path }] };
    const { file, rows, capped } = await exportAwards(db, actor, { revoked: 'include' }, 4);
    expect({ rows, capped }).toEqual({ rows: 4, capped: true });
    const sheet = await read(file);
    expect(sheet.rows).toHaveLength(6);
    expect(String(sheet.rows[5]![0])).toMatch(/^Kết quả tìm kiếm có hơn 4 dòng: tệp chỉ gồm 4 dòng đầu/);
  });
});

describe('the archive columns stay right', () => {
  it('renaming a person renames their awards in the archive', async () => {
    const person = (await buildPerson(handle.db, tenantId, 'Phạm Văn Đổi', [{ organisation: health }])).id;
    await award(standing, { personId: person, awardForm: 'giay_khen', year: 2024, decisionNumber: '9/QĐ-SYT', decidedOn: '2025-01-09' });
    expect(await found(standing, 'q=pham+van+doi')).toHaveLength(1);
    const patch = await standing.request({ method: 'PATCH', url: `/api/people/${person}`, payload: { fullName: 'Phạm Văn Mới' } });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(await found(standing, 'q=pham+van+doi')).toEqual([]);
    expect((await found(standing, 'q=pham+van+moi'))[0]!.recipient.name).toBe('Phạm Văn Mới');
  });

  it('awards written without them (before 0007, or directly) are filled by the start-up backfill, once', async () => {
    const id = await writeUnfilledAward(handle.db, tenantId, {
      person_id: cuong, organisation_id: null, award_form: 'giay_khen', year: 2018, basis: 'merit', movement_id: null,
      reason: '', decision_number: '1/QĐ-SGDĐT', decided_on: '2018-12-20', decided_by: '', revoked_on: null, revocation_number: null,
      created_by: null, created_at: new Date(), updated_at: new Date(),
    });
    expect(await found(standing, 'year=2018')).toEqual([]);
    expect(await backfillAwardRecipients(handle.db)).toBe(1);
    expect(await backfillAwardRecipients(handle.db)).toBe(0);
    const [row] = await found(standing, 'year=2018');
    expect(row!.recipient.unit).toEqual({ id: education.id, name: 'Sở Giáo dục và Đào tạo' });
    await reviseAwards(handle.db, tenantId, { awardIds: [id] }, { delete: true });
  });


  it('each award carries its recipient\'s groups at decision time: woman, ethnic minority, leader, direct worker', async () => {
    const db = handle.db;
    const nurse = (await buildPerson(db, tenantId, 'Lò Thị Hoa', [
      { organisation: health, position: 'Điều dưỡng', start: '2010-01-01', end: '2021-12-31' },
      { organisation: health, position: 'Trưởng khoa', isLeader: true, start: '2022-01-01' },
    ], { gender: 'female', ethnicity: 'Thái' })).id;
    const citizen = (await buildPerson(db, tenantId, 'Vàng A Sùng', [], { ethnicity: 'Mông' })).id;
    const early = await award(standing, { personId: nurse, awardForm: 'giay_khen', year: 2020, decisionNumber: '2/QĐ-SYT', decidedOn: '2021-01-10' });
    const late = await award(standing, { personId: nurse, awardForm: 'giay_khen', year: 2023, decisionNumber: '3/QĐ-SYT', decidedOn: '2024-01-10' });
    // a citizen employed nowhere is in no officer's scope: written directly, filled by the one function
    const [citizens] = await recordAwards(db, tenantId, [{
      person_id: citizen, organisation_id: null, award_form: 'giay_khen', year: 2023, basis: 'one_off',
      movement_id: null, reason: '', decision_number: '4/QĐ-UBND', decided_on: '2024-01-10', decided_by: '', revoked_on: null,
      revocation_number: null, verification_code: null, created_by: null, created_at: new Date(), updated_at: new Date(),
    }]);
    const collective = await award(standing, { organisationId: health.id, awardForm: 'giay_khen', year: 2023, decisionNumber: '5/QĐ-SYT', decidedOn: '2024-01-10' });
    const groups = async (id: string) => db.selectFrom('awards').where('id', '=', id)
      .select(['recipient_female as female', 'recipient_ethnic_minority as minority', 'recipient_leader as leader', 'recipient_direct_worker as worker'])
      .executeTakeFirstOrThrow();
    expect(await groups(early)).toEqual({ female: true, minority: true, leader: false, worker: true });
    expect(await groups(late)).toEqual({ female: true, minority: true, leader: true, worker: false });
    expect(await groups(citizens!)).toEqual({ female: false, minority: true, leader: false, worker: true });
    expect(await groups(collective)).toEqual({ female: null, minority: null, leader: null, worker: null });
    // a correction of the person reaches their awards
    const patch = await standing.request({ method: 'PATCH', url: `/api/people/${nurse}`, payload: { ethnicity: 'Kinh' } });
    expect(patch.statusCode, patch.body).toBe(200);
    expect((await groups(late)).minority).toBe(false);
    await forgetRecipientNames(db, tenantId, ['lo thi hoa', 'vang a sung']);
    await reviseAwards(db, tenantId, { awardIds: [early, late, citizens!, collective] }, { delete: true });
  });

});
