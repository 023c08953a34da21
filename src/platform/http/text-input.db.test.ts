import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/database.ts';
import { openTestDatabase } from '../../testing/database.ts';
import { signIn, startTestApp } from '../../testing/app.ts';
import { buildOrganisation, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { badTextAt } from './validation.ts';

let handle: DatabaseHandle;
let app: FastifyInstance;
let province: BuiltOrganisation;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  const tenantId = (await buildTenant(handle.db)).id;
  province = await buildOrganisation(handle.db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  await buildUser(handle.db, tenantId, 'system_admin', province, { username: 'quantri' });
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('text PostgreSQL cannot store or JSON cannot carry', () => {
  it('finds a NUL or half a surrogate pair anywhere in a body, and lets Vietnamese and emoji through', () => {
    expect(badTextAt({ name: 'Sở Giáo dục và Đào tạo 🎓', list: ['a', { deep: 'Đắk Lắk' }] })).toBeNull();
    expect(badTextAt({ name: 'a\u0000b' })).toEqual(['name']);
    expect(badTextAt({ list: ['ok', { deep: 'x\uD800' }] })).toEqual(['list', 1, 'deep']);
    expect(badTextAt({ ['k\uDC00']: 1 })).toEqual(['k\uDC00']);
  });

  it('is a 400 in Vietnamese, not a 500, on the sign-in form (no session) and on a write, and nothing is written', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'vi' }, payload: { username: 'quan\u0000tri', password: 'x' } });
    expect(login.statusCode).toBe(400);
    expect(login.json().error.details.issues[0]).toEqual({ path: 'username', message: 'Văn bản có ký tự không hợp lệ (ký tự rỗng hoặc mã hóa hỏng): hãy gõ hoặc dán lại.' });
    const admin = await signIn(app, 'quantri');
    const before = await handle.db.selectFrom('organisations').select('id').execute();
    for (const name of ['Sở Tư pháp\u0000', 'Sở Tư pháp \uD83D']) {
      const created = await admin.request({ method: 'POST', url: '/api/organisations', payload: { parentId: province.id, name, kind: 'department', level: 'province', validFrom: '2008-01-01' } });
      expect(created.statusCode).toBe(400);
      expect(created.json().error.code).toBe('validation');
    }
    expect(await handle.db.selectFrom('organisations').select('id').execute()).toHaveLength(before.length);
  });

  it('a date in year 0000 or 9999 is a 400 with the reason, not a 500', async () => {
    const admin = await signIn(app, 'quantri');
    for (const validFrom of ['0000-01-01', '9999-12-31']) {
      const created = await admin.request({ method: 'POST', url: '/api/organisations', headers: { 'accept-language': 'vi' },
        payload: { parentId: province.id, name: 'Sở Tư pháp', kind: 'department', level: 'province', validFrom } });
      expect(created.statusCode).toBe(400);
      expect(created.json().error.details.issues).toEqual([{ path: 'validFrom', message: 'Ngày không hợp lệ: năm phải từ 1000 đến 2999.' }]);
    }
  });
});

describe('addresses the router refuses', () => {
  it('a path parameter over 100 characters is a 414 in the user\'s language, not Fastify\'s raw English', async () => {
    const admin = await signIn(app, 'quantri');
    const long = 'x'.repeat(150);
    const vi = await admin.request({ method: 'GET', url: `/api/organisations/${long}` });
    expect(vi.statusCode).toBe(414);
    expect(vi.json().error).toEqual({ code: 'url_too_long', message: 'Đường dẫn quá dài: một tham số trên đường dẫn vượt quá 100 ký tự.' });
    const en = await app.inject({ method: 'GET', url: `/api/organisations/${long}`, headers: { 'accept-language': 'en' } });
    expect(en.json().error.message).toBe('The address is too long: a path parameter is over 100 characters.');
  });

  it('a path that is not valid URL text is a 400', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/organisations/%E0%A4%A' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation');
  });
});
