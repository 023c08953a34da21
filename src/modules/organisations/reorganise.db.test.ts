import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { countedUnder } from './store.ts';

let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let province: BuiltOrganisation, district: BuiltOrganisation, thuBa: BuiltOrganisation, dongThai: BuiltOrganisation, namYen: BuiltOrganisation;
let districtOffice: BuiltOrganisation, otherDistrict: BuiltOrganisation;
let admin: Session, districtAdmin: Session;
const people: Record<string, string> = {};
let communeOfficerGrant: string;

const db = () => handle.db;
const version = async (id: string) => (await db().selectFrom('organisations').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
const unit = async (id: string) => ({ id, version: await version(id) });
const employmentsOf = (personId: string) => db().selectFrom('employments').select(['organisation_id', 'start_date', 'end_date'])
  .where('tenant_id', '=', tenantId).where('person_id', '=', personId).orderBy('start_date').execute();

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  tenantId = (await buildTenant(db())).id;
  province = await buildOrganisation(db(), tenantId, null, { name: 'Ủy ban nhân dân tỉnh Kiên Hà' });
  district = await buildOrganisation(db(), tenantId, province, { name: 'Ủy ban nhân dân huyện An Biên', level: 'district', validFrom: '1990-01-01' });
  districtOffice = await buildOrganisation(db(), tenantId, district, { name: 'Phòng Nội vụ huyện An Biên', kind: 'sub_unit', level: 'district', validFrom: '1990-01-01' });
  thuBa = await buildOrganisation(db(), tenantId, district, { name: 'Ủy ban nhân dân xã Thứ Ba', kind: 'peoples_committee', level: 'commune', validFrom: '1990-01-01' });
  dongThai = await buildOrganisation(db(), tenantId, district, { name: 'Ủy ban nhân dân xã Đông Thái', kind: 'peoples_committee', level: 'commune', validFrom: '1990-01-01' });
  namYen = await buildOrganisation(db(), tenantId, district, { name: 'Ủy ban nhân dân xã Nam Yên', kind: 'peoples_committee', level: 'commune', validFrom: '2010-01-01' });
  otherDistrict = await buildOrganisation(db(), tenantId, province, { name: 'Ủy ban nhân dân huyện U Minh Thượng', level: 'district' });
  people.lan = (await buildPerson(db(), tenantId, 'Nguyễn Thị Lan', [{ organisation: thuBa, position: 'Công chức Văn phòng – Thống kê', start: '2018-03-01' }])).id;
  people.tuan = (await buildPerson(db(), tenantId, 'Trần Văn Tuấn', [{ organisation: dongThai, position: 'Chủ tịch UBND xã', isLeader: true, start: '2020-01-01' }])).id;
  people.hung = (await buildPerson(db(), tenantId, 'Lê Văn Hùng', [{ organisation: district, position: 'Chuyên viên', start: '2012-01-01' }])).id;
  people.mai = (await buildPerson(db(), tenantId, 'Phạm Thị Mai', [{ organisation: district, position: 'Kế toán', start: '2016-05-01' }])).id;
  people.son = (await buildPerson(db(), tenantId, 'Võ Thanh Sơn', [{ organisation: district, position: 'Văn thư', start: '2019-01-01' }])).id;
  await db().insertInto('residences').values({ tenant_id: tenantId, id: uuidv7(), person_id: (await buildPerson(db(), tenantId, 'Danh Thị Sương')).id,
    organisation_id: dongThai.id, village: 'Ấp Xẻo Nhàu', valid_from: '2001-01-01' }).execute();
  await buildUser(db(), tenantId, 'system_admin', province, { username: 'admin.reorg' });
  await buildUser(db(), tenantId, 'standing_officer', district, { username: 'ttr.anbien' });
  const officer = await buildUser(db(), tenantId, 'unit_officer', thuBa, { username: 'canbo.thuba' });
  communeOfficerGrant = (await db().selectFrom('role_grants').select('id').where('user_id', '=', officer.id).executeTakeFirstOrThrow()).id;
  admin = await signIn(app, 'admin.reorg');
  districtAdmin = await signIn(app, 'ttr.anbien');
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('bad input is named and changes nothing', () => {
  const merge = (session: Session, payload: unknown, lang = 'vi') =>
    session.request({ method: 'POST', url: '/api/organisations/merge', payload: payload as object, headers: { 'accept-language': lang } });

  it('an unknown unit', async () => {
    const missing = uuidv7();
    const response = await merge(admin, { onDate: '2025-07-01', units: [{ id: missing, version: 0 }], successor: await unit(thuBa.id) });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'reorganisation.unknown_unit', message: `Không tìm thấy đơn vị "${missing}" trong phạm vi được giao.` });
  });

  it('a successor that does not exist, in English when asked', async () => {
    const missing = uuidv7();
    const response = await merge(admin, { onDate: '2025-07-01', units: [await unit(thuBa.id)], successor: { id: missing, version: 0 } }, 'en');
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'reorganisation.unknown_successor', message: `The successor unit "${missing}" was not found within your scope.` });
  });

  it('a date before the unit\'s valid_from', async () => {
    const response = await merge(admin, { onDate: '2009-06-01', units: [await unit(namYen.id)], successor: await unit(thuBa.id) });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('reorganisation.date_before_start');
    expect(response.json().error.message).toContain('Ủy ban nhân dân xã Nam Yên');
    expect(response.json().error.message).toContain('01/01/2010');
  });

  it('merging a unit into its own descendant', async () => {
    const response = await merge(admin, { onDate: '2025-07-01', units: [await unit(district.id)], successor: await unit(thuBa.id) });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'reorganisation.into_descendant',
      message: 'Không thể sáp nhập đơn vị "Ủy ban nhân dân huyện An Biên" vào chính nó hoặc một đơn vị trực thuộc nó ("Ủy ban nhân dân xã Thứ Ba").' });
    const underItself = await merge(admin, { onDate: '2025-07-01', units: [await unit(thuBa.id)],
      successor: { create: { parentId: thuBa.id, name: 'Xã mới', kind: 'peoples_committee', level: 'commune' } } });
    expect(underItself.json().error.code).toBe('reorganisation.into_descendant');
  });

  it('a unit whose version changed since it was read', async () => {
    const response = await merge(admin, { onDate: '2025-07-01', units: [{ id: dongThai.id, version: (await version(dongThai.id)) + 5 }], successor: await unit(thuBa.id) });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('reorganisation.stale');
  });

  it('someone whose scope does not cover every unit involved', async () => {
    const response = await merge(districtAdmin, { onDate: '2025-07-01', units: [await unit(thuBa.id)], successor: await unit(otherDistrict.id) });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('reorganisation.unknown_successor');
    const commune = await signIn(app, 'canbo.thuba');
    const officer = await merge(commune, { onDate: '2025-07-01', units: [await unit(thuBa.id)], successor: await unit(dongThai.id) });
    expect(officer.json().error.code).toBe('reorganisation.unknown_unit');
  });

  it('a split whose employments are not at the unit, or whose successor number is not in the list', async () => {
    const successors = [await unit(thuBa.id), await unit(dongThai.id)];
    const outOfList = await admin.request({ method: 'POST', url: '/api/organisations/split', payload: {
      onDate: '2025-07-01', unit: await unit(districtOffice.id), successors, grantsTo: 2 } });
    expect(outOfList.statusCode).toBe(422);
    expect(outOfList.json().error.code).toBe('reorganisation.bad_successor_index');
    const lan = (await db().selectFrom('employments').select('id').where('person_id', '=', people.lan!).executeTakeFirstOrThrow()).id;
    const stray = await admin.request({ method: 'POST', url: '/api/organisations/split', payload: {
      onDate: '2025-07-01', unit: await unit(districtOffice.id), successors, employments: [{ employmentId: lan, successor: 0 }] } });
    expect(stray.statusCode).toBe(422);
    expect(stray.json().error.code).toBe('reorganisation.unknown_employment');
  });

  it('after all of these nothing changed: no unit ended, no succession, no audit row', async () => {
    const ended = await db().selectFrom('organisations').select('id').where('tenant_id', '=', tenantId).where('valid_to', 'is not', null).execute();
    expect(ended).toHaveLength(0);
    expect(await db().selectFrom('organisation_successions').select('predecessor_id').where('tenant_id', '=', tenantId).execute()).toHaveLength(0);
    expect(await db().selectFrom('audit_log').select('id').where('tenant_id', '=', tenantId).where('action', 'in', ['organisation.merge', 'organisation.split']).execute()).toHaveLength(0);
  });
});

