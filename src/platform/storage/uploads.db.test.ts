/**
 * Uploading a signed scan through the real HTTP stack (session, CSRF, raw body, size limit, error
 * translation) on a real database and a real directory: the route below is what the nominations
 * module's PUT …/documents/:kind will look like.
 */
import { readdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { buildTestApp, signIn, testDeps, TestClock, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { actorOf, commandContext, type AppDeps } from '../http/context.ts';
import { renderPdf } from '../documents/pdf.ts';
import { AN_BIEN_PLAN } from '../documents/an-bien-plan.fixture.ts';
import { readFile, storeUpload } from './uploads.ts';
import { deflateSync } from 'node:zlib';
import { rm } from 'node:fs/promises';
import { shardedPath } from './store.ts';
import { uploadFrom, uploadLimitBytes, withRawUploads } from './upload-routes.ts';

let handle: DatabaseHandle;
let app: FastifyInstance;
let deps: AppDeps;
let tenantId: string;
let unit: BuiltOrganisation;
let officer: Session, otherOfficer: Session, foreigner: Session;
let scan: Buffer;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 1)]);
const HTML = Buffer.from('<!doctype html><html><body>%PDF- Tờ trình</body></html>\n%%EOF');

beforeAll(async () => {
  handle = await openTestDatabase();
  const t = await buildTenant(handle.db);
  tenantId = t.id;
  const province = await buildOrganisation(handle.db, tenantId, null, { name: 'UBND tỉnh Sơn La' });
  unit = await buildOrganisation(handle.db, tenantId, province, { name: 'Văn phòng UBND tỉnh' });
  const officerUser = await buildUser(handle.db, tenantId, 'unit_officer', unit);
  const otherUser = await buildUser(handle.db, tenantId, 'unit_officer', unit);
  const foreignTenant = await buildTenant(handle.db);
  const foreignUser = await buildUser(handle.db, foreignTenant.id, 'unit_officer', await buildOrganisation(handle.db, foreignTenant.id, null));

  // 2 MB: above the app's 1 MB JSON body limit, so the upload routes' own limit is what is tested
  deps = testDeps(handle, new TestClock(), { uploadMaxMb: 2 });
  app = await buildTestApp(deps);
  await app.register(async (root) => withRawUploads(root.withTypeProvider<ZodTypeProvider>(), deps, (scope) => {
    scope.put('/api/test/documents/:kind', { schema: { params: z.object({ kind: z.string() }) } }, async (request) =>
      storeUpload(commandContext(request, deps), deps.files, { ...uploadFrom(request), maxBytes: uploadLimitBytes(deps.config), organisationPath: unit.path }));
    scope.get('/api/test/files/:sha256', { schema: { params: z.object({ sha256: z.string() }) } }, async (request, reply) => {
      const file = await readFile({ db: deps.db, actor: actorOf(request) }, deps.files, request.params.sha256);
      return reply.type(file.contentType).header('x-file-name', encodeURIComponent(file.name)).send(file.bytes);
    });
  }));
  await app.ready();
  officer = await signIn(app, officerUser.username);
  otherOfficer = await signIn(app, otherUser.username);
  foreigner = await signIn(app, foreignUser.username);
  scan = await renderPdf(AN_BIEN_PLAN);
}, 60_000);

afterAll(async () => {
  await app.close();
  await handle.close();
});

function put(session: Session, body: Buffer, options: { type?: string; name?: string; lang?: string } = {}) {
  return session.request({
    method: 'PUT', url: '/api/test/documents/minutes', payload: body,
    headers: { 'content-type': options.type ?? 'application/pdf', 'x-file-name': encodeURIComponent(options.name ?? 'biên-bản-họp.pdf'), 'accept-language': options.lang ?? 'vi' },
  });
}

const fileRows = async () => handle.db.selectFrom('files').selectAll().where('tenant_id', '=', tenantId).execute();
const storedObjects = async () => {
  const dir = (deps.config.storage as { dir: string }).dir;
  const shards = await readdir(dir).catch(() => [] as string[]);
  return (await Promise.all(shards.map((s) => readdir(`${dir}/${s}`)))).flat();
};
const uploadAudits = async () => handle.db.selectFrom('audit_log').selectAll().where('tenant_id', '=', tenantId).where('action', '=', 'file.upload').orderBy('id').execute();

