import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, TEST_PASSWORD, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import { buildAcceptedBatch } from '../../testing/consultation-fixtures.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { expectVersionedEdit } from '../../testing/versions.ts';
import { setUpOperator } from '../tenants/index.ts';

/**
 * Two provinces share one database. The platform operator keeps what both read — base salaries, legal
 * bases, the Government's holiday decisions; each province's administrator keeps its own days off.
 * Sơn La decides that Friday 4/12/2026 is a day off (nghỉ bù for a provincial event): its deadlines move
 * by a day, Lai Châu's do not.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let sonLa: string, laiChau: string;
let province: BuiltOrganisation;
let adminSonLa: Session, adminLaiChau: Session, standing: Session, operator: Session;
let batchId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  const started = await startTestApp(handle);
  app = started.app;
  started.clock.set('2026-12-01T02:00:00Z'); // Tuesday 1/12/2026
  const db = handle.db;
  sonLa = (await buildTenant(db)).id;
  laiChau = (await buildTenant(db)).id;
  province = await buildOrganisation(db, sonLa, null, { name: 'Ủy ban nhân dân tỉnh Sơn La' });
  const office = await buildOrganisation(db, sonLa, province, { name: 'Văn phòng UBND tỉnh' });
  const laiChauRoot = await buildOrganisation(db, laiChau, null, { name: 'Ủy ban nhân dân tỉnh Lai Châu' });
  const lan = await buildPerson(db, sonLa, 'Lò Thị Lan', [{ organisation: office }]);
  batchId = (await buildAcceptedBatch(db, {
    tenantId: sonLa, unitId: office.id, receivingId: province.id, awardForm: 'chien_si_thi_dua_toan_quoc',
    candidates: [{ personId: lan.id, name: 'Lò Thị Lan', position: 'Phó Chánh Văn phòng', unitName: 'Văn phòng UBND tỉnh' }],
  })).id;
  await buildUser(db, sonLa, 'system_admin', province, { username: 'quantri.sonla' });
  await buildUser(db, sonLa, 'standing_officer', province, { username: 'btdkt.sonla' });
  await buildUser(db, laiChau, 'system_admin', laiChauRoot, { username: 'quantri.laichau' });
  await setUpOperator(db, { username: 'vanhanh', email: 'vanhanh@mic.gov.vn', password: TEST_PASSWORD }, new Date('2026-12-01T01:00:00Z'));
  adminSonLa = await signIn(app, 'quantri.sonla');
  adminLaiChau = await signIn(app, 'quantri.laichau');
  standing = await signIn(app, 'btdkt.sonla');
  operator = await signIn(app, 'vanhanh');
});
afterAll(async () => { await app.close(); await handle.close(); });

const salary = { effectiveFrom: '2027-07-01', amount: 2_810_000, citation: 'Nghị định quy định mức lương cơ sở từ 01/7/2027' };
const basis = {
  name: 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định số 152/2025/NĐ-CP', shortName: 'Luật TĐKT 2022, NĐ 152/2025',
  effectiveFrom: '2025-07-01', effectiveTo: '2027-12-31',
};

describe('the platform operator keeps what every tenant reads', () => {
  it('a tenant\'s administrator may not change a base salary, a legal basis or a shared holiday (403), and nothing changes', async () => {
    const before = (await adminLaiChau.request({ method: 'GET', url: '/api/catalogue' })).json();
    for (const [method, url, payload] of [
      ['POST', '/api/catalogue/base-salaries', salary],
      ['PUT', '/api/platform/legal-bases/law_2022_decree_152_2025', basis],
      ['PUT', '/api/platform/holidays/2026-12-31', { off: true, name: 'Nghỉ cuối năm' }],
      ['DELETE', '/api/platform/holidays/2025-05-02', undefined],
    ] as const) {
      const r = await adminSonLa.request({ method, url, ...(payload && { payload }) });
      expect(r.statusCode, `${method} ${url}`).toBe(403);
      expect(r.json().error.message).toMatch(/quyền/i);
    }
    const after = (await adminLaiChau.request({ method: 'GET', url: '/api/catalogue' })).json();
    expect(after.baseSalaries).toEqual(before.baseSalaries);
    expect(after.legalBases).toEqual(before.legalBases);
    expect(before.canManageShared).toBe(false);
  });

  it('the operator adds a base salary and closes a legal basis; the other tenant reads both', async () => {
    expect((await operator.request({ method: 'GET', url: '/api/auth/me' })).json().user.platformOperator).toBe(true);
    expect((await adminSonLa.request({ method: 'GET', url: '/api/auth/me' })).json().user.platformOperator).toBe(false);
    const added = await operator.request({ method: 'POST', url: '/api/catalogue/base-salaries', payload: salary });
    expect(added.statusCode, added.body).toBe(201);
    const saved = await operator.request({ method: 'PUT', url: '/api/platform/legal-bases/law_2022_decree_152_2025', payload: basis });
    expect(saved.statusCode, saved.body).toBe(200);
    const read = (await adminLaiChau.request({ method: 'GET', url: '/api/catalogue' })).json();
    expect(read.baseSalaries).toContainEqual(expect.objectContaining({ effectiveFrom: '2027-07-01', amount: 2_810_000 }));
    expect(read.legalBases).toContainEqual(expect.objectContaining({ code: 'law_2022_decree_152_2025', effectiveTo: '2027-12-31' }));
    const audit = await handle.db.selectFrom('audit_log').select('action').where('action', 'in', ['catalogue.base_salary.create', 'catalogue.legal_basis.update']).execute();
    expect(audit).toHaveLength(2);
  });

  it('refuses a legal basis whose period overlaps another, in Vietnamese, and changes nothing', async () => {
    const r = await operator.request({ method: 'PUT', url: '/api/platform/legal-bases/law_2030', payload: { ...basis, name: 'Luật mới', shortName: 'Luật 2030', effectiveFrom: '2027-06-01', effectiveTo: null } });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('Thời gian hiệu lực trùng với "Luật TĐKT 2022, NĐ 152/2025"');
    expect(await handle.db.selectFrom('legal_bases').select('code').where('code', '=', 'law_2030').executeTakeFirst()).toBeUndefined();
  });

  it('a shared holiday decision reaches every tenant', async () => {
    const r = await operator.request({ method: 'PUT', url: '/api/platform/holidays/2026-12-31', payload: { off: true, name: 'Nghỉ bù cuối năm (quyết định của Thủ tướng)' } });
    expect(r.statusCode, r.body).toBe(204);
    for (const session of [adminSonLa, adminLaiChau]) {
      const year = (await session.request({ method: 'GET', url: '/api/calendar/holidays?year=2026' })).json();
      expect(year.offWeekdays).toContain('2026-12-31');
      expect(year.shared).toContainEqual(expect.objectContaining({ date: '2026-12-31', off: true }));
    }
    expect((await operator.request({ method: 'DELETE', url: '/api/platform/holidays/2026-12-31' })).statusCode).toBe(204);
  });
});

describe('a tenant\'s own days off', () => {
  it('the administrator marks Friday 4/12/2026 off: Sơn La\'s 10-working-day consultation ends a day later, Lai Châu\'s calendar is unchanged', async () => {
    const preview = async () => (await standing.request({ method: 'GET', url: `/api/consultations/preview?batchId=${batchId}` })).json().endsOn;
    expect(await preview()).toBe('2026-12-14');
    const r = await adminSonLa.request({ method: 'PUT', url: '/api/calendar/days/2026-12-04', payload: { off: true, name: 'Nghỉ bù theo Quyết định của UBND tỉnh' } });
    expect(r.statusCode, r.body).toBe(204);
    expect(await preview()).toBe('2026-12-15');
    const own = (await adminSonLa.request({ method: 'GET', url: '/api/calendar/holidays?year=2026' })).json();
    expect(own.own).toEqual([{ date: '2026-12-04', off: true, name: 'Nghỉ bù theo Quyết định của UBND tỉnh', version: 1 }]);
    expect(own.canManageOwn).toBe(true);
    const other = (await adminLaiChau.request({ method: 'GET', url: '/api/calendar/holidays?year=2026' })).json();
    expect(other.offWeekdays).not.toContain('2026-12-04');
    expect(other.own).toEqual([]);
  });

  it('a compensating Saturday marked as worked counts as a working day', async () => {
    const preview = async () => (await standing.request({ method: 'GET', url: `/api/consultations/preview?batchId=${batchId}` })).json().endsOn;
    expect(await preview()).toBe('2026-12-15'); // Friday 4/12 is off
    expect((await adminSonLa.request({ method: 'PUT', url: '/api/calendar/days/2026-12-05', payload: { off: false, name: 'Làm bù cho thứ Sáu 4/12' } })).statusCode).toBe(204);
    expect(await preview()).toBe('2026-12-14'); // Saturday 5/12 counts instead
    expect((await adminSonLa.request({ method: 'GET', url: '/api/calendar/holidays?year=2026' })).json().workedWeekends).toEqual(['2026-12-05']);
  });

  it('refuses a day already off, in the user\'s language, and someone without the right; removing a day restores the calendar', async () => {
    const already = await adminSonLa.request({ method: 'PUT', url: '/api/calendar/days/2026-09-02', payload: { off: true, name: 'Quốc khánh' } });
    expect(already.statusCode).toBe(422);
    expect(already.json().error.message).toBe('Ngày 02/09/2026 đã là ngày nghỉ.');
    const english = await adminSonLa.request({ method: 'PUT', url: '/api/calendar/days/2026-09-02', payload: { off: true, name: 'National Day' }, headers: { 'accept-language': 'en' } });
    expect(english.json().error.message).toBe('02/09/2026 is already a day off.');
    const bad = await adminSonLa.request({ method: 'PUT', url: '/api/calendar/days/2026-02-30', payload: { off: true, name: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect((await standing.request({ method: 'PUT', url: '/api/calendar/days/2026-12-07', payload: { off: true, name: 'Nghỉ' } })).statusCode).toBe(403);
    expect((await adminSonLa.request({ method: 'DELETE', url: '/api/calendar/days/2026-12-05' })).statusCode).toBe(204);
    expect((await adminSonLa.request({ method: 'DELETE', url: '/api/calendar/days/2026-12-04' })).statusCode).toBe(204);
    expect((await adminSonLa.request({ method: 'DELETE', url: '/api/calendar/days/2026-12-04' })).statusCode).toBe(404);
    expect((await standing.request({ method: 'GET', url: `/api/consultations/preview?batchId=${batchId}` })).json().endsOn).toBe('2026-12-14');
  });
});

describe('rows set by key, changed by two people at once', () => {
  const year = async (session: Session) => (await session.request({ method: 'GET', url: '/api/calendar/holidays?year=2031' })).json();
  const cases = () => [
    { what: 'a tenant\'s own day', as: adminSonLa, url: '/api/calendar/days/2031-03-10', payload: (n: number) => ({ off: true, name: `Nghỉ bù, quyết định số ${n}` }),
      version: async () => (await year(adminSonLa)).own.find((d: { date: string }) => d.date === '2031-03-10')?.version,
      row: () => handle.db.selectFrom('tenant_holiday_days').select(['name', 'version']).where('tenant_id', '=', sonLa).where('day', '=', '2031-03-10').executeTakeFirst() },
    { what: 'a shared day', as: operator, url: '/api/platform/holidays/2031-03-11', payload: (n: number) => ({ off: true, name: `Nghỉ theo quyết định số ${n}/QĐ-TTg` }),
      version: async () => (await year(operator)).shared.find((d: { date: string }) => d.date === '2031-03-11')?.version,
      row: () => handle.db.selectFrom('holiday_days').select(['name', 'version']).where('day', '=', '2031-03-11').executeTakeFirst() },
    { what: 'a legal basis', as: operator, url: '/api/platform/legal-bases/law_2040',
      payload: (n: number) => ({ name: `Luật Thi đua, khen thưởng (sửa đổi lần ${n})`, shortName: `Luật TĐKT 2040 (${n})`, effectiveFrom: '2040-01-01', effectiveTo: null }),
      version: async () => (await operator.request({ method: 'GET', url: '/api/catalogue' })).json().legalBases.find((b: { code: string }) => b.code === 'law_2040')?.version,
      row: () => handle.db.selectFrom('legal_bases').select(['name', 'version']).where('code', '=', 'law_2040').executeTakeFirst() },
  ];

  it('a first setting carries no version (one that names a version finds nothing of it); a later one the version it saw, a stale one is refused', async () => {
    for (const c of cases()) {
      const ghost = await c.as.request({ method: 'PUT', url: c.url, payload: { ...c.payload(0), version: 1 } });
      expect(ghost.statusCode, c.what).toBe(409);
      expect(await c.row(), c.what).toBeUndefined();
      const first = await c.as.request({ method: 'PUT', url: c.url, payload: c.payload(0) });
      expect(first.statusCode, first.body).toBeLessThan(300);
      expect(await c.version(), c.what).toBe(1);
      await expectVersionedEdit({ as: c.as, version: c.version, edit: (attempt) => ({ method: 'PUT', url: c.url, payload: c.payload(attempt) }), row: c.row });
    }
  });
});
