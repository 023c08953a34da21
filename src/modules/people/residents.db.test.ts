import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { expectVersionedEdit } from '../../testing/versions.ts';
import { uuidv7 } from '../../platform/ids.ts';

let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let province: BuiltOrganisation, tanThanh: BuiltOrganisation, binhMinh: BuiltOrganisation, school: BuiltOrganisation;
let officer: Session, otherOfficer: Session;
const ids: Record<string, string> = {};

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  const db = handle.db;
  tenantId = (await buildTenant(db)).id;
  province = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  tanThanh = await buildOrganisation(db, tenantId, province, { name: 'Ủy ban nhân dân xã Tân Thành', kind: 'peoples_committee', level: 'commune', validFrom: '2025-07-01' });
  binhMinh = await buildOrganisation(db, tenantId, province, { name: 'Ủy ban nhân dân xã Bình Minh', kind: 'peoples_committee', level: 'commune', validFrom: '2025-07-01' });
  school = await buildOrganisation(db, tenantId, tanThanh, { name: 'Trường Tiểu học Tân Thành', kind: 'public_service_unit', level: 'commune' });
  ids.teacher = (await buildPerson(db, tenantId, 'Hoàng Thị Nga', [{ organisation: school, position: 'Giáo viên' }], { gender: 'female' })).id;
  ids.stranger = (await buildPerson(db, tenantId, 'Đinh Văn Xa', [{ organisation: binhMinh }])).id;
  await buildUser(db, tenantId, 'unit_officer', tanThanh, { username: 'canbo.tanthanh' });
  await buildUser(db, tenantId, 'unit_officer', binhMinh, { username: 'canbo.binhminh' });
  officer = await signIn(app, 'canbo.tanthanh');
  otherOfficer = await signIn(app, 'canbo.binhminh');
});
afterAll(async () => { await app.close(); await handle.close(); });

const addResident = (fullName: string, residence: Record<string, unknown>, session = officer) => session.request({ method: 'POST', url: '/api/people',
  payload: { fullName, gender: 'male', birthYear: 1968, residence: { organisationId: tanThanh.id, validFrom: '2025-07-01', ...residence } } });
const search = async (session: Session, query: string) =>
  (await session.request({ method: 'GET', url: `/api/people?${query}` })).json() as { items: { id: string; fullName: string; village: string | null; position: string | null; organisation: { id: string } }[]; total: number };

