import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, buildUser, type BuiltOrganisation } from '../../testing/factories.ts';
import { signIn, startTestApp, type Session, type TestClock } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { expectVersionedEdit } from '../../testing/versions.ts';

/**
 * Sơn Hà, November 2026. A commune clerk returned a lost wallet to its owner; a high school built a model
 * of "trường học không khói thuốc" worth replicating. The Department of Education's officer records both,
 * follows them through the four steps of the Quảng Ngãi council plan's §3a (phát hiện – bồi dưỡng – tổng kết – nhân rộng), and
 * the head of the department puts them on the province's public honour board.
 */
let handle: DatabaseHandle;
let app: FastifyInstance;
let clock: TestClock;
let province: BuiltOrganisation, education: BuiltOrganisation, school: BuiltOrganisation, health: BuiltOrganisation;
let foreignUnit: BuiltOrganisation;
let officer: Session, head: Session, standing: Session, healthHead: Session, councillor: Session, foreigner: Session;
let teacherId: string, nurseId: string;
let schoolExample: string, deedExample: string, healthExample: string, foreignExample: string;

const XSS = '<script>window.__xss = 1</script><img src=x onerror="window.__xss=2">"Em" đã trả lại ví & giấy tờ.';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(600, 7)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(600, 3), Buffer.from([0xff, 0xd9])]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>');
const PDF = Buffer.from('%PDF-1.4\n% ảnh\n%%EOF\n');

const publicGet = (url: string) => app.inject({ method: 'GET', url });

async function create(session: Session, payload: object) {
  const r = await session.request({ method: 'POST', url: '/api/examples', payload });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}
const story = (s: string) => `${s} Câu chuyện được Ban Thi đua – Khen thưởng ghi nhận để tuyên truyền, nêu gương.`;

function upload(session: Session, id: string, body: Buffer, type: string, name = 'anh.png', lang = 'vi') {
  return session.request({
    method: 'PUT', url: `/api/examples/${id}/photos?caption=${encodeURIComponent('Lễ tuyên dương')}`, payload: body,
    headers: { 'content-type': type, 'x-file-name': encodeURIComponent(name), 'accept-language': lang },
  });
}
const stage = (session: Session, id: string, to: string, note?: string) =>
  session.request({ method: 'POST', url: `/api/examples/${id}/stage`, payload: { stage: to, ...(note !== undefined && { note }) } });
