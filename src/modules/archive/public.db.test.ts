import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildSonHaProvince, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { reviseAwards } from '../awards/index.ts';

/**
 * The public archive (issue 17 item 10): anyone, without signing in, finds who received which title or award by
 * which decision — exactly what a published decision shows, no record behind it, nothing revoked.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantCode: string;
let school: BuiltOrganisation, health: BuiltOrganisation;
let standing: Session;

interface Page {
  tenant: { code: string; name: string }; forms: { code: string; name: string }[];
  items: Record<string, unknown>[]; total: number; totalCapped: boolean; hasNext: boolean;
}
const PUBLIC_KEYS = ['awardFormName', 'decidedBy', 'decidedOn', 'decisionNumber', 'recipientName', 'unitName', 'verificationCode', 'year'];

async function search(query: string, lang = 'vi') {
  return app.inject({ method: 'GET', url: `/api/public/archive?tenant=${tenantCode}&${query}`, headers: { 'accept-language': lang } });
}
async function found(query: string): Promise<Page> {
  const response = await search(query);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Page;
}
async function award(body: Record<string, unknown>) {
  const response = await standing.request({ method: 'POST', url: '/api/records/awards', payload: { basis: 'merit', ...body } });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: string }).id;
}

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle, { publicSearchRatePerMinute: 1000 }));
  const db = handle.db;
  let tenantId: string, province: BuiltOrganisation;
  ({ tenantId, province, school, health } = await buildSonHaProvince(db));
  tenantCode = (await db.selectFrom('tenants').select('code').where('id', '=', tenantId).executeTakeFirstOrThrow()).code;
  // another tenant on the same server, whose awards the search never shows
  const other = await buildTenant(db);
  const otherRoot = await buildOrganisation(db, other.id, null, { name: 'Ủy ban nhân dân tỉnh khác' });
  await buildPerson(db, other.id, 'Nguyễn Văn An', [{ organisation: otherRoot }]);

  const an = (await buildPerson(db, tenantId, 'Nguyễn Văn An', [{ organisation: school, position: 'Giáo viên' }], { birthYear: 1979, ethnicity: 'Thái' })).id;
  const binh = (await buildPerson(db, tenantId, 'Trần Thị Bình', [{ organisation: health }], { gender: 'female' })).id;
  await buildUser(db, tenantId, 'standing_officer', province, { username: 'thuongtruc' });
  standing = await signIn(app, 'thuongtruc');

  await award({ personId: an, awardForm: 'lao_dong_tien_tien', year: 2023, decisionNumber: '12/QĐ-SGDĐT', decidedOn: '2024-01-15', decidedBy: 'Giám đốc Sở Giáo dục và Đào tạo' });
  await award({ personId: an, awardForm: 'bang_khen_tinh', year: 2024, decisionNumber: '45/QĐ-UBND', decidedOn: '2025-02-10', decidedBy: 'Chủ tịch UBND tỉnh' });
  const revoked = await award({ personId: binh, awardForm: 'giay_khen', year: 2023, decisionNumber: '7/QĐ-SYT', decidedOn: '2024-01-20', decidedBy: 'Giám đốc Sở Y tế' });
  await award({ personId: binh, awardForm: 'lao_dong_tien_tien', year: 2023, decisionNumber: '8/QĐ-SYT', decidedOn: '2024-01-22', decidedBy: 'Giám đốc Sở Y tế' });
  await award({ organisationId: school.id, awardForm: 'tap_the_lao_dong_tien_tien', year: 2023, decisionNumber: '12/QĐ-SGDĐT', decidedOn: '2024-01-15', decidedBy: 'Giám đốc Sở Giáo dục và Đào tạo' });
  await reviseAwards(db, tenantId, { awardIds: [revoked] }, { set: { revoked_on: '2024-06-01', revocation_number: '20/QĐ-SYT' } });
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('the public archive', () => {
  it('finds a person by an unaccented name, newest decision first, with what the decision shows and a link to check the certificate', async () => {
    const page = await found(`q=${encodeURIComponent('nguyen van an')}`);
    expect(page.items).toEqual([
      { recipientName: 'Nguyễn Văn An', unitName: 'Trường THPT Chuyên Sơn Hà', awardFormName: 'Bằng khen của Chủ tịch UBND tỉnh', year: 2024,
        decisionNumber: '45/QĐ-UBND', decidedOn: '2025-02-10', decidedBy: 'Chủ tịch UBND tỉnh', verificationCode: expect.stringMatching(/^[0-9A-Z]{12}$/) },
      expect.objectContaining({ recipientName: 'Nguyễn Văn An', awardFormName: 'Lao động tiên tiến', year: 2023, decisionNumber: '12/QĐ-SGDĐT' }),
    ]);
    expect(page).toMatchObject({ total: 2, totalCapped: false, hasNext: false, tenant: { code: tenantCode } });
    const code = page.items[0]!.verificationCode as string;
    const check = await app.inject({ method: 'GET', url: `/api/public/verify/${code}` });
    expect(check.json()).toMatchObject({ status: 'valid', award: { recipientName: 'Nguyễn Văn An', decisionNumber: '45/QĐ-UBND' } });
  });

  it('shows no personal data beyond the decision: every item has exactly the published keys, and no id, birth year or ethnicity anywhere', async () => {
    const response = await search('');
    const page = response.json() as Page;
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) expect(Object.keys(item).sort()).toEqual(PUBLIC_KEYS);
    expect(Object.keys(page).sort()).toEqual(['forms', 'hasNext', 'items', 'tenant', 'total', 'totalCapped']);
    expect(response.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/); // no uuid: no person, unit or award id
    expect(response.body).not.toContain('1979');
    expect(response.body).not.toContain('Thái');
    expect(response.body).not.toContain(school.path);
  });

  it('leaves revoked awards out, and keeps the collective and the other tenant\'s namesakes where they belong', async () => {
    const all = (await found('')).items.map((i) => `${i.recipientName as string} ${i.decisionNumber as string}`);
    expect(all).not.toContain('Trần Thị Bình 7/QĐ-SYT');
    expect(all).toContain('Trần Thị Bình 8/QĐ-SYT');
    expect(all).toContain('Trường THPT Chuyên Sơn Hà 12/QĐ-SGDĐT');
    expect(all).toHaveLength(4);
    expect((await found('decision=7%2FQĐ-SYT')).items).toEqual([]);
  });

  it('filters by form, year and decision number', async () => {
    expect((await found('form=lao_dong_tien_tien')).items.map((i) => i.recipientName)).toEqual(['Trần Thị Bình', 'Nguyễn Văn An']);
    expect((await found('year=2024')).items.map((i) => i.decisionNumber)).toEqual(['45/QĐ-UBND']);
    expect((await found(`decision=${encodeURIComponent('12/QĐ-SGDĐT')}`)).items.map((i) => i.recipientName).sort())
      .toEqual(['Nguyễn Văn An', 'Trường THPT Chuyên Sơn Hà']);
    const page = await found('');
    expect(page.forms.map((f) => f.code)).toContain('bang_khen_tinh');
  });

  it('counts beyond a page: 20 a page, the total exact, and numbered pages', async () => {
    const first = await found('page=1');
    expect(first).toMatchObject({ total: 4, hasNext: false });
    const empty = await found('page=2');
    expect(empty).toMatchObject({ items: [], total: 4, totalCapped: false, hasNext: false });
  });

  it('asks which archive when the server hosts several tenants and none is named, in Vietnamese', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/public/archive?q=an' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toContain('Không xác định được cơ quan');
    expect((await app.inject({ method: 'GET', url: '/api/public/archive?tenant=khong-co' })).statusCode).toBe(404);
  });

  it('answers 429 in Vietnamese after the per-address limit', async () => {
    const limited = await startTestApp(handle, { publicSearchRatePerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await limited.app.inject({ method: 'GET', url: `/api/public/archive?tenant=${tenantCode}&q=an` })).statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      const r = await limited.app.inject({ method: 'GET', url: `/api/public/archive?tenant=${tenantCode}`, headers: { 'accept-language': 'vi' } });
      expect(r.statusCode).toBe(429);
      expect(r.json().error.message).toContain('Quá nhiều yêu cầu');
    } finally {
      await limited.app.close();
    }
  });
});

describe('the staff archive counts what it finds', () => {
  it('says how many awards the search finds, beyond the page it shows', async () => {
    const response = await standing.request({ method: 'GET', url: '/api/archive/awards?pageSize=2' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ total: 5, totalCapped: false });
    expect(response.json().items).toHaveLength(2);
    const next = await standing.request({ method: 'GET', url: `/api/archive/awards?pageSize=2&cursor=${response.json().nextCursor as string}` });
    expect(next.json()).toMatchObject({ total: 5, totalCapped: false });
    const one = await standing.request({ method: 'GET', url: '/api/archive/awards?q=binh&revoked=exclude' });
    expect(one.json()).toMatchObject({ total: 1, totalCapped: false });
  });
});