describe('residents: people who belong to a commune by residence, without employment', () => {
  it('a farmer is added with the commune and village he lives in, and audited', async () => {
    const response = await addResident('Lường Văn Thắng', { village: 'Thôn Nà Lừa', address: 'Nhà số 12' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ fullName: 'Lường Văn Thắng', employments: [],
      residences: [{ organisationId: tanThanh.id, organisationName: 'Ủy ban nhân dân xã Tân Thành', village: 'Thôn Nà Lừa', address: 'Nhà số 12', validFrom: '2025-07-01', validTo: null }] });
    ids.farmer = response.json().id;
    const audit = await handle.db.selectFrom('audit_log').select('action').where('entity_id', '=', ids.farmer!).execute();
    expect(audit.map((a) => a.action)).toEqual(['person.create']);
  });

  it('appears in the people search of the commune, with the village, beside its employees', async () => {
    const found = await search(officer, 'q=thang');
    expect(found.items).toEqual([expect.objectContaining({ id: ids.farmer, village: 'Thôn Nà Lừa', position: null, organisation: expect.objectContaining({ id: tanThanh.id }) })]);
    const everyone = await search(officer, 'pageSize=50');
    expect(everyone.items.map((p) => p.fullName).sort()).toEqual(['Hoàng Thị Nga', 'Lường Văn Thắng']);
    expect(everyone.items.find((p) => p.fullName === 'Hoàng Thị Nga')?.village).toBeNull();
  });

  it('is not found by another commune\'s officer, and reading him answers 404', async () => {
    expect((await search(otherOfficer, 'q=thang')).total).toBe(0);
    expect((await otherOfficer.request({ method: 'GET', url: `/api/people/${ids.farmer}` })).statusCode).toBe(404);
  });

  it('a resident who takes up a job is listed by the employer that day, once', async () => {
    const hired = await officer.request({ method: 'POST', url: `/api/people/${ids.farmer}/employments`, payload: {
      organisationId: school.id, position: 'Bảo vệ', startDate: '2026-09-01' } });
    expect(hired.statusCode).toBe(201);
    const before = await search(officer, 'q=thang&asOf=2026-01-01');
    expect(before.items.map((p) => p.village)).toEqual(['Thôn Nà Lừa']);
    const after = await search(officer, 'q=thang&asOf=2026-10-01');
    expect(after.items).toEqual([expect.objectContaining({ village: null, position: 'Bảo vệ', organisation: expect.objectContaining({ id: school.id }) })]);
  });

  it('moving away ends the residence; a second residence may not overlap the first', async () => {
    const person = (await officer.request({ method: 'GET', url: `/api/people/${ids.farmer}` })).json();
    const overlap = await officer.request({ method: 'POST', url: `/api/people/${ids.farmer}/residences`, payload: {
      organisationId: tanThanh.id, village: 'Thôn Khuổi Hẩu', validFrom: '2027-01-01' } });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error).toMatchObject({ code: 'residence.overlap', message: 'Thời gian cư trú trùng với thời gian cư trú từ 01/07/2025 tại Ủy ban nhân dân xã Tân Thành.' });
    const ended = await officer.request({ method: 'PATCH', url: `/api/people/${ids.farmer}/residences/${person.residences[0].id}`, payload: { validTo: '2026-12-31' } });
    expect(ended.statusCode).toBe(200);
    const moved = await officer.request({ method: 'POST', url: `/api/people/${ids.farmer}/residences`, payload: {
      organisationId: tanThanh.id, village: 'Thôn Khuổi Hẩu', validFrom: '2027-01-01' } });
    expect(moved.statusCode).toBe(201);
    expect(moved.json().residences.map((r: { village: string }) => r.village)).toEqual(['Thôn Nà Lừa', 'Thôn Khuổi Hẩu']);
  });

  it('a residence must be in a commune, and a person has an employment or a residence, not neither', async () => {
    const notCommune = await handle.db.selectFrom('organisations').select('id').where('id', '=', province.id).executeTakeFirstOrThrow();
    const admin = await buildUser(handle.db, tenantId, 'standing_officer', province, { username: 'ttr.sonha' });
    const standing = await signIn(app, admin.username);
    const wrong = await standing.request({ method: 'POST', url: '/api/people', payload: {
      fullName: 'Vi Văn Dũng', gender: 'male', residence: { organisationId: notCommune.id, village: 'Thôn Một', validFrom: '2025-07-01' } } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('residence.not_commune');
    const neither = await officer.request({ method: 'POST', url: '/api/people', payload: { fullName: 'Vi Văn Dũng', gender: 'male' } });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.code).toBe('person.residence_or_employment');
    const outside = await addResident('Vi Văn Dũng', { organisationId: binhMinh.id, village: 'Thôn Hai' });
    expect(outside.statusCode).toBe(404);
    expect(await handle.db.selectFrom('people').select('id').where('full_name', '=', 'Vi Văn Dũng').execute()).toHaveLength(0);
  });
});

