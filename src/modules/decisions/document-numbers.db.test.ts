import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { buildAppraisedBatch } from './fixtures.testing.ts';

/**
 * The register of document numbers (issue 17.1): the provincial Office (Văn phòng UBND tỉnh) numbers its plans
 * (…/KH-VP) and its award decisions (…/QĐ-VP) in one register per symbol and year. It proposes the next number,
 * refuses one already given — by a plan or a decision, or at the same instant — and never takes text for a number.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let office: BuiltOrganisation;
let subUnit: BuiltOrganisation;
let head: Session;
let officer: Session;
let named = 0;

const signer = { authority: null, authorityBody: '', title: 'Chánh Văn phòng UBND tỉnh', name: 'Nguyễn Văn A' };
const draft = (candidateIds: string[], over: Record<string, unknown> = {}) => ({
  candidateIds, number: 1, symbol: 'QĐ-VP', signedOn: '2026-08-05', place: 'Sơn La', signer,
  reason: 'Đã có thành tích xuất sắc trong phong trào thi đua năm 2025', budgetSource: '', ...over,
});

async function candidate() {
  const p = await buildPerson(handle.db, tenantId, `Nguyễn Văn Số ${++named}`, [{ organisation: subUnit, position: 'Chuyên viên' }]);
  return (await buildAppraisedBatch(handle.db, tenantId, { unit: subUnit, receiving: office }, [{ person: p }])).candidateIds[0]!;
}

async function plan(documentSymbol = 'KH-VP') {
  const created = await officer.request({ method: 'POST', url: '/api/movements', payload: {
    organisationId: office.id, kind: 'campaign', name: `Đợt thi đua số ${++named} của Văn phòng`, documentSymbol,
    periodStart: '2026-01-01', periodEnd: '2026-12-31', plan: {} } });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id as string;
}

const issue = (id: string, payload: Record<string, unknown>) =>
  officer.request({ method: 'POST', url: `/api/movements/${id}/issue`, payload: { issuedOn: '2026-03-02', ...payload } });
const proposedForPlan = async (id: string, query = 'year=2026') =>
  (await officer.request({ method: 'GET', url: `/api/movements/${id}/next-number?${query}` })).json();
const proposedForDecision = async (candidateId: string, symbol = 'QĐ-VP', year = 2026) =>
  (await head.request({ method: 'GET', url: `/api/decisions/next-number?candidateId=${candidateId}&symbol=${encodeURIComponent(symbol)}&year=${year}` })).json();
const registered = async () => Number((await handle.db.selectFrom('document_numbers').select((eb) => eb.fn.countAll().as('n'))
  .where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).n);
const audited = async () => Number((await handle.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n'))
  .where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  tenantId = (await buildTenant(handle.db)).id;
  const root = await buildOrganisation(handle.db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn La' });
  office = await buildOrganisation(handle.db, tenantId, root, { name: 'Văn phòng UBND tỉnh' });
  subUnit = await buildOrganisation(handle.db, tenantId, office, { name: 'Phòng Hành chính - Tổ chức', kind: 'sub_unit' });
  await buildUser(handle.db, tenantId, 'unit_head', office, { username: 'chanh.vp' });
  await buildUser(handle.db, tenantId, 'unit_officer', office, { username: 'vanthu.vp' });
  head = await signIn(app, 'chanh.vp');
  officer = await signIn(app, 'vanthu.vp');
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('the register proposes the next number', () => {
  it('one past the highest the issuer took with the symbol that year, 1 in a new series', async () => {
    const id = await plan();
    expect(await proposedForPlan(id)).toEqual({ number: 1, symbol: 'KH-VP', year: 2026 });
    expect((await issue(id, { documentNumber: 245 })).statusCode).toBe(200);
    const next = await plan();
    expect(await proposedForPlan(next)).toMatchObject({ number: 246 });
    // another symbol, another year: another series
    expect(await proposedForPlan(next, 'year=2026&symbol=KH-HĐTĐKT')).toEqual({ number: 1, symbol: 'KH-HĐTĐKT', year: 2026 });
    expect(await proposedForPlan(next, 'year=2027')).toMatchObject({ number: 1 });

    const c = await candidate();
    expect(await proposedForDecision(c)).toEqual({ number: 1, symbol: 'QĐ-VP', year: 2026 });
    const made = await head.request({ method: 'POST', url: '/api/decisions', payload: draft([c], { number: 45 }) });
    expect(made.statusCode, made.body).toBe(201);
    expect(await proposedForDecision(await candidate())).toMatchObject({ number: 46 });
  });

  it('a draft decision renumbered or deleted gives its number back', async () => {
    const c = await candidate();
    const before = (await proposedForDecision(c, 'QĐ-KT')).number;
    const id = (await head.request({ method: 'POST', url: '/api/decisions', payload: draft([c], { symbol: 'QĐ-KT', number: before }) })).json().id;
    expect(await proposedForDecision(await candidate(), 'QĐ-KT')).toMatchObject({ number: before + 1 });
    const renumbered = await head.request({ method: 'PUT', url: `/api/decisions/${id}`, payload: draft([c], { symbol: 'QĐ-KT', number: before + 5 }) });
    expect(renumbered.statusCode, renumbered.body).toBe(204);
    // the old number is free again: another draft takes it
    const other = await head.request({ method: 'POST', url: '/api/decisions', payload: draft([await candidate()], { symbol: 'QĐ-KT', number: before }) });
    expect(other.statusCode, other.body).toBe(201);
    expect((await head.request({ method: 'DELETE', url: `/api/decisions/${id}` })).statusCode).toBe(204);
    expect(await proposedForDecision(c, 'QĐ-KT')).toMatchObject({ number: before + 1 });
  });
});

describe('the register refuses a number already given', () => {
  it('by a plan or a decision of the same issuer, symbol and year, and says which number is free', async () => {
    const c = await candidate();
    expect((await head.request({ method: 'POST', url: '/api/decisions', payload: draft([c], { number: 300 }) })).statusCode).toBe(201);
    // a plan numbered in the decisions' series (an officer's slip) meets the decision's number
    const id = await plan('QĐ-VP');
    const taken = await issue(id, { documentNumber: 300 });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'movement.number_taken', message: expect.stringContaining('Số tiếp theo còn trống: 301') });
    expect((await officer.request({ method: 'GET', url: `/api/movements/${id}` })).json().status).toBe('draft');
    // the same number with the plans' own symbol, or in another year, is free
    expect((await issue(id, { documentNumber: 300, documentSymbol: 'KH-VP' })).statusCode).toBe(200);
    const again = await head.request({ method: 'POST', url: '/api/decisions', payload: draft([await candidate()], { number: 300 }) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/300\/QĐ-VP năm 2026 đã được dùng/);
    expect((await head.request({ method: 'POST', url: '/api/decisions', payload: draft([await candidate()], { number: 300, signedOn: '2025-12-30' }) })).statusCode).toBe(201);
  });

  it('an issued plan keeps its symbol: an amendment cannot change it', async () => {
    const id = await plan();
    const { number } = await proposedForPlan(id);
    expect((await issue(id, { documentNumber: number })).statusCode).toBe(200);
    const amended = await officer.request({ method: 'POST', url: `/api/movements/${id}/amendments`, payload: { reason: 'Sửa ký hiệu văn bản', documentSymbol: 'KH-KHAC' } });
    expect(amended.statusCode).toBe(409);
    expect(amended.json().error.code).toBe('movement.symbol_fixed');
  });
});

describe('two issues at once never share a number', () => {
  it('two plans issued at the same instant with the proposed number: one has it, the other a clean 409', async () => {
    const [a, b] = [await plan(), await plan()];
    const { number } = await proposedForPlan(a);
    const answers = await Promise.all([issue(a, { documentNumber: number }), issue(b, { documentNumber: number })]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = answers.find((r) => r.statusCode === 409)!;
    expect(loser.json().error.code).toBe('movement.number_taken');
    const numbers = await handle.db.selectFrom('movements').select(['id', 'document_number', 'status']).where('tenant_id', '=', tenantId)
      .where('id', 'in', [a, b]).execute();
    expect(numbers.filter((m) => m.document_number === number)).toHaveLength(1);
    expect(numbers.filter((m) => m.status === 'draft')).toHaveLength(1);
  });

  it('five decisions drafted at once, each with the next number it was proposed, end with distinct numbers', async () => {
    const candidates = await Promise.all(Array.from({ length: 5 }, () => candidate()));
    const { number } = await proposedForDecision(candidates[0]!, 'QĐ-TĐKT');
    const first = await Promise.all(candidates.map((c) => head.request({ method: 'POST', url: '/api/decisions', payload: draft([c], { symbol: 'QĐ-TĐKT', number }) })));
    expect(first.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    // each refused officer takes the number proposed now, one after another
    for (const [i, r] of first.entries()) {
      if (r.statusCode === 201) continue;
      const next = (await proposedForDecision(candidates[i]!, 'QĐ-TĐKT')).number;
      expect((await head.request({ method: 'POST', url: '/api/decisions', payload: draft([candidates[i]!], { symbol: 'QĐ-TĐKT', number: next }) })).statusCode).toBe(201);
    }
    const rows = await handle.db.selectFrom('award_decisions').select('number').where('tenant_id', '=', tenantId).where('symbol', '=', 'QĐ-TĐKT').execute();
    expect(rows.map((r) => r.number).sort((x, y) => x - y)).toEqual([number, number + 1, number + 2, number + 3, number + 4]);
    const register = await handle.db.selectFrom('document_numbers').select(['number', 'entity_type']).where('tenant_id', '=', tenantId)
      .where('symbol', '=', 'QĐ-TĐKT').execute();
    expect(register.map((r) => r.number).sort((x, y) => x - y)).toEqual(rows.map((r) => r.number).sort((x, y) => x - y));
  });
});

describe('a number is never made from text', () => {
  it('"512/QĐ-SGDĐT", a sign, a decimal or zero as the number, or a symbol not written as one, is a 400 in Vietnamese that changes nothing', async () => {
    const id = await plan();
    const c = await candidate();
    const [registerBefore, auditBefore] = [await registered(), await audited()];
    for (const documentNumber of ['512/QĐ-SGDĐT', '512', -512, 0, 1.5, 1_000_000, null]) {
      const refused = await issue(id, { documentNumber });
      expect(refused.statusCode, String(documentNumber)).toBe(400);
      expect(refused.json().error.details.issues[0]).toMatchObject({ path: 'documentNumber', message: expect.stringMatching(/^Số văn bản là một số nguyên dương/) });
      expect((await head.request({ method: 'POST', url: '/api/decisions', payload: draft([c], { number: documentNumber }) })).statusCode).toBe(400);
    }
    for (const symbol of ['qđ-vp', 'QĐ VP', 'QĐ/VP', '-VP', '', 'Q'.repeat(51)]) {
      const refused = await head.request({ method: 'POST', url: '/api/decisions', payload: draft([c], { number: 9, symbol }) });
      expect(refused.statusCode, symbol).toBe(400);
      expect(refused.json().error.details.issues[0]).toMatchObject({ path: 'symbol', message: expect.stringMatching(/^Ký hiệu văn bản gồm chữ in hoa/) });
    }
    expect((await issue(id, { documentNumber: 9, documentSymbol: 'kh-vp' })).statusCode).toBe(400);
    // a draft still without a symbol is numbered once it has one
    const bare = await plan('');
    const noSymbol = await issue(bare, { documentNumber: 9 });
    expect(noSymbol.statusCode).toBe(400);
    expect(noSymbol.json().error.code).toBe('document.symbol_invalid');
    expect(await registered()).toBe(registerBefore);
    expect(await audited()).toBe(auditBefore + 1); // the bare plan's creation, nothing else
    expect((await officer.request({ method: 'GET', url: `/api/movements/${id}` })).json()).toMatchObject({ status: 'draft', documentNumber: null });
  });

  it('a whole number kept as written: 512/QĐ-SGDĐT issues as 512 and QĐ-SGDĐT', async () => {
    const id = await plan('');
    const issued = await issue(id, { documentNumber: 512, documentSymbol: 'QĐ-SGDĐT' });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({ documentNumber: 512, documentSymbol: 'QĐ-SGDĐT', status: 'issued' });
  });
});
