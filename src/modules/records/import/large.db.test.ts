import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../../testing/database.ts';
import { buildOrganisation, buildTenant, buildUser } from '../../../testing/factories.ts';
import { signIn, startTestApp, type Session } from '../../../testing/app.ts';
import type { DatabaseHandle } from '../../../platform/db/database.ts';
import { insertOfficers, ratingsCsv } from './ratings.testing.ts';
import { PROGRESS_TYPE } from './routes.ts';

// Files beyond the old 50,000-row cap, and the configured limits (UPLOAD_MAX_MB, IMPORT_MAX_ROWS) that refuse larger ones.
const PEOPLE = 1_500;
const ROWS = 60_000; // 1,500 officers × 40 years (1980–2019)
const MAX_ROWS = 60_000;
const MAX_MB = 8;

let handle: DatabaseHandle;
let app: FastifyInstance;
let tenantId: string;
let officer: Session;

const upload = (file: string | Buffer, options: { accept?: string; lang?: string; dryRun?: boolean } = {}) => officer.request({
  method: 'POST', url: `/api/records/import?kind=ratings&dryRun=${options.dryRun ?? false}&fileName=xep-loai.csv`, payload: file,
  headers: { 'content-type': 'text/csv', 'accept-language': options.lang ?? 'vi', accept: options.accept ?? 'application/json' },
});

const ratings = async () => Number((await handle.db.selectFrom('annual_ratings').select((eb) => eb.fn.countAll().as('n'))
  .where('tenant_id', '=', tenantId).executeTakeFirstOrThrow()).n);
const audits = async () => (await handle.db.selectFrom('audit_log').select('id').where('tenant_id', '=', tenantId)
  .where('action', '=', 'records.import').execute()).length;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle, { importMaxRows: MAX_ROWS, uploadMaxMb: MAX_MB }));
  tenantId = (await buildTenant(handle.db)).id;
  const province = await buildOrganisation(handle.db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  const home = await buildOrganisation(handle.db, tenantId, province, { name: 'Sở Nội vụ' });
  await insertOfficers(handle.db, tenantId, [home.id], PEOPLE);
  await buildUser(handle.db, tenantId, 'unit_officer', home, { username: 'canbo.snv' });
  officer = await signIn(app, 'canbo.snv');
}, 120_000);
afterAll(async () => { await app.close(); await handle.close(); });

