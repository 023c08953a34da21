import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { loadDemoDataOnce } from '../demo/index.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';
import { docxParagraphs, flat, readDocx, readPdfText } from '../../platform/documents/readback.testing.ts';

/** The district's cascaded office-culture plan (the demo's An Biên, 118/KH-UBND of 17/9/2019), downloaded and read back. */
let handle: DatabaseHandle;
let app: FastifyInstance;
let standing: Session;
let planId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  await loadDemoDataOnce(handle.db, new Date('2026-11-21T03:00:00Z'));
  standing = await signIn(app, 'thuongtruc', DEMO_PASSWORD);
  const list = (await standing.request({ method: 'GET', url: '/api/movements' })).json().items as { id: string; documentNumber: number; issuedOn: string }[];
  planId = list.find((m) => m.documentNumber === 118 && m.issuedOn === '2019-09-17')!.id;
});
afterAll(async () => { await app.close(); await handle.close(); });

/** The two header columns (issuer and number left; nation, motto, date right) come first in either order. */
const HEADER = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 118/KH-UBND', 'HUYỆN MƯỜNG KHOA'];
const EXPECTED_IN_ORDER = [
  'ngày 17 tháng 9 năm 2019',
  'KẾ HOẠCH',
  'I. MỤC ĐÍCH, YÊU CẦU',
  'Không có khói thuốc lá tại công sở và nơi công cộng',
  'TỔ CHỨC THỰC HIỆN',
  'Nơi nhận:',
];

function expectInOrder(text: string, parts: string[]) {
  const bodyStart = text.indexOf('KẾ HOẠCH');
  for (const part of HEADER) expect(text.indexOf(part), part).toBeGreaterThanOrEqual(0);
  for (const part of HEADER) expect(text.indexOf(part), `${part} is in the header`).toBeLessThan(bodyStart);
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

describe('a movement plan as an official document', () => {
  it('downloads as DOCX with the state format\'s parts, in order, with its legal basis in italics', async () => {
    const response = await standing.request({ method: 'GET', url: `/api/movements/${planId}/document.docx` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.headers['content-disposition']).toContain('ke-hoach-118.docx');
    const { document } = await readDocx(response.rawPayload);
    const paragraphs = docxParagraphs(document);
    const text = flat(paragraphs.map((p) => p.text).join('\n'));
    expectInOrder(text, EXPECTED_IN_ORDER);
    const basis = paragraphs.find((p) => p.text.startsWith('Căn cứ Kế hoạch số 179/KH-UBND ngày 02/8/2019'));
    expect(basis?.xml).toContain('<w:i/>');
    expect(document).toContain('w:w="11906"');
  });

  it('downloads as PDF whose text comes back with correct Vietnamese diacritics', async () => {
    const response = await standing.request({ method: 'GET', url: `/api/movements/${planId}/document.pdf` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/pdf');
    const pdf = await readPdfText(response.rawPayload);
    expectInOrder(flat(pdf.pages.join('\n')), EXPECTED_IN_ORDER);
    expect(response.rawPayload.includes(Buffer.from('FontFile2'))).toBe(true);
  });

  it('a draft prints blanks for its number and date', async () => {
    const tree = (await standing.request({ method: 'GET', url: '/api/organisations/tree' })).json().items as { id: string; parentId: string | null }[];
    const root = tree.find((o) => o.parentId === null)!;
    const draft = await standing.request({ method: 'POST', url: '/api/movements', payload: {
      organisationId: root.id, kind: 'campaign', name: 'Đợt thi đua chào mừng Đại hội', documentSymbol: 'KH-UBND', place: 'Sơn Hà',
      periodStart: '2027-01-01', periodEnd: '2027-06-30', plan: {} } });
    expect(draft.statusCode).toBe(201);
    const { document } = await readDocx((await standing.request({ method: 'GET', url: `/api/movements/${draft.json().id}/document.docx` })).rawPayload);
    const text = flat(docxParagraphs(document).map((p) => p.text).join('\n'));
    expect(text).toContain('Số: /KH-UBND');
    expect(text).toMatch(/Sơn Hà, ngày tháng năm 20…/);
  });
});
