import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, TEST_PASSWORD, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { planSchema } from '../movements/index.ts';
import { setUpOperator } from '../tenants/index.ts';
import { expectVersionedEdit } from '../../testing/versions.ts';
import { sql } from 'kysely';
import { loadCatalogue, ruleInForce } from './catalogue.ts';
import { judgedQuery, subjectsSql } from './service.ts';

/**
 * The eligibility API as an officer uses it: a person's page ("eligible for this, and why not for
 * that"), the "who qualifies" list of a unit with the 15% cap, the spreadsheet, the rule catalogue.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let root: BuiltOrganisation, dept: BuiltOrganisation, other: BuiltOrganisation;
let officer: Session, admin: Session, outsider: Session;
let star: string, plain: string;

async function rate(session: Session, personId: string, year: number, rating: string) {
  const r = await session.request({ method: 'POST', url: '/api/records/ratings', payload: { personId, year, rating, source: { number: `${year}/QĐ-SGD`, date: `${year}-12-20` } } });
  expect(r.statusCode, r.body).toBe(201);
}
async function title(session: Session, personId: string, year: number, awardForm: string) {
  const r = await session.request({ method: 'POST', url: '/api/records/awards', payload: { personId, year, awardForm, decisionNumber: `${year}-${awardForm}` } });
  expect(r.statusCode, r.body).toBe(201);
}

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  tenantId = (await buildTenant(handle.db)).id;
  root = await buildOrganisation(handle.db, tenantId, null, { name: 'UBND tỉnh' });
  dept = await buildOrganisation(handle.db, tenantId, root, { name: 'Sở Giáo dục và Đào tạo' });
  other = await buildOrganisation(handle.db, tenantId, root, { name: 'Sở Y tế' });
  await buildUser(handle.db, tenantId, 'unit_officer', dept, { username: 'canbo' });
  await buildUser(handle.db, tenantId, 'system_admin', root, { username: 'quantri' });
  await buildUser(handle.db, tenantId, 'unit_officer', other, { username: 'ngoai' });
  officer = await signIn(app, 'canbo');
  admin = await signIn(app, 'quantri');
  outsider = await signIn(app, 'ngoai');

  star = (await buildPerson(handle.db, tenantId, 'Lê Thị Sao', [{ organisation: dept }])).id;
  plain = (await buildPerson(handle.db, tenantId, 'Phạm Văn Bình', [{ organisation: dept, isLeader: true, position: 'Phó Giám đốc' }])).id;
  await rate(officer, star, 2024, 'excellent');
  await rate(officer, star, 2025, 'excellent');
  const init = await officer.request({ method: 'POST', url: '/api/records/initiatives', payload: {
    personId: star, title: 'Số hóa hồ sơ thi đua, khen thưởng của Sở', level: 'base', year: 2025 } });
  expect(init.statusCode, init.body).toBe(201);
  await rate(officer, plain, 2025, 'completed');
  // twenty LĐTT holders in 2025, five of them with an initiative: the 15% cap allows three
  for (let i = 0; i < 20; i++) {
    const id = (await buildPerson(handle.db, tenantId, `Nguyễn Văn Mẫu ${String.fromCharCode(65 + i)}`, [{ organisation: dept }])).id;
    await rate(officer, id, 2025, 'good');
    await title(officer, id, 2025, 'lao_dong_tien_tien');
    if (i < 5) await officer.request({ method: 'POST', url: '/api/records/initiatives', payload: { personId: id, title: `Sáng kiến số ${i}`, level: 'base', year: 2025 } });
  }
});
afterAll(async () => { await app?.close(); await handle?.close(); });

describe('a person\'s eligibility', () => {
  it('says eligible for one award and why not for another, with the article and the money', async () => {
    const r = await officer.request({ method: 'GET', url: `/api/eligibility/people/${star}?year=2025` });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.legalBasis.code).toBe('law_2022_decree_152_2025');
    const byForm = Object.fromEntries(body.results.map((x: { awardForm: string }) => [x.awardForm, x]));
    expect(byForm.bang_khen_tinh.status).toBe('met');
    expect(byForm.bang_khen_tinh.citation).toMatch(/Điều 72/);
    expect(byForm.chien_si_thi_dua_co_so.status).toBe('met');
    expect(byForm.chien_si_thi_dua_tinh.status).toBe('unmet');
    expect(byForm.chien_si_thi_dua_tinh.reasons.join('\n')).toMatch(/Năm 2023: chưa đạt "Chiến sĩ thi đua cơ sở"/);
    expect(byForm.chien_si_thi_dua_tinh.finding.children.length).toBeGreaterThan(1);
    // decided "today" (21/11/2026): 1.5 × 2,530,000 = 3,795,000 → 3,800,000
    expect(byForm.bang_khen_tinh.money).toMatchObject({ coefficient: 1.5, baseSalary: 2_530_000, amount: 3_800_000 });
    // every individual title and award of the catalogue is answered
    expect(body.results.map((x: { awardForm: string }) => x.awardForm)).toEqual(expect.arrayContaining(['lao_dong_tien_tien', 'giay_khen', 'bang_khen_thu_tuong']));
  });

  it('answers in English when asked', async () => {
    const r = await officer.request({ method: 'GET', url: `/api/eligibility/people/${plain}?year=2025`, headers: { 'accept-language': 'en' } });
    const ldtt = r.json().results.find((x: { awardForm: string }) => x.awardForm === 'lao_dong_tien_tien');
    expect(ldtt.status).toBe('unmet');
    expect(ldtt.reasons.join('\n')).toMatch(/2025: rated completed, below good/);
  });

  it('judges 2021 under Decree 91/2017', async () => {
    const r = await officer.request({ method: 'GET', url: `/api/eligibility/people/${star}?year=2021` });
    expect(r.json().legalBasis.code).toBe('law_2003_decree_91_2017');
  });

  it('hides people outside the officer\'s subtree', async () => {
    const r = await outsider.request({ method: 'GET', url: `/api/eligibility/people/${star}?year=2025` });
    expect(r.statusCode).toBe(404);
  });

  it('refuses a year out of range with a clear message', async () => {
    const r = await officer.request({ method: 'GET', url: `/api/eligibility/people/${star}?year=1800` });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('validation');
  });
});

describe('who qualifies in a unit', () => {
  it('lists the eligible first, counts each outcome and applies the 15% cap', async () => {
    const r = await officer.request({ method: 'GET', url: `/api/eligibility?organisationId=${dept.id}&awardForm=chien_si_thi_dua_co_so&year=2025` });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.counts).toEqual({ met: 6, attest: 0, unmet: 16 });
    expect(body.items[0].status).toBe('met');
    expect(body.cap).toMatchObject({ percent: 15, base: 20, allowed: 3, over: true });
    const no = body.items.find((i: { id: string }) => i.id === plain);
    expect(no.reasons.join('\n')).toMatch(/Năm 2025: xếp loại hoàn thành nhiệm vụ/);
  });

  it('filters by outcome, leaders and name, and pages', async () => {
    const base = `/api/eligibility?organisationId=${dept.id}&awardForm=lao_dong_tien_tien&year=2025`;
    const leaders = (await officer.request({ method: 'GET', url: `${base}&leader=true` })).json();
    expect(leaders.items.map((i: { id: string }) => i.id)).toEqual([plain]);
    const named = (await officer.request({ method: 'GET', url: `${base}&q=sao` })).json();
    expect(named.items.map((i: { name: string }) => i.name)).toEqual(['Lê Thị Sao']);
    const unmet = (await officer.request({ method: 'GET', url: `${base}&status=unmet` })).json();
    expect(unmet.total).toBe(1);
    const page = (await officer.request({ method: 'GET', url: `${base}&pageSize=5&page=2` })).json();
    expect(page.items).toHaveLength(5);
    expect(page.total).toBe(22);
  });

  it('answers one bounded page at a time: every subject exactly once across the pages, never more than 200 a page', async () => {
    const base = `/api/eligibility?organisationId=${dept.id}&awardForm=lao_dong_tien_tien&year=2025&pageSize=5`;
    const seen: string[] = [];
    for (let n = 1; n <= 5; n++) {
      const page = (await officer.request({ method: 'GET', url: `${base}&page=${n}` })).json();
      expect(page.total).toBe(22);
      expect(page.items.length).toBe(Math.min(5, 22 - (n - 1) * 5));
      seen.push(...page.items.map((i: { id: string }) => i.id));
    }
    expect(new Set(seen).size).toBe(22);
    const tooMany = await officer.request({ method: 'GET', url: `${base.replace('pageSize=5', 'pageSize=201')}`, headers: { 'accept-language': 'vi' } });
    expect(tooMany.statusCode).toBe(400);
  });

  it('computes the subtree\'s subjects once per query, shared by every criterion and the cap', async () => {
    const catalogue = await loadCatalogue(handle.db, tenantId);
    const entry = ruleInForce(catalogue, 'chien_si_thi_dua_co_so', 'individual', 2025);
    const judged = judgedQuery(catalogue, entry, tenantId, dept.path, 'individual', 2025, '2025-12-31');
    // placeholders are numbered by position: compare the texts without their numbers
    const text = (q: { compile(db: typeof handle.db): { sql: string } }) => q.compile(handle.db).sql.replace(/\$\d+/g, '$');
    const query = text(sql`WITH ${judged.ctes} SELECT id, status, ${judged.capBase} AS cap_base FROM judged`);
    const subjects = text(subjectsSql(tenantId, dept.path, 'individual', '2025-12-31'));
    expect(query.match(/LEFT JOIN \(/g)?.length).toBeGreaterThanOrEqual(3);
    expect(query.split(subjects).length - 1).toBe(1);
    expect(query).toContain('subjects AS MATERIALIZED');
  });

  it('exports the list with every reason to a spreadsheet that reads back', async () => {
    const r = await officer.request({ method: 'GET', url: `/api/eligibility/export.xlsx?organisationId=${dept.id}&awardForm=chien_si_thi_dua_co_so&year=2025` });
    expect(r.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const rows: string[] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')).join(' | ')));
    expect(rows[0]).toMatch(/Chiến sĩ thi đua cơ sở — năm 2025 — Sở Giáo dục và Đào tạo/);
    expect(rows.join('\n')).toMatch(/Tỷ lệ tối đa 15%.*: 3/);
    expect(rows.filter((x) => x.includes('| Đủ điều kiện |'))).toHaveLength(6);
    expect(rows.find((x) => x.includes('Phạm Văn Bình'))).toMatch(/Chưa đủ điều kiện.*hoàn thành nhiệm vụ/);
  });

  it('refuses a unit outside the officer\'s scope, and an award that has no rule for the recipient', async () => {
    expect((await outsider.request({ method: 'GET', url: `/api/eligibility?organisationId=${dept.id}&awardForm=giay_khen&year=2025` })).statusCode).toBe(404);
    const r = await officer.request({ method: 'GET', url: `/api/eligibility?organisationId=${dept.id}&awardForm=co_thi_dua_tinh&recipient=individual&year=2025` });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toMatch(/Chưa có tiêu chuẩn của "Cờ thi đua của UBND tỉnh" cho cá nhân/);
  });
});

describe('a movement\'s own criterion', () => {
  it('lists who meets it, in the same vocabulary and with reasons (Sơn La 2022 style)', async () => {
    const movementId = uuidv7();
    const criterionId = uuidv7();
    const plan = planSchema.parse({ criteria: [{ id: criterionId, awardForm: 'giay_khen', participantKind: 'individual',
      text: 'Năm 2024, 2025 được xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó có ít nhất 01 năm hoàn thành xuất sắc nhiệm vụ; có sáng kiến được công nhận cấp cơ sở',
      rule: { type: 'all', rules: [
        { type: 'rating', atLeast: 'good', years: { from: 2024, to: 2025 } },
        { type: 'rating', atLeast: 'excellent', years: { from: 2024, to: 2025 }, min: 1 },
        { type: 'initiative', atLeast: 'base', years: { from: 2024, to: 2025 } }] } }] });
    await handle.db.insertInto('movements').values({
      tenant_id: tenantId, id: movementId, organisation_id: dept.id, parent_movement_id: null, kind: 'campaign', status: 'issued',
      name: 'Sơ kết phong trào văn hóa công sở', name_fold: 'so ket phong trao van hoa cong so', slogan: '', document_number: 7,
      document_symbol: 'KH-SGDĐT', place: '', issued_on: '2026-05-04', period_start: '2026-01-01', period_end: '2026-12-31',
      plan: JSON.stringify(plan), created_by: null, created_at: new Date(), updated_at: new Date(),
    }).execute();
    const url = `/api/eligibility?organisationId=${dept.id}&movementId=${movementId}&criterionId=${criterionId}&year=2025`;
    const body = (await officer.request({ method: 'GET', url })).json();
    expect(body.rule.citation).toBe('Sơ kết phong trào văn hóa công sở (số 07/KH-SGDĐT, 04/05/2026)');
    expect(body.counts).toEqual({ met: 1, attest: 0, unmet: 21 });
    expect(body.items[0]).toMatchObject({ id: star, status: 'met' });
    const sample = body.items.find((i: { name: string }) => i.name === 'Nguyễn Văn Mẫu A');
    expect(sample.reasons.join('\n')).toMatch(/Năm 2024: chưa có kết quả xếp loại/);
    expect((await outsider.request({ method: 'GET', url: url.replace(dept.id, other.id) })).statusCode).toBe(404);
    const neither = await officer.request({ method: 'GET', url: `/api/eligibility?organisationId=${dept.id}&year=2025` });
    expect(neither.statusCode).toBe(400);
  });
});

describe('the catalogue and the base salary', () => {
  it('shows every rule worded, with the legal basis and the confirm flags', async () => {
    const body = (await officer.request({ method: 'GET', url: '/api/catalogue' })).json();
    expect(body.legalBases).toHaveLength(3);
    const cstd = body.rules.find((r: { awardForm: string; legalBasis: string }) => r.awardForm === 'chien_si_thi_dua_tinh' && r.legalBasis === 'law_2022_decree_152_2025');
    expect(cstd.criteria.children.map((c: { text: string }) => c.text).join('\n')).toMatch(/3 năm liên tục đạt danh hiệu "Chiến sĩ thi đua cơ sở"/);
    expect(body.canManage).toBe(false);
  });

  it('lets the province set its own share cap, which the list then applies', async () => {
    const url = '/api/catalogue/caps/chien_si_thi_dua_co_so';
    const payload = { percent: 20, citation: 'Quyết định số 12/QĐ-UBND ngày 05/01/2026 của UBND tỉnh' };
    expect((await officer.request({ method: 'PUT', url, payload })).statusCode).toBe(403);
    expect((await admin.request({ method: 'PUT', url, payload })).statusCode).toBe(200);
    const list = (await officer.request({ method: 'GET', url: `/api/eligibility?organisationId=${dept.id}&awardForm=chien_si_thi_dua_co_so&year=2025` })).json();
    expect(list.cap).toMatchObject({ percent: 20, base: 20, allowed: 4, setBy: payload.citation, over: true });
    const catalogue = (await officer.request({ method: 'GET', url: '/api/catalogue' })).json();
    const rule = catalogue.rules.find((r: { awardForm: string; legalBasis: string }) => r.awardForm === 'chien_si_thi_dua_co_so' && r.legalBasis === 'law_2022_decree_152_2025');
    expect(rule.cap).toMatchObject({ percent: 20, defaultPercent: 15, setBy: payload.citation });
    const none = await admin.request({ method: 'PUT', url: '/api/catalogue/caps/giay_khen', payload });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.message).toMatch(/Giấy khen/);
    expect((await admin.request({ method: 'PUT', url, payload: { percent: 150, citation: 'x y z' } })).statusCode).toBe(400);
    const audit = await handle.db.selectFrom('audit_log').select('changes').where('action', '=', 'catalogue.cap.set').execute();
    expect(audit).toHaveLength(1);
    // set by key: the first setting carried no version; a change carries the one the page showed, a stale one is refused
    const capOf = async () => (await officer.request({ method: 'GET', url: '/api/catalogue' })).json().rules
      .find((r: { awardForm: string; legalBasis: string }) => r.awardForm === 'chien_si_thi_dua_co_so' && r.legalBasis === 'law_2022_decree_152_2025').cap;
    expect((await capOf()).version).toBe(1);
    await expectVersionedEdit({
      as: admin, version: async () => (await capOf()).version,
      edit: (attempt) => ({ method: 'PUT', url, payload: { percent: 15 + attempt, citation: `Quyết định số ${12 + attempt}/QĐ-UBND của UBND tỉnh` } }),
      row: () => handle.db.selectFrom('eligibility_caps').select(['percent', 'citation', 'version']).where('award_form', '=', 'chien_si_thi_dua_co_so').executeTakeFirstOrThrow(),
    });
    // back to the default for the other tests
    await handle.db.deleteFrom('eligibility_caps').execute();
    expect(await capOf()).toMatchObject({ percent: 15, version: null });
    const ghost = await admin.request({ method: 'PUT', url, payload: { ...payload, version: 3 } });
    expect(ghost.statusCode).toBe(409);
    expect(await handle.db.selectFrom('eligibility_caps').select('version').executeTakeFirst()).toBeUndefined();
  });

  it('lets only the platform operator add a base salary (every tenant reads it), once per date, audited', async () => {
    const payload = { effectiveFrom: '2027-07-01', amount: 2_800_000, citation: 'Nghị định mới' };
    expect((await officer.request({ method: 'POST', url: '/api/catalogue/base-salaries', payload })).statusCode).toBe(403);
    expect((await admin.request({ method: 'POST', url: '/api/catalogue/base-salaries', payload })).statusCode).toBe(403);
    await setUpOperator(handle.db, { username: 'vanhanh.nen.tang', email: 'vanhanh@mic.gov.vn', password: TEST_PASSWORD }, new Date());
    const operator = await signIn(app, 'vanhanh.nen.tang');
    expect((await operator.request({ method: 'POST', url: '/api/catalogue/base-salaries', payload })).statusCode).toBe(201);
    const again = await operator.request({ method: 'POST', url: '/api/catalogue/base-salaries', payload });
    expect(again.statusCode).toBe(409);
    const money = (await officer.request({ method: 'GET', url: '/api/catalogue/money?awardForm=lao_dong_tien_tien&date=2027-08-01' })).json();
    expect(money).toMatchObject({ baseSalary: 2_800_000, amount: 840_000 });
    const audit = await handle.db.selectFrom('audit_log').select('action').where('action', '=', 'catalogue.base_salary.create').execute();
    expect(audit).toHaveLength(1);
  });
});

describe('a person with two posts at once', () => {
  it('is judged and listed once in a subtree holding either post, with the post held there (a leader\'s first)', async () => {
    const clinic = await buildOrganisation(handle.db, tenantId, other, { name: 'Trung tâm Y tế huyện Mường La' });
    const lab = await buildOrganisation(handle.db, tenantId, other, { name: 'Trung tâm Kiểm soát bệnh tật' });
    const both = (await buildPerson(handle.db, tenantId, 'Lò Văn Thắng', [
      { organisation: clinic, position: 'Bác sĩ' }, { organisation: lab, position: 'Giám đốc', isLeader: true }])).id;
    await rate(admin, both, 2025, 'good');
    const list = async (org: BuiltOrganisation) => (await admin.request({ method: 'GET',
      url: `/api/eligibility?organisationId=${org.id}&awardForm=lao_dong_tien_tien&year=2025&q=thang` })).json();
    const inClinic = await list(clinic);
    expect(inClinic.items.map((i: { id: string; position: string }) => [i.id, i.position])).toEqual([[both, 'Bác sĩ']]);
    expect(inClinic.total).toBe(1);
    const inHealth = await list(other);
    expect(inHealth.items.map((i: { id: string; position: string; isLeader: boolean; organisation: { name: string } }) =>
      [i.id, i.position, i.isLeader, i.organisation.name])).toEqual([[both, 'Giám đốc', true, 'Trung tâm Kiểm soát bệnh tật']]);
    expect(inHealth.total).toBe(1);
  });
});
