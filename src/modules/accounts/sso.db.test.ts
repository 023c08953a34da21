import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { startTestApp } from '../../testing/app.ts';
import { signInAtProvider, startOidcProvider, type TestOidcProvider } from '../../testing/oidc-provider.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { safeReturnPath } from './sso.ts';

const APP_URL = 'http://thidua.sonha.test';

let handle: DatabaseHandle;
let app: FastifyInstance;
let provider: TestOidcProvider;
let tenantId: string;
let province: BuiltOrganisation;

beforeAll(async () => {
  provider = await startOidcProvider({ redirectUris: [`${APP_URL}/api/auth/oidc/callback`], name: 'Cổng dịch vụ công tỉnh Sơn Hà' });
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle, { publicBaseUrl: APP_URL, oidc: provider.config }));
  tenantId = (await buildTenant(handle.db)).id;
  province = await buildOrganisation(handle.db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
});
afterAll(async () => { await app?.close(); await handle?.close(); await provider?.close(); });

/** An account as an administrator would have made it, with its e-mail address written as it was typed. */
async function account(username: string, fields: { email?: string; disabled?: boolean } = {}) {
  const user = await buildUser(handle.db, tenantId, 'unit_officer', province, { username });
  await handle.db.updateTable('users').set({ email: fields.email ?? null, disabled: fields.disabled ?? false }).where('id', '=', user.id).execute();
  return user;
}

const cookieOf = (response: LightMyRequestResponse, name: string) => {
  const all = [response.headers['set-cookie'] ?? []].flat();
  const found = all.find((c) => c.startsWith(`${name}=`) && !c.startsWith(`${name}=;`));
  return found?.split(';')[0];
};

/** The browser's round trip: the app sends it to the provider, the person signs in there as `login`, the provider sends it back. */
async function signInWithProvider(login: string, next?: string) {
  const start = await app.inject({ method: 'GET', url: `/api/auth/oidc${next ? `?next=${encodeURIComponent(next)}` : ''}` });
  expect(start.statusCode, start.body).toBe(302);
  const flowCookie = cookieOf(start, 'thidua_oidc')!;
  const callback = await signInAtProvider(start.headers.location!, login);
  expect(`${callback.origin}${callback.pathname}`).toBe(`${APP_URL}/api/auth/oidc/callback`);
  const callbackUrl = `${callback.pathname}${callback.search}`;
  const done = await app.inject({ method: 'GET', url: callbackUrl, headers: { cookie: flowCookie } });
  return { done, session: cookieOf(done, 'thidua_session'), callbackUrl, flowCookie };
}

const me = (session: string | undefined) => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session ?? '' } });
const refusal = (response: LightMyRequestResponse) => {
  expect(response.statusCode).toBe(302);
  const location = new URL(response.headers.location!, APP_URL);
  expect(location.pathname).toBe('/dang-nhap');
  expect(cookieOf(response, 'thidua_session')).toBeUndefined();
  return { code: location.searchParams.get('sso_error'), who: location.searchParams.get('sso_who') };
};

describe('the sign-in page asks how one may sign in', () => {
  it('names the provider when single sign-on is on, and says null when it is not', async () => {
    const on = await app.inject({ method: 'GET', url: '/api/auth/methods' });
    expect(on.json()).toEqual({ sso: { name: 'Cổng dịch vụ công tỉnh Sơn Hà' } });
    const plain = await openTestDatabase();
    const { app: withoutSso } = await startTestApp(plain);
    try {
      expect((await withoutSso.inject({ method: 'GET', url: '/api/auth/methods' })).json()).toEqual({ sso: null });
      const start = await withoutSso.inject({ method: 'GET', url: '/api/auth/oidc', headers: { 'accept-language': 'vi' } });
      expect(start.statusCode).toBe(404);
      expect(start.json().error).toMatchObject({ code: 'sso.disabled', message: 'Đăng nhập một lần chưa được bật trên hệ thống này.' });
    } finally {
      await withoutSso.close();
      await plain.close();
    }
  });
});

