import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildTenant, buildUser, TEST_PASSWORD } from '../../testing/factories.ts';
import { signIn, startTestApp, type TestClock } from '../../testing/app.ts';
import { decodedText, eventually, startSmtpServer } from '../../testing/smtp.ts';

let handle: DatabaseHandle;
let app: FastifyInstance;
let clock: TestClock;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let officerId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  smtp = await startSmtpServer();
  ({ app, clock } = await startTestApp(handle, {
    mail: { smtpUrl: smtp.url, from: 'Ban Thi đua – Khen thưởng <thidua@sonha.gov.vn>' }, publicBaseUrl: 'https://thidua.sonha.gov.vn',
  }));
  const tenantId = (await buildTenant(handle.db)).id;
  const province = await buildOrganisation(handle.db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  officerId = (await buildUser(handle.db, tenantId, 'unit_officer', province, { username: 'quen.matkhau' })).id;
  await handle.db.updateTable('users').set({ email: 'quen.matkhau@sonha.gov.vn' }).where('id', '=', officerId).execute();
  await buildUser(handle.db, tenantId, 'unit_officer', province, { username: 'khong.co.thu' });
});
afterAll(async () => { await app.close(); await smtp.close(); await handle.close(); });

const forgot = (login: string) => app.inject({ method: 'POST', url: '/api/auth/password/forgot', payload: { login } });
const reset = (token: string, password: string) => app.inject({ method: 'POST', url: '/api/auth/password/reset', headers: { 'accept-language': 'vi' }, payload: { token, password } });

/** The token of the newest link mailed to the address. */
function mailedToken(address: string): string {
  const mails = smtp.received.filter((m) => m.to.includes(address));
  const text = decodedText(mails.at(-1)!.data);
  const match = /https:\/\/thidua\.sonha\.gov\.vn\/dat-mat-khau\?ma=([\w-]+)/.exec(text);
  if (!match) throw new Error(`no link in: ${text}`);
  return match[1]!;
}

describe('a forgotten password, by e-mail', () => {
  it('answers the same for a known login, an e-mail address, an account without e-mail and a stranger, and mails only the account holder', async () => {
    const answers = await Promise.all(['quen.matkhau', 'khong.co.thu', 'nguoi.la', 'Quen.MatKhau@SonHa.gov.vn'].map(forgot));
    for (const answer of answers) {
      expect(answer.statusCode).toBe(202);
      expect(answer.body).toBe(answers[0]!.body);
    }
    await eventually(() => smtp.received.filter((m) => m.to.includes('quen.matkhau@sonha.gov.vn')).length === 2);
    const text = decodedText(smtp.received.find((m) => m.to.includes('quen.matkhau@sonha.gov.vn'))!.data);
    expect(text).toContain('Đặt lại mật khẩu');
    expect(text).toContain('Có yêu cầu đặt lại mật khẩu cho tài khoản quen.matkhau');
    expect(text).toContain('trong vòng 1 giờ');
    expect(smtp.received.every((m) => m.to.every((to) => to === 'quen.matkhau@sonha.gov.vn'))).toBe(true);
    // only a hash of the token is stored
    const links = await handle.db.selectFrom('password_links').select(['token_hash', 'used_at']).where('user_id', '=', officerId).execute();
    expect(links.map((l) => l.token_hash)).not.toContain(mailedToken('quen.matkhau@sonha.gov.vn'));
  });

  it('the newest link sets a new password once, ends open sessions, and the old password stops working', async () => {
    const session = await signIn(app, 'quen.matkhau');
    const token = mailedToken('quen.matkhau@sonha.gov.vn');
    const weak = await reset(token, 'ngan');
    expect(weak.statusCode).toBe(400);
    expect((await reset(token, 'Mat-khau-moi-2026')).statusCode).toBe(204);
    expect((await session.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quen.matkhau', password: TEST_PASSWORD } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quen.matkhau', password: 'Mat-khau-moi-2026' } })).statusCode).toBe(200);
    const again = await reset(token, 'Mat-khau-khac-2026');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toContain('Liên kết đặt mật khẩu không đúng, đã được dùng hoặc đã hết hạn');
    const audit = await handle.db.selectFrom('audit_log').select('action').where('entity_id', '=', officerId).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['user.password_link', 'user.password_set']));
  });

  it('a link expires after an hour', async () => {
    const before = smtp.received.length;
    await forgot('quen.matkhau');
    await eventually(() => smtp.received.length > before);
    clock.advanceMinutes(61);
    expect((await reset(mailedToken('quen.matkhau@sonha.gov.vn'), 'Mat-khau-qua-han-2026')).statusCode).toBe(400);
  });
});
