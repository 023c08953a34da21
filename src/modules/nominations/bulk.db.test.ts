import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { openTestDatabase } from '../../testing/database.ts';
import { buildPerson } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { XLSX_TYPE } from '../../platform/spreadsheets/sheet.ts';
import { buildOfficeReview, type OfficeReview } from './fixture.testing.ts';

/**
 * Issue 17.7, bulk work on a draft batch: "Thêm tất cả người đủ tiêu chuẩn" adds exactly the sub-unit's people the
 * evaluator finds met (once), and a list of candidates comes from a spreadsheet, checked row by row first.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let world: OfficeReview;
let officer: Session;
let otherOfficer: Session;
let em: string;
const now = new Date();

async function rate(personId: string, year: number, rating: string) {
  await handle.db.insertInto('annual_ratings').values({
    tenant_id: world.tenantId, id: uuidv7(), person_id: personId, organisation_id: null, year, rating: rating as 'good', created_at: now, updated_at: now,
  }).execute();
}

async function newBatch(awardForm: string, year: number) {
  const r = await officer.request({ method: 'POST', url: '/api/nominations/batches',
    payload: { organisationId: world.sub1.id, kind: 'merit', awardForm, receivingOrganisationId: world.office.id, year } });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

const candidatesOf = async (batchId: string) => (await handle.db.selectFrom('nomination_candidates').select(['person_id', 'organisation_id', 'name', 'achievement', 'eligibility'])
  .where('tenant_id', '=', world.tenantId).where('batch_id', '=', batchId).orderBy('sort_key').execute());

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  world = await buildOfficeReview(handle.db);
  officer = await signIn(app, 'officer.sub1');
  otherOfficer = await signIn(app, 'officer.other');
  em = (await buildPerson(handle.db, world.tenantId, 'Đỗ Văn Em', [{ organisation: world.sub1, start: '2015-01-01' }])).id;
  // 2025: An good, Bình excellent, Em good (already nominated in another batch), Cường only completed; Dung (sub-unit 2) and the outsider good
  await rate(world.people.an, 2025, 'good');
  await rate(world.people.binh, 2025, 'excellent');
  await rate(em, 2025, 'good');
  await rate(world.people.cuong, 2025, 'completed');
  await rate(world.people.dung, 2025, 'good');
  await rate(world.people.outsider, 2025, 'good');
  const elsewhere = uuidv7();
  await handle.db.insertInto('nomination_batches').values({
    tenant_id: world.tenantId, id: elsewhere, organisation_id: world.office.id, receiving_organisation_id: world.office.id, movement_id: null,
    award_item_id: null, award_form: 'lao_dong_tien_tien', kind: 'merit', year: 2025, title: 'Văn phòng đề nghị', status: 'submitted',
    forwarded_from_batch_id: null, letter_number: '', submitted_at: now, submitted_by: null, receipt_number: null, created_by: null, created_at: now, updated_at: now,
  }).execute();
  await handle.db.insertInto('nomination_candidates').values({
    tenant_id: world.tenantId, id: uuidv7(), batch_id: elsewhere, person_id: em, organisation_id: null, household_id: null, status: 'submitted',
    name: 'Đỗ Văn Em', name_fold: 'do van em', sort_key: 'em', position: '', unit_name: '', is_leader: false, achievement: '', eligibility: null,
    note: '', source_candidate_id: null, award_id: null, created_at: now, updated_at: now,
  }).execute();
  // the codes an officer's list names people and units by
  const codes: [string, string][] = [[world.people.an, 'CB-AN'], [world.people.binh, 'CB-BINH'], [world.people.cuong, 'CB-CUONG'], [world.people.dung, 'CB-DUNG'], [world.people.outsider, 'CB-NGOAI']];
  for (const [id, code] of codes) await handle.db.updateTable('people').set({ code }).where('tenant_id', '=', world.tenantId).where('id', '=', id).execute();
  for (const [id, code] of [[world.sub1.id, 'PKT'], [world.sub2.id, 'PTH']] as const) {
    await handle.db.updateTable('organisations').set({ code }).where('tenant_id', '=', world.tenantId).where('id', '=', id).execute();
  }
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('add everyone who qualifies', () => {
  let batchId: string;

  it('the confirmation counts exactly the sub-unit\'s people the rule finds met, not yet nominated for the form and year', async () => {
    batchId = await newBatch('lao_dong_tien_tien', 2025);
    const r = await officer.request({ method: 'GET', url: `/api/nominations/batches/${batchId}/qualifying` });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ individuals: 2, collectives: 0, total: 2 });
    expect([...r.json().names].sort()).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
  });

  it('adds them in one step with one audit row naming them; a second click adds nobody', async () => {
    const r = await officer.request({ method: 'POST', url: `/api/nominations/batches/${batchId}/candidates/qualifying` });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().added).toBe(2);
    const rows = await candidatesOf(batchId);
    expect(rows.map((c) => c.person_id).sort()).toEqual([world.people.an, world.people.binh].sort());
    expect(rows.every((c) => (c.eligibility as unknown as { status: string }).status === 'met')).toBe(true);
    const audit = await handle.db.selectFrom('audit_log').select(['changes']).where('tenant_id', '=', world.tenantId)
      .where('action', '=', 'nomination.add_qualifying').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.changes).toMatchObject({ count: 2, candidateIds: r.json().ids });
    const again = await officer.request({ method: 'POST', url: `/api/nominations/batches/${batchId}/candidates/qualifying` });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ added: 0, ids: [] });
    expect(await candidatesOf(batchId)).toHaveLength(2);
    const preview = await officer.request({ method: 'GET', url: `/api/nominations/batches/${batchId}/qualifying` });
    expect(preview.json().total).toBe(0);
  });

  it('another unit\'s officer cannot see the batch (404); a batch sent to the head is no longer editable (409)', async () => {
    const r = await otherOfficer.request({ method: 'POST', url: `/api/nominations/batches/${batchId}/candidates/qualifying` });
    expect(r.statusCode).toBe(404);
    const sent = await officer.request({ method: 'POST', url: `/api/nominations/batches/${batchId}/request-approval` });
    expect(sent.statusCode, sent.body).toBe(204);
    const late = await officer.request({ method: 'POST', url: `/api/nominations/batches/${batchId}/candidates/qualifying` });
    expect(late.statusCode).toBe(409);
  });
});

describe('candidates from a spreadsheet', () => {
  const HEADERS = ['Mã cán bộ', 'Mã đơn vị', 'Thành tích tóm tắt'];
  async function xlsx(rows: (string | null)[][]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(HEADERS);
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
  const upload = (batchId: string, file: Buffer, dryRun: boolean, session = officer) => session.request({
    method: 'POST', url: `/api/nominations/batches/${batchId}/candidates/import?dryRun=${dryRun}&fileName=danh-sach.xlsx`, payload: file,
    headers: { 'content-type': XLSX_TYPE, 'accept-language': 'vi' },
  });
  let batchId: string;

  it('the template has the Vietnamese headers', async () => {
    const r = await officer.request({ method: 'GET', url: '/api/nominations/candidates/template?format=xlsx' });
    expect(r.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect((workbook.worksheets[0]!.getRow(1).values as string[]).slice(1)).toEqual(HEADERS);
  });

  it('bad rows are listed in Vietnamese per row, out-of-scope codes among them, and nothing is written', async () => {
    batchId = await newBatch('giay_khen', 2026);
    const file = await xlsx([
      ['CB-AN', null, 'Hoàn thành xuất sắc nhiệm vụ'],
      ['CB-DUNG', null, 'Phòng khác'],
      ['CB-NGOAI', null, 'Sở khác'],
      [null, 'PTH', 'Phòng khác'],
      ['KHONG-CO', null, ''],
      ['CB-BINH', 'PKT', ''],
      [null, null, 'Không ai'],
      ['CB-AN', null, 'Lặp lại'],
    ]);
    for (const dryRun of [true, false]) {
      const r = await upload(batchId, file, dryRun);
      expect(r.statusCode, r.body).toBe(422);
      const errors = r.json().error.details.errors as { row: number; column: string; message: string }[];
      expect(errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7, 8, 9]);
      expect(errors[0]).toEqual({ row: 3, column: 'Mã cán bộ', message: 'Không tìm thấy cán bộ có mã "CB-DUNG" trong phạm vi được giao.' });
      expect(errors[2]!.message).toBe('Không tìm thấy đơn vị có mã "PTH" trong phạm vi được giao.');
      expect(errors[6]!.message).toBe('Trùng với dòng 2 của tệp.');
    }
    expect(await candidatesOf(batchId)).toHaveLength(0);
  });

  it('a dry run counts and writes nothing; the import adds the people and the collective with their summaries, audited once', async () => {
    const file = await xlsx([
      ['CB-AN', null, 'Hoàn thành xuất sắc nhiệm vụ năm 2026'],
      ['CB-CUONG', null, ''],
      [null, 'PKT', 'Tập thể hoàn thành tốt nhiệm vụ'],
    ]);
    const dry = await upload(batchId, file, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ rows: 3, added: 3, individuals: 2, collectives: 1, dryRun: true });
    expect(await candidatesOf(batchId)).toHaveLength(0);
    const real = await upload(batchId, file, false);
    expect(real.statusCode, real.body).toBe(200);
    expect(real.json()).toMatchObject({ added: 3, dryRun: false });
    const rows = await candidatesOf(batchId);
    expect(rows.map((c) => c.name).sort()).toEqual(['Lê Văn Cường', 'Nguyễn Văn An', 'Phòng Kinh tế'].sort());
    expect(rows.find((c) => c.person_id === world.people.an)!.achievement).toBe('Hoàn thành xuất sắc nhiệm vụ năm 2026');
    expect(rows.find((c) => c.organisation_id === world.sub1.id)!.achievement).toBe('Tập thể hoàn thành tốt nhiệm vụ');
    const audit = await handle.db.selectFrom('audit_log').select(['changes']).where('tenant_id', '=', world.tenantId)
      .where('action', '=', 'nomination.import_candidates').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.changes).toMatchObject({ count: 3, fileName: 'danh-sach.xlsx' });
    // the same list again: every row is already in the batch, nothing is added twice
    const again = await upload(batchId, file, false);
    expect(again.statusCode).toBe(422);
    expect(again.json().error.details.errors[0].message).toBe('Nguyễn Văn An đã có trong đợt đề nghị này.');
    expect(await candidatesOf(batchId)).toHaveLength(3);
  });

  it('a file that is no spreadsheet, or with other headers, is refused with 4xx', async () => {
    const junk = await upload(batchId, Buffer.from('not a spreadsheet at all \u0000\u0001'), true);
    expect(junk.statusCode).toBeGreaterThanOrEqual(400);
    expect(junk.statusCode).toBeLessThan(500);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRow(['Họ tên', 'Lý do khác']);
    const wrong = await upload(batchId, Buffer.from(await workbook.xlsx.writeBuffer()), true);
    expect(wrong.statusCode).toBe(400);
    const other = await upload(batchId, await xlsx([['CB-AN', null, '']]), true, otherOfficer);
    expect(other.statusCode).toBe(404);
  });
});