describe('signing in with the province\'s provider', () => {
  it('finds the account by its e-mail address whatever its case, opens a normal session, remembers the subject and writes auth.login', async () => {
    const user = await account('canbo.an', { email: 'Nguyen.Van.An@SoNha.gov.vn' });
    provider.identities.set('an-001', { email: 'NGUYEN.VAN.AN@sonha.gov.vn', preferred_username: 'an.nv', name: 'Nguyễn Văn An' });
    const { done, session } = await signInWithProvider('an-001');
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe('/');
    expect(String(done.headers['set-cookie'])).toMatch(/thidua_session=[^;]+;.*HttpOnly/iu);
    const who = await me(session);
    expect(who.statusCode).toBe(200);
    expect(who.json().user.username).toBe('canbo.an');
    expect(who.json().csrfToken).toMatch(/.{40,}/u);
    // the CSRF token of the session works for a write, as after a password sign-in
    const logout = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session!, 'x-csrf-token': who.json().csrfToken } });
    expect(logout.statusCode).toBe(204);

    const row = await handle.db.selectFrom('users').select(['oidc_issuer', 'oidc_subject']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ oidc_issuer: provider.issuer, oidc_subject: 'an-001' });
    const audit = await handle.db.selectFrom('audit_log').select(['action', 'changes']).where('entity_id', '=', user.id).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'user.sso_linked', changes: { issuer: provider.issuer, subject: 'an-001', matchedBy: 'email' } },
      { action: 'auth.login', changes: { method: 'oidc', matchedBy: 'email' } },
      { action: 'auth.logout', changes: {} },
    ]);
  });

  it('finds the account by its username (preferred_username) when no account has the address', async () => {
    await account('canbo.binh');
    provider.identities.set('binh', { email: 'binh@gmail.example', preferred_username: 'CanBo.Binh' });
    const { done, session } = await signInWithProvider('binh');
    expect(done.headers.location).toBe('/');
    expect((await me(session)).json().user.username).toBe('canbo.binh');
  });

  it('goes back to the page the user came from, but never to another site', async () => {
    await account('canbo.chi', { email: 'chi@sonha.gov.vn' });
    provider.identities.set('chi', { email: 'chi@sonha.gov.vn' });
    expect((await signInWithProvider('chi', '/ca-nhan?q=nguyen#ket-qua')).done.headers.location).toBe('/ca-nhan?q=nguyen#ket-qua');
    expect((await signInWithProvider('chi', '//evil.example/x')).done.headers.location).toBe('/');
    expect((await signInWithProvider('chi', 'https://evil.example/')).done.headers.location).toBe('/');
  });

  it('keeps finding the account by its subject after the address changes at the provider', async () => {
    const user = await account('canbo.dung', { email: 'dung@sonha.gov.vn' });
    provider.identities.set('dung', { email: 'dung@sonha.gov.vn' });
    expect((await me((await signInWithProvider('dung')).session)).json().user.username).toBe('canbo.dung');
    provider.identities.set('dung', { email: 'dung.tran@moi.sonha.gov.vn', preferred_username: 'someone.else' });
    const again = await signInWithProvider('dung');
    expect((await me(again.session)).json().user.id).toBe(user.id);
    const last = await handle.db.selectFrom('audit_log').select('changes').where('entity_id', '=', user.id).where('action', '=', 'auth.login')
      .orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last.changes).toEqual({ method: 'oidc', matchedBy: 'subject' });
  });
});

