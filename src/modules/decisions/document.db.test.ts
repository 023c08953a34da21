import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { docxParagraphs, flat, readDocx, readPdfText } from '../../platform/documents/readback.testing.ts';
import { buildAppraisedBatch } from './fixtures.testing.ts';

/** Quyết định 125/QĐ-VP "Về việc tặng Giấy khen", downloaded as DOCX and PDF and read back. */
let handle: DatabaseHandle;
let app: FastifyInstance;
let head: Session;
let decisionId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  const db = handle.db;
  const tenantId = (await buildTenant(db)).id;
  const root = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn La', shortName: 'UBND tỉnh Sơn La' });
  const office = await buildOrganisation(db, tenantId, root, { name: 'Văn phòng UBND tỉnh' });
  const subUnit = await buildOrganisation(db, tenantId, office, { name: 'Phòng Quản trị - Tài vụ', kind: 'sub_unit' });
  const movementId = uuidv7();
  await db.insertInto('movements').values({
    tenant_id: tenantId, id: movementId, organisation_id: office.id, parent_movement_id: null, kind: 'multi_year', status: 'issued',
    name: 'phong trào thi đua "Xây dựng cơ quan văn hóa" giai đoạn 2019–2022', name_fold: 'xay dung co quan van hoa', slogan: '',
    document_number: 45, document_symbol: 'KH-VP', place: 'Sơn La', issued_on: '2019-03-04', period_start: '2019-01-01', period_end: '2022-12-31',
    plan: '{}', created_by: null, created_at: new Date(), updated_at: new Date(),
  }).execute();
  const hang = await buildPerson(db, tenantId, 'Nguyễn Thị Hằng', [{ organisation: subUnit, position: 'Kế toán viên' }]);
  const dung = await buildPerson(db, tenantId, 'Lò Văn Dũng', [{ organisation: subUnit, position: 'Phó Trưởng phòng' }]);
  const { candidateIds } = await buildAppraisedBatch(db, tenantId, { unit: subUnit, receiving: office, movementId, year: 2022 },
    [{ person: hang, position: 'Kế toán viên' }, { person: dung, position: 'Phó Trưởng phòng' }, { collective: subUnit }]);
  await buildUser(db, tenantId, 'unit_head', office, { username: 'chanh.vp' });
  head = await signIn(app, 'chanh.vp');
  const created = await head.request({ method: 'POST', url: '/api/decisions', payload: {
    candidateIds, number: 125, symbol: 'QĐ-VP', signedOn: '2026-08-05', place: 'Sơn La',
    signer: { authority: null, authorityBody: '', title: 'Chánh Văn phòng', name: 'Nguyễn Văn A' },
    reason: 'đã có thành tích xuất sắc trong thực hiện phong trào thi đua "Xây dựng cơ quan văn hóa" giai đoạn 2019–2022',
    budgetSource: 'quỹ thi đua, khen thưởng của Văn phòng UBND tỉnh',
  } });
  expect(created.statusCode, created.body).toBe(201);
  decisionId = created.json().id;
});
afterAll(async () => { await app.close(); await handle.close(); });

const EXPECTED_IN_ORDER = [
  'QUYẾT ĐỊNH',
  'Về việc tặng Giấy khen',
  'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
  'Nghị định số 152/2025/NĐ-CP',
  'Căn cứ Kế hoạch số 45/KH-VP ngày 04/03/2019 của Văn phòng UBND tỉnh',
  'Xét đề nghị của Phòng Quản trị - Tài vụ.',
  'Điều 1. Tặng Giấy khen cho 01 tập thể và 02 cá nhân (có danh sách kèm theo).',
  'Đã có thành tích xuất sắc',
  'Điều 2. Mỗi cá nhân được thưởng 760.000 đồng, mỗi tập thể được thưởng 1.520.000 đồng.',
  'quỹ thi đua, khen thưởng của Văn phòng UBND tỉnh',
  'Điều 3. Quyết định này có hiệu lực kể từ ngày ký.',
  'Nơi nhận:',
  'CHÁNH VĂN PHÒNG',
  'Nguyễn Văn A',
  'DANH SÁCH',
  '(Kèm theo Quyết định số 125/QĐ-VP ngày 05/08/2026 của Văn phòng UBND tỉnh)',
  'STT',
  'Phòng Quản trị - Tài vụ',
  'Lò Văn Dũng',
  'Phó Trưởng phòng – Phòng Quản trị - Tài vụ',
  'Nguyễn Thị Hằng',
  '3.040.000',
];

function expectInOrder(text: string) {
  for (const part of ['Số: 125/QĐ-VP', 'VĂN PHÒNG UBND TỈNH', 'UBND TỈNH SƠN LA', 'Sơn La, ngày 05 tháng 8 năm 2026']) {
    expect(text, part).toContain(part);
  }
  let from = 0;
  for (const part of EXPECTED_IN_ORDER) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

describe('the decision as an official document', () => {
  it('DOCX: header, legal bases, the three articles, the signature and the attached list', async () => {
    const response = await head.request({ method: 'GET', url: `/api/decisions/${decisionId}/document.docx` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    const { document } = await readDocx(response.rawPayload);
    expectInOrder(docxParagraphs(document).map((p) => p.text).join('\n'));
    // the list is a table of its own, on a new page
    expect(document).toContain('w:pageBreakBefore');
  });

  it('PDF: the same text, names with diacritics and amounts in Vietnamese format, the list on page 2', async () => {
    const response = await head.request({ method: 'GET', url: `/api/decisions/${decisionId}/document.pdf` });
    expect(response.statusCode).toBe(200);
    const pdf = await readPdfText(response.rawPayload);
    expect(pdf.pageCount).toBeGreaterThanOrEqual(2);
    expectInOrder(flat(pdf.pages.join('\n')));
    expect(flat(pdf.pages[pdf.pages.length - 1]!)).toContain('760.000');
  });
});