describe('a records import of many rows', () => {
  it('states its limits for the import screen', async () => {
    expect((await officer.request({ method: 'GET', url: '/api/records/import/limits' })).json()).toEqual({ maxMegabytes: MAX_MB, maxRows: MAX_ROWS });
  });

  it('a CSV over the row limit is refused with 422 naming the limit while it is uploaded, before any row is read, and nothing is written', async () => {
    const file = ratingsCsv(ROWS + 1, PEOPLE, 1980); // the last row is 1,500 × 40 + 1: year 2020
    const vi = await upload(file);
    expect(vi.statusCode, vi.body).toBe(422);
    expect(vi.json().error).toEqual({ code: 'import.too_many_rows', message: 'Tệp có quá nhiều dòng: mỗi lần chỉ nhập tối đa 60.000 dòng.' });
    // asked for progress, it still gets a plain refusal: the import never started reading batches
    const en = await upload(file, { lang: 'en', accept: PROGRESS_TYPE });
    expect(en.statusCode, en.body.slice(0, 300)).toBe(422);
    expect(en.json().error).toEqual({ code: 'import.too_many_rows', message: 'The file has too many rows: at most 60.000 rows per import.' });
    expect(await ratings()).toBe(0);
    expect(await audits()).toBe(0);
  }, 120_000);

  it('blank rows and line breaks inside quotes do not count towards the row limit', async () => {
    const lines = ratingsCsv(ROWS, PEOPLE, 1980).trimEnd().split('\r\n');
    // the issuer of the first rating quoted over two lines, and blank rows: still 60,000 rows, accepted (as a dry run)
    lines[1] = lines[1]!.replace(/,([^,]*)$/, ',"$1\r\n(bản sao)"');
    const response = await upload(`${lines.join('\r\n')}\r\n${',,,,,,\r\n'.repeat(50)}\r\n`, { dryRun: true });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.json()).toMatchObject({ rows: ROWS, created: ROWS, dryRun: true });
    expect(await ratings()).toBe(0);
  }, 120_000);

  it('a file over UPLOAD_MAX_MB is refused with 413 naming it, and nothing is written', async () => {
    const file = Buffer.concat([Buffer.from(ratingsCsv(ROWS, PEOPLE, 1980)), Buffer.alloc(MAX_MB * 1024 * 1024, 0x0a)]);
    const response = await upload(file);
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'import.too_large', message: expect.stringContaining(`${MAX_MB} MB`) });
    expect(await ratings()).toBe(0);
  }, 120_000);

  it('a chunked upload (no Content-Length) over UPLOAD_MAX_MB is answered 413 in Vietnamese over a real connection, not left hanging', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const chunk = Buffer.from(`${ratingsCsv(200, PEOPLE, 1980).trimEnd()}\r\n`);
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(`${address}/api/records/import?kind=ratings&fileName=xep-loai.csv`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'transfer-encoding': 'chunked', 'accept-language': 'vi', cookie: officer.cookie, 'x-csrf-token': officer.csrfToken },
      }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (part: string) => { body += part; });
        response.on('end', () => resolve({ status: response.statusCode!, body }));
        response.on('error', reject);
      });
      let answered = false;
      request.on('response', () => { answered = true; });
      request.on('error', reject); // a reset before any answer fails the test
      // up to three times the limit, as fast as the server takes it, until it answers
      let sent = 0;
      const send = () => {
        while (!answered && sent < 3 * MAX_MB * 1024 * 1024) {
          sent += chunk.length;
          if (!request.write(chunk)) { request.once('drain', send); return; }
        }
        if (!answered) request.end();
      };
      send();
    });
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('no answer within 90 s: the upload hangs')), 90_000); });
    try {
      const { status, body } = await Promise.race([answer, hang]);
      expect(status, body.slice(0, 300)).toBe(413);
      expect(JSON.parse(body).error).toEqual({
        code: 'import.too_large', message: `Tệp quá lớn: chỉ nhận tệp đến ${MAX_MB} MB. Hãy chia thành nhiều tệp nhỏ hơn.`,
      });
    } finally {
      clearTimeout(timer);
    }
    expect(await ratings()).toBe(0);
    expect(await audits()).toBe(0);
  }, 120_000);

  it('60,000 rows (beyond the old 50,000 cap) import whole, with progress from the server up to the last row', async () => {
    const file = ratingsCsv(ROWS, PEOPLE, 1980);
    const response = await upload(file, { accept: PROGRESS_TYPE });
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    expect(response.headers['content-type']).toContain(PROGRESS_TYPE);
    const lines = response.body.trim().split('\n').map((l) => JSON.parse(l) as Record<string, { read: number; validated: number; written: number }>);
    const progress = lines.filter((l) => l.progress).map((l) => l.progress!);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.map((p) => p.read)).toEqual([...progress.map((p) => p.read)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ read: ROWS, validated: ROWS, written: ROWS });
    expect(lines.at(-1)).toEqual({ result: { kind: 'ratings', rows: ROWS, created: ROWS, updated: 0, unchanged: 0, dryRun: false } });
    expect(await ratings()).toBe(ROWS);
    expect(await audits()).toBe(1);

    // the same file again, as a plain JSON answer: every row is known and unchanged
    const again = await upload(file);
    expect(again.json()).toEqual({ kind: 'ratings', rows: ROWS, created: 0, updated: 0, unchanged: ROWS, dryRun: false });
  }, 180_000);

  it('a bad row far down the file (in a later batch) refuses the whole file and leaves what was there', async () => {
    const auditsBefore = await audits();
    const lines = ratingsCsv(ROWS, PEOPLE, 1980).trimEnd().split('\r\n');
    lines[1] = lines[1]!.replace(/Hoàn thành[^,]*/, 'Không hoàn thành nhiệm vụ'); // would update the first rating
    lines[55_001] = lines[55_001]!.replace(/^CB\d+/, 'CB9999999'); // row 55,002: no such officer
    const response = await upload(`${lines.join('\r\n')}\r\n`);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.errors).toEqual([
      { row: 55_002, column: 'Mã cán bộ', message: 'Không tìm thấy cán bộ có mã "CB9999999" trong phạm vi được giao.' }]);
    const first = await handle.db.selectFrom('annual_ratings').select('rating').where('tenant_id', '=', tenantId).where('year', '=', 1980)
      .orderBy('created_at').orderBy('id').limit(1).executeTakeFirstOrThrow();
    expect(first.rating).not.toBe('not_completed');
    expect(await audits()).toBe(auditsBefore);
  }, 180_000);
});
