import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildTenant, buildUser, TEST_PASSWORD, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type TestClock } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { expectVersionedEdit } from '../../testing/versions.ts';

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
  await buildUser(handle.db, tenantId, 'unit_officer', province, { username: 'canbo' });
  await buildUser(handle.db, tenantId, 'unit_officer', province, { username: 'bikhoa' });
});
afterAll(async () => { await app.close(); await handle.close(); });

const login = (username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('signing in', () => {
  it('sets an httpOnly SameSite session cookie and never returns the password or its hash', async () => {
    const response = await login('canbo', TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/thidua_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(response.body).not.toContain(TEST_PASSWORD);
    expect(response.body).not.toContain('argon2');
    expect(response.json().grants[0]).toMatchObject({ role: 'unit_officer', organisationId: province.id });
  });

  it('stores only a hash of the session token', async () => {
    const response = await login('canbo', TEST_PASSWORD);
    const token = String(response.headers['set-cookie']).split(';')[0]!.split('=')[1]!;
    const rows = await handle.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrong = await login('canbo', 'sai-mat-khau-roi');
    const unknown = await login('khongco', 'sai-mat-khau-roi');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

});

describe('nobody can lock anyone out (throttling per address, per account and address, and a loose ceiling per account)', () => {
  const from = (address: string, username: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: address, payload: { username, password } });

  it('five wrong passwords from one machine slow that machine only: the owner signs in from another at once', async () => {
    await buildUser(handle.db, tenantId, 'unit_officer', province, { username: 'nannhan' });
    for (let i = 0; i < 5; i++) expect((await from('203.0.113.50', 'nannhan', 'sai-mat-khau-roi')).statusCode).toBe(401);
    const refused = await from('203.0.113.50', 'nannhan', TEST_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'login_throttled', message: 'Đăng nhập không thành công quá nhiều lần. Vui lòng chờ 1 phút rồi thử lại.' });
    // the owner, at a machine with no failures, is not locked out
    expect((await from('198.51.100.50', 'nannhan', TEST_PASSWORD)).statusCode).toBe(200);
    // the delay grows: after the first minute, another wrong password costs two minutes
    clock.advanceMinutes(1);
    expect((await from('203.0.113.50', 'nannhan', 'sai-mat-khau-nua')).statusCode).toBe(401);
    clock.advanceMinutes(1);
    expect((await from('203.0.113.50', 'nannhan', TEST_PASSWORD)).json().error).toMatchObject({ code: 'login_throttled' });
    clock.advanceMinutes(1);
    expect((await from('203.0.113.50', 'nannhan', TEST_PASSWORD)).statusCode).toBe(200);
    const audit = await handle.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'user').execute();
    expect(audit.map((a) => a.action)).toContain('auth.throttled');
  });

  it('an unknown user, a wrong password and a disabled account get the same answers, slowed the same way', async () => {
    const disabled = await buildUser(handle.db, tenantId, 'unit_officer', province, { username: 'danghi' });
    await handle.db.updateTable('users').set({ disabled: true }).where('id', '=', disabled.id).execute();
    await buildUser(handle.db, tenantId, 'unit_officer', province, { username: 'conlam' });
    const answers: Record<string, { status: number; body: unknown }[]> = {};
    for (const [username, address] of [['khongtontai', '203.0.113.61'], ['conlam', '203.0.113.62'], ['danghi', '203.0.113.63']] as const) {
      answers[username] = [];
      for (let i = 0; i < 6; i++) {
        const response = await from(address, username, 'sai-mat-khau-roi');
        answers[username]!.push({ status: response.statusCode, body: response.json() });
      }
    }
    expect(answers.khongtontai!.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(answers.conlam).toEqual(answers.khongtontai);
    expect(answers.danghi).toEqual(answers.khongtontai);
    expect(answers.danghi![0]!.body).toMatchObject({ error: { code: 'bad_credentials' } });
    // only the right password of a disabled account learns that it is disabled
    const right = await from('198.51.100.63', 'danghi', TEST_PASSWORD);
    expect(right.statusCode).toBe(403);
    expect(right.json().error.code).toBe('account_disabled');
  });

  it('one machine trying many accounts is slowed across all of them', async () => {
    for (let i = 0; i < 30; i++) expect((await from('203.0.113.70', `doan${i}`, 'sai-mat-khau-roi')).statusCode).toBe(401);
    const refused = await from('203.0.113.70', 'canbo', TEST_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('login_throttled');
    expect((await from('198.51.100.70', 'canbo', TEST_PASSWORD)).statusCode).toBe(200);
  }, 120_000);

  it('a campaign over many machines reaches the account\'s loose ceiling; the owner still gets in from a machine used before', async () => {
    await buildUser(handle.db, tenantId, 'unit_officer', province, { username: 'chutich' });
    expect((await from('198.51.100.80', 'chutich', TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 100; i++) expect((await from(`10.9.${Math.floor(i / 200)}.${i % 200}`, 'chutich', 'sai-mat-khau-roi')).statusCode).toBe(401);
    const stranger = await from('203.0.113.81', 'chutich', TEST_PASSWORD);
    expect(stranger.statusCode).toBe(429);
    expect((await from('198.51.100.80', 'chutich', TEST_PASSWORD)).statusCode).toBe(200);
    // a new password set for the account (here by an administrator) lifts the ceiling
    const admin = await signIn(app, 'quantri');
    const target = (await admin.request({ method: 'GET', url: '/api/users?q=chutich' })).json().items[0];
    const newPassword = 'Hoa-sen-no-giua-dong-2026';
    expect((await admin.request({ method: 'PATCH', url: `/api/users/${target.id}`, payload: { password: newPassword } })).statusCode).toBe(200);
    expect((await from('203.0.113.81', 'chutich', newPassword)).statusCode).toBe(200);
  }, 180_000);
});

describe('sign-in from one address', () => {
  it('is limited per minute, with a message in the user\'s language', async () => {
    const limited = await openTestDatabase();
    const { app: strict } = await startTestApp(limited, { loginRatePerMinute: 3 });
    try {
      const attempt = () => strict.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ai', password: 'khong-dung' } });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const refused = await attempt();
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error).toMatchObject({ code: 'rate_limited', message: 'Quá nhiều yêu cầu. Vui lòng thử lại sau.' });
    } finally {
      await strict.close();
      await limited.close();
    }
  });
});

describe('behind a reverse proxy', () => {
  it('counts sign-in attempts per client named by a trusted proxy, and per proxy when it is not trusted', async () => {
    const attempt = (app: FastifyInstance, client: string) => app.inject({
      method: 'POST', url: '/api/auth/login', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': client },
      payload: { username: 'ai', password: 'khong-dung' },
    });
    for (const [trustProxy, secondClientRefused] of [['127.0.0.1', false], [undefined, true]] as const) {
      const db = await openTestDatabase();
      const { app: proxied } = await startTestApp(db, { loginRatePerMinute: 2, trustProxy });
      try {
        for (let i = 0; i < 2; i++) expect((await attempt(proxied, '203.0.113.7')).statusCode).toBe(401);
        expect((await attempt(proxied, '203.0.113.7')).statusCode).toBe(429);
        expect((await attempt(proxied, '198.51.100.20')).statusCode).toBe(secondClientRefused ? 429 : 401);
      } finally {
        await proxied.close();
        await db.close();
      }
    }
  }, 180_000); // two fresh databases, migrated on a loaded machine
});

describe('sessions and CSRF', () => {
  it('refuses a state-changing request without the CSRF token, and with a wrong one', async () => {
    const session = await signIn(app, 'quantri');
    const body = { parentId: province.id, name: 'Sở Tư pháp', kind: 'department', level: 'province', validFrom: '2008-01-01' };
    const missing = await app.inject({ method: 'POST', url: '/api/organisations', payload: body, headers: { cookie: session.cookie } });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('csrf');
    const wrong = await app.inject({ method: 'POST', url: '/api/organisations', payload: body,
      headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(43) } });
    expect(wrong.statusCode).toBe(403);
    const names = await handle.db.selectFrom('organisations').select('name').where('name', '=', 'Sở Tư pháp').execute();
    expect(names).toHaveLength(0);
    expect((await session.request({ method: 'POST', url: '/api/organisations', payload: body })).statusCode).toBe(201);
  });

  it('refuses a write, sign-in included, sent from another site\'s page', async () => {
    const session = await signIn(app, 'quantri');
    const crossSite = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quantri', password: TEST_PASSWORD },
      headers: { origin: 'https://evil.example', host: 'localhost:3000' } });
    expect(crossSite.statusCode).toBe(403);
    const sameSite = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quantri', password: TEST_PASSWORD },
      headers: { origin: 'http://localhost:3000', host: 'localhost:3000' } });
    expect(sameSite.statusCode).toBe(200);
    const write = await session.request({ method: 'PATCH', url: `/api/organisations/${province.id}`, payload: { shortName: 'X' },
      headers: { origin: 'https://evil.example', host: 'localhost:3000' } });
    expect(write.statusCode).toBe(403);
  });

  it('a session expires after an hour without activity, and activity keeps it alive', async () => {
    const session = await signIn(app, 'canbo');
    clock.advanceMinutes(50);
    expect((await session.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    clock.advanceMinutes(50);
    expect((await session.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    clock.advanceMinutes(61);
    const expired = await session.request({ method: 'GET', url: '/api/auth/me' });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('unauthenticated');
  });

  it('the browser\'s first question answers 200 signed in or not, with the app clock\'s today in Vietnam', async () => {
    clock.set('2026-12-31T17:30:00Z');
    // half past midnight on 1 January in Hà Nội: the app's today, whatever the browser's clock says
    const anonymous = await app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ me: null, now: '2026-12-31T17:30:00.000Z', today: '2027-01-01' });
    const session = await signIn(app, 'canbo');
    const signedIn = (await session.request({ method: 'GET', url: '/api/auth/session' })).json();
    expect(signedIn.me).toEqual((await session.request({ method: 'GET', url: '/api/auth/me' })).json());
    expect(signedIn.today).toBe('2027-01-01');
  });

  it('signing out ends the session on the server', async () => {
    const session = await signIn(app, 'canbo');
    expect((await session.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await session.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('a disabled account loses its open sessions', async () => {
    const admin = await signIn(app, 'quantri');
    const victim = await signIn(app, 'canbo');
    const users = (await admin.request({ method: 'GET', url: '/api/users?q=canbo' })).json().items;
    const canbo = users.find((u: { username: string }) => u.username === 'canbo');
    expect((await admin.request({ method: 'PATCH', url: `/api/users/${canbo.id}`, payload: { disabled: true } })).statusCode).toBe(200);
    expect((await victim.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await login('canbo', TEST_PASSWORD)).statusCode).toBe(403);
  });

  it('an administrator gives an account its e-mail address and how it wants notices; a bad address is refused in Vietnamese and changes nothing', async () => {
    const admin = await signIn(app, 'quantri');
    const users = (await admin.request({ method: 'GET', url: '/api/users?q=bikhoa' })).json().items;
    const target = users.find((u: { username: string }) => u.username === 'bikhoa');
    expect(target).toMatchObject({ email: null, emailNotices: 'each' });
    const bad = await admin.request({ method: 'PATCH', url: `/api/users/${target.id}`, headers: { 'accept-language': 'vi' }, payload: { email: 'khong-phai-thu' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Địa chỉ thư điện tử không hợp lệ');
    const empty = await admin.request({ method: 'PATCH', url: `/api/users/${target.id}`, headers: { 'accept-language': 'vi' }, payload: {} });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Không có gì để thay đổi');
    const ok = await admin.request({ method: 'PATCH', url: `/api/users/${target.id}`, payload: { email: ' Bi.Khoa@SoNha.gov.vn ', emailNotices: 'digest' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ email: 'bi.khoa@sonha.gov.vn', emailNotices: 'digest' });
    const audit = await handle.db.selectFrom('audit_log').select('changes').where('entity_id', '=', target.id).where('action', '=', 'user.update')
      .orderBy('at', 'desc').executeTakeFirstOrThrow();
    expect(audit.changes).toMatchObject({ email: [null, 'bi.khoa@sonha.gov.vn'], emailNotices: ['each', 'digest'] });
  });
});

describe('two administrators changing the same account', () => {
  it('the one who saves from an older version is refused with 409 edit.stale and changes nothing; no version still applies', async () => {
    const { id } = await buildUser(handle.db, tenantId, 'unit_officer', province, { username: 'haison' });
    const admin = await signIn(app, 'quantri');
    const shown = async () => (await admin.request({ method: 'GET', url: '/api/users?q=haison' })).json().items[0].version as number;
    const names = ['Hà Sơn Một', 'Hà Sơn Hai', 'Hà Sơn Ba'];
    await expectVersionedEdit({
      as: admin, version: shown,
      edit: (attempt) => ({ method: 'PATCH', url: `/api/users/${id}`, payload: { displayName: names[attempt - 1] } }),
      row: () => handle.db.selectFrom('users').select(['display_name', 'version']).where('id', '=', id).executeTakeFirstOrThrow(),
    });
    // the owner changing their own mail moves the version on too: a form an administrator opened before is stale
    const before = await shown();
    const own = await signIn(app, 'haison');
    expect((await own.request({ method: 'PATCH', url: '/api/auth/me', payload: { emailNotices: 'none' } })).statusCode).toBe(200);
    const stale = await admin.request({ method: 'PATCH', url: `/api/users/${id}`, payload: { emailNotices: 'each', version: before } });
    expect(stale.statusCode).toBe(409);
  });
});