const board = async (query = '') => {
  const r = await publicGet(`/api/public/honour-board${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { unit: { id: string; name: string } | null; items: { id: string; title: string; excerpt: string; coverPhotoId: string | null }[]; nextCursor: string | null };
};

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app, clock } = await startTestApp(handle, { uploadMaxMb: 8 }));
  clock.set('2026-11-20T02:00:00Z');
  const db = handle.db;
  const tenantId = (await buildTenant(db)).id;
  const foreignTenant = (await buildTenant(db)).id;
  province = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  education = await buildOrganisation(db, tenantId, province, { name: 'Sở Giáo dục và Đào tạo' });
  school = await buildOrganisation(db, tenantId, education, { name: 'Trường THPT Chu Văn An', kind: 'public_service_unit' });
  health = await buildOrganisation(db, tenantId, province, { name: 'Sở Y tế' });
  const foreignRoot = await buildOrganisation(db, foreignTenant, null, { name: 'Ủy ban nhân dân tỉnh khác' });
  foreignUnit = await buildOrganisation(db, foreignTenant, foreignRoot, { name: 'Sở Giáo dục tỉnh khác' });
  teacherId = (await buildPerson(db, tenantId, 'Nguyễn Thị Hoà', [{ organisation: school, position: 'Giáo viên' }])).id;
  nurseId = (await buildPerson(db, tenantId, 'Trần Văn Y', [{ organisation: health }])).id;
  await buildUser(db, tenantId, 'unit_officer', education, { username: 'canbo.sgd' });
  await buildUser(db, tenantId, 'unit_head', education, { username: 'thutruong.sgd' });
  await buildUser(db, tenantId, 'standing_officer', province, { username: 'thuongtruc' });
  await buildUser(db, tenantId, 'unit_head', health, { username: 'thutruong.syt' });
  await buildUser(db, tenantId, 'council_member', education, { username: 'hoidong.sgd' });
  await buildUser(db, foreignTenant, 'system_admin', foreignRoot, { username: 'quantri.khac' });
  [officer, head, standing, healthHead, councillor, foreigner] = await Promise.all(
    ['canbo.sgd', 'thutruong.sgd', 'thuongtruc', 'thutruong.syt', 'hoidong.sgd', 'quantri.khac'].map((u) => signIn(app, u))) as [Session, Session, Session, Session, Session, Session];
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('recording typical examples and good deeds', () => {
  it('an officer records a school\'s model and a citizen\'s good deed; both start at "discover"', async () => {
    schoolExample = await create(officer, {
      kind: 'typical_example', organisationId: school.id, subject: { kind: 'collective', organisationId: school.id },
      title: 'Mô hình "Trường học không khói thuốc"', story: story('Nhà trường vận động 100% giáo viên, học sinh không hút thuốc lá.'),
    });
    deedExample = await create(officer, {
      kind: 'good_deed', organisationId: education.id, subject: { kind: 'citizen', name: 'Lò Văn Pấng', detail: 'Bản Nà Sài, xã Chiềng Ly' },
      title: 'Nhặt được ví, trả lại người đánh rơi', story: XSS,
    });
    const r = await officer.request({ method: 'GET', url: `/api/examples/${schoolExample}` });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      stage: 'discover', subject: { kind: 'collective', name: 'Trường THPT Chu Văn An' }, unit: { id: school.id }, publishedAt: null,
      nextStages: [{ stage: 'nurture', noteRequired: false }], canWrite: true, canPublish: false,
    });
    expect(r.json().history).toEqual([expect.objectContaining({ from: null, to: 'discover' })]);
  });

  it('a person must be in the recorder\'s reach: a nurse of the health department is unknown to education (404)', async () => {
    const r = await officer.request({ method: 'POST', url: '/api/examples', payload: {
      kind: 'good_deed', organisationId: education.id, subject: { kind: 'person', personId: nurseId }, title: 'Hiến máu tình nguyện', story: story('Hiến máu 20 lần.'),
    } });
    expect(r.statusCode).toBe(404);
    const ok = await officer.request({ method: 'POST', url: '/api/examples', payload: {
      kind: 'typical_example', organisationId: school.id, subject: { kind: 'person', personId: teacherId, detail: 'Giáo viên Ngữ văn' },
      title: 'Cô giáo vùng cao dạy giỏi', story: story('Nhiều năm liền là giáo viên dạy giỏi cấp tỉnh.'),
    } });
    expect(ok.statusCode, ok.body).toBe(201);
    healthExample = await create(healthHead, {
      kind: 'typical_example', organisationId: health.id, subject: { kind: 'person', personId: nurseId }, title: 'Điều dưỡng tận tụy',
      story: story('Tận tụy chăm sóc bệnh nhân.'),
    });
    foreignExample = await create(foreigner, {
      kind: 'typical_example', organisationId: foreignUnit.id, subject: { kind: 'citizen', name: 'Người tỉnh khác' }, title: 'Gương tỉnh khác',
      story: story('Ở một tỉnh khác.'),
    });
  });

  it('refuses bad input in the user\'s language and writes nothing', async () => {
    const before = await handle.db.selectFrom('examples').select('id').execute();
    const r = await officer.request({ method: 'POST', url: '/api/examples', headers: { 'accept-language': 'en' }, payload: {
      kind: 'hero', organisationId: education.id, subject: { kind: 'citizen', name: 'A' }, title: 'x', story: 'ngắn' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('validation');
    expect(await handle.db.selectFrom('examples').select('id').execute()).toHaveLength(before.length);
  });

  it('finds records by unaccented words, within the reader\'s subtree only', async () => {
    const found = await officer.request({ method: 'GET', url: '/api/examples?q=khong%20khoi%20thuoc' });
    expect(found.json().items.map((i: { id: string }) => i.id)).toEqual([schoolExample]);
    const all = (await officer.request({ method: 'GET', url: '/api/examples' })).json();
    expect(all.total).toBe(3);
    expect(JSON.stringify(all)).not.toContain('Điều dưỡng');
    const bySchool = (await officer.request({ method: 'GET', url: `/api/examples?unitId=${school.id}` })).json();
    expect(bySchool.total).toBe(2);
    expect((await officer.request({ method: 'GET', url: `/api/examples?unitId=${health.id}` })).statusCode).toBe(404);
    expect((await officer.request({ method: 'GET', url: `/api/examples/${healthExample}` })).statusCode).toBe(404);
    expect((await foreigner.request({ method: 'GET', url: `/api/examples/${schoolExample}` })).statusCode).toBe(404);
  });
});

describe('the four steps', () => {
  it('moves one step at a time; skipping a step is refused and changes nothing', async () => {
    const skip = await stage(officer, schoolExample, 'summarise');
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.code).toBe('example.stage_transition');
    expect(skip.json().error.message).toContain('Phát hiện → Bồi dưỡng → Tổng kết → Nhân rộng');
    expect((await stage(officer, schoolExample, 'nurture', 'Giao Đoàn trường theo dõi, hỗ trợ')).statusCode).toBe(204);
    expect((await stage(officer, schoolExample, 'summarise')).statusCode).toBe(204);
    expect((await stage(officer, schoolExample, 'discover')).statusCode).toBe(409);
  });

  it('one step back needs a reason', async () => {
    const bare = await stage(officer, schoolExample, 'nurture', '  ');
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.code).toBe('example.stage_note_required');
    expect((await stage(officer, schoolExample, 'nurture', 'Cần thêm một học kỳ để đánh giá')).statusCode).toBe(204);
    expect((await stage(officer, schoolExample, 'summarise')).statusCode).toBe(204);
    expect((await stage(officer, schoolExample, 'replicate')).statusCode).toBe(204);
    const detail = (await officer.request({ method: 'GET', url: `/api/examples/${schoolExample}` })).json();
    expect(detail.stage).toBe('replicate');
    expect(detail.history.map((h: { to: string }) => h.to)).toEqual(['discover', 'nurture', 'summarise', 'nurture', 'summarise', 'replicate']);
    expect(detail.history[3]).toMatchObject({ from: 'summarise', note: 'Cần thêm một học kỳ để đánh giá' });
    const audits = await handle.db.selectFrom('audit_log').select('action').where('entity_id', '=', schoolExample).execute();
    expect(audits.filter((a) => a.action === 'example.stage')).toHaveLength(5);
  });

  it('a council member reads but does not change a record; the other department cannot see it', async () => {
    expect((await councillor.request({ method: 'GET', url: `/api/examples/${schoolExample}` })).statusCode).toBe(200);
    expect((await stage(councillor, deedExample, 'nurture')).statusCode).toBe(403);
    expect((await stage(healthHead, deedExample, 'nurture')).statusCode).toBe(404);
  });
});

describe('photos', () => {
  it('takes a PNG or a JPEG by its bytes; refuses anything else (415), an empty or too large picture, and writes nothing', async () => {
    const png = await upload(officer, schoolExample, PNG, 'image/png');
    expect(png.statusCode, png.body).toBe(201);
    expect((await upload(officer, schoolExample, JPEG, 'image/jpeg', 'le-tuyen-duong.jpg')).statusCode).toBe(201);
    const before = await handle.db.selectFrom('example_photos').select('id').execute();
    const files = await handle.db.selectFrom('files').select('sha256').execute();

    const svg = await upload(officer, schoolExample, SVG, 'image/svg+xml', 'anh.svg');
    expect(svg.statusCode).toBe(415);
    expect(svg.json().error.code).toBe('file.not_image');
    expect(svg.json().error.message).toMatch(/^Chỉ nhận ảnh JPEG hoặc PNG/);
    const pdf = await upload(officer, schoolExample, PDF, 'application/pdf', 'to-trinh.pdf', 'en');
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error.message).toMatch(/^Only JPEG or PNG pictures are accepted/);
    // a PNG's bytes declared as a JPEG, and a PNG's header on an HTML page: both refused
    expect((await upload(officer, schoolExample, PNG, 'image/jpeg')).statusCode).toBe(415);
    expect((await upload(officer, schoolExample, Buffer.from('<html><body>PNG</body></html>'), 'image/png')).statusCode).toBe(415);
    expect((await upload(officer, schoolExample, Buffer.alloc(0), 'image/png')).statusCode).toBe(400);

    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024, 1)]);
    const tooLarge = await upload(officer, schoolExample, big, 'image/png');
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.message).toContain('5 MB');

    expect(await handle.db.selectFrom('example_photos').select('id').execute()).toHaveLength(before.length);
    expect(await handle.db.selectFrom('files').select('sha256').execute()).toHaveLength(files.length);
  });

  it('staff who reach the record see its photos; others get 404', async () => {
    const { photos } = (await officer.request({ method: 'GET', url: `/api/examples/${schoolExample}` })).json();
    expect(photos.map((p: { contentType: string; caption: string }) => [p.contentType, p.caption]))
      .toEqual([['image/png', 'Lễ tuyên dương'], ['image/jpeg', 'Lễ tuyên dương']]);
    const r = await councillor.request({ method: 'GET', url: `/api/examples/${schoolExample}/photos/${photos[0].id}` });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('image/png');
    expect(r.rawPayload.equals(PNG)).toBe(true);
    expect((await healthHead.request({ method: 'GET', url: `/api/examples/${schoolExample}/photos/${photos[0].id}` })).statusCode).toBe(404);
  });
});

describe('the public honour board', () => {
  it('only the standing agency or the unit\'s head publishes: the officer is refused, the head of another department cannot see it', async () => {
    expect((await officer.request({ method: 'POST', url: `/api/examples/${schoolExample}/publish` })).statusCode).toBe(403);
    expect((await healthHead.request({ method: 'POST', url: `/api/examples/${schoolExample}/publish` })).statusCode).toBe(404);
    expect((await board()).items).toEqual([]);
    expect((await head.request({ method: 'POST', url: `/api/examples/${schoolExample}/publish` })).statusCode).toBe(204);
    const again = await head.request({ method: 'POST', url: `/api/examples/${schoolExample}/publish` });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('example.already_published');
    clock.advanceMinutes(5);
    expect((await standing.request({ method: 'POST', url: `/api/examples/${deedExample}/publish` })).statusCode).toBe(204);
    clock.advanceMinutes(5);
    expect((await healthHead.request({ method: 'POST', url: `/api/examples/${healthExample}/publish` })).statusCode).toBe(204);
    clock.advanceMinutes(5);
    expect((await foreigner.request({ method: 'POST', url: `/api/examples/${foreignExample}/publish` })).statusCode).toBe(204);
  });

  it('shows published records only, newest first, without signing in; pages by a keyset', async () => {
    const all = await board();
    expect(all.unit).toBeNull();
    // the unpublished teacher's record is absent; the other province's published one is on the index page
    expect(all.items.map((i) => i.title)).toEqual(['Gương tỉnh khác', 'Điều dưỡng tận tụy', 'Nhặt được ví, trả lại người đánh rơi',
      'Mô hình "Trường học không khói thuốc"']);
    expect(all.items[3]!.coverPhotoId).not.toBeNull();
    const first = await board(`?unitId=${province.id}&limit=2`);
    expect(first.items.map((i) => i.title)).toEqual(['Điều dưỡng tận tụy', 'Nhặt được ví, trả lại người đánh rơi']);
    const second = await board(`?unitId=${province.id}&limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.title)).toEqual(['Mô hình "Trường học không khói thuốc"']);
    expect(second.nextCursor).toBeNull();
    expect((await publicGet('/api/public/honour-board?cursor=rac')).statusCode).toBe(400);
  });

  it('a unit\'s board shows its tenant\'s records only, for its whole subtree', async () => {
    const province = await board(`?unitId=${education.id}`);
    expect(province.unit).toEqual({ id: education.id, name: 'Sở Giáo dục và Đào tạo' });
    // the school under the department is included; the health department and the other province are not
    expect(province.items.map((i) => i.title).sort()).toEqual(['Mô hình "Trường học không khói thuốc"', 'Nhặt được ví, trả lại người đánh rơi']);
    expect((await board(`?unitId=${school.id}`)).items.map((i) => i.title)).toEqual(['Mô hình "Trường học không khói thuốc"']);
    expect((await board(`?unitId=${foreignUnit.id}`)).items.map((i) => i.title)).toEqual(['Gương tỉnh khác']);
    expect((await board(`?unitId=${education.id}&kind=good_deed`)).items).toHaveLength(1);
    expect((await publicGet(`/api/public/honour-board?unitId=${'0'.repeat(8)}-0000-7000-8000-000000000000`)).statusCode).toBe(404);
  });

  it('the story is stored and returned verbatim as JSON text: an HTML payload stays a string', async () => {
    const row = await handle.db.selectFrom('examples').select('story').where('id', '=', deedExample).executeTakeFirstOrThrow();
    expect(row.story).toBe(XSS);
    const r = await publicGet(`/api/public/honour-board/${deedExample}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.json().story).toBe(XSS);
    expect(r.json()).not.toHaveProperty('personId');
    const card = (await board(`?unitId=${education.id}&kind=good_deed`)).items[0]!;
    expect(card.excerpt).toContain('<script>window.__xss = 1</script>');
  });

  it('serves a published record\'s photos to anyone, sandboxed; nothing of an unpublished one', async () => {
    const { photos } = (await publicGet(`/api/public/honour-board/${schoolExample}`)).json();
    const photo = await publicGet(`/api/public/honour-board/${schoolExample}/photos/${photos[0].id}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.headers['content-security-policy']).toContain('sandbox');
    const teacher = (await officer.request({ method: 'GET', url: '/api/examples?q=co%20giao' })).json().items[0].id;
    expect((await publicGet(`/api/public/honour-board/${teacher}`)).statusCode).toBe(404);
  });

  it('unpublishing takes a record off the board, its page and its photos', async () => {
    const { photos } = (await publicGet(`/api/public/honour-board/${schoolExample}`)).json();
    expect((await officer.request({ method: 'POST', url: `/api/examples/${schoolExample}/unpublish` })).statusCode).toBe(403);
    expect((await head.request({ method: 'POST', url: `/api/examples/${schoolExample}/unpublish` })).statusCode).toBe(204);
    expect((await head.request({ method: 'POST', url: `/api/examples/${schoolExample}/unpublish` })).statusCode).toBe(409);
    expect((await board(`?unitId=${education.id}`)).items.map((i) => i.id)).toEqual([deedExample]);
    expect((await publicGet(`/api/public/honour-board/${schoolExample}`)).statusCode).toBe(404);
    expect((await publicGet(`/api/public/honour-board/${schoolExample}/photos/${photos[0].id}`)).statusCode).toBe(404);
  });

  it('the board page may be framed by a unit\'s portal; the rest of the app may not', async () => {
    const framed = await app.inject({ method: 'GET', url: `/guong-dien-hinh?don-vi=${education.id}&nhung=1` });
    expect(framed.headers['x-frame-options']).toBeUndefined();
    expect(framed.headers['content-security-policy']).toContain('frame-ancestors *');
    const other = await app.inject({ method: 'GET', url: '/dang-nhap' });
    expect(other.headers['x-frame-options']).toBe('DENY');
    expect(other.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

describe('two officers editing the same record', () => {
  it('the one who saves from an older version is refused with 409 edit.stale and changes nothing; a stage step moves the version on too', async () => {
    const id = await create(officer, {
      kind: 'good_deed', organisationId: education.id, subject: { kind: 'citizen', name: 'Hà Thị Mai', detail: 'Tổ 3, phường Trần Phú' },
      title: 'Cứu người đuối nước', story: story('Chị Mai lao xuống sông cứu một em nhỏ bị đuối nước.'),
    });
    const shown = async () => (await officer.request({ method: 'GET', url: `/api/examples/${id}` })).json().version as number;
    const titles = ['Cứu em nhỏ đuối nước', 'Cứu người đuối nước trên sông Trà Khúc', 'Dũng cảm cứu người'];
    await expectVersionedEdit({
      as: officer, version: shown,
      edit: (attempt) => ({ method: 'PATCH', url: `/api/examples/${id}`, payload: { title: titles[attempt - 1] } }),
      row: () => handle.db.selectFrom('examples').select(['title', 'version']).where('id', '=', id).executeTakeFirstOrThrow(),
    });
    const before = await shown();
    expect((await officer.request({ method: 'POST', url: `/api/examples/${id}/stage`, payload: { stage: 'nurture' } })).statusCode).toBe(204);
    const stale = await officer.request({ method: 'PATCH', url: `/api/examples/${id}`, payload: { title: 'Sửa từ bản cũ', version: before } });
    expect(stale.statusCode).toBe(409);
  });
});