describe('merging communes into a new commune on 1 July 2025', () => {
  let merged: { successors: { id: string }[] };

  it('ends them on 30 June, records both successions, and moves their people, residents and role grants', async () => {
    const response = await admin.request({ method: 'POST', url: '/api/organisations/merge', payload: {
      onDate: '2025-07-01', units: [await unit(thuBa.id), await unit(dongThai.id)], grants: 'move',
      successor: { create: { parentId: province.id, name: 'Ủy ban nhân dân xã Đông Thái mới', kind: 'peoples_committee', level: 'commune', code: 'X-DT' } },
    } });
    expect(response.statusCode, response.body).toBe(200);
    merged = response.json();
    expect(response.json()).toMatchObject({
      predecessors: [{ id: thuBa.id, validTo: '2025-06-30' }, { id: dongThai.id, validTo: '2025-06-30' }],
      successors: [{ name: 'Ủy ban nhân dân xã Đông Thái mới', created: true }],
      employmentsMoved: 2, employmentsLeft: 0, residencesMoved: 1, grantsMoved: 1, grantsEnded: 0,
    });
    const successorId = merged.successors[0]!.id;
    const closed = await db().selectFrom('organisations').select(['id', 'valid_to', 'successor_id']).where('id', 'in', [thuBa.id, dongThai.id]).execute();
    expect(closed.every((c) => c.valid_to === '2025-06-30' && c.successor_id === successorId)).toBe(true);
    const links = await db().selectFrom('organisation_successions').select(['predecessor_id', 'on_date']).where('successor_id', '=', successorId).execute();
    expect(links.map((l) => l.predecessor_id).sort()).toEqual([thuBa.id, dongThai.id].sort());
    // the employment history is kept: Lan worked at Thứ Ba until 30/6, at the new commune from 1/7
    expect(await employmentsOf(people.lan!)).toEqual([
      { organisation_id: thuBa.id, start_date: '2018-03-01', end_date: '2025-06-30' },
      { organisation_id: successorId, start_date: '2025-07-01', end_date: null },
    ]);
    const residence = await db().selectFrom('residences').select(['organisation_id', 'village']).where('tenant_id', '=', tenantId)
      .where('valid_to', 'is', null).executeTakeFirstOrThrow();
    expect(residence).toEqual({ organisation_id: successorId, village: 'Ấp Xẻo Nhàu' });
  });

  it('the commune officer\'s role now reaches the new commune, and the move is audited', async () => {
    const grants = await db().selectFrom('role_grants').select(['id', 'organisation_id', 'revoked_at']).where('tenant_id', '=', tenantId)
      .where('role', '=', 'unit_officer').orderBy('created_at').execute();
    expect(grants.find((g) => g.id === communeOfficerGrant)?.revoked_at).not.toBeNull();
    expect(grants.filter((g) => g.revoked_at === null).map((g) => g.organisation_id)).toEqual([merged.successors[0]!.id]);
    const audit = await db().selectFrom('audit_log').select(['action', 'entity_id']).where('tenant_id', '=', tenantId)
      .where('action', 'in', ['organisation.merge', 'grant.move']).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['grant.move', 'organisation.merge']);
    const officer = await signIn(app, 'canbo.thuba');
    const members = await officer.request({ method: 'GET', url: `/api/organisations/${merged.successors[0]!.id}/members?asOf=2025-08-01` });
    expect(members.json().items.map((m: { fullName: string }) => m.fullName).sort()).toEqual(['Nguyễn Thị Lan', 'Trần Văn Tuấn']);
  });

  it('the old communes count under the new one for figures', async () => {
    const successor = await db().selectFrom('organisations').select('path').where('id', '=', merged.successors[0]!.id).executeTakeFirstOrThrow();
    const counted = await countedUnder(db(), tenantId, successor.path, '2022-01-01');
    expect(counted.map((c) => c.name).sort()).toEqual(['Ủy ban nhân dân xã Thứ Ba', 'Ủy ban nhân dân xã Đông Thái'].sort());
  });

  it('merging them again is refused: they have ended', async () => {
    const response = await admin.request({ method: 'POST', url: '/api/organisations/merge', payload: {
      onDate: '2025-08-01', units: [await unit(thuBa.id)], successor: await unit(namYen.id) } });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('reorganisation.already_closed');
  });
});