describe('households of a commune', () => {
  let household: { id: string; version: number };

  it('is created with its head and members, people of the tenant', async () => {
    ids.wife = (await addResident('Lò Thị Xuân', { village: 'Thôn Nà Lừa' })).json().id;
    const response = await officer.request({ method: 'POST', url: '/api/households', payload: {
      organisationId: tanThanh.id, code: 'HO-001', village: 'Thôn Nà Lừa', address: 'Nhà số 12', headPersonId: ids.farmer,
      members: [{ personId: ids.farmer, relation: 'Chủ hộ' }, { personId: ids.wife, relation: 'Vợ' }] } });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ code: 'HO-001', headName: 'Lường Văn Thắng', village: 'Thôn Nà Lừa', organisation: { id: tanThanh.id },
      closedOn: null, version: 0 });
    expect(response.json().members.map((m: { fullName: string; relation: string }) => `${m.fullName} (${m.relation})`).sort())
      .toEqual(['Lò Thị Xuân (Vợ)', 'Lường Văn Thắng (Chủ hộ)']);
    household = response.json();
    const listed = (await officer.request({ method: 'GET', url: '/api/households?q=thang' })).json();
    expect(listed.items).toEqual([expect.objectContaining({ id: household.id, memberCount: 2 })]);
    expect((await otherOfficer.request({ method: 'GET', url: '/api/households' })).json().total).toBe(0);
    expect((await otherOfficer.request({ method: 'GET', url: `/api/households/${household.id}` })).statusCode).toBe(404);
  });

  it('refuses a member who is not a person of the tenant, or one out of the officer\'s reach, naming them, and writes nothing', async () => {
    const ghost = uuidv7();
    for (const personId of [ghost, ids.stranger!]) {
      const response = await officer.request({ method: 'POST', url: '/api/households', payload: {
        organisationId: tanThanh.id, village: 'Thôn Nà Lừa', headPersonId: ids.wife, members: [{ personId: ids.wife }, { personId }] } });
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toMatchObject({ code: 'household.member_unknown', message: `Thành viên "${personId}" không phải là người có trong hệ thống của cơ quan.` });
    }
    const headOutside = await officer.request({ method: 'POST', url: '/api/households', payload: {
      organisationId: tanThanh.id, village: 'Thôn Nà Lừa', headPersonId: ids.teacher, members: [{ personId: ids.wife }] }, headers: { 'accept-language': 'en' } });
    expect(headOutside.json().error).toMatchObject({ code: 'household.head_not_member', message: 'The head of household must be one of its members.' });
    expect(await handle.db.selectFrom('households').select('id').where('tenant_id', '=', tenantId).execute()).toHaveLength(1);
  });

  it('is edited with the version it was read at; a stale version is refused', async () => {
    const edited = await officer.request({ method: 'PATCH', url: `/api/households/${household.id}`, payload: {
      version: household.version, address: 'Nhà số 14', members: [{ personId: ids.farmer, relation: 'Chủ hộ' }, { personId: ids.wife, relation: 'Vợ' }, { personId: ids.teacher, relation: 'Con' }] } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ address: 'Nhà số 14', version: 1 });
    expect(edited.json().members).toHaveLength(3);
    const stale = await officer.request({ method: 'PATCH', url: `/api/households/${household.id}`, payload: { version: 0, address: 'Nhà số 16' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('household.stale');
    const audit = await handle.db.selectFrom('audit_log').select(['action', 'changes']).where('entity_id', '=', household.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['household.create', 'household.update']);
    expect(audit[1]!.changes).toMatchObject({ address: ['Nhà số 12', 'Nhà số 14'] });
  });

  it('is closed on a date, stays in the list of closed households, and cannot be edited after', async () => {
    const closed = await officer.request({ method: 'POST', url: `/api/households/${household.id}/close`, payload: { version: 1, closedOn: '2027-03-01' } });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().closedOn).toBe('2027-03-01');
    expect((await officer.request({ method: 'GET', url: '/api/households' })).json().total).toBe(0);
    expect((await officer.request({ method: 'GET', url: '/api/households?includeClosed=true' })).json().total).toBe(1);
    const late = await officer.request({ method: 'PATCH', url: `/api/households/${household.id}`, payload: { version: 2, village: 'Thôn Bản Chang' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'household.closed', message: 'Hộ gia đình đã đóng từ 01/03/2027: không thể sửa.' });
  });

  it('belongs to a commune, not to a school', async () => {
    const response = await officer.request({ method: 'POST', url: '/api/households', payload: {
      organisationId: school.id, village: 'Thôn Nà Lừa', headPersonId: ids.wife } });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('household.not_commune');
  });
});

describe('a resident in the commune\'s eligibility list', () => {
  it('is judged as a person of the commune by the catalogue\'s rule for individuals, and his own record can be read', async () => {
    const resident = (await addResident('Sầm Văn Páo', { village: 'Bản Chang', validFrom: '2020-01-01' })).json().id;
    const list = await officer.request({ method: 'GET', url: `/api/eligibility?organisationId=${tanThanh.id}&awardForm=giay_khen&recipient=individual&year=2025&pageSize=50` });
    expect(list.statusCode, list.body).toBe(200);
    const item = list.json().items.find((i: { id: string }) => i.id === resident);
    expect(item).toMatchObject({ name: 'Sầm Văn Páo', organisation: { id: tanThanh.id }, position: null, isLeader: false });
    const own = await officer.request({ method: 'GET', url: `/api/eligibility/people/${resident}?year=2025` });
    expect(own.statusCode, own.body).toBe(200);
    expect((await otherOfficer.request({ method: 'GET', url: `/api/eligibility/people/${resident}?year=2025` })).statusCode).toBe(404);
  });
});

describe('two officers changing the same residence period', () => {
  it('the one who saves from an older version of the period is refused with 409 edit.stale; no version still applies', async () => {
    const id = (await addResident('Vi Văn Lả', { village: 'Bản Pắc', validFrom: '2021-01-01' })).json().id;
    const read = async () => (await officer.request({ method: 'GET', url: `/api/people/${id}` })).json().residences[0];
    const home = await read();
    const villages = ['Bản Pắc Một', 'Bản Pắc Hai', 'Bản Pắc Ba'];
    await expectVersionedEdit({
      as: officer, version: async () => (await read()).version,
      edit: (attempt) => ({ method: 'PATCH', url: `/api/people/${id}/residences/${home.id}`, payload: { village: villages[attempt - 1] } }),
      row: () => handle.db.selectFrom('residences').select(['village', 'valid_to', 'version']).where('id', '=', home.id).executeTakeFirstOrThrow(),
    });
  });
});
