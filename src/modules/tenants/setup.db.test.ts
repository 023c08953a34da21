import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { openTestDatabase } from '../../testing/database.ts';
import { signIn, startTestApp } from '../../testing/app.ts';
import { rootOrganisationFor, tenantCode } from './model.ts';
import { SetupRefused, setUpTenant } from './service.ts';

let handle: DatabaseHandle;
let app: FastifyInstance;
const NOW = new Date('2026-12-07T02:00:00Z');

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('setting up a new organisation from an empty database', () => {
  it('names the root unit as documents do, and derives a code from the name', () => {
    expect(rootOrganisationFor('province', 'Tỉnh Sơn La')).toEqual({ name: 'Ủy ban nhân dân tỉnh Sơn La', code: 'UBND', kind: 'peoples_committee', level: 'province' });
    expect(rootOrganisationFor('commune', 'Xã Mường Bú')).toEqual({ name: 'Ủy ban nhân dân xã Mường Bú', code: 'UBND', kind: 'peoples_committee', level: 'commune' });
    expect(rootOrganisationFor('ministry', 'Bộ Tư pháp')).toEqual({ name: 'Bộ Tư pháp', code: 'BO', kind: 'ministry', level: 'central' });
    expect(tenantCode('Tỉnh Đắk Lắk')).toBe('tinh-dak-lak');
  });

  it('creates the tenant, its root unit and its administrator, who sets a password with the one-time link and signs in', async () => {
    const result = await setUpTenant(handle.db, {
      tenantName: 'Tỉnh Sơn La', kind: 'province', adminUsername: 'QuanTri.SonLa', adminEmail: 'quantri@sonla.gov.vn',
    }, NOW);
    expect(result).toMatchObject({ code: 'tinh-son-la', rootName: 'Ủy ban nhân dân tỉnh Sơn La', rootCode: 'UBND', username: 'quantri.sonla' });
    // the import files name the root by its code: the parent of the top units, where the province's own staff sit
    const root = await handle.db.selectFrom('organisations').select('code').where('id', '=', result.rootOrganisationId).executeTakeFirstOrThrow();
    expect(root.code).toBe('UBND');
    expect(result.setupToken).toMatch(/^[\w-]{40,}$/);
    // the random password is unknown to anyone: the link is the only way in
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quantri.sonla', password: 'x'.repeat(12) } })).statusCode).toBe(401);
    const set = await app.inject({ method: 'POST', url: '/api/auth/password/reset', payload: { token: result.setupToken, password: 'Hoa-ban-no-trang-doi-2026' } });
    expect(set.statusCode, set.body).toBe(204);
    const admin = await signIn(app, 'quantri.sonla', 'Hoa-ban-no-trang-doi-2026');
    const me = (await admin.request({ method: 'GET', url: '/api/auth/me' })).json();
    expect(me.grants).toEqual([expect.objectContaining({ role: 'system_admin', organisationName: 'Ủy ban nhân dân tỉnh Sơn La' })]);
    const tree = await admin.request({ method: 'GET', url: '/api/organisations/tree' });
    expect(tree.statusCode).toBe(200);
    expect(JSON.stringify(tree.json())).toContain('Ủy ban nhân dân tỉnh Sơn La');
    const audit = await handle.db.selectFrom('audit_log').select(['action', 'changes']).where('tenant_id', '=', result.tenantId).where('action', '=', 'tenant.setup').execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a second setup of the same organisation and says why, changing nothing', async () => {
    const before = await handle.db.selectFrom('users').select('id').execute();
    await expect(setUpTenant(handle.db, { tenantName: 'Tỉnh Sơn La', kind: 'province', adminUsername: 'quantri2', adminEmail: 'a@sonla.gov.vn' }, NOW))
      .rejects.toThrow(/Đơn vị "Tỉnh Sơn La" \(mã tinh-son-la\) đã được cài đặt ngày 07\/12\/2026: không cài lại/);
    await expect(setUpTenant(handle.db, { tenantName: 'Bộ Tư pháp', kind: 'ministry', adminUsername: 'quantri.sonla', adminEmail: 'a@moj.gov.vn' }, NOW))
      .rejects.toThrow(/Tên đăng nhập "quantri.sonla" đã có người dùng/);
    expect(await handle.db.selectFrom('users').select('id').execute()).toHaveLength(before.length);
    expect(await handle.db.selectFrom('tenants').select('id').where('code', '=', 'bo-tu-phap').execute()).toHaveLength(0);
  });

  it('several organisations share one database: a ministry next to the province, each administrator in their own tree', async () => {
    const ministry = await setUpTenant(handle.db, {
      tenantName: 'Bộ Tư pháp', kind: 'ministry', adminUsername: 'quantri.btp', adminEmail: 'quantri@moj.gov.vn', password: 'Canh-dieu-bay-tren-nui-2026',
    }, NOW);
    expect(ministry.setupToken).toBeNull();
    const admin = await signIn(app, 'quantri.btp', 'Canh-dieu-bay-tren-nui-2026');
    const tree = JSON.stringify((await admin.request({ method: 'GET', url: '/api/organisations/tree' })).json());
    expect(tree).toContain('Bộ Tư pháp');
    expect(tree).not.toContain('Sơn La');
  });

  it('refuses bad input with the reason', async () => {
    const refused = (input: Parameters<typeof setUpTenant>[1]) => setUpTenant(handle.db, input, NOW).then(() => 'created', (e: unknown) => {
      expect(e).toBeInstanceOf(SetupRefused);
      return (e as Error).message;
    });
    expect(await refused({ tenantName: 'Xã A', kind: 'commune', adminUsername: 'qt', adminEmail: 'qt@xa.gov.vn' })).toContain('Tên đăng nhập chỉ gồm');
    expect(await refused({ tenantName: 'Xã Mường Bú', kind: 'county' as never, adminUsername: 'qt.muongbu', adminEmail: 'qt@xa.gov.vn' })).toContain('Loại đơn vị phải là');
    expect(await refused({ tenantName: 'Xã Mường Bú', kind: 'commune', adminUsername: 'qt.muongbu', adminEmail: 'khong-phai-thu' })).toContain('Địa chỉ thư điện tử không hợp lệ');
    expect(await refused({ tenantName: 'Xã Mường Bú', kind: 'commune', adminUsername: 'qt.muongbu', adminEmail: 'qt@xa.gov.vn', password: 'ngan' })).toContain('ít nhất 10 ký tự');
  });
});
