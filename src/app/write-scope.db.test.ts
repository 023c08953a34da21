import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../testing/app.ts';
import type { DatabaseHandle } from '../platform/db/database.ts';
import { uuidv7 } from '../platform/ids.ts';

/**
 * Writes follow the employment in force (issue 15.4), and every foreign id in a body is checked
 * against the writer's scope (issue 15.5): unknown or out of reach is a 4xx that changes nothing.
 * The test clock stands at 21/11/2026.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let province: BuiltOrganisation;
let east: BuiltOrganisation;
let west: BuiltOrganisation;
let district: BuiltOrganisation;
let commune: BuiltOrganisation;
let leaver: string;
let stayer: string;
let villager: string;
let westMovement: string;
let eastMovement: string;
const session = new Map<string, Session>();
const as = (username: string) => session.get(username)!;

async function movementOf(org: BuiltOrganisation, status: 'draft' | 'issued') {
  const id = uuidv7();
  await handle.db.insertInto('movements').values({
    tenant_id: tenantId, id, organisation_id: org.id, parent_movement_id: null, kind: 'campaign', status,
    name: `Đợt thi đua của ${org.name}`, name_fold: 'dot thi dua', slogan: '', document_number: status === 'issued' ? 1 : null,
    document_symbol: 'KH', place: '', issued_on: status === 'issued' ? '2026-01-05' : null,
    period_start: '2026-01-01', period_end: '2026-12-31', plan: '{}', created_by: null, created_at: new Date(), updated_at: new Date(),
  }).execute();
  return id;
}

const count = async (table: 'annual_ratings' | 'awards' | 'disciplines' | 'users' | 'movements' | 'organisations' | 'people' | 'role_grants' | 'examples') =>
  Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  tenantId = (await buildTenant(handle.db)).id;
  province = await buildOrganisation(handle.db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  east = await buildOrganisation(handle.db, tenantId, province, { name: 'Sở Nội vụ' });
  west = await buildOrganisation(handle.db, tenantId, province, { name: 'Sở Tài chính' });
  commune = await buildOrganisation(handle.db, tenantId, province, { name: 'Xã Sơn Mới', level: 'commune', kind: 'peoples_committee', validFrom: '2025-07-01' });
  district = await buildOrganisation(handle.db, tenantId, province, { name: 'Ủy ban nhân dân huyện Sơn Cũ', level: 'district', kind: 'peoples_committee',
    validFrom: '2008-01-01', validTo: '2025-06-30', successorId: commune.id });
  // left the Home Affairs department for Finance in 2019
  leaver = (await buildPerson(handle.db, tenantId, 'Nguyễn Văn Đi', [
    { organisation: east, start: '2010-01-01', end: '2019-06-30' }, { organisation: west, start: '2019-07-01' }])).id;
  stayer = (await buildPerson(handle.db, tenantId, 'Trần Thị Ở', [{ organisation: east, start: '2012-01-01' }])).id;
  villager = (await buildPerson(handle.db, tenantId, 'Lò Văn Bản', [
    { organisation: district, start: '2015-01-01', end: '2025-06-30' }, { organisation: commune, start: '2025-07-01' }])).id;
  westMovement = await movementOf(west, 'draft');
  eastMovement = await movementOf(east, 'issued');
  await buildUser(handle.db, tenantId, 'unit_officer', east, { username: 'canbo.noivu' });
  await buildUser(handle.db, tenantId, 'unit_officer', west, { username: 'canbo.taichinh' });
  await buildUser(handle.db, tenantId, 'unit_officer', district, { username: 'canbo.huyencu' });
  await buildUser(handle.db, tenantId, 'system_admin', east, { username: 'quantri.noivu' });
  for (const u of ['canbo.noivu', 'canbo.taichinh', 'canbo.huyencu', 'quantri.noivu']) session.set(u, await signIn(app, u));
}, 120_000);
afterAll(async () => { await app.close(); await handle.close(); });

describe('writes follow the employment in force', () => {
  it('the unit a person left in 2019 no longer rates, disciplines or edits them; the unit they work for now does', async () => {
    const before = { ratings: await count('annual_ratings'), disciplines: await count('disciplines') };
    const rating2024 = await as('canbo.noivu').request({ method: 'POST', url: '/api/records/ratings', headers: { 'accept-language': 'vi' },
      payload: { personId: leaver, year: 2024, rating: 'excellent' } });
    expect(rating2024.statusCode).toBe(403);
    expect(rating2024.json().error.message).toContain('ngoài phạm vi');
    const discipline = await as('canbo.noivu').request({ method: 'POST', url: '/api/records/disciplines',
      payload: { personId: leaver, form: 'reprimand', startsOn: '2024-03-01' } });
    expect(discipline.statusCode).toBe(403);
    const edit = await as('canbo.noivu').request({ method: 'PATCH', url: `/api/people/${leaver}`, payload: { birthYear: 1979 } });
    expect(edit.statusCode).toBe(403);
    expect({ ratings: await count('annual_ratings'), disciplines: await count('disciplines') }).toEqual(before);
    expect((await handle.db.selectFrom('people').select('birth_year').where('id', '=', leaver).executeTakeFirstOrThrow()).birth_year).toBe(1980);
    // the old unit still reads them: their history there is its history
    expect((await as('canbo.noivu').request({ method: 'GET', url: `/api/people/${leaver}` })).statusCode).toBe(200);

    // the employer in force writes all of it
    expect((await as('canbo.taichinh').request({ method: 'POST', url: '/api/records/ratings', payload: { personId: leaver, year: 2024, rating: 'excellent' } })).statusCode).toBe(201);
    expect((await as('canbo.taichinh').request({ method: 'PATCH', url: `/api/people/${leaver}`, payload: { birthYear: 1979 } })).statusCode).toBe(200);
    // the officer of a person still in the unit is unaffected
    expect((await as('canbo.noivu').request({ method: 'POST', url: '/api/records/ratings', payload: { personId: stayer, year: 2024, rating: 'good' } })).statusCode).toBe(201);
  });

  it('a rating for a year the person worked in the old unit is still that unit\'s to record', async () => {
    const rating2018 = await as('canbo.noivu').request({ method: 'POST', url: '/api/records/ratings', payload: { personId: leaver, year: 2018, rating: 'good' } });
    expect(rating2018.statusCode).toBe(201);
    // 2019: the person worked in both units that year, so both may
    expect((await as('canbo.noivu').request({ method: 'POST', url: '/api/records/ratings', payload: { personId: leaver, year: 2019, rating: 'good' } })).statusCode).toBe(201);
    expect((await as('canbo.noivu').request({ method: 'POST', url: '/api/records/ratings', payload: { personId: leaver, year: 2020, rating: 'good' } })).statusCode).toBe(403);
  });

  it('a grant at a district abolished on 30/6/2025 still reads but no longer writes', async () => {
    const officer = as('canbo.huyencu');
    expect((await officer.request({ method: 'GET', url: `/api/people/${villager}` })).statusCode).toBe(200);
    const before = { ratings: await count('annual_ratings'), people: await count('people') };
    expect((await officer.request({ method: 'POST', url: '/api/records/ratings', payload: { personId: villager, year: 2024, rating: 'good' } })).statusCode).toBe(403);
    expect((await officer.request({ method: 'POST', url: '/api/records/ratings', payload: { organisationId: district.id, year: 2024, rating: 'good' } })).statusCode).toBe(403);
    expect((await officer.request({ method: 'POST', url: '/api/people', payload: {
      fullName: 'Người Mới', gender: 'female', employment: { organisationId: district.id, position: 'Chuyên viên', startDate: '2020-01-01' } } })).statusCode).toBe(403);
    expect({ ratings: await count('annual_ratings'), people: await count('people') }).toEqual(before);
  });
});

describe('every foreign id in a body is checked against the writer\'s scope', () => {
  const unknown = () => uuidv7();

  it('an award\'s movement: another unit\'s draft or an unknown one is 404, changes nothing; one the officer reads is kept', async () => {
    const award = (movementId: string) => as('canbo.noivu').request({ method: 'POST', url: '/api/records/awards', headers: { 'accept-language': 'vi' },
      payload: { personId: stayer, year: 2025, awardForm: 'giay_khen', decisionNumber: `${Math.random()}/QĐ-UBND`.slice(2, 14), movementId } });
    const before = await count('awards');
    for (const id of [westMovement, unknown()]) {
      const refused = await award(id);
      expect(refused.statusCode, id).toBe(404);
      expect(refused.json().error.message).toContain('Không tìm thấy');
    }
    expect(await count('awards')).toBe(before);
    expect((await award(eastMovement)).statusCode).toBe(201);
  });

  it('a new account\'s person: one from another unit or unknown is 404, and no account is made', async () => {
    const before = await count('users');
    for (const personId of [unknown()]) {
      const refused = await as('quantri.noivu').request({ method: 'POST', url: '/api/users', payload: {
        username: `moi.${personId.slice(-6)}`, displayName: 'Tài khoản mới', password: 'Hoa-sen-no-giua-dong-2026', role: 'unit_officer', organisationId: east.id, personId } });
      expect(refused.statusCode).toBe(404);
    }
    const foreignPerson = (await buildPerson(handle.db, tenantId, 'Người Sở Khác', [{ organisation: west }])).id;
    const outside = await as('quantri.noivu').request({ method: 'POST', url: '/api/users', payload: {
      username: 'nguoi.so.khac', displayName: 'Người Sở Khác', password: 'Hoa-sen-no-giua-dong-2026', role: 'unit_officer', organisationId: east.id, personId: foreignPerson } });
    expect(outside.statusCode).toBe(404);
    expect(await count('users')).toBe(before);
  });

  it('a plan\'s task owner, quota units and legal basis: another tenant\'s, unreadable or unknown ids are 404 and no plan is written', async () => {
    const plan = (extra: Record<string, unknown>) => ({ organisationId: east.id, kind: 'campaign', name: 'Đợt thi đua kiểm tra', periodStart: '2026-01-01',
      periodEnd: '2026-06-30', plan: extra });
    const before = await count('movements');
    const cases = [
      { tasks: [{ id: unknown(), ownerOrganisationId: unknown(), ownerName: 'Không có', text: 'Việc' }] },
      { legalBases: [{ id: unknown(), text: 'Căn cứ', movementId: westMovement }] },
      { legalBases: [{ id: unknown(), text: 'Căn cứ', movementId: unknown() }] },
      { awards: [{ id: unknown(), awardForm: 'giay_khen', recipients: ['individual'], quotas: [{ id: unknown(), appliesTo: { organisationIds: [unknown()] }, total: 1 }] }] },
    ];
    for (const extra of cases) {
      const refused = await as('canbo.noivu').request({ method: 'POST', url: '/api/movements', payload: plan(extra) });
      expect(refused.statusCode, `${JSON.stringify(extra)} → ${refused.body}`).toBe(404);
    }
    expect(await count('movements')).toBe(before);
    const ok = await as('canbo.noivu').request({ method: 'POST', url: '/api/movements', payload: plan({
      tasks: [{ id: unknown(), ownerOrganisationId: province.id, ownerName: 'Ủy ban nhân dân tỉnh', text: 'Chỉ đạo' }],
      legalBases: [{ id: unknown(), text: 'Căn cứ', movementId: eastMovement }] }) });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('the other body ids (organisation, employment, grant, example, cascade, reminder, registration, nomination, council, consultation, decision, history match) answer unknown or unreachable ids with 4xx, never 500, and write nothing', async () => {
    const before = { organisations: await count('organisations'), people: await count('people'), grants: await count('role_grants'), examples: await count('examples') };
    const admin = as('quantri.noivu');
    const calls = [
      { method: 'POST' as const, url: '/api/organisations', payload: { parentId: east.id, name: 'Phòng mới', kind: 'sub_unit', level: 'province', validFrom: '2020-01-01', successorId: unknown() } },
      { method: 'POST' as const, url: '/api/organisations', payload: { parentId: east.id, name: 'Phòng mới', kind: 'sub_unit', level: 'province', validFrom: '2020-01-01', standingAgencyId: unknown() } },
      { method: 'POST' as const, url: '/api/organisations', payload: { parentId: unknown(), name: 'Phòng mới', kind: 'sub_unit', level: 'province', validFrom: '2020-01-01' } },
      { method: 'POST' as const, url: '/api/people', payload: { fullName: 'Người Mới', gender: 'female', employment: { organisationId: unknown(), position: 'Chuyên viên', startDate: '2020-01-01' } } },
      { method: 'POST' as const, url: `/api/people/${stayer}/employments`, payload: { organisationId: unknown(), position: 'Chuyên viên', startDate: '1990-01-01', endDate: '1990-12-31' } },
      { method: 'POST' as const, url: `/api/people/${stayer}/employments`, payload: { organisationId: west.id, position: 'Chuyên viên', startDate: '1990-01-01', endDate: '1990-12-31' } },
      { method: 'POST' as const, url: '/api/examples', payload: { kind: 'good_deed', organisationId: east.id, subject: { kind: 'citizen', name: 'Lò Văn Pấng' },
        title: 'Việc tốt', story: 'Nhặt được ví và trả lại cho người đánh rơi.', movementId: westMovement } },
      { method: 'POST' as const, url: '/api/examples', payload: { kind: 'good_deed', organisationId: east.id, subject: { kind: 'person', personId: unknown() },
        title: 'Việc tốt', story: 'Nhặt được ví và trả lại cho người đánh rơi.' } },
    ];
    const issued = eastMovement;
    calls.push(
      { method: 'POST' as const, url: `/api/movements/${issued}/cascade`, payload: { organisationId: unknown() } } as never,
      { method: 'POST' as const, url: `/api/movements/${issued}/reminders`, payload: { organisationId: unknown(), message: 'Đề nghị khẩn trương hưởng ứng.' } } as never,
      { method: 'POST' as const, url: `/api/movements/${issued}/registrations`, payload: { organisationId: unknown(), titles: [{ awardForm: 'giay_khen', individuals: 1 }], commitments: '' } } as never,
      { method: 'POST' as const, url: '/api/nominations/batches', payload: { organisationId: east.id, receivingOrganisationId: unknown(), kind: 'merit', awardForm: 'giay_khen' } } as never,
      { method: 'POST' as const, url: '/api/nominations/batches', payload: { organisationId: unknown(), kind: 'merit', awardForm: 'giay_khen' } } as never,
      { method: 'POST' as const, url: '/api/nominations/batches', payload: { organisationId: east.id, movementId: westMovement, awardItemId: unknown(), kind: 'merit', awardForm: 'giay_khen' } } as never,
      { method: 'POST' as const, url: '/api/council/meetings', payload: { organisationId: unknown(), date: '2026-11-25' } } as never,
      { method: 'POST' as const, url: '/api/consultations', payload: { batchIds: [unknown()], title: 'Lấy ý kiến nhân dân', channel: 'Cổng thông tin điện tử tỉnh', startsOn: '2026-12-01' } } as never,
      { method: 'POST' as const, url: '/api/decisions', payload: { candidateIds: [unknown()], number: 7, symbol: 'QĐ-SNV', signedOn: '2026-08-05', reason: 'Đã có thành tích xuất sắc',
        signer: { authority: null, title: 'Giám đốc Sở', name: 'Nguyễn Văn A' }, budgetSource: 'ngân sách' } } as never,
      { method: 'POST' as const, url: '/api/archive/history/match', payload: { awardId: unknown(), personId: stayer } } as never,
    );
    for (const call of calls) {
      const response = await admin.request(call);
      expect([403, 404, 422], `${call.url} ${JSON.stringify(call.payload)} → ${response.body}`).toContain(response.statusCode);
    }
    const grantee = (await admin.request({ method: 'GET', url: '/api/users?q=canbo.noivu' })).json().items[0];
    for (const organisationId of [unknown(), west.id]) {
      expect((await admin.request({ method: 'POST', url: `/api/users/${grantee.id}/grants`, payload: { role: 'unit_head', organisationId } })).statusCode).toBeGreaterThanOrEqual(403);
    }
    expect({ organisations: await count('organisations'), people: await count('people'), grants: await count('role_grants'), examples: await count('examples') }).toEqual(before);
  });
});
