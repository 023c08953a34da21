import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { buildAcceptedCandidate } from './fixtures.testing.ts';

/**
 * A commune's standing officer keeps the commune's TĐKT council by hand (issue 14.2): creates it with
 * its chairman, members and secretary, changes posts and terms, closes it; an officer of another
 * commune cannot see or touch it, a person of another unit or tenant is refused, and a stale edit is 409.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let province: BuiltOrganisation;
let communeA: BuiltOrganisation;
let communeB: BuiltOrganisation;
const people: { id: string; fullName: string }[] = [];
let outsider: { id: string };
let foreigner: { id: string };
let officerA: Session;
let officerB: Session;
let unitOfficerA: Session;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  tenantId = (await buildTenant(handle.db)).id;
  province = await buildOrganisation(handle.db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  communeA = await buildOrganisation(handle.db, tenantId, province, { name: 'Ủy ban nhân dân xã Hòa An', kind: 'peoples_committee', level: 'commune' });
  communeB = await buildOrganisation(handle.db, tenantId, province, { name: 'Ủy ban nhân dân xã Hòa Bình', kind: 'peoples_committee', level: 'commune' });
  for (const name of ['Lê Văn Chủ', 'Phạm Thị Phó', 'Hoàng Văn Ủy', 'Vũ Thị Ký']) people.push(await buildPerson(handle.db, tenantId, name, [{ organisation: communeA }]));
  outsider = await buildPerson(handle.db, tenantId, 'Đỗ Văn Bình', [{ organisation: communeB }]);
  const other = (await buildTenant(handle.db)).id;
  foreigner = await buildPerson(handle.db, other, 'Trần Văn Ngoài', [{ organisation: await buildOrganisation(handle.db, other, null) }]);
  await buildUser(handle.db, tenantId, 'standing_officer', communeA, { username: 'thuongtruc.hoaan' });
  await buildUser(handle.db, tenantId, 'standing_officer', communeB, { username: 'thuongtruc.hoabinh' });
  await buildUser(handle.db, tenantId, 'unit_officer', communeA, { username: 'canbo.hoaan' });
  officerA = await signIn(app, 'thuongtruc.hoaan');
  officerB = await signIn(app, 'thuongtruc.hoabinh');
  unitOfficerA = await signIn(app, 'canbo.hoaan');
});
afterAll(async () => { await app.close(); await handle.close(); });

const body = (extra: Record<string, unknown> = {}) => ({
  code: 'HD-HOAAN', name: 'Hội đồng Thi đua – Khen thưởng xã Hòa An', organisationId: communeA.id, level: 'commune',
  validFrom: '2025-07-01', validTo: null, establishedBy: '15/QĐ-UBND ngày 01/7/2025',
  members: [
    { personId: people[0]!.id, role: 'chair', title: 'Chủ tịch UBND xã' },
    { personId: people[1]!.id, role: 'vice_chair', title: 'Phó Chủ tịch UBND xã' },
    { personId: people[2]!.id, role: 'member' },
    { personId: people[3]!.id, role: 'secretary', termFrom: '2025-07-01', termTo: '2026-12-31' },
  ],
  ...extra,
});
const auditCount = async (action: string) => (await handle.db.selectFrom('audit_log').select('id').where('tenant_id', '=', tenantId)
  .where('action', '=', action).execute()).length;

describe('a council kept by hand', () => {
  let id: string;

  it('is created with its members, posts and terms, with an audit row', async () => {
    const response = await officerA.request({ method: 'POST', url: '/api/council/councils', payload: body() });
    expect(response.statusCode, response.body).toBe(201);
    const council = response.json();
    id = council.id;
    expect(council).toMatchObject({ code: 'HD-HOAAN', level: 'commune', version: 1, organisation: { id: communeA.id } });
    expect(council.members.map((m: { fullName: string; role: string }) => [m.fullName, m.role])).toEqual([
      ['Lê Văn Chủ', 'chair'], ['Phạm Thị Phó', 'vice_chair'], ['Hoàng Văn Ủy', 'member'], ['Vũ Thị Ký', 'secretary'],
    ]);
    expect(await auditCount('council.council_create')).toBe(1);
    const list = await officerA.request({ method: 'GET', url: '/api/council/councils' });
    expect(list.json().items).toEqual([expect.objectContaining({ id, memberCount: 4 })]);
  });

  it('is neither seen nor changed by an officer of another commune, nor by a unit officer', async () => {
    expect((await officerB.request({ method: 'GET', url: `/api/council/councils/${id}` })).statusCode).toBe(404);
    expect((await officerB.request({ method: 'GET', url: '/api/council/councils' })).json().items).toEqual([]);
    const put = await officerB.request({ method: 'PUT', url: `/api/council/councils/${id}`, payload: { ...body(), organisationId: communeB.id, version: 1 } });
    expect(put.statusCode).toBe(404);
    const close = await officerB.request({ method: 'POST', url: `/api/council/councils/${id}/close`, payload: { version: 1, validTo: '2026-01-01' } });
    expect(close.statusCode).toBe(404);
    const create = await officerB.request({ method: 'POST', url: '/api/council/councils', payload: body({ code: 'HD-X' }) });
    expect(create.statusCode).toBe(404);
    const unit = await unitOfficerA.request({ method: 'POST', url: '/api/council/councils', payload: body({ code: 'HD-Y' }) });
    expect(unit.statusCode).toBe(404);
    expect((await unitOfficerA.request({ method: 'GET', url: `/api/council/councils/${id}` })).statusCode).toBe(404);
  });

  it('refuses a person of another commune or another tenant, two chairmen, a person twice, a term that ends before it starts, a taken code, a second council in office', async () => {
    const members = body().members;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ code: 'HD-1', members: [...members, { personId: outsider.id, role: 'member' }] }, 422, 'không phải cán bộ của cơ quan trong phạm vi'],
      [{ code: 'HD-2', members: [...members, { personId: foreigner.id, role: 'member' }] }, 422, 'không phải cán bộ của cơ quan'],
      [{ code: 'HD-3', members: [...members, { personId: people[2]!.id, role: 'chair' }] }, 422, 'Một người chỉ giữ một chức danh'],
      [{ code: 'HD-4', members: members.map((m, i) => (i === 2 ? { ...m, role: 'chair' } : m)) }, 422, 'chỉ có một Chủ tịch'],
      [{ code: 'HD-5', validFrom: '2025-07-01', validTo: '2025-01-01' }, 422, 'không được trước ngày bắt đầu'],
      [{ code: 'HD-6', members: [{ personId: people[0]!.id, role: 'chair', termFrom: '2026-01-01', termTo: '2025-01-01' }] }, 422, 'không được trước ngày bắt đầu'],
      [{ code: 'HD-HOAAN' }, 409, 'Mã "HD-HOAAN" đã được dùng'],
      [{ code: 'HD-9', validFrom: '2026-01-01' }, 409, 'trùng với Hội đồng "Hội đồng Thi đua – Khen thưởng xã Hòa An" của cùng đơn vị (từ 01/07/2025 đến …)'],
      [{ code: 'có dấu' }, 400, ''],
      [{ code: 'HD-7', members: [{ personId: people[0]!.id, role: 'president' }] }, 400, ''],
    ];
    const before = await handle.db.selectFrom('councils').select('id').where('tenant_id', '=', tenantId).execute();
    for (const [extra, status, text] of cases) {
      const response = await officerA.request({ method: 'POST', url: '/api/council/councils', payload: body(extra), headers: { 'accept-language': 'vi' } });
      expect(response.statusCode, JSON.stringify(extra)).toBe(status);
      expect(response.json().error.message).toContain(text);
    }
    const english = await officerA.request({ method: 'POST', url: '/api/council/councils', payload: body({ code: 'HD-8', validTo: '2020-01-01' }), headers: { 'accept-language': 'en' } });
    expect(english.json().error.message).toBe('The end of the term must not be before its start.');
    expect(await handle.db.selectFrom('councils').select('id').where('tenant_id', '=', tenantId).execute()).toEqual(before);
  });

  it('is edited with the version read; a stale edit answers 409 and changes nothing', async () => {
    const changed = body({ version: 1, members: [...body().members.slice(0, 3), { personId: people[3]!.id, role: 'standing_member' }] });
    const first = await officerA.request({ method: 'PUT', url: `/api/council/councils/${id}`, payload: changed });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(2);
    expect(first.json().members.find((m: { personId: string }) => m.personId === people[3]!.id).role).toBe('standing_member');
    const stale = await officerA.request({ method: 'PUT', url: `/api/council/councils/${id}`, payload: { ...changed, name: 'Tên khác', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('đã được người khác thay đổi');
    const now = (await officerA.request({ method: 'GET', url: `/api/council/councils/${id}` })).json();
    expect(now).toMatchObject({ name: 'Hội đồng Thi đua – Khen thưởng xã Hòa An', version: 2 });
    expect(await auditCount('council.council_update')).toBe(1);
    // the same content again writes nothing and keeps the version
    const same = await officerA.request({ method: 'PUT', url: `/api/council/councils/${id}`, payload: { ...changed, version: 2 } });
    expect(same.json().version).toBe(2);
    expect(await auditCount('council.council_update')).toBe(1);
  });

  it('convenes a meeting with the members in office on its date, and is closed at the end of its term', async () => {
    await buildAcceptedCandidate(handle.db, { unit: communeA, receiving: communeA });
    // the secretary's own term has ended by the meeting's date: she is not frozen into the meeting
    await officerA.request({ method: 'PUT', url: `/api/council/councils/${id}`, payload: body({ version: 2 }) });
    const meeting = await officerA.request({ method: 'POST', url: '/api/council/meetings', payload: { organisationId: communeA.id, date: '2027-01-15' } });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const read = (await officerA.request({ method: 'GET', url: `/api/council/meetings/${meeting.json().id}` })).json();
    expect(read.members.map((m: { name: string }) => m.name)).toEqual(['Lê Văn Chủ', 'Phạm Thị Phó', 'Hoàng Văn Ủy']);

    const close = await officerA.request({ method: 'POST', url: `/api/council/councils/${id}/close`, payload: { version: 3, validTo: '2027-06-30' } });
    expect(close.statusCode, close.body).toBe(200);
    expect(close.json()).toMatchObject({ validTo: '2027-06-30', version: 4 });
    expect(await auditCount('council.council_close')).toBe(1);
    const late = await officerA.request({ method: 'POST', url: '/api/council/meetings', payload: { organisationId: communeA.id, date: '2027-07-15' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('council.no_council');
  });
});
