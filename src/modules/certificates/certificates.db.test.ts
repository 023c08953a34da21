import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { flat, readPdfText } from '../../platform/documents/readback.testing.ts';
import { formatCode } from './model.ts';
import { newVerificationCode, reviseAwards } from '../awards/index.ts';

/**
 * Certificates as an office uses them: print the Bằng khen with its QR code, anyone checks the paper
 * on the public page, and a later decision revokes the award — which then leaves the record's
 * eligibility, refuses to print, and reads "revoked" on the public page.
 */
const BASE_URL = 'https://thiduakhenthuong.sonla.gov.vn';
let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let root: BuiltOrganisation, dept: BuiltOrganisation, other: BuiltOrganisation;
let officer: Session, head: Session, standing: Session, outsider: Session;
let nhung: string, ben: string;

interface AwardView { id: string; awardForm: string; year: number; verificationCode: string | null; printable: boolean; revokedOn: string | null; revocationNumber: string | null; heldBy: string | null }

async function award(session: Session, payload: Record<string, unknown>): Promise<AwardView> {
  const r = await session.request({ method: 'POST', url: '/api/records/awards', payload });
  expect(r.statusCode, r.body).toBe(201);
  const id = r.json().id as string;
  const subject = payload.personId ? `people/${payload.personId as string}` : `organisations/${payload.organisationId as string}`;
  const record = (await session.request({ method: 'GET', url: `/api/${subject}/record` })).json();
  return record.awards.find((a: AwardView) => a.id === id);
}

const bangKhen = () => ({
  personId: nhung, awardForm: 'bang_khen_tinh', year: 2024, decisionNumber: '125/QĐ-UBND', decidedOn: '2025-01-20',
  decidedBy: 'Chủ tịch UBND tỉnh Sơn La', reason: 'Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2023 và năm 2024',
});
const revocation = { decisionNumber: '88/QĐ-UBND', decidedOn: '2026-10-05', decidedBy: 'Chủ tịch UBND tỉnh Sơn La',
  reason: 'Hồ sơ đề nghị khen thưởng kê khai không trung thực thành tích năm 2023' };

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle, { publicBaseUrl: BASE_URL, verifyRatePerMinute: 1000 }));
  tenantId = (await buildTenant(handle.db, 'sonla')).id;
  root = await buildOrganisation(handle.db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn La' });
  dept = await buildOrganisation(handle.db, tenantId, root, { name: 'Sở Giáo dục và Đào tạo' });
  other = await buildOrganisation(handle.db, tenantId, root, { name: 'Sở Y tế' });
  await buildUser(handle.db, tenantId, 'unit_officer', dept, { username: 'canbo' });
  await buildUser(handle.db, tenantId, 'unit_head', dept, { username: 'giamdoc' });
  await buildUser(handle.db, tenantId, 'standing_officer', root, { username: 'thuongtruc' });
  await buildUser(handle.db, tenantId, 'unit_head', other, { username: 'giamdoc.yte' });
  officer = await signIn(app, 'canbo');
  head = await signIn(app, 'giamdoc');
  standing = await signIn(app, 'thuongtruc');
  outsider = await signIn(app, 'giamdoc.yte');
  nhung = (await buildPerson(handle.db, tenantId, 'Nguyễn Thị Hồng Nhung', [{ organisation: dept, position: 'Phó Trưởng phòng Giáo dục trung học' }],
    { gender: 'female', birthYear: 1983 })).id;
  ben = (await buildPerson(handle.db, tenantId, 'Trần Văn Bền', [{ organisation: dept }])).id;
});
afterAll(async () => { await app?.close(); await handle?.close(); });

describe('the verification code', () => {
  it('every award entered with a decision gets a 12-character Crockford code; only certificate forms are printable', async () => {
    const bk = await award(officer, { ...bangKhen(), decisionNumber: '10/QĐ-UBND' });
    expect(bk.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/u);
    expect(bk.printable).toBe(true);
    const ldtt = await award(officer, { personId: nhung, awardForm: 'lao_dong_tien_tien', year: 2024, decisionNumber: '45/QĐ-SGDĐT' });
    expect(ldtt.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/u);
    expect(ldtt.printable).toBe(false);
    const codes = new Set(Array.from({ length: 2000 }, newVerificationCode));
    expect(codes.size).toBe(2000);
  });
});

