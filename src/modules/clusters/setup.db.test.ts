import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { buildCouncil } from '../council/fixtures.testing.ts';

/**
 * The province's standing agency keeps its clusters and blocks by hand (issue 14.2): a cluster of
 * departments with its head, deputy and the council member who follows it; a unit is in one cluster (one
 * block) a year; a district's officer cannot see or touch the province's clusters; a follower must sit on
 * a council that year; a stale edit is 409; a dissolved cluster takes no more changes.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let province: BuiltOrganisation;
let district: BuiltOrganisation;
const depts: BuiltOrganisation[] = [];
let councillor: { id: string };
let notCouncillor: { id: string };
let foreigner: { id: string };
let foreignUnit: BuiltOrganisation;
let officer: Session;
let districtOfficer: Session;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  tenantId = (await buildTenant(handle.db)).id;
  province = await buildOrganisation(handle.db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  for (let i = 1; i <= 4; i++) depts.push(await buildOrganisation(handle.db, tenantId, province, { name: `Sở số ${i}` }));
  district = await buildOrganisation(handle.db, tenantId, province, { name: 'Ủy ban nhân dân huyện Một', kind: 'peoples_committee', level: 'district' });
  councillor = await buildPerson(handle.db, tenantId, 'Nguyễn Văn Theo Dõi', [{ organisation: depts[0]! }]);
  notCouncillor = await buildPerson(handle.db, tenantId, 'Trần Thị Không', [{ organisation: depts[1]! }]);
  await buildCouncil(handle.db, province, [{ personId: councillor.id, role: 'standing_member' }]);
  const other = (await buildTenant(handle.db)).id;
  foreignUnit = await buildOrganisation(handle.db, other, null);
  foreigner = await buildPerson(handle.db, other, 'Lê Văn Ngoài', [{ organisation: foreignUnit }]);
  await buildUser(handle.db, tenantId, 'standing_officer', province, { username: 'thuongtruc.tinh' });
  await buildUser(handle.db, tenantId, 'standing_officer', district, { username: 'thuongtruc.huyen1' });
  officer = await signIn(app, 'thuongtruc.tinh');
  districtOfficer = await signIn(app, 'thuongtruc.huyen1');
});
afterAll(async () => { await app.close(); await handle.close(); });

const body = (extra: Record<string, unknown> = {}) => ({
  code: 'CUM-KT', name: 'Cụm thi đua các sở kinh tế', kind: 'cluster', organiserId: province.id, year: 2026, followerId: councillor.id,
  members: [{ organisationId: depts[0]!.id, role: 'head' }, { organisationId: depts[1]!.id, role: 'deputy' }, { organisationId: depts[2]!.id, role: 'member' }],
  ...extra,
});

describe('a cluster kept by hand', () => {
  let id: string;

  it('is created with a year\'s head, deputy, members and follower, with an audit row', async () => {
    const response = await officer.request({ method: 'POST', url: '/api/clusters/setup', payload: body() });
    expect(response.statusCode, response.body).toBe(201);
    const cluster = response.json();
    id = cluster.id;
    expect(cluster).toMatchObject({ code: 'CUM-KT', kind: 'cluster', year: 2026, version: 1, follower: { personId: councillor.id } });
    expect(cluster.members.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([['Sở số 1', 'head'], ['Sở số 2', 'deputy'], ['Sở số 3', 'member']]);
    const audit = await handle.db.selectFrom('audit_log').select('action').where('tenant_id', '=', tenantId).where('entity_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(['cluster.cluster_create']);
    // and the score sheets' list sees it (the organiser's officer)
    const sheets = await officer.request({ method: 'GET', url: '/api/clusters?year=2026' });
    expect(sheets.json().items.map((c: { name: string }) => c.name)).toContain('Cụm thi đua các sở kinh tế');
  });

  it('is neither seen nor changed by a district\'s officer', async () => {
    expect((await districtOfficer.request({ method: 'GET', url: `/api/clusters/setup/${id}?year=2026` })).statusCode).toBe(404);
    expect((await districtOfficer.request({ method: 'GET', url: '/api/clusters/setup?year=2026' })).json().items).toEqual([]);
    const put = await districtOfficer.request({ method: 'PUT', url: `/api/clusters/setup/${id}`, payload: { ...body(), organiserId: district.id, version: 1 } });
    expect(put.statusCode).toBe(404);
    const create = await districtOfficer.request({ method: 'POST', url: '/api/clusters/setup', payload: body({ code: 'CUM-H' }) });
    expect(create.statusCode).toBe(404);
  });

  it('refuses a foreign unit or person, a follower not on a council, a unit in two clusters a year, two heads', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ code: 'C1', members: [{ organisationId: foreignUnit.id, role: 'member' }] }, 404, 'Không tìm thấy đơn vị'],
      [{ code: 'C2', members: [{ organisationId: depts[3]!.id, role: 'member' }], followerId: foreigner.id }, 422, 'không phải cán bộ của cơ quan'],
      [{ code: 'C3', members: [{ organisationId: depts[3]!.id, role: 'member' }], followerId: notCouncillor.id }, 422, 'thành viên Hội đồng Thi đua – Khen thưởng đương nhiệm trong năm 2026'],
      [{ code: 'C4', members: [{ organisationId: depts[0]!.id, role: 'member' }] }, 409, 'Sở số 1 đã thuộc cụm "Cụm thi đua các sở kinh tế" năm 2026'],
      [{ code: 'C5', members: [{ organisationId: depts[3]!.id, role: 'head' }, { organisationId: district.id, role: 'head' }] }, 422, 'chỉ có một trưởng cụm'],
      [{ code: 'C6', members: [{ organisationId: depts[3]!.id, role: 'member' }, { organisationId: depts[3]!.id, role: 'head' }] }, 422, 'chỉ được chọn một lần'],
      [{ code: 'C7', kind: 'group' }, 400, ''],
    ];
    for (const [extra, status, text] of cases) {
      const response = await officer.request({ method: 'POST', url: '/api/clusters/setup', payload: body(extra), headers: { 'accept-language': 'vi' } });
      expect(response.statusCode, JSON.stringify(extra)).toBe(status);
      expect(response.json().error.message).toContain(text);
    }
    // the same unit in a block the same year is fine
    const block = await officer.request({ method: 'POST', url: '/api/clusters/setup', payload: body({ code: 'KHOI-VX', name: 'Khối văn xã', kind: 'block', followerId: null,
      members: [{ organisationId: depts[0]!.id, role: 'head' }] }) });
    expect(block.statusCode, block.body).toBe(201);
    expect(await handle.db.selectFrom('clusters').select('code').where('tenant_id', '=', tenantId).orderBy('code').execute())
      .toEqual([{ code: 'CUM-KT' }, { code: 'KHOI-VX' }]);
  });

  it('is edited with the version read; a stale edit answers 409; a dissolved cluster takes no more changes', async () => {
    const edit = body({ version: 1, members: [{ organisationId: depts[2]!.id, role: 'head' }, { organisationId: depts[3]!.id, role: 'member' }] });
    const first = await officer.request({ method: 'PUT', url: `/api/clusters/setup/${id}`, payload: edit });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().members.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([['Sở số 3', 'head'], ['Sở số 4', 'member']]);
    expect(first.json().version).toBe(2);
    const stale = await officer.request({ method: 'PUT', url: `/api/clusters/setup/${id}`, payload: { ...edit, name: 'Khác', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('registry.stale');
    // another year is its own membership
    const next = await officer.request({ method: 'PUT', url: `/api/clusters/setup/${id}`, payload: { ...edit, year: 2025, followerId: null, version: 2 } });
    expect(next.statusCode, next.body).toBe(200);
    expect((await officer.request({ method: 'GET', url: `/api/clusters/setup/${id}?year=2026` })).json().members).toHaveLength(2);

    const close = await officer.request({ method: 'POST', url: `/api/clusters/setup/${id}/close`, payload: { version: 3, closedOn: '2026-12-31' } });
    expect(close.statusCode, close.body).toBe(200);
    expect(close.json()).toMatchObject({ closedOn: '2026-12-31', version: 4 });
    const after = await officer.request({ method: 'PUT', url: `/api/clusters/setup/${id}`, payload: { ...edit, version: 4 } });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe('registry.closed');
  });
});
