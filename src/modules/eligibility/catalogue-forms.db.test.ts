import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/ids.ts';

/**
 * The award catalogue belongs to the tenant (issue 14.3): a ministry adds its own forms with procedure
 * and money, the standing agency saves cited versions of a rule after previewing who gains and who
 * loses, retires forms it no longer confers — and another tenant sees none of it.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string, otherTenantId: string;
let root: BuiltOrganisation, finance: BuiltOrganisation, tax: BuiltOrganisation;
let admin: Session, standing: Session, deptStanding: Session, officer: Session, otherAdmin: Session;
/** the hand-made tree: excellent, good, completed in Vụ Tài chính; good but reprimanded in Cục Thuế */
let excellent: string, good: string, completed: string, reprimanded: string;
let otherGood: string;

const LAW = 'law_2022_decree_152_2025';
const LDTT_EXCELLENT = { type: 'all', rules: [{ type: 'rating', atLeast: 'excellent', years: { last: 1 } }, { type: 'no_discipline', years: { last: 1 }, atLeast: 'reprimand' }] };
const LDTT_COMPLETED = { type: 'all', rules: [{ type: 'rating', atLeast: 'completed', years: { last: 1 } }] };

const ministryForm = (code = 'bang_khen_bo_truong') => ({
  code, name: 'Bằng khen của Bộ trưởng Bộ Tài chính', group: 'certificate', recipientKinds: ['individual', 'collective'], level: 'ministry',
  conferredBy: 'Bộ trưởng Bộ Tài chính', citation: 'Luật Thi đua, khen thưởng 2022, Điều 72',
  procedure: { councilVote: true, secretBallot: true, thresholdPercent: 70, thresholdOf: 'members', consultationDays: null, citation: 'Quyết định 1234/QĐ-BTC, Điều 9' },
  coefficients: [
    { recipient: 'individual', legalBasis: LAW, coefficient: 1.5, citation: 'Nghị định 152/2025/NĐ-CP, Chương V' },
    { recipient: 'collective', legalBasis: LAW, coefficient: 3, citation: 'Nghị định 152/2025/NĐ-CP, Chương V' },
  ],
});

async function rate(personId: string, year: number, rating: string, tenant = tenantId) {
  await handle.db.insertInto('annual_ratings').values({
    tenant_id: tenant, id: uuidv7(), person_id: personId, organisation_id: null, year, rating: rating as 'good',
    created_at: new Date(), updated_at: new Date(),
  }).execute();
}

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  tenantId = (await buildTenant(handle.db)).id;
  otherTenantId = (await buildTenant(handle.db)).id;
  root = await buildOrganisation(handle.db, tenantId, null, { name: 'Bộ Tài chính' });
  finance = await buildOrganisation(handle.db, tenantId, root, { name: 'Vụ Tài chính các ngân hàng' });
  tax = await buildOrganisation(handle.db, tenantId, root, { name: 'Cục Thuế' });
  const otherRoot = await buildOrganisation(handle.db, otherTenantId, null, { name: 'UBND tỉnh Sơn Hà' });
  const otherDept = await buildOrganisation(handle.db, otherTenantId, otherRoot, { name: 'Sở Tài chính' });
  await buildUser(handle.db, tenantId, 'system_admin', root, { username: 'quantri.bo' });
  await buildUser(handle.db, tenantId, 'standing_officer', root, { username: 'thuongtruc.bo' });
  await buildUser(handle.db, tenantId, 'standing_officer', finance, { username: 'thuongtruc.vu' });
  await buildUser(handle.db, tenantId, 'unit_officer', finance, { username: 'canbo.vu' });
  await buildUser(handle.db, otherTenantId, 'system_admin', otherRoot, { username: 'quantri.tinh' });
  admin = await signIn(app, 'quantri.bo');
  standing = await signIn(app, 'thuongtruc.bo');
  deptStanding = await signIn(app, 'thuongtruc.vu');
  officer = await signIn(app, 'canbo.vu');
  otherAdmin = await signIn(app, 'quantri.tinh');

  excellent = (await buildPerson(handle.db, tenantId, 'Lê Thị An', [{ organisation: finance }])).id;
  good = (await buildPerson(handle.db, tenantId, 'Phạm Văn Bình', [{ organisation: finance }])).id;
  completed = (await buildPerson(handle.db, tenantId, 'Trần Văn Cường', [{ organisation: finance }])).id;
  reprimanded = (await buildPerson(handle.db, tenantId, 'Đỗ Thị Dung', [{ organisation: tax }])).id;
  otherGood = (await buildPerson(handle.db, otherTenantId, 'Vũ Văn Em', [{ organisation: otherDept }])).id;
  await rate(excellent, 2025, 'excellent');
  await rate(good, 2025, 'good');
  await rate(good, 2024, 'good');
  await rate(completed, 2025, 'completed');
  await rate(reprimanded, 2025, 'good');
  await rate(otherGood, 2025, 'good', otherTenantId);
  await handle.db.insertInto('disciplines').values({
    tenant_id: tenantId, id: uuidv7(), person_id: reprimanded, organisation_id: null, form: 'reprimand', starts_on: '2025-03-01', ends_on: '2025-12-31',
    created_at: new Date(), updated_at: new Date(),
  }).execute();
});
afterAll(async () => { await app?.close(); await handle?.close(); });

