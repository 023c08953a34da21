import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { expectVersionedEdit } from '../../testing/versions.ts';
import { employerOn } from './store.ts';

let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let province: BuiltOrganisation, education: BuiltOrganisation, health: BuiltOrganisation, district: BuiltOrganisation, commune: BuiltOrganisation;
let officer: Session;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  const db = handle.db;
  tenantId = (await buildTenant(db)).id;
  province = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  education = await buildOrganisation(db, tenantId, province, { name: 'Sở Giáo dục và Đào tạo' });
  health = await buildOrganisation(db, tenantId, province, { name: 'Sở Y tế' });
  commune = await buildOrganisation(db, tenantId, province, { name: 'Ủy ban nhân dân xã Tân Thành', level: 'commune', validFrom: '2025-07-01' });
  district = await buildOrganisation(db, tenantId, province, { name: 'Ủy ban nhân dân huyện Tân Lập', level: 'district', validTo: '2025-06-30', successorId: commune.id });
  // written in both tone-mark placements, as they are in real registers
  ids.hoaOld = (await buildPerson(db, tenantId, 'Nguyễn Văn Hoà', [{ organisation: education }])).id;
  ids.hoaNew = (await buildPerson(db, tenantId, 'Nguyễn Văn Hòa', [{ organisation: education, isLeader: true, position: 'Phó Giám đốc Sở' }])).id;
  ids.duc = (await buildPerson(db, tenantId, 'Đặng Minh Đức', [{ organisation: education }])).id;
  ids.dung = (await buildPerson(db, tenantId, 'Trần Quốc Dũng', [{ organisation: education }])).id;
  ids.anh = (await buildPerson(db, tenantId, 'Lê Thị Anh', [{ organisation: education }], { gender: 'female' })).id;
  ids.thuy = (await buildPerson(db, tenantId, 'Phạm Thị Thuỷ', [{ organisation: health }], { gender: 'female' })).id;
  ids.moved = (await buildPerson(db, tenantId, 'Lò Văn Pâng', [
    { organisation: district, start: '2012-03-01', end: '2025-06-30', position: 'Chuyên viên Phòng Nội vụ' },
    { organisation: commune, start: '2025-07-01', position: 'Công chức Văn phòng – Thống kê' },
  ], { ethnicity: 'Thái' })).id;
  await buildUser(db, tenantId, 'unit_officer', education, { username: 'canbo.sgd' });
  officer = await signIn(app, 'canbo.sgd');
});
afterAll(async () => { await app.close(); await handle.close(); });

const search = async (session: Session, query: string) =>
  (await session.request({ method: 'GET', url: `/api/people?${query}` })).json() as { items: { id: string; fullName: string }[]; total: number };

describe('finding people', () => {
  it('"nguyen van hoa" finds both Nguyễn Văn Hòa and Nguyễn Văn Hoà', async () => {
    const result = await search(officer, 'q=nguyen%20van%20hoa');
    expect(result.items.map((p) => p.id).sort()).toEqual([ids.hoaOld, ids.hoaNew].sort());
  });

  it('typing with either tone placement finds the same people', async () => {
    const a = await search(officer, `q=${encodeURIComponent('Hoà')}`);
    const b = await search(officer, `q=${encodeURIComponent('Hòa')}`);
    expect(a.items.map((p) => p.id).sort()).toEqual(b.items.map((p) => p.id).sort());
    expect(a.total).toBe(2);
  });

  it('"d" matches "đ": "duc" finds Đặng Minh Đức', async () => {
    expect((await search(officer, 'q=dang%20duc')).items.map((p) => p.fullName)).toEqual(['Đặng Minh Đức']);
  });

  it('lists in Vietnamese order: given name, then middle, then family name', async () => {
    const names = (await search(officer, 'pageSize=50')).items.map((p) => p.fullName);
    // Anh < Dũng < Đức (d before đ) < Hòa/Hoà (same given and middle; then family and tone)
    expect(names.slice(0, 3)).toEqual(['Lê Thị Anh', 'Trần Quốc Dũng', 'Đặng Minh Đức']);
    expect(names.slice(3).sort()).toEqual(['Nguyễn Văn Hoà', 'Nguyễn Văn Hòa'].sort());
  });

  it('filters leaders and pages through results', async () => {
    expect((await search(officer, 'leader=true')).items.map((p) => p.fullName)).toEqual(['Nguyễn Văn Hòa']);
    const page2 = await search(officer, 'pageSize=2&page=2');
    expect(page2.items).toHaveLength(2);
    expect(page2.total).toBe(5);
  });

  it('a unit officer does not find people of another department', async () => {
    expect((await search(officer, 'q=thuy')).total).toBe(0);
    const response = await officer.request({ method: 'GET', url: `/api/people/${ids.thuy}` });
    expect(response.statusCode).toBe(404);
  });
});

