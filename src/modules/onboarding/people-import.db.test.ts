import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { XLSX_TYPE } from '../../platform/spreadsheets/sheet.ts';
import { minimalXlsx, SHEET_START, sheetBomb } from '../../platform/spreadsheets/zip.testing.ts';
import { foldVietnamese } from '../../platform/vn/fold.ts';
import { PERSON_COLUMNS } from './columns.ts';
import { peopleFileRows, peopleWorkbook, type PeopleFileRow } from './people.testing.ts';

/**
 * The people file at the size of a province — 100,000 people with their employments in one XLSX,
 * imported in one transaction and again without a change — and the files an upload must not be able
 * to hurt the server with: a zip bomb, a zip of thousands of parts.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let admin: Session;
const unitCodes: string[] = [];

async function upload(file: Buffer, options: { dryRun?: boolean; language?: string } = {}) {
  return admin.request({
    method: 'POST', url: `/api/onboarding/people/import?dryRun=${options.dryRun ?? false}&fileName=can-bo.xlsx`,
    payload: file, headers: { 'content-type': XLSX_TYPE, 'accept-language': options.language ?? 'vi' },
  });
}

const count = async (table: 'people' | 'employments' | 'audit_log') =>
  Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).n);
const counts = async () => ({ people: await count('people'), employments: await count('employments'), audit: await count('audit_log') });

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  tenantId = (await buildTenant(handle.db)).id;
  const province = await buildOrganisation(handle.db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  for (let d = 1; d <= 10; d++) {
    const district: BuiltOrganisation = await buildOrganisation(handle.db, tenantId, province, { name: `Ủy ban nhân dân huyện Số ${d}`, kind: 'peoples_committee', level: 'district', code: `H${d}` });
    unitCodes.push(`H${d}`);
    for (let c = 1; c <= 10; c++) {
      await buildOrganisation(handle.db, tenantId, district, { name: `Ủy ban nhân dân xã Số ${d}-${c}`, kind: 'peoples_committee', level: 'commune', code: `X${d}-${c}` });
      unitCodes.push(`X${d}-${c}`);
    }
  }
  await buildUser(handle.db, tenantId, 'system_admin', province, { username: 'quantri.nhapcanbo' });
  admin = await signIn(app, 'quantri.nhapcanbo');
});
afterAll(async () => { await app?.close(); await handle?.close(); });

describe('uploads that must not hurt the server', () => {
  it('a zip bomb (1 MB unpacking to 1 GB, declared as 1 KB) is refused with 413 in Vietnamese, holding little memory, and nothing is written', async () => {
    const header = `<row r="1">${PERSON_COLUMNS.map((c, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${c.header}</t></is></c>`).join('')}</row>`;
    const bomb = minimalXlsx(sheetBomb(1024, `${SHEET_START}${header}`), { declaredSize: 1024 });
    const before = await counts();
    const { result: response, peak } = await measured(() => upload(bomb));
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'import.unpacked_too_large' });
    expect(response.json().error.message).toBe('Bảng tính quá lớn khi giải nén: mỗi phần của tệp .xlsx chỉ được tối đa 256 MB. Hãy chia thành nhiều tệp nhỏ hơn.');
    // the reader stops at 256 MB of the sheet's 1 GB, and does not keep even that
    expect(peak).toBeLessThan(96 * 1024 * 1024);
    expect(await counts()).toEqual(before);
    const english = await upload(bomb, { language: 'en' });
    expect(english.json().error.message).toContain('too large once unpacked');
  });

  it('an XLSX of 20,000 parts is refused with 422 before any is unpacked, and nothing is written', async () => {
    const parts = Array.from({ length: 20_000 }, (_, i) => ({ name: `xl/media/anh${i}.xml`, data: Buffer.from('<x/>') }));
    const before = await counts();
    const response = await upload(minimalXlsx(Buffer.from(`${SHEET_START}</sheetData></worksheet>`), { extra: parts }));
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('import.too_many_entries');
    expect(response.json().error.message).toBe('Tệp .xlsx có 20.005 thành phần (tối đa 1.000), không phải bảng tính thông thường. Hãy mở bằng Excel và lưu lại.');
    expect(await counts()).toEqual(before);
  });
});

describe('importing a corrected file', () => {
  it('writes only the person and the employment that changed, and counts them so', async () => {
    const lines = peopleFileRows({ people: 3, unitCodes, codePrefix: 'NV', seed: 7 });
    expect((await upload(await peopleWorkbook(lines))).json()).toMatchObject({ created: lines.length, people: { created: 3 } });
    const corrected = lines.map((row) => [...row]);
    corrected[0]![6] = 'Phó Chủ tịch UBND xã'; // the first row's post
    corrected[corrected.length - 1]![1] = 'Lò Thị Xuân'; // the last person's name, on their every row
    for (const row of corrected) if (row[0] === corrected[corrected.length - 1]![0]) row[1] = 'Lò Thị Xuân';
    const before = await counts();
    const response = await upload(await peopleWorkbook(corrected));
    expect(response.statusCode).toBe(200);
    const lastPersonRows = corrected.filter((row) => row[0] === corrected[corrected.length - 1]![0]).length;
    const firstIsLast = corrected[0]![0] === corrected[corrected.length - 1]![0];
    expect(response.json()).toMatchObject({
      created: 0, updated: firstIsLast ? lastPersonRows : lastPersonRows + 1, people: { created: 0, updated: 1 },
    });
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
    const person = await handle.db.selectFrom('people').select(['full_name', 'name_fold']).where('tenant_id', '=', tenantId)
      .where('code', '=', corrected[corrected.length - 1]![0] as string).executeTakeFirstOrThrow();
    expect(person).toEqual({ full_name: 'Lò Thị Xuân', name_fold: 'lo thi xuan' });
  });
});

describe('a province\'s people in one file', () => {
  const PEOPLE = 100_000;
  let file: Buffer;
  let rows: number;
  let first: PeopleFileRow;

  beforeAll(async () => {
    const lines = peopleFileRows({ people: PEOPLE, unitCodes });
    rows = lines.length;
    first = lines[0]!;
    file = await peopleWorkbook(lines);
  }, 300_000);

  it('100,000 people with their employments are imported in one transaction with one audit row', async () => {
    const before = await counts();
    const response = await upload(file);
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    expect(response.json()).toMatchObject({ kind: 'people', rows, created: rows, updated: 0, unchanged: 0, people: { created: PEOPLE, updated: 0 } });
    expect(await counts()).toEqual({ people: before.people + PEOPLE, employments: before.employments + rows, audit: before.audit + 1 });
    // the first row's person, with the folded name the search uses
    const someone = await handle.db.selectFrom('people').select(['full_name', 'name_fold', 'gender'])
      .where('tenant_id', '=', tenantId).where('code', '=', first[0] as string).executeTakeFirstOrThrow();
    expect(someone).toEqual({ full_name: first[1], name_fold: foldVietnamese(first[1] as string), gender: first[2] === 'Nữ' ? 'female' : 'male' });
  }, 600_000);

  it('importing the same 100,000 people again changes nothing', async () => {
    const before = await counts();
    const response = await upload(file);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ rows, created: 0, updated: 0, unchanged: rows, people: { created: 0, updated: 0 } });
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
  }, 600_000);
});

/** The response and the largest growth of heap and buffers seen while it was made (sampled every few milliseconds). */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  const used = () => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
  const base = used();
  let peak = 0;
  const timer = setInterval(() => { peak = Math.max(peak, used() - base); }, 2);
  try {
    const result = await work();
    return { result, peak: Math.max(peak, used() - base) };
  } finally {
    clearInterval(timer);
  }
}
