import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildTenant, buildUser, TEST_PASSWORD, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type TestClock } from '../../testing/app.ts';
import { issuePasswordLink } from '../../platform/auth/password-links.ts';
import { SetupRefused, setUpTenant } from '../tenants/index.ts';

let handle: DatabaseHandle;
let app: FastifyInstance;
let clock: TestClock;
let tenantId: string;
let province: BuiltOrganisation;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app, clock } = await startTestApp(handle));
  tenantId = (await buildTenant(handle.db)).id;
  province = await buildOrganisation(handle.db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  await buildUser(handle.db, tenantId, 'system_admin', province, { username: 'quantri' });
  await buildUser(handle.db, tenantId, 'unit_officer', province, { username: 'tran.binh' });
});
afterAll(async () => { await app.close(); await handle.close(); });

const vi = { 'accept-language': 'vi' };
const hashOf = async (username: string) =>
  (await handle.db.selectFrom('users').select('password_hash').where('username', '=', username).executeTakeFirstOrThrow()).password_hash;

/** aaaaaaaaaa, password12, matkhau123 and the username repeated, with the reason each is refused. */
const WEAK = (username: string) => [
  ['aaaaaaaaaa', 'password.repeated', 'lặp lại'],
  ['password12', 'password.common', 'quá phổ biến'],
  ['matkhau123', 'password.common', 'quá phổ biến'],
  [username + username, 'password.personal', 'chứa tên đăng nhập'],
] as const;

describe('every place a password is set refuses common and guessable ones, in Vietnamese, and changes nothing', () => {
  it('an administrator creating an account', async () => {
    const admin = await signIn(app, 'quantri');
    for (const [password, code, words] of WEAK('le.van.cuong')) {
      const refused = await admin.request({ method: 'POST', url: '/api/users', headers: vi, payload: {
        username: 'le.van.cuong', displayName: 'Lê Văn Cường', password, role: 'unit_officer', organisationId: province.id,
      } });
      expect(refused.statusCode, password).toBe(400);
      expect(refused.json().error.code).toBe(code);
      expect(refused.json().error.message).toContain(words);
    }
    expect(await handle.db.selectFrom('users').select('id').where('username', '=', 'le.van.cuong').execute()).toHaveLength(0);
    const english = await admin.request({ method: 'POST', url: '/api/users', headers: { 'accept-language': 'en' }, payload: {
      username: 'le.van.cuong', displayName: 'Lê Văn Cường', password: 'LeVanCuong-2026', role: 'unit_officer', organisationId: province.id,
    } });
    expect(english.json().error).toMatchObject({ code: 'password.personal' });
    expect(english.json().error.message).toContain('the username, the name');
    const ok = await admin.request({ method: 'POST', url: '/api/users', payload: {
      username: 'le.van.cuong', displayName: 'Lê Văn Cường', password: 'Hoa-sen-no-giua-dong-2026', role: 'unit_officer', organisationId: province.id,
    } });
    expect(ok.statusCode).toBe(201);
  });

  it('an administrator resetting a password', async () => {
    const admin = await signIn(app, 'quantri');
    const target = (await admin.request({ method: 'GET', url: '/api/users?q=tran.binh' })).json().items[0];
    const before = await hashOf('tran.binh');
    for (const [password, code] of WEAK('tran.binh')) {
      const refused = await admin.request({ method: 'PATCH', url: `/api/users/${target.id}`, headers: vi, payload: { password } });
      expect(refused.statusCode, password).toBe(400);
      expect(refused.json().error.code).toBe(code);
    }
    expect(await hashOf('tran.binh')).toBe(before);
  });

  it('one\'s own change', async () => {
    await buildUser(handle.db, tenantId, 'unit_officer', province, { username: 'tu.doi' });
    const session = await signIn(app, 'tu.doi');
    const before = await hashOf('tu.doi');
    for (const [password, code, words] of WEAK('tu.doi')) {
      const refused = await session.request({ method: 'POST', url: '/api/auth/me/password', headers: vi,
        payload: { currentPassword: TEST_PASSWORD, newPassword: password } });
      expect(refused.statusCode, password).toBe(400);
      expect(refused.json().error).toMatchObject({ code });
      expect(refused.json().error.message).toContain(words);
    }
    expect(await hashOf('tu.doi')).toBe(before);
  });

  it('a one-time link, which stays usable after a refusal', async () => {
    const user = await buildUser(handle.db, tenantId, 'unit_officer', province, { username: 'quen.mk' });
    const token = await issuePasswordLink(handle.db, user.id, 'reset', clock.now());
    const before = await hashOf('quen.mk');
    for (const [password, code] of WEAK('quen.mk')) {
      const refused = await app.inject({ method: 'POST', url: '/api/auth/password/reset', headers: vi, payload: { token, password } });
      expect(refused.statusCode, password).toBe(400);
      expect(refused.json().error.code).toBe(code);
    }
    expect(await hashOf('quen.mk')).toBe(before);
    const ok = await app.inject({ method: 'POST', url: '/api/auth/password/reset', payload: { token, password: 'Hoa-sen-no-giua-dong-2026' } });
    expect(ok.statusCode).toBe(204);
  });

  it('the setup command', async () => {
    const refusal = async (password: string) => {
      try {
        await setUpTenant(handle.db, { tenantName: 'Tỉnh Sơn Hà Mới', kind: 'province', adminUsername: 'quantri.sonhamoi', adminEmail: 'qt@sonha.gov.vn', password }, clock.now());
      } catch (e) {
        expect(e).toBeInstanceOf(SetupRefused);
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(await refusal('aaaaaaaaaa')).toContain('lặp lại');
    expect(await refusal('password12')).toContain('quá phổ biến');
    expect(await refusal('matkhau123')).toContain('quá phổ biến');
    expect(await refusal('quantri.sonhamoiquantri.sonhamoi')).toContain('chứa tên đăng nhập');
    expect(await refusal('SonHaMoi-2026')).toContain('tên cơ quan');
    expect(await handle.db.selectFrom('users').select('id').where('username', '=', 'quantri.sonhamoi').execute()).toHaveLength(0);
  });
});