describe('the certificate', () => {
  it('prints BẰNG KHEN on A4 landscape with the recipient, decision, code and QR address, Tinos embedded', async () => {
    const bk = await award(officer, bangKhen());
    const r = await officer.request({ method: 'GET', url: `/api/awards/${bk.id}/certificate.pdf` });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const raw = r.rawPayload;
    expect(raw.includes(Buffer.from('/FontFile2'))).toBe(true);
    expect(raw.includes(Buffer.from('Tinos-Bold'))).toBe(true);
    expect(raw.includes(Buffer.from('/MediaBox [0 0 841.89 595.28]'))).toBe(true);
    const { pageCount, pages } = await readPdfText(raw);
    expect(pageCount).toBe(1);
    const text = flat(pages[0]!);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA', 'BẰNG KHEN', 'Tặng',
      'Bà Nguyễn Thị Hồng Nhung', 'Phó Trưởng phòng Giáo dục trung học, Sở Giáo dục và Đào tạo',
      'Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2023 và năm 2024', 'Quyết định số 125/QĐ-UBND ngày 20/01/2025',
      'sonla, ngày 20 tháng 01 năm 2025', 'CHỦ TỊCH', formatCode(bk.verificationCode!), `${BASE_URL}/xac-minh/${formatCode(bk.verificationCode!)}`,
    ]) expect(text).toContain(expected);
  });

  it('a collective\'s Giấy khen names the unit under its parent', async () => {
    const gk = await award(officer, { organisationId: dept.id, awardForm: 'giay_khen', year: 2025, decisionNumber: '12/QĐ-UBND',
      decidedOn: '2026-01-15', decidedBy: 'Chủ tịch UBND tỉnh Sơn La', reason: 'Đã có thành tích trong phong trào thi đua "Dân vận khéo"' });
    const r = await officer.request({ method: 'GET', url: `/api/awards/${gk.id}/certificate.pdf` });
    expect(r.statusCode, r.body).toBe(200);
    const text = flat((await readPdfText(r.rawPayload)).pages[0]!);
    expect(text).toContain('GIẤY KHEN');
    expect(text).toContain('Sở Giáo dục và Đào tạo');
    expect(text).toContain('Thuộc Ủy ban nhân dân tỉnh Sơn La');
    expect(text).toContain('"Dân vận khéo"');
  });

  it('awards imported from a spreadsheet get their codes too', async () => {
    await handle.db.updateTable('people').set({ code: 'CB-0099' }).where('id', '=', ben).execute();
    const csv = ['Mã cán bộ,Mã đơn vị,Năm,"Hình thức (danh hiệu, khen thưởng)","Loại khen thưởng (Công trạng/Theo đợt, chuyên đề/Đột xuất/Cống hiến)",Nội dung,Số quyết định,Ngày quyết định,Cấp quyết định',
      'CB-0099,,2025,Giấy khen,Công trạng,Đã có thành tích,31/QĐ-SGDĐT,15/01/2026,Giám đốc Sở Giáo dục và Đào tạo'].join('\n');
    const r = await officer.request({ method: 'POST', url: '/api/records/import?kind=awards&dryRun=false', payload: Buffer.from(csv), headers: { 'content-type': 'text/csv' } });
    expect(r.statusCode, r.body).toBe(200);
    const row = await handle.db.selectFrom('awards').select(['verification_code']).where('person_id', '=', ben).where('decision_number', '=', '31/QĐ-SGDĐT').executeTakeFirstOrThrow();
    expect(row.verification_code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/u);
  });

  it('refuses a title without a certificate of its own (409), an unknown or out-of-scope award (404)', async () => {
    const ldtt = await award(officer, { personId: ben, awardForm: 'lao_dong_tien_tien', year: 2025, decisionNumber: '46/QĐ-SGDĐT' });
    const refused = await officer.request({ method: 'GET', url: `/api/awards/${ldtt.id}/certificate.pdf` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('certificate.not_a_certificate');
    expect(refused.json().error.message).toContain('"Lao động tiên tiến" không có mẫu bằng khen, giấy khen');
    const bk = await award(officer, { ...bangKhen(), decisionNumber: '11/QĐ-UBND' });
    expect((await outsider.request({ method: 'GET', url: `/api/awards/${bk.id}/certificate.pdf` })).statusCode).toBe(404);
    expect((await officer.request({ method: 'GET', url: '/api/awards/0190aaaa-0000-7000-8000-000000000000/certificate.pdf' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/awards/${bk.id}/certificate.pdf` })).statusCode).toBe(401);
  });
});

describe('the public verification', () => {
  const KEYS = ['awardFormName', 'decidedBy', 'decidedOn', 'decisionNumber', 'recipientName', 'unitName', 'year'];

  it('answers valid without sign-in, whatever the case, dashes and spaces, and shows only what the paper shows', async () => {
    const bk = await award(officer, { ...bangKhen(), decisionNumber: '12/QĐ-UBND' });
    const typed = ` ${formatCode(bk.verificationCode!).toLowerCase().replace('-', ' ')} `;
    const r = await app.inject({ method: 'GET', url: `/api/public/verify/${encodeURIComponent(typed)}` });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.status).toBe('valid');
    expect(body.award).toEqual({
      recipientName: 'Nguyễn Thị Hồng Nhung', unitName: 'Sở Giáo dục và Đào tạo', awardFormName: 'Bằng khen của Chủ tịch UBND tỉnh',
      year: 2024, decisionNumber: '12/QĐ-UBND', decidedOn: '2025-01-20', decidedBy: 'Chủ tịch UBND tỉnh Sơn La',
    });
    expect(Object.keys(body.award).sort()).toEqual(KEYS);
    for (const secret of [bk.id, nhung, tenantId, dept.id, '1983', 'female']) expect(r.body).not.toContain(secret);
  });

  it('names a phòng with its agency, as the certificate does', async () => {
    const phong = await buildOrganisation(handle.db, tenantId, dept, { name: 'Phòng Giáo dục trung học', kind: 'sub_unit' });
    const lan = (await buildPerson(handle.db, tenantId, 'Đặng Thị Lan', [{ organisation: phong }], { gender: 'female' })).id;
    const gk = await award(officer, { personId: lan, awardForm: 'giay_khen', year: 2025, decisionNumber: '20/QĐ-SGDĐT', decidedOn: '2026-01-12',
      decidedBy: 'Giám đốc Sở Giáo dục và Đào tạo' });
    const body = (await app.inject({ method: 'GET', url: `/api/public/verify/${gk.verificationCode!}` })).json();
    expect(body.award).toMatchObject({ recipientName: 'Đặng Thị Lan', unitName: 'Phòng Giáo dục trung học, Sở Giáo dục và Đào tạo' });
    const text = flat((await readPdfText((await officer.request({ method: 'GET', url: `/api/awards/${gk.id}/certificate.pdf` })).rawPayload)).pages[0]!);
    expect(text).toContain('GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO');
    expect(text).toContain('Bà Đặng Thị Lan');
  });

  it('answers not_found for an unknown, a malformed and a forged code, with nothing else', async () => {
    for (const code of [newVerificationCode(), 'abc', '<script>alert(1)</script>', 'UUUU-UUUU-UUUU', '7KQ4-M2XD-9TPA-EXTRA']) {
      const r = await app.inject({ method: 'GET', url: `/api/public/verify/${encodeURIComponent(code)}` });
      expect(r.statusCode, code).toBe(200);
      expect(r.json()).toEqual({ status: 'not_found' });
    }
  });

  it('answers 429 in Vietnamese after the per-address limit', async () => {
    const limited = await startTestApp(handle, { verifyRatePerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await limited.app.inject({ method: 'GET', url: '/api/public/verify/ABCD-EFGH-JKMN' })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const r = await limited.app.inject({ method: 'GET', url: '/api/public/verify/ABCD-EFGH-JKMN' });
      expect(r.json().error.message).toContain('Quá nhiều yêu cầu');
    } finally {
      await limited.app.close();
    }
  });
});

describe('revocation (thu hồi)', () => {
  it('records the revocation with the money to recover, marks the award, refuses the certificate and says revoked', async () => {
    const bk = await award(officer, { ...bangKhen(), decisionNumber: '13/QĐ-UBND' });
    const r = await head.request({ method: 'POST', url: `/api/awards/${bk.id}/revocation`, payload: revocation });
    expect(r.statusCode, r.body).toBe(201);
    // 1.5 × the base salary on 20/01/2025 (2,340,000 đ) = 3,510,000 đ (Decree 98/2023, in force on the decision date)
    expect(r.json()).toMatchObject({ awardId: bk.id, decisionNumber: '88/QĐ-UBND', amountToRecover: 3_510_000, amountSource: 'computed' });

    const row = await handle.db.selectFrom('award_revocations').selectAll().where('award_id', '=', bk.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ decided_on: '2026-10-05', amount_to_recover: 3_510_000, reason: revocation.reason });
    const a = await handle.db.selectFrom('awards').selectAll().where('id', '=', bk.id).executeTakeFirstOrThrow();
    expect(a).toMatchObject({ revoked_on: '2026-10-05', revocation_number: '88/QĐ-UBND', verification_code: bk.verificationCode });
    const audit = await handle.db.selectFrom('audit_log').select(['action', 'changes']).where('entity_id', '=', bk.id)
      .where('action', '=', 'record.award.revoke').execute();
    expect(audit).toHaveLength(1);

    const twice = await standing.request({ method: 'POST', url: `/api/awards/${bk.id}/revocation`, payload: revocation });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain('đã bị thu hồi');

    const pdf = await officer.request({ method: 'GET', url: `/api/awards/${bk.id}/certificate.pdf` });
    expect(pdf.statusCode).toBe(409);
    expect(pdf.json().error.message).toContain('đã bị thu hồi (Quyết định số 88/QĐ-UBND ngày 05/10/2026)');

    const check = (await app.inject({ method: 'GET', url: `/api/public/verify/${bk.verificationCode!}` })).json();
    expect(check.status).toBe('revoked');
    expect(check.award).toMatchObject({ revokedOn: '2026-10-05', revocationNumber: '88/QĐ-UBND', decisionNumber: '13/QĐ-UBND' });

    const record = (await officer.request({ method: 'GET', url: `/api/people/${nhung}/record` })).json();
    expect(record.awards.find((x: AwardView) => x.id === bk.id)).toMatchObject({ revokedOn: '2026-10-05', revocationNumber: '88/QĐ-UBND', printable: false, heldBy: 'revocation' });

    // the record keeps a revoked award with its revocation: deleting it is refused (409, not a foreign key's 500)
    const deleted = await officer.request({ method: 'DELETE', url: `/api/records/awards/${bk.id}` });
    expect(deleted.statusCode, deleted.body).toBe(409);
    expect(deleted.json().error).toMatchObject({ code: 'award.revoked_kept' });
    expect(deleted.json().error.message).toContain('Quyết định số 88/QĐ-UBND');
    expect(await handle.db.selectFrom('awards').select('id').where('id', '=', bk.id).executeTakeFirst()).toBeDefined();
  });

  it('an award entered by hand and never revoked may still be deleted', async () => {
    const gk = await award(officer, { personId: ben, awardForm: 'giay_khen', year: 2025, decisionNumber: '16/QĐ-UBND', decidedOn: '2026-01-15' });
    expect(gk).toMatchObject({ heldBy: null });
    const deleted = await officer.request({ method: 'DELETE', url: `/api/records/awards/${gk.id}` });
    expect(deleted.statusCode, deleted.body).toBe(204);
  });

  it('recovers the amount recorded as paid when there is one', async () => {
    const gk = await award(officer, { organisationId: dept.id, awardForm: 'giay_khen', year: 2025, decisionNumber: '14/QĐ-UBND', decidedOn: '2026-01-15' });
    await reviseAwards(handle.db, tenantId, { awardIds: [gk.id] }, { set: { amount: 2_000_000 } });
    const r = await standing.request({ method: 'POST', url: `/api/awards/${gk.id}/revocation`, payload: revocation });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ amountToRecover: 2_000_000, amountSource: 'recorded' });
  });

  it('is refused to an officer who keeps records (403), outside the subtree (404), and on bad input (400 in Vietnamese), changing nothing', async () => {
    const bk = await award(officer, { ...bangKhen(), decisionNumber: '15/QĐ-UBND' });
    const url = `/api/awards/${bk.id}/revocation`;
    expect((await officer.request({ method: 'POST', url, payload: revocation })).statusCode).toBe(403);
    expect((await outsider.request({ method: 'POST', url, payload: revocation })).statusCode).toBe(404);

    const missing = await head.request({ method: 'POST', url, payload: { ...revocation, reason: '', decidedOn: '05/10/2026' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe('Dữ liệu gửi lên không hợp lệ.');
    const issues = missing.json().error.details.issues as { path: string; message: string }[];
    expect(issues.map((d) => d.path).sort()).toEqual(['decidedOn', 'reason']);
    // zod's Vietnamese wording for the empty reason
    expect(issues.find((d) => d.path === 'reason')!.message).toContain('Quá nhỏ');

    const early = await head.request({ method: 'POST', url, payload: { ...revocation, decidedOn: '2025-01-10' } });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toBe('Ngày quyết định thu hồi không được trước ngày quyết định khen thưởng (20/01/2025).');
    const future = await head.request({ method: 'POST', url, payload: { ...revocation, decidedOn: '2027-01-01' } });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toContain('không được sau ngày hôm nay');

    const a = await handle.db.selectFrom('awards').select(['revoked_on']).where('id', '=', bk.id).executeTakeFirstOrThrow();
    expect(a.revoked_on).toBeNull();
    expect(await handle.db.selectFrom('award_revocations').select('id').where('award_id', '=', bk.id).execute()).toEqual([]);
  });

  it('a revoked award no longer counts toward a rule: Chiến sĩ thi đua cấp tỉnh misses the revoked year', async () => {
    for (const year of [2023, 2024, 2025]) {
      await award(officer, { personId: ben, awardForm: 'chien_si_thi_dua_co_so', year, decisionNumber: `${year}/QĐ-CSTĐ`, decidedOn: `${year + 1}-01-10` });
    }
    const reasons = async () => {
      const r = await officer.request({ method: 'GET', url: `/api/eligibility/people/${ben}?year=2025` });
      expect(r.statusCode, r.body).toBe(200);
      return (r.json().results.find((x: { awardForm: string }) => x.awardForm === 'chien_si_thi_dua_tinh').reasons as string[]).join('\n');
    };
    expect(await reasons()).not.toMatch(/Năm 2024: chưa đạt "Chiến sĩ thi đua cơ sở"/u);
    const record = (await officer.request({ method: 'GET', url: `/api/people/${ben}/record` })).json();
    const cstd2024 = record.awards.find((x: AwardView) => x.awardForm === 'chien_si_thi_dua_co_so' && x.year === 2024);
    const r = await head.request({ method: 'POST', url: `/api/awards/${cstd2024.id}/revocation`, payload: { ...revocation, decidedOn: '2026-03-01' } });
    expect(r.statusCode, r.body).toBe(201);
    expect(await reasons()).toMatch(/Năm 2024: chưa đạt "Chiến sĩ thi đua cơ sở"/u);
  });
});
