import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import type { FastifyInstance } from 'fastify';
import { countedUnder, currentSuccessor, findTreeDefects, listOrganisations } from './store.ts';

let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let province: BuiltOrganisation, homeAffairs: BuiltOrganisation, district: BuiltOrganisation;
let oldCommune: BuiltOrganisation, newCommune: BuiltOrganisation, districtOffice: BuiltOrganisation;
let admin: Session;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  const db = handle.db;
  tenantId = (await buildTenant(db)).id;
  province = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  homeAffairs = await buildOrganisation(db, tenantId, province, { name: 'Sở Nội vụ' });
  newCommune = await buildOrganisation(db, tenantId, province, { name: 'Ủy ban nhân dân xã An Biên', level: 'commune', validFrom: '2025-07-01' });
  district = await buildOrganisation(db, tenantId, province, {
    name: 'Ủy ban nhân dân huyện An Biên', level: 'district', validTo: '2025-06-30', successorId: newCommune.id });
  districtOffice = await buildOrganisation(db, tenantId, district, { name: 'Phòng Nội vụ huyện An Biên', kind: 'sub_unit', level: 'district', validTo: '2025-06-30' });
  oldCommune = await buildOrganisation(db, tenantId, district, {
    name: 'Ủy ban nhân dân xã Thứ Ba', level: 'commune', validTo: '2025-06-30', successorId: newCommune.id });
  await buildUser(db, tenantId, 'system_admin', province, { username: 'admin.org' });
  admin = await signIn(app, 'admin.org');
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('the organisation tree across the 2025 reorganisation', () => {
  it('on a 2022 date shows the district and its commune, and not the commune created in 2025', async () => {
    const rows = await listOrganisations(handle.db, tenantId, [province.path], { asOf: '2022-06-01' });
    const names = rows.map((r) => r.name);
    expect(names).toContain('Ủy ban nhân dân huyện An Biên');
    expect(names).toContain('Ủy ban nhân dân xã Thứ Ba');
    expect(names).not.toContain('Ủy ban nhân dân xã An Biên');
  });

  it('on a 2026 date shows the merged commune and no longer the abolished district', async () => {
    const names = (await listOrganisations(handle.db, tenantId, [province.path], { asOf: '2026-01-01' })).map((r) => r.name);
    expect(names).toContain('Ủy ban nhân dân xã An Biên');
    expect(names).not.toContain('Ủy ban nhân dân huyện An Biên');
  });

  it('the last day of validity still counts, the day after does not', async () => {
    const on = (d: string) => listOrganisations(handle.db, tenantId, [district.path], { asOf: d }).then((r) => r.length);
    expect(await on('2025-06-30')).toBe(3);
    expect(await on('2025-07-01')).toBe(0);
  });

  it('a district abolished in 2025 still counts in 2022 figures, under its successor\'s subtree', async () => {
    const counted = await countedUnder(handle.db, tenantId, newCommune.path, '2022-12-31');
    expect(counted.map((o) => o.name).sort()).toEqual(
      ['Phòng Nội vụ huyện An Biên', 'Ủy ban nhân dân huyện An Biên', 'Ủy ban nhân dân xã Thứ Ba'].sort());
    const countedNow = await countedUnder(handle.db, tenantId, newCommune.path, '2026-01-01');
    expect(countedNow.map((o) => o.name)).toEqual(['Ủy ban nhân dân xã An Biên']);
  });

  it('follows successor links to the organisation that exists today', async () => {
    expect((await currentSuccessor(handle.db, tenantId, oldCommune.id))?.id).toBe(newCommune.id);
    expect(await currentSuccessor(handle.db, tenantId, homeAffairs.id)).toBeNull();
  });

  it('the detail shows predecessors and the current successor', async () => {
    const detail = (await admin.request({ method: 'GET', url: `/api/organisations/${newCommune.id}` })).json();
    expect(detail.predecessors.map((p: { name: string }) => p.name).sort()).toEqual(['Ủy ban nhân dân huyện An Biên', 'Ủy ban nhân dân xã Thứ Ba']);
    const old = (await admin.request({ method: 'GET', url: `/api/organisations/${districtOffice.id}` })).json();
    expect(old.parent.name).toBe('Ủy ban nhân dân huyện An Biên');
  });
});