describe('single sign-on never grants what an administrator has not', () => {
  it('refuses an identity no account matches, says whom to ask, and creates nothing', async () => {
    provider.identities.set('la', { email: 'nguoi.la@sonha.gov.vn', preferred_username: 'nguoi.la' });
    const before = await handle.db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const sessionsBefore = await handle.db.selectFrom('sessions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const { done } = await signInWithProvider('la');
    expect(refusal(done)).toEqual({ code: 'not_provisioned', who: 'nguoi.la@sonha.gov.vn' });
    const after = await handle.db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const sessionsAfter = await handle.db.selectFrom('sessions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(Number(sessionsAfter.n)).toBe(Number(sessionsBefore.n));
    expect(await handle.db.selectFrom('users').select('id').where('oidc_subject', '=', 'la').execute()).toEqual([]);
  });

  it('refuses a disabled account, and writes the refusal to its trail', async () => {
    const user = await account('canbo.nghi', { email: 'nghi@sonha.gov.vn', disabled: true });
    provider.identities.set('nghi', { email: 'nghi@sonha.gov.vn' });
    expect(refusal((await signInWithProvider('nghi')).done).code).toBe('account_disabled');
    const audit = await handle.db.selectFrom('audit_log').select(['action', 'changes']).where('entity_id', '=', user.id).execute();
    expect(audit).toEqual([{ action: 'auth.login_failed', changes: { method: 'oidc', reason: 'sso.account_disabled' } }]);
    const row = await handle.db.selectFrom('users').select('oidc_subject').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.oidc_subject).toBeNull();
  });

  it('refuses an account whose roles were all revoked, as sign-in with a password does, and writes the refusal to its trail', async () => {
    const user = await account('canbo.thoiviec', { email: 'thoiviec@sonha.gov.vn' });
    await handle.db.updateTable('role_grants').set({ revoked_at: new Date() }).where('user_id', '=', user.id).execute();
    provider.identities.set('thoiviec', { email: 'thoiviec@sonha.gov.vn' });
    expect(refusal((await signInWithProvider('thoiviec')).done).code).toBe('no_role');
    const audit = await handle.db.selectFrom('audit_log').select(['action', 'changes']).where('entity_id', '=', user.id).execute();
    expect(audit).toEqual([{ action: 'auth.login_failed', changes: { method: 'oidc', reason: 'sso.no_role' } }]);
  });

  it('refuses an address two accounts share, for the administrator to settle', async () => {
    await account('canbo.trung1', { email: 'chung@sonha.gov.vn' });
    await account('canbo.trung2', { email: 'Chung@SoNha.gov.vn' });
    provider.identities.set('chung', { email: 'chung@sonha.gov.vn', preferred_username: 'canbo.trung1' });
    expect(refusal((await signInWithProvider('chung')).done)).toEqual({ code: 'ambiguous_email', who: 'chung@sonha.gov.vn' });
  });

  it('does not match by an address the provider says is unverified', async () => {
    await account('canbo.giang', { email: 'giang@sonha.gov.vn' });
    provider.identities.set('mao.danh', { email: 'giang@sonha.gov.vn', email_verified: false });
    expect(refusal((await signInWithProvider('mao.danh')).done).code).toBe('not_provisioned');
  });

  it('refuses a second identity for an account that already remembers another subject', async () => {
    await account('canbo.ha', { email: 'ha@sonha.gov.vn' });
    provider.identities.set('ha', { email: 'ha@sonha.gov.vn' });
    expect((await signInWithProvider('ha')).done.headers.location).toBe('/');
    provider.identities.set('ha.gia', { email: 'ha@sonha.gov.vn' });
    expect(refusal((await signInWithProvider('ha.gia')).done).code).toBe('linked_elsewhere');
  });
});

describe('a callback is bound to the browser that started it and works once', () => {
  it('refuses a replayed callback with 400 and a clear message, opening no session', async () => {
    await account('canbo.khanh', { email: 'khanh@sonha.gov.vn' });
    provider.identities.set('khanh', { email: 'khanh@sonha.gov.vn' });
    const first = await signInWithProvider('khanh');
    expect(first.done.headers.location).toBe('/');
    const replay = await app.inject({ method: 'GET', url: first.callbackUrl, headers: { cookie: first.flowCookie, 'accept-language': 'vi' } });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error.code).toBe('sso.state_invalid');
    expect(replay.json().error.message).toMatch(/^Phiên đăng nhập một lần không hợp lệ hoặc đã được dùng/u);
    expect(cookieOf(replay, 'thidua_session')).toBeUndefined();
  });

  it('refuses a callback whose state is not the one sent, or that comes without the browser\'s cookie', async () => {
    provider.identities.set('khanh', { email: 'khanh@sonha.gov.vn' });
    const start = await app.inject({ method: 'GET', url: '/api/auth/oidc' });
    const flowCookie = cookieOf(start, 'thidua_oidc')!;
    expect(String(start.headers['set-cookie'])).toMatch(/Path=\/api\/auth\/oidc;.*HttpOnly/iu);
    const callback = await signInAtProvider(start.headers.location!, 'khanh');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'trang-thai-gia-mao');
    const wrongState = await app.inject({ method: 'GET', url: `${forged.pathname}${forged.search}`, headers: { cookie: flowCookie, 'accept-language': 'en' } });
    expect(wrongState.statusCode).toBe(400);
    expect(wrongState.json().error.message).toMatch(/^This single sign-on attempt is not valid/u);
    expect(cookieOf(wrongState, 'thidua_session')).toBeUndefined();
    // the attempt is used up by the refusal: the genuine callback afterwards is refused too
    const genuine = await app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}`, headers: { cookie: flowCookie } });
    expect(genuine.statusCode).toBe(400);

    const other = await app.inject({ method: 'GET', url: '/api/auth/oidc' });
    const otherCallback = await signInAtProvider(other.headers.location!, 'khanh');
    const anotherBrowser = await app.inject({ method: 'GET', url: `${otherCallback.pathname}${otherCallback.search}` });
    expect(anotherBrowser.statusCode).toBe(400);
    expect(cookieOf(anotherBrowser, 'thidua_session')).toBeUndefined();
  });
});

describe('the page to go back to', () => {
  it('is a path on this site, nothing else', () => {
    expect(safeReturnPath('/ca-nhan/123?tab=2')).toBe('/ca-nhan/123?tab=2');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/\u0000x', '', undefined, '/api/auth/me', '/dang-nhap']) {
      expect(safeReturnPath(bad), String(bad)).toBeNull();
    }
  });
});
