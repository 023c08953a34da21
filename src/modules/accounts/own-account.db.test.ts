import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildTenant, buildUser, TEST_PASSWORD } from '../../testing/factories.ts';
import { signIn, startTestApp } from '../../testing/app.ts';

let handle: DatabaseHandle;
let app: FastifyInstance;
let officerId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  const tenantId = (await buildTenant(handle.db)).id;
  const province = await buildOrganisation(handle.db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  officerId = (await buildUser(handle.db, tenantId, 'unit_officer', province, { username: 'canbo.tu.sua' })).id;
  await buildUser(handle.db, tenantId, 'individual', province, { username: 'doi.matkhau' });
});
afterAll(async () => { await app.close(); await handle.close(); });

const vi = { 'accept-language': 'vi' };
const login = (username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('my account: e-mail', () => {
  it('an officer sets their own address and wants each notice; sign-in and /me show both, and the audit log says who', async () => {
    const session = await signIn(app, 'canbo.tu.sua');
    expect((await session.request({ method: 'GET', url: '/api/auth/me' })).json().user).toMatchObject({ email: null, emailNotices: 'each' });
    // a new address takes the current password: password links go there
    const without = await session.request({ method: 'PATCH', url: '/api/auth/me', headers: vi, payload: { email: 'canbo@sonha.gov.vn' } });
    expect(without.statusCode).toBe(400);
    expect(without.json().error.message).toBe('Nhập mật khẩu hiện tại để đổi địa chỉ thư điện tử.');
    const wrong = await session.request({ method: 'PATCH', url: '/api/auth/me', payload: { email: 'ke.gian@example.com', currentPassword: 'doan-bua-mat-khau' } });
    expect(wrong.statusCode).toBe(400);
    expect((await session.request({ method: 'GET', url: '/api/auth/me' })).json().user.email).toBeNull();
    const saved = await session.request({ method: 'PATCH', url: '/api/auth/me', payload: { email: ' CanBo@SonHa.gov.vn ', emailNotices: 'digest', currentPassword: TEST_PASSWORD } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ email: 'canbo@sonha.gov.vn', emailNotices: 'digest' });
    expect((await session.request({ method: 'GET', url: '/api/auth/me' })).json().user).toMatchObject({ email: 'canbo@sonha.gov.vn', emailNotices: 'digest' });
    expect((await login('canbo.tu.sua', TEST_PASSWORD)).json().user).toMatchObject({ email: 'canbo@sonha.gov.vn', emailNotices: 'digest' });
    const audit = await handle.db.selectFrom('audit_log').select(['action', 'actor_user_id', 'changes']).where('entity_id', '=', officerId)
      .where('action', 'in', ['user.update', 'user.email_change_failed']).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['user.email_change_failed', 'user.update']);
    expect(audit.slice(1)).toEqual([expect.objectContaining({ actor_user_id: officerId, changes: { email: [null, 'canbo@sonha.gov.vn'], emailNotices: ['each', 'digest'] } })]);
  });

  it('removes the address with null, and refuses a malformed address in Vietnamese', async () => {
    const session = await signIn(app, 'canbo.tu.sua');
    const bad = await session.request({ method: 'PATCH', url: '/api/auth/me', headers: vi, payload: { email: 'canbo@' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Địa chỉ thư điện tử không hợp lệ');
    expect((await session.request({ method: 'PATCH', url: '/api/auth/me', payload: { emailNotices: 'sometimes' } })).statusCode).toBe(400);
    expect((await session.request({ method: 'PATCH', url: '/api/auth/me', payload: { displayName: 'Tự đổi tên' } })).statusCode).toBe(400);
    const cleared = await session.request({ method: 'PATCH', url: '/api/auth/me', payload: { email: null, emailNotices: 'none' } });
    expect(cleared.json()).toEqual({ email: null, emailNotices: 'none' });
  });

  it('needs a session', async () => {
    expect((await app.inject({ method: 'PATCH', url: '/api/auth/me', payload: { emailNotices: 'none' } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/auth/me/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'Mat-khau-moi-2026' } })).statusCode).toBe(401);
  });
});

describe('my account: password', () => {
  it('refuses a wrong current password, a short one and the same one, in Vietnamese, and changes nothing', async () => {
    const session = await signIn(app, 'doi.matkhau');
    const change = (currentPassword: string, newPassword: string) =>
      session.request({ method: 'POST', url: '/api/auth/me/password', headers: vi, payload: { currentPassword, newPassword } });
    const wrong = await change('khong-phai-mat-khau', 'Mat-khau-moi-2026');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toBe('Mật khẩu hiện tại không đúng.');
    expect((await change(TEST_PASSWORD, 'ngan')).json().error.message).toBe('Mật khẩu quá ngắn: cần ít nhất 10 ký tự.');
    expect((await change(TEST_PASSWORD, TEST_PASSWORD)).json().error.code).toBe('user.same_password');
    expect((await login('doi.matkhau', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('changes it, ends the account\'s other sessions and keeps this one; the old password stops working', async () => {
    const here = await signIn(app, 'doi.matkhau');
    const elsewhere = await signIn(app, 'doi.matkhau');
    const changed = await here.request({ method: 'POST', url: '/api/auth/me/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'Mat-khau-moi-2026' } });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await here.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await elsewhere.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await login('doi.matkhau', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login('doi.matkhau', 'Mat-khau-moi-2026')).statusCode).toBe(200);
    const audit = await handle.db.selectFrom('audit_log').select('action').where('action', 'like', 'user.password_change%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['user.password_change', 'user.password_change_failed']);
  });
});