const ldtt = async (session: Session, personId: string, year = 2025) => {
  const r = await session.request({ method: 'GET', url: `/api/eligibility/people/${personId}?year=${year}` });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().results.find((x: { awardForm: string }) => x.awardForm === 'lao_dong_tien_tien');
};

describe('the tenant\'s own forms', () => {
  let formCode: string;

  it('a ministry adds its minister\'s Bằng khen with recipients, level, authority, procedure and money', async () => {
    const r = await admin.request({ method: 'POST', url: '/api/catalogue/forms', payload: ministryForm() });
    expect(r.statusCode, r.body).toBe(201);
    const form = r.json();
    formCode = form.code;
    expect(form).toMatchObject({ displayCode: 'bang_khen_bo_truong', shared: false, level: 'ministry', category: 'award', version: 1,
      recipientKinds: ['individual', 'collective'], conferredBy: 'Bộ trưởng Bộ Tài chính' });
    expect(form.procedure).toMatchObject({ councilVote: true, thresholdPercent: 70, custom: true });
    // offered for plans and nominations, and its money is coefficient × base salary (1.5 × 2,340,000đ)
    const offered = (await admin.request({ method: 'GET', url: '/api/award-forms' })).json().items.map((f: { code: string }) => f.code);
    expect(offered).toContain(formCode);
    const money = await admin.request({ method: 'GET', url: `/api/catalogue/money?awardForm=${formCode}&recipient=individual&date=2026-01-15` });
    expect(money.json()).toMatchObject({ amount: 3_510_000, coefficient: 1.5, legalBasis: LAW });
    const procedure = (await admin.request({ method: 'GET', url: '/api/nominations/procedures' })).json().items.find((p: { awardForm: string }) => p.awardForm === formCode);
    expect(procedure).toMatchObject({ councilVote: true, thresholdPercent: 70 });
  });

  it('adds orders with their class, commemorative medals and household titles the standing agency at the root keeps', async () => {
    const medal = await standing.request({ method: 'POST', url: '/api/catalogue/forms', payload: {
      ...ministryForm('ky_niem_chuong_tai_chinh'), name: 'Kỷ niệm chương Vì sự nghiệp Tài chính Việt Nam', group: 'commemorative_medal',
      recipientKinds: ['individual'], coefficients: [], procedure: undefined } });
    expect(medal.statusCode, medal.body).toBe(201);
    expect(medal.json().procedure.custom).toBe(false);
    const household = await standing.request({ method: 'POST', url: '/api/catalogue/forms', payload: {
      ...ministryForm('gia_dinh_van_hoa'), name: 'Gia đình văn hóa', group: 'emulation_title', recipientKinds: ['household'], level: 'commune',
      conferredBy: 'Chủ tịch UBND cấp xã', coefficients: [], procedure: undefined } });
    expect(household.statusCode, household.body).toBe(201);
    expect(household.json()).toMatchObject({ category: 'title', recipientKinds: ['household'], level: 'commune' });
  });

  it('keeps codes unique in the tenant, shared codes included', async () => {
    for (const code of ['bang_khen_bo_truong', 'giay_khen']) {
      const r = await admin.request({ method: 'POST', url: '/api/catalogue/forms', payload: ministryForm(code) });
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json().error.message).toContain(`Mã "${code}" đã được dùng`);
    }
    const bad = await admin.request({ method: 'POST', url: '/api/catalogue/forms', payload: { ...ministryForm('Bằng khen'), level: 'galaxy' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['code', 'level']));
  });

  it('refuses a stale edit with 409 in Vietnamese, and the first edit stands', async () => {
    const first = await admin.request({ method: 'PUT', url: `/api/catalogue/forms/${formCode}`, payload: { ...ministryForm(), name: 'Bằng khen của Bộ trưởng', version: 1 } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await standing.request({ method: 'PUT', url: `/api/catalogue/forms/${formCode}`, payload: { ...ministryForm(), name: 'Bằng khen Bộ', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'catalogue.stale' });
    expect(stale.json().error.message).toMatch(/vừa được người khác sửa.*tải lại/);
    const now = (await admin.request({ method: 'GET', url: '/api/catalogue/forms' })).json().items.find((f: { code: string }) => f.code === formCode);
    expect(now).toMatchObject({ name: 'Bằng khen của Bộ trưởng', version: 2 });
  });

  it('does not let anyone edit a shared statutory form', async () => {
    const r = await admin.request({ method: 'PUT', url: '/api/catalogue/forms/giay_khen', payload: { ...ministryForm('giay_khen'), version: 1 } });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('catalogue.shared_form');
  });

  it('deletes an unused form, but only retires one an award used', async () => {
    const award = await admin.request({ method: 'POST', url: '/api/records/awards', payload: { personId: excellent, year: 2025, awardForm: formCode, decisionNumber: '15/QĐ-BTC' } });
    expect(award.statusCode, award.body).toBe(201);
    const used = await admin.request({ method: 'DELETE', url: `/api/catalogue/forms/${formCode}` });
    expect(used.statusCode).toBe(409);
    expect(used.json().error.message).toContain('không xóa được, chỉ có thể ngừng áp dụng');
    const spare = await admin.request({ method: 'POST', url: '/api/catalogue/forms', payload: ministryForm('nhap_nham') });
    const gone = await admin.request({ method: 'DELETE', url: `/api/catalogue/forms/${spare.json().code}` });
    expect(gone.statusCode, gone.body).toBe(204);
    expect((await admin.request({ method: 'GET', url: '/api/catalogue/forms' })).json().items.map((f: { displayCode: string }) => f.displayCode)).not.toContain('nhap_nham');
  });

  it('another tenant sees none of it, may use the same code, and cannot touch the ministry\'s form', async () => {
    const seen = (await otherAdmin.request({ method: 'GET', url: '/api/catalogue/forms' })).json().items;
    expect(seen.map((f: { code: string }) => f.code)).not.toContain(formCode);
    expect(seen.every((f: { shared: boolean }) => f.shared)).toBe(true);
    expect((await otherAdmin.request({ method: 'GET', url: '/api/award-forms' })).json().items.map((f: { code: string }) => f.code)).not.toContain(formCode);
    const same = await otherAdmin.request({ method: 'POST', url: '/api/catalogue/forms', payload: ministryForm() });
    expect(same.statusCode, same.body).toBe(201);
    expect(same.json().code).not.toBe(formCode);
    for (const call of [
      { method: 'PUT' as const, url: `/api/catalogue/forms/${formCode}`, payload: { ...ministryForm(), version: 2 } },
      { method: 'POST' as const, url: `/api/catalogue/forms/${formCode}/retirement`, payload: { retiredOn: '2026-01-01', citation: 'Quyết định khác' } },
      { method: 'GET' as const, url: `/api/catalogue/forms/${formCode}/rules` },
      { method: 'GET' as const, url: `/api/catalogue/money?awardForm=${formCode}&recipient=individual&date=2026-01-15` },
    ]) {
      const r = await otherAdmin.request(call);
      if (call.url.includes('/money')) expect(r.json()).toBeNull();
      else expect(r.statusCode, `${call.method} ${call.url}`).toBe(404);
    }
    // a nomination of the other tenant cannot name the ministry's form
    const batch = await otherAdmin.request({ method: 'POST', url: '/api/nominations/batches', payload: {
      organisationId: (await handle.db.selectFrom('organisations').select('id').where('tenant_id', '=', otherTenantId).where('name', '=', 'Sở Tài chính').executeTakeFirstOrThrow()).id,
      receivingOrganisationId: (await handle.db.selectFrom('organisations').select('id').where('tenant_id', '=', otherTenantId).where('name', '=', 'UBND tỉnh Sơn Hà').executeTakeFirstOrThrow()).id,
      kind: 'merit', awardForm: formCode } });
    expect(batch.statusCode, batch.body).toBe(404);
  });
});

describe('the rule editor', () => {
  const preview = (session: Session, rule: unknown, extra: Record<string, unknown> = {}) =>
    session.request({ method: 'POST', url: '/api/catalogue/forms/lao_dong_tien_tien/rules/preview', payload: { recipient: 'individual', year: 2025, rule, ...extra } });

  it('previews who loses under a stricter draft, on the whole agency, against the rule in force', async () => {
    const r = await preview(standing, LDTT_EXCELLENT);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.organisation.name).toBe('Bộ Tài chính');
    expect(body.current).toMatchObject({ version: 0, legalBasis: LAW });
    expect(body.total).toBe(4);
    // in force: rated good or better, no reprimand → An and Bình; the draft asks excellent → An only
    expect(body.counts).toEqual({ current: { met: 2, attest: 0 }, draft: { met: 1, attest: 0 }, gains: 0, losses: 1 });
    expect(body.losses).toEqual([{ id: good, name: 'Phạm Văn Bình', current: 'met', draft: 'unmet' }]);
    expect(body.gains).toEqual([]);
  });

  it('previews who gains under a looser draft, paged', async () => {
    const body = (await preview(standing, LDTT_COMPLETED)).json();
    expect(body.counts).toMatchObject({ draft: { met: 4 }, gains: 2, losses: 0 });
    // sorted by given name: Cường before Dung
    expect(body.gains.map((g: { name: string }) => g.name)).toEqual(['Trần Văn Cường', 'Đỗ Thị Dung']);
    const second = (await preview(standing, LDTT_COMPLETED, { page: 2, pageSize: 1 })).json();
    expect(second.gains.map((g: { id: string }) => g.id)).toEqual([reprimanded]);
    // one unit's people only
    const unit = (await preview(standing, LDTT_COMPLETED, { organisationId: tax.id })).json();
    expect(unit).toMatchObject({ total: 1, counts: { gains: 1 } });
  });

  it('refuses an invalid rule with 400 naming the field, in Vietnamese or English', async () => {
    const r = await preview(standing, { type: 'all', rules: [{ type: 'rating', atLeast: 'superb', years: { last: 1 } }] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toBe('Dữ liệu gửi lên không hợp lệ.');
    expect(r.json().error.details.issues.map((i: { path: string }) => i.path)).toContain('rule.rules.0.atLeast');
    const en = await standing.request({ method: 'POST', url: '/api/catalogue/forms/lao_dong_tien_tien/rules', headers: { 'accept-language': 'en' },
      payload: { recipient: 'individual', legalBasis: LAW, validFrom: '2025-07-01', rule: { type: 'all', rules: [{ type: 'title', awardForm: 'khong_co', years: { last: 1 } }] },
        citation: 'Quyết định 1234/QĐ-BTC', article: 'Điều 5', baseVersion: 0 } });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.message).toContain('not in this catalogue');
    expect(en.json().error.details.issues[0].path).toBe('rule.rules.0.awardForm');
    const uncited = await standing.request({ method: 'POST', url: '/api/catalogue/forms/lao_dong_tien_tien/rules',
      payload: { recipient: 'individual', legalBasis: LAW, validFrom: '2025-07-01', rule: LDTT_EXCELLENT, citation: '', article: '', baseVersion: 0 } });
    expect(uncited.statusCode).toBe(400);
    expect(uncited.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['citation', 'article']));
    // nothing was saved
    expect((await handle.db.selectFrom('eligibility_rule_versions').select('id').where('tenant_id', '=', tenantId).execute())).toEqual([]);
  });

  it('saves a cited version that the eligibility evaluation then applies, keeping the old one', async () => {
    expect((await ldtt(officer, good)).status).toBe('met');
    const saved = await standing.request({ method: 'POST', url: '/api/catalogue/forms/lao_dong_tien_tien/rules', payload: {
      recipient: 'individual', legalBasis: LAW, validFrom: '2025-07-01', rule: LDTT_EXCELLENT,
      citation: 'Quyết định 1234/QĐ-BTC quy định tiêu chuẩn danh hiệu thi đua của Bộ', article: 'Điều 5', baseVersion: 0 } });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toEqual({ version: 1, validFrom: '2025-07-01' });
    // the person's page and the "who qualifies" list both judge 2025 by version 1
    const judged = await ldtt(officer, good);
    expect(judged.status).toBe('unmet');
    expect(judged.citation).toBe('Quyết định 1234/QĐ-BTC quy định tiêu chuẩn danh hiệu thi đua của Bộ, Điều 5');
    const list = (await standing.request({ method: 'GET', url: `/api/eligibility?organisationId=${root.id}&awardForm=lao_dong_tien_tien&year=2025` })).json();
    expect(list.counts).toMatchObject({ met: 1 });
    // 2024 is judged under Decree 98/2023, which the version does not touch
    expect((await ldtt(officer, good, 2024)).status).toBe('met');
    const history = (await officer.request({ method: 'GET', url: '/api/catalogue/forms/lao_dong_tien_tien/rules' })).json();
    expect(history.versions[0]).toMatchObject({ version: 1, validFrom: '2025-07-01', author: expect.any(String), article: 'Điều 5', shared: false });
    expect(history.versions.filter((v: { version: number; legalBasis: string }) => v.version === 0 && v.legalBasis === LAW)).toHaveLength(1);
    // the preview now compares against version 1
    expect((await preview(standing, LDTT_EXCELLENT)).json()).toMatchObject({ current: { version: 1 }, counts: { gains: 0, losses: 0 } });
  });

  it('refuses a save on top of a version someone else replaced (409, reload)', async () => {
    const r = await admin.request({ method: 'POST', url: '/api/catalogue/forms/lao_dong_tien_tien/rules', payload: {
      recipient: 'individual', legalBasis: LAW, validFrom: '2025-07-01', rule: LDTT_COMPLETED, citation: 'Quyết định 99/QĐ-BTC', article: 'Điều 1', baseVersion: 0 } });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toMatch(/phiên bản mới \(1\).*tải lại/);
  });

  it('leaves another tenant\'s evaluation alone', async () => {
    expect((await ldtt(otherAdmin, otherGood)).status).toBe('met');
    expect((await ldtt(otherAdmin, otherGood)).citation).toBe('Luật Thi đua, khen thưởng 2022, Điều 24');
  });
});

describe('retiring a form', () => {
  it('takes it out of what is offered here, keeps its history, and leaves the other tenant\'s catalogue as it was', async () => {
    const before = await admin.request({ method: 'POST', url: '/api/records/awards', payload: { organisationId: finance.id, year: 2024, awardForm: 'giay_khen', decisionNumber: '9/QĐ-BTC' } });
    expect(before.statusCode, before.body).toBe(201);
    const r = await standing.request({ method: 'POST', url: '/api/catalogue/forms/giay_khen/retirement', payload: { retiredOn: '2026-01-01', citation: 'Quyết định 55/QĐ-BTC' } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ retiredOn: '2026-01-01', shared: true });
    expect((await admin.request({ method: 'GET', url: '/api/award-forms' })).json().items.map((f: { code: string }) => f.code)).not.toContain('giay_khen');
    const batch = await admin.request({ method: 'POST', url: '/api/nominations/batches', payload: { organisationId: finance.id, receivingOrganisationId: root.id, kind: 'merit', awardForm: 'giay_khen' } });
    expect(batch.statusCode).toBe(409);
    expect(batch.json().error.message).toContain('đã ngừng áp dụng');
    const unit = (await admin.request({ method: 'GET', url: `/api/eligibility/organisations/${finance.id}?year=2025` })).json();
    expect(unit.results.map((x: { awardForm: string }) => x.awardForm)).not.toContain('giay_khen');
    // history stays: the award is still on the unit's record
    const record = (await admin.request({ method: 'GET', url: `/api/organisations/${finance.id}/record` })).json();
    expect(JSON.stringify(record)).toContain('9/QĐ-BTC');
    // the other tenant still offers it
    expect((await otherAdmin.request({ method: 'GET', url: '/api/award-forms' })).json().items.map((f: { code: string }) => f.code)).toContain('giay_khen');
    // and it can be offered again
    const back = await standing.request({ method: 'DELETE', url: '/api/catalogue/forms/giay_khen/retirement' });
    expect(back.json().retiredOn).toBeNull();
  });
});

describe('retiring from a later day', () => {
  it('keeps the form offered until the day it is retired from', async () => {
    const r = await standing.request({ method: 'POST', url: '/api/catalogue/forms/tap_the_lao_dong_tien_tien/retirement', payload: { retiredOn: '2027-01-01', citation: 'Quyết định 56/QĐ-BTC' } });
    expect(r.statusCode, r.body).toBe(200);
    // the clock says 21/11/2026
    expect((await admin.request({ method: 'GET', url: '/api/award-forms' })).json().items.map((f: { code: string }) => f.code)).toContain('tap_the_lao_dong_tien_tien');
    const batch = await admin.request({ method: 'POST', url: '/api/nominations/batches', payload: { organisationId: finance.id, receivingOrganisationId: root.id, kind: 'merit', awardForm: 'tap_the_lao_dong_tien_tien' } });
    expect(batch.statusCode, batch.body).toBe(201);
    await standing.request({ method: 'DELETE', url: '/api/catalogue/forms/tap_the_lao_dong_tien_tien/retirement' });
  });
});

describe('who keeps the catalogue', () => {
  it('a unit officer, or the standing agency of a department, gets 403 and changes nothing', async () => {
    for (const session of [officer, deptStanding]) {
      for (const call of [
        { method: 'POST' as const, url: '/api/catalogue/forms', payload: ministryForm(`khong_duoc_${Math.random().toString(36).slice(2, 6)}`) },
        { method: 'POST' as const, url: '/api/catalogue/forms/giay_khen/retirement', payload: { retiredOn: '2026-01-01', citation: 'Không có quyền' } },
        { method: 'POST' as const, url: '/api/catalogue/forms/lao_dong_tien_tien/rules/preview', payload: { recipient: 'individual', year: 2025, rule: LDTT_COMPLETED } },
        { method: 'POST' as const, url: '/api/catalogue/forms/lao_dong_tien_tien/rules', payload: { recipient: 'individual', legalBasis: LAW, validFrom: '2025-07-01',
          rule: LDTT_COMPLETED, citation: 'Quyết định 1/QĐ', article: 'Điều 1', baseVersion: 1 } },
      ]) {
        const r = await session.request(call);
        expect(r.statusCode, `${call.url}: ${r.body}`).toBe(403);
      }
    }
    expect((await handle.db.selectFrom('award_form_retirements').select('award_form').where('tenant_id', '=', tenantId).execute())).toEqual([]);
    expect((await handle.db.selectFrom('eligibility_rule_versions').select('version').where('tenant_id', '=', tenantId).execute())).toHaveLength(1);
    const list = (await officer.request({ method: 'GET', url: '/api/catalogue/forms' })).json();
    expect(list.canManage).toBe(false);
    expect((await standing.request({ method: 'GET', url: '/api/catalogue/forms' })).json().canManage).toBe(true);
  });
});