describe('splitting the district among communes', () => {
  it('is refused while a sub-unit under it is still open', async () => {
    const response = await admin.request({ method: 'POST', url: '/api/organisations/split', payload: {
      onDate: '2025-07-01', unit: await unit(district.id),
      successors: [await unit(otherDistrict.id), { create: { parentId: province.id, name: 'Xã thử', kind: 'peoples_committee', level: 'commune' } }] } });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('reorganisation.open_children');
    expect(response.json().error.message).toContain('Phòng Nội vụ huyện An Biên');
    expect(response.json().error.message).toContain('Ủy ban nhân dân xã Nam Yên');
  });

  it('moves the employments the officer placed, leaves the others for later, and ends the role grants', async () => {
    // its office and the last commune are merged first (as the province did)
    const first = await admin.request({ method: 'POST', url: '/api/organisations/merge', payload: {
      onDate: '2025-07-01', units: [await unit(districtOffice.id)], successor: await unit(otherDistrict.id) } });
    expect(first.statusCode, first.body).toBe(200);
    const newCommune = (await db().selectFrom('organisations').select('id').where('code', '=', 'X-DT').executeTakeFirstOrThrow()).id;
    const second = await admin.request({ method: 'POST', url: '/api/organisations/merge', payload: {
      onDate: '2025-07-01', units: [await unit(namYen.id)], successor: await unit(newCommune) } });
    expect(second.statusCode, second.body).toBe(200);
    await buildUser(db(), tenantId, 'unit_head', district, { username: 'ct.anbien' });
    const jobs = await db().selectFrom('employments').select(['id', 'person_id']).where('organisation_id', '=', district.id).execute();
    const of = (personId: string) => jobs.find((j) => j.person_id === personId)!.id;
    const response = await admin.request({ method: 'POST', url: '/api/organisations/split', payload: {
      onDate: '2025-07-01', unit: await unit(district.id), grantsTo: null,
      successors: [await unit(newCommune), { create: { parentId: province.id, name: 'Ủy ban nhân dân xã Tây Yên', kind: 'peoples_committee', level: 'commune' }, shareNote: 'các ấp phía tây' }],
      employments: [{ employmentId: of(people.hung!), successor: 0 }, { employmentId: of(people.mai!), successor: 1 }],
    } });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ employmentsMoved: 2, employmentsLeft: 1, grantsEnded: 2, grantsMoved: 0 });
    const tayYen = result.successors[1].id;
    expect((await employmentsOf(people.hung!)).at(-1)).toEqual({ organisation_id: newCommune, start_date: '2025-07-01', end_date: null });
    expect((await employmentsOf(people.mai!)).at(-1)).toEqual({ organisation_id: tayYen, start_date: '2025-07-01', end_date: null });
    expect(await employmentsOf(people.son!)).toEqual([{ organisation_id: district.id, start_date: '2019-01-01', end_date: null }]);
    const links = await db().selectFrom('organisation_successions').select(['successor_id', 'share_note']).where('predecessor_id', '=', district.id).execute();
    expect(links.map((l) => l.successor_id).sort()).toEqual([newCommune, tayYen].sort());
    expect(links.find((l) => l.successor_id === tayYen)?.share_note).toBe('các ấp phía tây');
    const district2 = await db().selectFrom('organisations').select(['valid_to', 'successor_id']).where('id', '=', district.id).executeTakeFirstOrThrow();
    expect(district2).toEqual({ valid_to: '2025-06-30', successor_id: null });
    const ended = await db().selectFrom('role_grants').select('revoked_at').where('organisation_id', '=', district.id).execute();
    expect(ended.every((g) => g.revoked_at !== null)).toBe(true);
  });
});
