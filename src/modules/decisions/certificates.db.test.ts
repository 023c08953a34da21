import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { flat, readPdfText } from '../../platform/documents/readback.testing.ts';
import { buildAppraisedBatch } from './fixtures.testing.ts';

/** Issue 17.7: the Giấy khen of a whole decision print as one PDF, one page per award, in the decision's order. */
let handle: DatabaseHandle;
let app: FastifyInstance;
let head: Session;
let outsider: Session;
let decisionId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  const db = handle.db;
  const tenantId = (await buildTenant(db)).id;
  const root = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn La', shortName: 'UBND tỉnh Sơn La' });
  const office = await buildOrganisation(db, tenantId, root, { name: 'Văn phòng UBND tỉnh' });
  const subUnit = await buildOrganisation(db, tenantId, office, { name: 'Phòng Quản trị - Tài vụ', kind: 'sub_unit' });
  const elsewhere = await buildOrganisation(db, tenantId, root, { name: 'Sở Tài chính' });
  const hang = await buildPerson(db, tenantId, 'Nguyễn Thị Hằng', [{ organisation: subUnit, position: 'Kế toán viên' }]);
  const dung = await buildPerson(db, tenantId, 'Lò Văn Dũng', [{ organisation: subUnit, position: 'Phó Trưởng phòng' }]);
  const { candidateIds } = await buildAppraisedBatch(db, tenantId, { unit: subUnit, receiving: office, movementId: null, year: 2025 },
    [{ person: hang, position: 'Kế toán viên' }, { person: dung, position: 'Phó Trưởng phòng' }, { collective: subUnit }]);
  await buildUser(db, tenantId, 'unit_head', office, { username: 'chanh.vp' });
  await buildUser(db, tenantId, 'unit_officer', elsewhere, { username: 'canbo.stc' });
  head = await signIn(app, 'chanh.vp');
  outsider = await signIn(app, 'canbo.stc');
  const created = await head.request({ method: 'POST', url: '/api/decisions', payload: {
    candidateIds, number: 126, symbol: 'QĐ-VP', signedOn: '2026-08-05', place: 'Sơn La',
    signer: { authority: null, authorityBody: '', title: 'Chánh Văn phòng', name: 'Nguyễn Văn A' },
    reason: 'đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025', budgetSource: '',
  } });
  expect(created.statusCode, created.body).toBe(201);
  decisionId = created.json().id;
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('the certificates of a whole decision', () => {
  it('a draft decision has none to print yet (409), and another unit\'s officer cannot see it (404)', async () => {
    const draft = await head.request({ method: 'GET', url: `/api/decisions/${decisionId}/certificates.pdf` });
    expect(draft.statusCode, draft.body).toBe(409);
    expect(draft.json().error.code).toBe('certificate.none_to_print');
    const other = await outsider.request({ method: 'GET', url: `/api/decisions/${decisionId}/certificates.pdf` });
    expect(other.statusCode).toBe(404);
    expect((await head.request({ method: 'GET', url: `/api/decisions/${decisionId}` })).json().printable).toBe(false);
  });

  it('once issued: one A4 landscape page per award, collective first then people by given name, each with its own code', async () => {
    const issued = await head.request({ method: 'POST', url: `/api/decisions/${decisionId}/issue`, headers: { 'idempotency-key': 'cert-bulk-126' } });
    expect(issued.statusCode, issued.body).toBe(200);
    expect((await head.request({ method: 'GET', url: `/api/decisions/${decisionId}` })).json().printable).toBe(true);
    const r = await head.request({ method: 'GET', url: `/api/decisions/${decisionId}/certificates.pdf` });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const { pageCount, pages } = await readPdfText(r.rawPayload);
    expect(pageCount).toBe(3);
    const texts = pages.map(flat);
    for (const text of texts) {
      expect(text).toContain('GIẤY KHEN');
      expect(text).toContain('Quyết định số 126/QĐ-VP ngày 05/08/2026');
    }
    expect(texts[0]).toContain('Phòng Quản trị - Tài vụ');
    expect(texts[1]).toContain('Lò Văn Dũng');
    expect(texts[2]).toContain('Nguyễn Thị Hằng');
    const codes = texts.map((t) => /xac-minh\/([0-9A-Z-]+)/u.exec(t)?.[1]);
    expect(new Set(codes).size).toBe(3);
  });
});
