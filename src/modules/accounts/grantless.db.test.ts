import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildTenant, buildUser, TEST_PASSWORD } from '../../testing/factories.ts';
import { signIn, startTestApp } from '../../testing/app.ts';

let handle: DatabaseHandle;
let app: FastifyInstance;
let westId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  const tenantId = (await buildTenant(handle.db)).id;
  const province = await buildOrganisation(handle.db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  const east = await buildOrganisation(handle.db, tenantId, province, { name: 'Sở Nội vụ' });
  const west = await buildOrganisation(handle.db, tenantId, province, { name: 'Sở Tài chính' });
  await buildUser(handle.db, tenantId, 'system_admin', east, { username: 'quantri.noivu' });
  westId = west.id;
  await buildUser(handle.db, tenantId, 'system_admin', west, { username: 'quantri.taichinh' });
  await buildUser(handle.db, tenantId, 'unit_officer', east, { username: 'chuyen.cong.tac' });
});
afterAll(async () => { await app.close(); await handle.close(); });

const login = (username: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });

describe('an account whose last grant was revoked', () => {
  it('stays with the unit of its last grant: its administrators can still disable it or give it a role; others still cannot see it', async () => {
    const admin = await signIn(app, 'quantri.noivu');
    const officer = await signIn(app, 'chuyen.cong.tac');
    const found = (await admin.request({ method: 'GET', url: '/api/users?q=chuyen.cong.tac' })).json().items[0];
    const revoked = await admin.request({ method: 'DELETE', url: `/api/users/${found.id}/grants/${found.grants[0].id}` });
    expect(revoked.statusCode).toBe(204);

    // it does not sign in, and its open session ends: access follows an assignment
    expect((await officer.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const refused = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'vi' },
      payload: { username: 'chuyen.cong.tac', password: TEST_PASSWORD } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'account_no_role', message: expect.stringContaining('chưa được giao vai trò') });
    // a wrong password still gets the answer everyone gets
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'chuyen.cong.tac', password: 'sai-mat-khau-roi' } })).json().error.code)
      .toBe('bad_credentials');

    // the unit's administrator still finds it, without roles
    const listed = (await admin.request({ method: 'GET', url: '/api/users?q=chuyen.cong.tac' })).json().items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: found.id, grants: [] });

    // another unit's administrator does not
    const other = await signIn(app, 'quantri.taichinh');
    expect((await other.request({ method: 'GET', url: '/api/users?q=chuyen.cong.tac' })).json().items).toHaveLength(0);
    expect((await other.request({ method: 'PATCH', url: `/api/users/${found.id}`, payload: { disabled: true } })).statusCode).toBe(404);
    expect((await other.request({ method: 'POST', url: `/api/users/${found.id}/grants`,
      payload: { role: 'unit_officer', organisationId: westId } })).statusCode).toBe(404);

    // the unit's administrator gives it a role again: it signs in
    const regranted = await admin.request({ method: 'POST', url: `/api/users/${found.id}/grants`,
      payload: { role: 'individual', organisationId: found.grants[0].organisationId } });
    expect(regranted.statusCode).toBe(201);
    expect((await login('chuyen.cong.tac')).statusCode).toBe(200);

    // or, roles gone again, disables it
    const again = (await admin.request({ method: 'GET', url: '/api/users?q=chuyen.cong.tac' })).json().items[0];
    expect((await admin.request({ method: 'DELETE', url: `/api/users/${found.id}/grants/${again.grants[0].id}` })).statusCode).toBe(204);
    const disabled = await admin.request({ method: 'PATCH', url: `/api/users/${found.id}`, payload: { disabled: true } });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ disabled: true, grants: [] });
    expect((await login('chuyen.cong.tac')).statusCode).toBe(403);
    expect((await login('chuyen.cong.tac')).json().error.code).toBe('account_disabled');
  });
});