describe('changing the tree', () => {
  it('refuses a parent that would make a cycle, in the user\'s language, and changes nothing', async () => {
    const response = await admin.request({ method: 'PATCH', url: `/api/organisations/${district.id}`, payload: { parentId: oldCommune.id } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('organisation.cycle');
    expect(response.json().error.message).toMatch(/đơn vị cấp trên/);
    const english = await admin.request({ method: 'PATCH', url: `/api/organisations/${district.id}`, payload: { parentId: district.id },
      headers: { 'accept-language': 'en' } });
    expect(english.json().error.message).toMatch(/cannot be placed under itself/);
    const after = (await admin.request({ method: 'GET', url: `/api/organisations/${district.id}` })).json();
    expect(after.parentId).toBe(province.id);
  });

  it('moves a subtree: every descendant gets the new path in one statement', async () => {
    const unit = await buildOrganisation(handle.db, tenantId, homeAffairs, { name: 'Ban Thi đua – Khen thưởng', kind: 'sub_unit' });
    const team = await buildOrganisation(handle.db, tenantId, unit, { name: 'Tổ Tổng hợp', kind: 'sub_unit' });
    const response = await admin.request({ method: 'PATCH', url: `/api/organisations/${unit.id}`, payload: { parentId: province.id } });
    expect(response.statusCode).toBe(200);
    expect(response.json().path).toBe(`${province.path}${unit.id}/`);
    const moved = (await admin.request({ method: 'GET', url: `/api/organisations/${team.id}` })).json();
    expect(moved.path).toBe(`${province.path}${unit.id}/${team.id}/`);
    expect(moved.depth).toBe(2);
  });

  it('creates a sub-unit, audits it, and rejects malformed bodies and unknown ids', async () => {
    const created = await admin.request({ method: 'POST', url: '/api/organisations', payload: {
      parentId: homeAffairs.id, name: 'Phòng Công chức, viên chức', kind: 'sub_unit', level: 'province', validFrom: '2020-01-01' } });
    expect(created.statusCode).toBe(201);
    const audit = (await admin.request({ method: 'GET', url: '/api/audit?entityType=organisation' })).json();
    expect(audit.items[0]).toMatchObject({ action: 'organisation.create', entityId: created.json().id });

    const malformed = await admin.request({ method: 'POST', url: '/api/organisations', payload: { parentId: 'x', name: '' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('validation');
    expect(malformed.json().error.details.issues.length).toBeGreaterThan(0);

    const unknown = await admin.request({ method: 'GET', url: '/api/organisations/0190a000-0000-7000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('Không tìm thấy đơn vị.');

    const badPeriod = await admin.request({ method: 'POST', url: '/api/organisations', payload: {
      parentId: homeAffairs.id, name: 'Phòng thử', kind: 'sub_unit', level: 'province', validFrom: '2020-01-01', validTo: '2019-01-01' } });
    expect(badPeriod.statusCode).toBe(400);
    const count = (await admin.request({ method: 'GET', url: '/api/organisations/tree?includeEnded=true' })).json().items
      .filter((o: { name: string }) => o.name === 'Phòng thử').length;
    expect(count).toBe(0);
  });
});

describe('the unit code (mã đơn vị) an import file names a unit by', () => {
  const create = (code: unknown, name = 'Phòng Thi đua – Khen thưởng') => admin.request({ method: 'POST', url: '/api/organisations', payload: {
    parentId: homeAffairs.id, name, kind: 'sub_unit', level: 'province', validFrom: '2020-01-01', code } });
  let unitId: string;

  it('is given at creation, trimmed but kept as typed, shown in the detail and the tree, and audited', async () => {
    const response = await create(' SNV.TDKT ');
    expect(response.statusCode).toBe(201);
    expect(response.json().code).toBe('SNV.TDKT');
    unitId = response.json().id;
    expect((await admin.request({ method: 'GET', url: `/api/organisations/${unitId}` })).json().code).toBe('SNV.TDKT');
    const tree = (await admin.request({ method: 'GET', url: '/api/organisations/tree' })).json().items;
    expect(tree.find((o: { id: string }) => o.id === unitId).code).toBe('SNV.TDKT');
    expect(tree.find((o: { id: string }) => o.id === homeAffairs.id).code).toBeNull();
    const audit = await handle.db.selectFrom('audit_log').select('changes').where('entity_id', '=', unitId).executeTakeFirstOrThrow();
    expect(audit.changes).toMatchObject({ created: { code: 'SNV.TDKT' } });
  });

  it('refuses a code already used by another unit, on create and on update, and changes nothing', async () => {
    const taken = await create('SNV.TDKT', 'Phòng trùng mã');
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'organisation.code_taken', message: 'Mã đơn vị "SNV.TDKT" đã được dùng cho đơn vị khác.' });
    const patched = await admin.request({ method: 'PATCH', url: `/api/organisations/${homeAffairs.id}`, payload: { code: 'SNV.TDKT' } });
    expect(patched.statusCode).toBe(409);
    expect((await admin.request({ method: 'GET', url: `/api/organisations/${homeAffairs.id}` })).json().code).toBeNull();
  });

  it('refuses characters other than unaccented letters, digits and . _ -', async () => {
    for (const code of ['SNV TDKT', 'Sở01', 'SNV/1', '', 'x'.repeat(31)]) {
      const response = await create(code, 'Phòng mã sai');
      expect(response.statusCode, code).toBe(400);
      expect(response.json().error.code).toBe('validation');
    }
  });

  it('is changed (saving its own code again is fine), then cleared, each change audited', async () => {
    const changed = await admin.request({ method: 'PATCH', url: `/api/organisations/${unitId}`, payload: { code: 'SNV-TDKT' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().code).toBe('SNV-TDKT');
    const same = await admin.request({ method: 'PATCH', url: `/api/organisations/${unitId}`, payload: { code: 'SNV-TDKT', shortName: 'Phòng TĐKT' } });
    expect(same.statusCode).toBe(200);
    const cleared = await admin.request({ method: 'PATCH', url: `/api/organisations/${unitId}`, payload: { code: null } });
    expect(cleared.json().code).toBeNull();
    const audit = await handle.db.selectFrom('audit_log').select('changes').where('entity_id', '=', unitId)
      .where('action', '=', 'organisation.update').orderBy('id').execute();
    expect(audit.map((a) => a.changes)).toEqual([
      { code: ['SNV.TDKT', 'SNV-TDKT'] }, { shortName: [null, 'Phòng TĐKT'] }, { code: ['SNV-TDKT', null] },
    ]);
    expect((await create('SNV.TDKT', 'Phòng dùng lại mã')).statusCode).toBe(201);
  });
});

describe('moving units at the same time', () => {
  it('two crossing moves (X under Y, Y under X) never make a cycle: one succeeds, the other is refused, the tree stays sound', async () => {
    for (let trial = 0; trial < 5; trial++) {
      const x = await buildOrganisation(handle.db, tenantId, province, { name: `Phòng X ${trial}` });
      const y = await buildOrganisation(handle.db, tenantId, province, { name: `Phòng Y ${trial}` });
      const [a, b] = await Promise.all([
        admin.request({ method: 'PATCH', url: `/api/organisations/${x.id}`, payload: { parentId: y.id } }),
        admin.request({ method: 'PATCH', url: `/api/organisations/${y.id}`, payload: { parentId: x.id } }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 400]);
      const refused = a.statusCode === 400 ? a : b;
      expect(refused.json().error.code).toBe('organisation.cycle');
      expect(await findTreeDefects(handle.db, tenantId)).toEqual([]);
    }
    const stats = await admin.request({ method: 'GET', url: '/api/organisations/tree' });
    expect(stats.statusCode).toBe(200);
  });

  it('the tree check finds a cycle and a path left behind, written past the application', async () => {
    const x = await buildOrganisation(handle.db, tenantId, province, { name: 'Phòng vòng X' });
    const y = await buildOrganisation(handle.db, tenantId, x, { name: 'Phòng vòng Y' });
    // what two unguarded moves left behind before the lock: X's parent is Y while Y sits under X
    await handle.db.updateTable('organisations').set({ parent_id: y.id, path: `${y.path}${x.id}/` })
      .where('tenant_id', '=', tenantId).where('id', '=', x.id).execute();
    const defects = await findTreeDefects(handle.db, tenantId);
    // X's own path matches its new parent; Y's no longer matches X's: the cycle shows as Y's broken path
    expect(defects.map((d) => d.name)).toEqual(['Phòng vòng Y']);
    await handle.db.updateTable('organisations').set({ parent_id: province.id, path: x.path })
      .where('tenant_id', '=', tenantId).where('id', '=', x.id).execute();
    expect(await findTreeDefects(handle.db, tenantId)).toEqual([]);
  });
});

describe('editing a unit from an older version', () => {
  it('is refused with 409 edit.stale and changes nothing; each save moves the version on', async () => {
    const unit = await buildOrganisation(handle.db, tenantId, province, { name: 'Phòng Văn hóa – Xã hội' });
    const shown = (await admin.request({ method: 'GET', url: `/api/organisations/${unit.id}` })).json();
    const first = await admin.request({ method: 'PATCH', url: `/api/organisations/${unit.id}`, payload: { shortName: 'Phòng VH-XH', version: shown.version } });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(shown.version + 1);
    const stale = await admin.request({ method: 'PATCH', url: `/api/organisations/${unit.id}`, payload: { shortName: 'VHXH', version: shown.version } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('edit.stale');
    expect((await admin.request({ method: 'GET', url: `/api/organisations/${unit.id}` })).json().shortName).toBe('Phòng VH-XH');
  });
});