describe('uploading a signed scan', () => {
  it('refuses what is not a PDF, is empty or too large — in the user\'s language — and writes nothing', async () => {
    const png = await put(officer, PNG, { name: 'scan.pdf' });
    expect(png.statusCode).toBe(415);
    expect(png.json().error.code).toBe('file.not_pdf');
    expect(png.json().error.message).toMatch(/^Chỉ nhận tệp PDF/);

    const html = await put(officer, HTML, { lang: 'en' });
    expect(html.statusCode).toBe(415);
    expect(html.json().error.message).toMatch(/^Only PDF files are accepted/);

    // real PDF bytes declared as something else: the declared type must say PDF too
    expect((await put(officer, scan, { type: 'application/octet-stream' })).statusCode).toBe(415);

    const empty = await put(officer, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('file.empty');

    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2 * 1024 * 1024 + 10, 0x20), Buffer.from('\n%%EOF\n')]);
    const tooLarge = await put(officer, big);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.message).toContain('2 MB');
    const tooLargeEn = await put(officer, big, { lang: 'en' });
    expect(tooLargeEn.json().error.message).toBe('The file is too large: files up to 2 MB are accepted. Scan again at a lower resolution (200–300 dpi) or compress the PDF.');

    expect(await fileRows()).toEqual([]);
    expect(await storedObjects()).toEqual([]);
    expect(await uploadAudits()).toEqual([]);
  });

  it('stores a real PDF once by its SHA-256: the same file twice is one row and one stored object', async () => {
    const sha256 = createHash('sha256').update(scan).digest('hex');
    const first = await put(officer, scan, { name: 'C:\\Scans\\Biên bản họp Hội đồng.pdf' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ sha256, size: scan.length, name: 'Biên bản họp Hội đồng.pdf', activeContent: [] });

    const second = await put(otherOfficer, scan, { type: 'application/pdf; charset=binary', name: 'ban-sao.pdf' });
    expect(second.statusCode).toBe(200);
    expect(second.json().sha256).toBe(sha256);

    const rows = await fileRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ sha256, size: scan.length, content_type: 'application/pdf', original_name: 'Biên bản họp Hội đồng.pdf' });
    expect(await storedObjects()).toEqual([sha256]);

    const audits = await uploadAudits();
    expect(audits.map((a) => (a.changes as { reused: boolean }).reused)).toEqual([false, true]);
    expect(audits.every((a) => a.organisation_path === unit.path)).toBe(true);
  });

  it('gives the bytes back to its tenant only', async () => {
    const sha256 = createHash('sha256').update(scan).digest('hex');
    const mine = await officer.request({ method: 'GET', url: `/api/test/files/${sha256}` });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('application/pdf');
    expect(mine.rawPayload.equals(scan)).toBe(true);
    expect((await foreigner.request({ method: 'GET', url: `/api/test/files/${sha256}` })).statusCode).toBe(404);
    expect((await officer.request({ method: 'GET', url: '/api/test/files/not-a-hash' })).statusCode).toBe(404);
  });

  it('accepts a scan larger than the app\'s 1 MB JSON limit but within the upload limit', async () => {
    const large = Buffer.concat([scan.subarray(0, scan.length - 6), Buffer.alloc(1536 * 1024, 0x20), Buffer.from('\n%%EOF\n')]);
    const response = await put(officer, large, { name: 'scan-lon.pdf' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().size).toBe(large.length);
  });
});

/** A PDF the scan check accepts, with `extra` objects written before its trailer (as a crafted file would carry them). */
function pdfWith(extra: Buffer): Buffer {
  const head = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n');
  return Buffer.concat([head, extra, Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n')]);
}

describe('a PDF that can act when opened', () => {
  it('is stored but flagged: a script in plain sight, and one hidden in a compressed object stream', async () => {
    const plain = pdfWith(Buffer.from('3 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj'));
    const hiddenDictionary = deflateSync(Buffer.from('<< /Type /Action /S /Launch /F (cmd.exe) >>'));
    const hidden = pdfWith(Buffer.concat([
      Buffer.from(`4 0 obj << /Type /ObjStm /Filter /FlateDecode /Length ${hiddenDictionary.length} >>\nstream\n`),
      hiddenDictionary, Buffer.from('\nendstream\nendobj'),
    ]));
    const first = await put(officer, plain, { name: 'poly.html' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().activeContent).toEqual(['JavaScript', 'JS', 'OpenAction']);
    // downloaded as what it is, whatever it was called
    expect(first.json().name).toBe('poly.html.pdf');
    const second = await put(officer, hidden, { name: 'to-trinh.PDF' });
    expect(second.json()).toMatchObject({ activeContent: ['Launch'], name: 'to-trinh.PDF' });
    const row = (await fileRows()).find((r) => r.sha256 === first.json().sha256);
    expect(row?.active_content).toEqual(['JavaScript', 'JS', 'OpenAction']);
    expect((await uploadAudits()).at(-1)?.changes).toMatchObject({ activeContent: ['Launch'] });
  });

  it('a plain scan is not flagged (a name such as /JSON or /AAPL is not /JS or /AA)', async () => {
    const response = await put(officer, pdfWith(Buffer.from('5 0 obj << /JSON 1 /AAPL 2 >> endobj')), { name: 'sach.pdf' });
    expect(response.json().activeContent).toEqual([]);
    expect(scan.length).toBeGreaterThan(0);
    expect((await put(officer, scan, { name: 'ban-scan.pdf' })).json().activeContent).toEqual([]);
  });
});

describe('a file recorded but gone from the store (a restore without the files folder)', () => {
  it('answers 404 with a plain reason, not 500', async () => {
    const lost = pdfWith(Buffer.from('6 0 obj << /Title (Biên bản bị mất) >> endobj'));
    const sha256 = (await put(officer, lost, { name: 'bien-ban.pdf' })).json().sha256 as string;
    const dir = (deps.config.storage as { dir: string }).dir;
    await rm(`${dir}/${shardedPath(sha256)}`);
    const response = await officer.request({ method: 'GET', url: `/api/test/files/${sha256}` });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'file.missing', message: expect.stringContaining('bien-ban.pdf') });
  });
});