describe('employment history', () => {
  it('the employing organisation on a date is the one that nominates', async () => {
    expect((await employerOn(handle.db, tenantId, ids.moved!, '2022-05-01'))?.id).toBe(district.id);
    expect((await employerOn(handle.db, tenantId, ids.moved!, '2025-06-30'))?.id).toBe(district.id);
    expect((await employerOn(handle.db, tenantId, ids.moved!, '2025-07-01'))?.id).toBe(commune.id);
    expect(await employerOn(handle.db, tenantId, ids.moved!, '2010-01-01')).toBeUndefined();
  });

  it('refuses an overlapping period with a clear message and writes nothing', async () => {
    const before = (await officer.request({ method: 'GET', url: `/api/people/${ids.duc}` })).json();
    const response = await officer.request({ method: 'POST', url: `/api/people/${ids.duc}/employments`, payload: {
      organisationId: education.id, position: 'Trưởng phòng', isLeader: true, startDate: '2020-01-01' } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('employment.overlap_open');
    expect(response.json().error.message).toBe('Thời gian công tác trùng với quá trình công tác từ 01/01/2015 đến nay tại Sở Giáo dục và Đào tạo.');
    const after = (await officer.request({ method: 'GET', url: `/api/people/${ids.duc}` })).json();
    expect(after.employments).toEqual(before.employments);
  });

  it('ends the current post and starts a new one the next day', async () => {
    const current = (await officer.request({ method: 'GET', url: `/api/people/${ids.duc}` })).json().employments[0];
    const ended = await officer.request({ method: 'PATCH', url: `/api/people/${ids.duc}/employments/${current.id}`, payload: { endDate: '2025-12-31' } });
    expect(ended.statusCode).toBe(200);
    const added = await officer.request({ method: 'POST', url: `/api/people/${ids.duc}/employments`, payload: {
      organisationId: education.id, position: 'Trưởng phòng Giáo dục Trung học', isLeader: true, startDate: '2026-01-01' } });
    expect(added.statusCode).toBe(201);
    expect(added.json().employments.map((e: { endDate: string | null }) => e.endDate)).toEqual(['2025-12-31', null]);
  });

  it('adds a person with their current post, stores folded name and sort key, and audits it', async () => {
    const response = await officer.request({ method: 'POST', url: '/api/people', payload: {
      fullName: '  Võ   Thị Ngọc  Ánh ', gender: 'female', birthYear: 1990,
      employment: { organisationId: education.id, position: 'Chuyên viên', startDate: '2018-09-01' } } });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ familyName: 'Võ', middleName: 'Thị Ngọc', givenName: 'Ánh', fullName: 'Võ Thị Ngọc Ánh' });
    const row = await handle.db.selectFrom('people').select(['name_fold']).where('id', '=', response.json().id).executeTakeFirstOrThrow();
    expect(row.name_fold).toBe('vo thi ngoc anh');
    const audit = await handle.db.selectFrom('audit_log').selectAll().where('entity_id', '=', response.json().id).execute();
    expect(audit.map((a) => a.action)).toEqual(['person.create']);
  });

  it('cannot place a person in an organisation outside the officer\'s subtree', async () => {
    const response = await officer.request({ method: 'POST', url: '/api/people', payload: {
      fullName: 'Hà Văn Khánh', gender: 'male', employment: { organisationId: health.id, position: 'Chuyên viên', startDate: '2020-01-01' } } });
    expect(response.statusCode).toBe(404);
    const count = await handle.db.selectFrom('people').select('id').where('full_name', '=', 'Hà Văn Khánh').execute();
    expect(count).toHaveLength(0);
  });

  it('rejects an end date before the start date', async () => {
    const response = await officer.request({ method: 'POST', url: `/api/people/${ids.anh}/employments`, payload: {
      organisationId: education.id, position: 'Chuyên viên', startDate: '2030-01-01', endDate: '2029-01-01' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('employment.invalid_period');
  });
});

describe('the HR code (mã cán bộ) an import file names a person by', () => {
  const create = (code: unknown, fullName = 'Bùi Thị Mai') => officer.request({ method: 'POST', url: '/api/people', payload: {
    fullName, gender: 'female', code, employment: { organisationId: education.id, position: 'Giáo viên', startDate: '2019-09-01' } } });

  it('is given at creation, trimmed but kept as typed, shown, and audited', async () => {
    const response = await create('  GV-0042 ');
    expect(response.statusCode).toBe(201);
    expect(response.json().code).toBe('GV-0042');
    const audit = await handle.db.selectFrom('audit_log').select('changes').where('entity_id', '=', response.json().id).executeTakeFirstOrThrow();
    expect(audit.changes).toMatchObject({ created: { code: 'GV-0042' } });
    ids.mai = response.json().id;
  });

  it('is found by the list search, in any case, as well as by name', async () => {
    for (const q of ['GV-0042', 'gv-0042']) {
      expect((await search(officer, `q=${q}`)).items.map((p) => p.id)).toEqual([ids.mai]);
    }
    const byName = await search(officer, 'q=bui%20mai');
    expect(byName.items).toEqual([expect.objectContaining({ id: ids.mai, code: 'GV-0042' })]);
    expect((await search(officer, 'q=GV-004')).total).toBe(0);
  });

  it('refuses a code already used by another person, in the user\'s language, and adds nobody', async () => {
    const taken = await create('GV-0042', 'Bùi Văn Nam');
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'person.code_taken', message: 'Mã cán bộ "GV-0042" đã được dùng cho người khác.' });
    expect(await handle.db.selectFrom('people').select('id').where('full_name', '=', 'Bùi Văn Nam').execute()).toHaveLength(0);
    const english = await officer.request({ method: 'PATCH', url: `/api/people/${ids.anh}`, payload: { code: 'GV-0042' },
      headers: { 'accept-language': 'en' } });
    expect(english.statusCode).toBe(409);
    expect(english.json().error.message).toBe('The HR code "GV-0042" is already used for another person.');
  });

  it('refuses characters other than unaccented letters, digits and . _ -', async () => {
    for (const code of ['GV 0042', 'Mã01', 'GV/01', '', 'x'.repeat(31)]) {
      const response = await create(code, 'Bùi Văn Tùng');
      expect(response.statusCode, code).toBe(400);
      expect(response.json().error.code).toBe('validation');
    }
    const patch = await officer.request({ method: 'PATCH', url: `/api/people/${ids.mai}`, payload: { code: 'GV#1' } });
    expect(patch.statusCode).toBe(400);
  });

  it('is changed, kept on its own person, then cleared, each change audited', async () => {
    const changed = await officer.request({ method: 'PATCH', url: `/api/people/${ids.mai}`, payload: { code: 'GV-0043' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().code).toBe('GV-0043');
    const same = await officer.request({ method: 'PATCH', url: `/api/people/${ids.mai}`, payload: { code: 'GV-0043', birthYear: 1991 } });
    expect(same.statusCode).toBe(200);
    const cleared = await officer.request({ method: 'PATCH', url: `/api/people/${ids.mai}`, payload: { code: null } });
    expect(cleared.json().code).toBeNull();
    expect((await search(officer, 'q=GV-0043')).total).toBe(0);
    const audit = await handle.db.selectFrom('audit_log').select(['action', 'changes']).where('entity_id', '=', ids.mai!)
      .where('action', '=', 'person.update').orderBy('id').execute();
    expect(audit.map((a) => a.changes)).toEqual([
      { code: ['GV-0042', 'GV-0043'] }, { birthYear: [null, 1991] }, { code: ['GV-0043', null] },
    ]);
    // the old code is free again
    expect((await create('GV-0042', 'Bùi Văn Nam')).statusCode).toBe(201);
  });
});

describe('two officers correcting the same person', () => {
  it('the one who saves from an older version is refused with 409 edit.stale and changes nothing; each save moves the version on', async () => {
    const opened = (await officer.request({ method: 'GET', url: `/api/people/${ids.dung}` })).json();
    const first = await officer.request({ method: 'PATCH', url: `/api/people/${ids.dung}`, payload: { version: opened.version, birthYear: 1980 } });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(opened.version + 1);
    const stale = await officer.request({ method: 'PATCH', url: `/api/people/${ids.dung}`, headers: { 'accept-language': 'vi' },
      payload: { version: opened.version, fullName: 'Trần Quốc Dũng Sửa' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'edit.stale', message: expect.stringMatching(/tải lại/) });
    const row = await handle.db.selectFrom('people').select(['full_name', 'birth_year', 'version']).where('id', '=', ids.dung!).executeTakeFirstOrThrow();
    expect(row).toEqual({ full_name: 'Trần Quốc Dũng', birth_year: 1980, version: opened.version + 1 });
    // an API client that sends no version applies its fields to the row as it is
    const unversioned = await officer.request({ method: 'PATCH', url: `/api/people/${ids.dung}`, payload: { ethnicity: 'Kinh' } });
    expect(unversioned.json().version).toBe(opened.version + 2);
  });
});

describe('two officers changing the same employment period', () => {
  it('the one who saves from an older version of the period is refused with 409 edit.stale; no version still applies', async () => {
    const person = (await officer.request({ method: 'GET', url: `/api/people/${ids.anh}` })).json();
    const job = person.employments.at(-1);
    const positions = ['Giáo viên tổ trưởng', 'Giáo viên chủ nhiệm', 'Giáo viên dạy giỏi'];
    await expectVersionedEdit({
      as: officer,
      version: async () => (await officer.request({ method: 'GET', url: `/api/people/${ids.anh}` })).json().employments.find((e: { id: string }) => e.id === job.id).version,
      edit: (attempt) => ({ method: 'PATCH', url: `/api/people/${ids.anh}/employments/${job.id}`, payload: { position: positions[attempt - 1] } }),
      row: () => handle.db.selectFrom('employments').select(['position', 'end_date', 'version']).where('id', '=', job.id).executeTakeFirstOrThrow(),
    });
  });
});
